"""Typing into a widget the way a user does: focus it, select what is there, type, Enter."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    for char in text:
        if char.isascii():
            qtbot.keyClick(box, char)
        else:  # QTest's key clicks take ASCII only: the key event a keyboard layout sends
            for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
                QTest.sendKeyEvent(action, box, Qt.Key.Key_unknown, char,
                                   Qt.KeyboardModifier.NoModifier)
    qtbot.keyClick(box, Qt.Key.Key_Return)
