<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>The language of menus, panels, labs and messages</source>
        <translation>메뉴, 패널, 실습과 메시지의 언어</translation>
    </message>
</context>
</TS>
