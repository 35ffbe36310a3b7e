"""Esc on the canvas selects nothing: Tab selects one node, Ctrl+Tab adds one, but a keyboard
user had no way back to no selection (only a click on an empty spot). Esc still cancels the
typing of a value first, keeping the node selected, in English and in Korean."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.i18n import set_language


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


@pytest.mark.parametrize("code", ["en", "ko"])
def test_esc_cancels_the_typing_then_clears_the_selection(qtbot, window, code):
    try:
        set_language(code)
        assert window.files.open_example("xor_learned")
        window.activateWindow()
        window.view.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
        press(qtbot, window, Qt.Key.Key_Tab)  # input 0
        press(qtbot, window, Qt.Key.Key_Tab)  # hidden 1
        press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # + output
        chosen = window.scene.selected_node_ids()
        assert len(chosen) == 2
        press(qtbot, window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # hidden 1
        press(qtbot, window, Qt.Key.Key_F2)  # typing its first bias
        assert window.scene.editor is not None
        press(qtbot, window, Qt.Key.Key_Escape)  # the typing is cancelled …
        qtbot.waitUntil(lambda: window.scene.editor is None)
        assert window.scene.selected_node_ids() == [chosen[0]]  # … the node stays selected
        assert QApplication.focusWidget() is window.view  # the focus is back on the canvas
        press(qtbot, window, Qt.Key.Key_Escape)  # … and the next Esc selects nothing
        assert window.scene.selected_node_ids() == [] and window.scene.selected_edge_ids() == []
        press(qtbot, window, Qt.Key.Key_Tab)  # Tab still selects a node after it
        assert len(window.scene.selected_node_ids()) == 1
        assert window.doc.undo_stack.count() == 0  # selecting is no edit
    finally:
        set_language("en")
