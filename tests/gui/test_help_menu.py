"""The Help menu: Keyboard Shortcuts lists every key from the window's live actions (and the
keys handled elsewhere), About NetCanvas names the version, licence, book and libraries, and
the help says how to build with the keyboard. The walkthrough found only "How to Build a
Network": the keys were in menus and tooltips alone, and no version or book credit anywhere."""

from importlib import metadata

import PySide6
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

from gui.i18n import set_language
from gui.widgets import plain_label as plain

CTRL = Qt.KeyboardModifier.ControlModifier
NATIVE = QKeySequence.SequenceFormat.NativeText
#: the keyboard's own Undo and Redo keys, alternates of Undo and Redo, not listed
SPECIAL_KEYS = (QKeySequence(Qt.Key.Key_Undo), QKeySequence(Qt.Key.Key_Redo))


def menu_shortcuts(menu: QMenu, path: str = "") -> list[tuple[str, str, str]]:
    """(menu path, label, each key) of every visible action with a shortcut under ``menu``."""
    path = f"{path} ▸ {plain(menu.title())}" if path else plain(menu.title())
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            found += menu_shortcuts(action.menu(), path)
        for key in action.shortcuts():
            if key.toString(NATIVE) and key not in SPECIAL_KEYS:
                found.append((path, plain(action.text()), key.toString(NATIVE)))
    return found


def every_menu_shortcut(window) -> list[tuple[str, str, str]]:
    return [row for a in window.menuBar().actions() if a.menu() is not None
            for row in menu_shortcuts(a.menu())]


def open_shortcuts(qtbot, window):
    """Ctrl+/ on the canvas, as a student presses it."""
    from gui.help_shortcuts import ShortcutsDialog

    qtbot.keyClick(window.view, Qt.Key.Key_Slash, CTRL)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def listed(dialog) -> dict[tuple[str, str], list[str]]:
    """(group, command) → the keys the list shows."""
    return {(group, what): keys.split(", ") for group, what, keys in dialog.rows()}


def test_help_is_the_last_menu_with_shortcuts_and_about(window):
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions()] == [
        "How to &Build a Network", "&Keyboard Shortcuts", "&About NetCanvas"]
    assert window.shortcuts_action.shortcut().toString() == "Ctrl+/"


def test_every_menu_shortcut_is_listed_with_its_key(qtbot, window):
    dialog = open_shortcuts(qtbot, window)
    rows = listed(dialog)
    expected = every_menu_shortcut(window)
    assert len(expected) > 20  # File, Edit, View, Training and Help all have keys
    for path, label, key in expected:
        assert key in rows.get((path, label), []), (path, label, key, rows)
    assert rows[("Training", "Train")] == ["F5"]
    assert rows[("Training", "Stop")] == ["Shift+F5"]
    assert rows[("Edit", "Connect Selected Nodes")] == ["Ctrl+K"]
    assert rows[("View", "Explain")] == ["Ctrl+E"]
    assert rows[("Edit", "Delete")] == ["Del", "Backspace"]
    # the keys that are not menu commands, from where they are handled
    assert rows[("Canvas", "Select the next node")] == ["Tab"]
    assert rows[("Canvas", "Add the next node to the selection")] == ["Ctrl+Tab"]
    assert rows[("Canvas", "Move the view (pan)")] == ["Middle-drag", "Space+drag"]
    assert rows[("Explain", "Next → (not in tables or text boxes)")] == ["Right"]
    assert rows[("Explain", "First (not in tables or text boxes)")] == ["Home"]
    assert rows[("Timeline", "Move the slider through the epochs (when it has the focus)")] \
        == ["Left", "Right", "Home", "End", "PgUp", "PgDown"]


def test_undo_lists_its_key_combinations_not_the_lone_undo_key(qtbot, window):
    """Undo's shortcuts on Linux include the keyboard's Undo key: it was listed as "Ctrl+Z,
    Alt+Backspace, Undo" (in Korean "…, 실행 취소"). The combinations stay, the primary
    first; a lone special key does not."""
    window.undo_action.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence("Alt+Backspace"),
                                     QKeySequence(Qt.Key.Key_Undo)])  # X11's, as Qt gives them
    window.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"),
                                     QKeySequence(Qt.Key.Key_Redo)])
    rows = listed(open_shortcuts(qtbot, window))
    assert rows[("Edit", "Undo")] == ["Ctrl+Z", "Alt+Backspace"]
    assert rows[("Edit", "Redo")] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert rows[("Edit", "Delete")] == ["Del", "Backspace"]  # lone ordinary keys stay
    assert rows[("Training", "Train")] == ["F5"]


def test_a_changed_shortcut_changes_the_list(qtbot, window):
    window.training.actions["train"].setShortcut(QKeySequence("F9"))
    window.canvas_keys.connect_action.setShortcut(QKeySequence("Ctrl+J"))
    rows = listed(open_shortcuts(qtbot, window))
    assert rows[("Training", "Train")] == ["F9"]
    assert rows[("Edit", "Connect Selected Nodes")] == ["Ctrl+J"]
    assert not any(key == "F5" for keys in rows.values() for key in keys)


def test_the_filter_keeps_the_matching_rows(qtbot, window):
    dialog = open_shortcuts(qtbot, window)
    qtbot.keyClicks(dialog.filter_edit, "ctrl+k")
    assert dialog.rows() == [("Edit", "Connect Selected Nodes", "Ctrl+K")]
    dialog.filter_edit.clear()
    qtbot.keyClicks(dialog.filter_edit, "training")  # a group's name keeps all of it
    assert [what for _group, what, _keys in dialog.rows()] == [
        "Train", "Pause", "Resume", "Stop", "Step", "Reset Weights"]
    dialog.filter_edit.clear()
    assert len(dialog.rows()) > 30


def test_the_list_follows_the_language(qtbot, window):
    dialog = open_shortcuts(qtbot, window)
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "단축키")
        rows = listed(dialog)
        assert rows[("학습", "학습 시작")] == ["F5"]
        assert rows[("편집", "선택한 노드 연결")] == ["Ctrl+K"]
        assert rows[("캔버스", "다음 노드를 선택")] == ["Tab"]
        assert rows[("단계별 설명", "다음 → (표나 입력란에 포커스가 있을 때는 제외)")] == [
            "오른쪽"]  # Qt's own Korean key names
        assert not any("실행 취소" in keys for keys in rows.values())  # the Undo key's name
        assert rows[("도움말", "단축키")] == ["Ctrl+/"]
        assert dialog.filter_edit.placeholderText() == "찾기: 명령이나 키를 입력하세요"
        for path, label, key in every_menu_shortcut(window):
            assert key in rows.get((path, label), []), (path, label, key)
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Keyboard Shortcuts")
    assert listed(dialog)[("Training", "Train")] == ["F5"]


def test_no_two_commands_share_a_key(window):
    """Every key of the window's actions and shortcuts does one thing (Qt would do neither
    and call the key ambiguous)."""
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if key.toString():
                owners.setdefault(key.toString(), []).append(plain(action.text()))
    for shortcut in window.findChildren(QShortcut):
        owners.setdefault(shortcut.key().toString(), []).append(repr(shortcut))
    assert len(owners) > 30
    assert {key: names for key, names in owners.items() if len(names) > 1} == {}


def test_about_shows_the_version_licence_book_and_libraries(qtbot, window):
    window.about_action.trigger()
    from gui.about import AboutDialog

    dialog = window.findChild(AboutDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "About NetCanvas"
    text = dialog.text.text()
    version = metadata.version("netcanvas")
    assert f"NetCanvas {version}" in text and f"Version: {version}" in text
    assert "Licence: MIT" in text  # pyproject.toml: license = { text = "MIT" }
    assert "Deep Learning from Scratch" in text and "Saito Koki" in text
    assert "밑바닥부터 시작하는 딥러닝" in text
    assert f"PySide6 {PySide6.__version__}" in text
    import numpy
    import pyqtgraph
    assert f"NumPy {numpy.__version__}" in text and f"pyqtgraph {pyqtgraph.__version__}" in text
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: dialog.windowTitle() == "NetCanvas 정보")
        text = dialog.text.text()
        assert f"버전: {version}" in text and "라이선스: MIT" in text
        assert "사이토 고키" in text and "『밑바닥부터 시작하는 딥러닝』" in text
    finally:
        set_language("en")


@pytest.mark.parametrize("code", ["en", "ko"])
def test_the_help_says_how_to_build_with_the_keyboard(qtbot, window, dialogs, code):
    try:
        set_language(code)
        QApplication.processEvents()
        qtbot.keyClick(window.view, Qt.Key.Key_F1)
        _kind, _title, text = dialogs.of("information")[0]
        if code == "en":
            assert ("<b>Tab</b> selects the next node and <b>Ctrl+Tab</b> adds it" in text)
            assert "<b>Connect Selected Nodes</b> (Ctrl+K) in the <b>Edit</b> menu" in text
            assert "<b>Delete</b> (Del) removes" in text
            assert "<b>Keyboard Shortcuts</b> (Ctrl+/) lists every key" in text
            assert ("<b>Type Values</b> (F2) types the biases of the selected node and the "
                    "weights coming into it, or the weights of the selected connection (Tab: the "
                    "next value)." in text)
            assert "<b>]</b> and <b>[</b> select the next and previous connection" in text
            assert "The arrow keys move the selected nodes" in text
        else:
            assert "<h3>키보드로 만들기</h3>" in text
            assert "<b>편집</b> 메뉴의 <b>선택한 노드 연결</b>(Ctrl+K)" in text
            assert "<b>삭제</b>(Del)" in text and "<b>단축키</b>(Ctrl+/)" in text
            assert "<b>값 입력</b>(F2)" in text
            assert "화살표 키는 선택한 노드를 옮깁니다" in text
    finally:
        set_language("en")
