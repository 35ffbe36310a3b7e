"""Del and Backspace, Ctrl+A, Ctrl+C and Ctrl+V act on the canvas only while it (or the node
palette) has the focus: Backspace in a combo box or the Predictions table deleted the selected
node, out of sight; Ctrl+V there pasted nodes; Ctrl+C in the table copied nodes, not the cell.
Their Edit menu items (and the toolbar's Delete) work from anywhere."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from gui.i18n import set_language

CTRL = Qt.KeyboardModifier.ControlModifier


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
def test_keys_elsewhere_leave_the_selected_node_alone(qtbot, window, canvas, key):
    window.files.open_example("xor_learned")
    for widget in (window.predictions_panel.findChild(QTableWidget),
                   window.training.settings_panel.optimizer_combo,
                   window.data_picker.data_combo):
        canvas.click_node("1")
        focus(qtbot, widget)
        qtbot.keyClick(widget, key)
        assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"], widget
    assert window.doc.undo_stack.count() == 0


def test_on_the_canvas_the_palette_and_from_the_menu_they_delete(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert [n.id for n in window.doc.spec.nodes] == ["0", "2"]
    button = window.palette.buttons["hidden"]
    focus(qtbot, button)
    qtbot.keyClick(button, Qt.Key.Key_Space)  # adds hidden 3, selected
    assert [n.id for n in window.doc.spec.nodes] == ["0", "2", "3"]
    qtbot.keyClick(button, Qt.Key.Key_Delete)  # and takes it away again
    assert [n.id for n in window.doc.spec.nodes] == ["0", "2"]
    canvas.click_node("2")
    focus(qtbot, window.training.settings_panel.optimizer_combo)
    window.delete_action.trigger()  # Edit ▸ Delete
    assert [n.id for n in window.doc.spec.nodes] == ["0"]


def test_copy_paste_and_select_all_in_a_table_or_combo_box_are_theirs(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)  # a node on the clipboard
    assert window.statusBar().currentMessage() == "Copied 1 node."
    window.statusBar().clearMessage()
    combo = window.training.settings_panel.optimizer_combo
    focus(qtbot, combo)
    qtbot.keyClick(combo, Qt.Key.Key_V, CTRL)
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    table = window.predictions_panel.findChild(QTableWidget)
    table.setCurrentCell(0, 0)
    focus(qtbot, table)
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL)
    assert window.scene.selected_node_ids() == ["1"]
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    assert window.statusBar().currentMessage() == ""  # no "Copied 1 node."
    window.paste_action.trigger()  # Edit ▸ Paste: from anywhere
    assert len(window.doc.spec.nodes) == 4


def test_copying_says_its_count_in_singular_or_plural(qtbot, window, canvas, korean):
    """"Copied 1 node(s).": one node is singular, more are plural (Korean has one form)."""
    window.files.open_example("xor_learned")
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
    assert window.statusBar().currentMessage() == "노드 3개를 복사했습니다."
    set_language("en")
    canvas.click_node("1")
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
    assert window.statusBar().currentMessage() == "Copied 1 node."
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_C, CTRL)
    assert window.statusBar().currentMessage() == "Copied 3 nodes."
