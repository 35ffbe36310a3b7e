"""Explain's ← → Home End step window-wide (the canvas focused too), but a focused table keeps
them: with the Predictions table focused, Right stepped Explain and the table's current cell
stayed put."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.training_support import open_example


def explained(qtbot, window):
    open_example(window, "xor_learned")
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.next_button.isEnabled())
    return panel


def focus(qtbot, widget) -> None:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_a_focused_table_keeps_the_arrow_keys_and_the_canvas_steps(qtbot, window):
    panel = explained(qtbot, window)
    window.docks["Predictions"].raise_()
    table = window.predictions_panel.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 0)
    table.setCurrentCell(0, 0)
    focus(qtbot, table)
    step = panel.index
    for column in (1, 2):
        qtbot.keyClick(table, Qt.Key.Key_Right)
        assert table.currentColumn() == column  # the table's cell moved …
        assert panel.index == step  # … and Explain did not step
    qtbot.keyClick(table, Qt.Key.Key_Home)
    assert table.currentColumn() == 0 and panel.index == step
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert table.currentColumn() == table.columnCount() - 1 and panel.index == step

    focus(qtbot, window.view)  # the canvas: the keys step Explain
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert panel.index == step + 1
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    assert panel.index == len(panel.explanation.steps) - 1
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    assert panel.index == 0


def test_the_explain_check_table_keeps_them_too(qtbot, window):
    """The check's own table, inside the Explain panel, moves its cell as well."""
    panel = explained(qtbot, window)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    table = panel.check_table.table
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 0)
    table.setCurrentCell(0, 0)
    focus(qtbot, table)
    step = panel.index
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentColumn() == 1 and panel.index == step



def test_a_focused_combo_box_keeps_home_and_end_and_the_arrows_still_step(qtbot, window):
    """End in a combo box of the main window stepped Explain to its last step and the box
    stayed put (the Weights panel's edge box here; Optimizer and Data set alike)."""
    panel = explained(qtbot, window)
    ui = window.training
    ui.docks["Weights"].raise_()
    combo = ui.hosts["Weights"].panel.edge_combo
    qtbot.waitUntil(lambda: combo.isVisible() and combo.count() > 1)
    combo.setCurrentIndex(0)
    focus(qtbot, combo)
    step = panel.index
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentIndex() == combo.count() - 1  # the box chose its last item …
    assert panel.index == step  # … and Explain did not step
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert combo.currentIndex() == 0 and panel.index == step
    qtbot.keyClick(combo, Qt.Key.Key_Right)  # → is no combo box key: Explain steps
    assert panel.index == step + 1 and combo.currentIndex() == 0
