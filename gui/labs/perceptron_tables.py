"""The perceptron lab's read-only tables (truth table, two-layer answers, weights): made,
labelled and filled — a wrong answer's row in bold red."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableWidget

from gui import theme
from gui.table_fit import cell, fit_height


def read_only_table(rows: int, columns: int) -> QTableWidget:
    """A read-only table; its header labels are set in the lab's ``retranslate``."""
    table = QTableWidget(rows, columns)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setMinimumSectionSize(30)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def set_headers(table: QTableWidget, headers: list[str]) -> None:
    """Label the columns and fit the table's height to its rows and (maybe two-line) header."""
    table.setHorizontalHeaderLabels(headers)
    fit_height(table, resize_rows=False)


def fill(table: QTableWidget, rows: list[list[object]], marked: set[int] = frozenset()) -> None:
    """Read-only cells; the rows in ``marked`` (wrong answers) bold and red."""
    bold = QFont()
    bold.setBold(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = cell(str(value))
            if r in marked:
                item.setFont(bold)
                item.setForeground(QBrush(QColor(theme.PROBLEM)))
            table.setItem(r, c, item)
