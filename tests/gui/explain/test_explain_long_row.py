"""A row wider than the Inputs box (the digits' 64 pixels, MNIST's 784) is shown from its first
value: the box showed the row's last values, its left edge cutting a number in two ("7647, 0,
0.0392157, …" for a row starting "0, 0, 0, 0, 0.145098")."""

from PySide6.QtCore import Qt

from tests.gui.training_support import open_example


def shown_from_the_start(edit) -> bool:
    """The text is scrolled to its start: the cursor, at position 0, sits at the box's left."""
    return edit.cursorPosition() == 0 and edit.cursorRect().left() < edit.width() // 4


def test_a_long_row_is_shown_from_its_first_value(qtbot, window):
    open_example(window, "digits_mlp")
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    edit = panel.inputs_edit
    row = ", ".join(f"{v:g}" for v in window.data.dataset.features(0))
    assert edit.text() == row
    assert edit.fontMetrics().horizontalAdvance(row) > edit.width()  # wider than the box
    assert shown_from_the_start(edit)
    panel.row_spin.setFocus()
    qtbot.keyClick(panel.row_spin, Qt.Key.Key_Up)  # the next row: from its start as well
    qtbot.waitUntil(lambda: panel.explanation.sample == 1)
    assert edit.text() == ", ".join(f"{v:g}" for v in window.data.dataset.features(1))
    assert shown_from_the_start(edit)
