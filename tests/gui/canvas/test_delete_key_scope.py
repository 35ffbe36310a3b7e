"""Del and Backspace delete what is selected on the canvas only while the canvas has the focus:
Backspace in a combo box, the Predictions table or on a palette button deleted the selected
node, out of sight. Edit ▸ Delete and the toolbar's Delete work from anywhere."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget


def focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
def test_keys_elsewhere_leave_the_selected_node_alone(qtbot, window, canvas, key):
    window.files.open_example("xor_learned")
    for widget in (window.predictions_panel.findChild(QTableWidget),
                   window.training.settings_panel.optimizer_combo,
                   window.data_picker.data_combo, window.palette.buttons["input"]):
        canvas.click_node("1")
        focus(qtbot, widget)
        qtbot.keyClick(widget, key)
        assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"], widget
    assert window.doc.undo_stack.count() == 0


def test_on_the_canvas_and_from_the_menu_they_delete(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    focus(qtbot, window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    assert [n.id for n in window.doc.spec.nodes] == ["0", "2"]
    canvas.click_node("2")
    focus(qtbot, window.training.settings_panel.optimizer_combo)
    window.delete_action.trigger()  # Edit ▸ Delete
    assert [n.id for n in window.doc.spec.nodes] == ["0"]
