"""Tab passes a lab's tables, as the main window's (the README says so of both): the
perceptron's truth tables, the activations' values and the gradient check took Tab cell by
cell (so would the regularization runs and the search's trials, once filled); arrows still
move in them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget

from gui.labs import LABS


@pytest.mark.parametrize("key", [info.key for info in LABS])
def test_tab_leaves_each_table_of_the_lab(qtbot, open_lab, key):
    lab = open_lab(key)
    tables = [t for t in lab.findChildren(QTableWidget) if t.isVisible()]
    for table in tables:
        lab.activateWindow()
        table.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda table=table: QApplication.focusWidget() is table)
        if table.rowCount() and table.columnCount() > 1:
            table.setCurrentCell(0, 0)
            qtbot.keyClick(table, Qt.Key.Key_Right)  # the arrows move in it …
            assert table.currentColumn() == 1, table.accessibleName()
        qtbot.keyClick(table, Qt.Key.Key_Tab)  # … Tab goes on to the next widget
        assert QApplication.focusWidget() is not table, table.accessibleName()
