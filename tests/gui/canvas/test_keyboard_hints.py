"""What Tab says of the node it selects: the keys that work on it. It named Tab, Ctrl+Tab and
Ctrl+K only, so nothing told a keyboard user that the arrow keys move the node (Alt+arrows
while Explain's ← → step), that ] goes through its connections or that F2 types its values."""

from PySide6.QtCore import Qt

from gui.i18n import set_language
from tests.gui.canvas.test_keyboard_building import press, status
from tests.gui.canvas.test_keyboard_move import on_canvas

CTRL = Qt.KeyboardModifier.ControlModifier


def test_tab_says_the_keys_of_the_selected_node(qtbot, window):
    assert window.files.open_example("xor_learned")  # input 0 → hidden 1 → output 2
    on_canvas(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == ["0"]
    assert status(window) == ("Selected input 0. Tab: the next node · Ctrl+Tab: add the next · "
                              "arrow keys: move · ]: its connections · Ctrl+K: connect two")
    press(qtbot, window, Qt.Key.Key_Tab)  # a node with values to type
    assert status(window) == ("Selected hidden 1. Tab: the next node · Ctrl+Tab: add the next "
                              "· arrow keys: move · ]: its connections · F2: type values · "
                              "Ctrl+K: connect two")
    press(qtbot, window, Qt.Key.Key_Right)  # what it said works
    assert status(window).startswith("Moved hidden 1 right")
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert status(window).startswith("Selected the connection input 0 → hidden 1 (1 of 2). ")

    press(qtbot, window, Qt.Key.Key_E, CTRL)  # Explain a row: ← → step it
    qtbot.waitUntil(lambda: window.explain.explanation is not None)
    on_canvas(qtbot, window)
    window.scene.clearSelection()
    press(qtbot, window, Qt.Key.Key_Tab)
    assert "· Alt+arrow keys: move ·" in status(window)
    assert "· arrow keys" not in status(window)


def test_the_keys_are_said_in_korean(qtbot, window):
    assert window.files.open_example("xor_learned")
    set_language("ko")
    try:
        on_canvas(qtbot, window)
        press(qtbot, window, Qt.Key.Key_Tab)
        press(qtbot, window, Qt.Key.Key_Tab)
        said = status(window)
    finally:
        set_language("en")
    assert said.startswith("은닉 1을(를) 선택했습니다. Tab: 다음 노드 · ")
    assert "화살표 키: 옮기기" in said and "]: 이 노드의 연결" in said
    assert "F2: 값 입력" in said and said.endswith("Ctrl+K: 두 노드 연결")
    # short enough for the status bar of a 1280-pixel-wide window (and a screen reader)
    assert window.statusBar().fontMetrics().horizontalAdvance(said) < 1100
