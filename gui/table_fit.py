"""Small tables that show every row and every column whole, without scrolling: the labs'
number tables (a few rows of a few columns each) and the cells they are made of."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem


def cell(text: str = "", editable: bool = False) -> QTableWidgetItem:
    """A centred cell showing ``text``: read-only (not even selectable), or ``editable`` —
    selectable, and typed into by double-click, F2 or any key."""
    item = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable
                  if editable else flags)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def fit_height(table: QTableWidget, resize_rows: bool = True) -> None:
    """Make ``table`` exactly as tall as its header and all its rows, so it never scrolls up
    and down (call it again after its rows or its header's text change). ``resize_rows``:
    each row first as tall as its text needs, else the rows keep their heights."""
    if resize_rows:
        table.resizeRowsToContents()
    table.setFixedHeight(table.horizontalHeader().sizeHint().height()
                         + table.verticalHeader().length() + 2 * table.frameWidth())


def whole_width(table: QTableWidget) -> int:
    """The width that shows ``table``'s row labels and every column's header and cells
    whole."""
    header = table.horizontalHeader()
    needs = {c: max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
             for c in range(table.columnCount())}
    # Qt gives every stretched column the same width: each as wide as the widest one needs
    stretched = [need for c, need in needs.items()
                 if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
    columns = sum(needs.values()) - sum(stretched) + len(stretched) * max(stretched, default=0)
    rows = table.verticalHeader()
    labels = rows.sizeHint().width() if not rows.isHidden() else 0
    return labels + columns + 2 * table.frameWidth()


def fit_width(table: QTableWidget) -> None:
    """Keep ``table`` at least :func:`whole_width` wide, so a narrow window never cuts a
    column off or elides its numbers to "0…" (call it again after its cells or its header's
    text change)."""
    table.setMinimumWidth(whole_width(table))
