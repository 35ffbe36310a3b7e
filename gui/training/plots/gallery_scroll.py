"""The gallery's scrolling: its scroll bar (a step is a row of tiles), the wheel, and the keys
that go past the tiles shown (:attr:`~gui.training.plots.tiles.TileGrid.stepped_out`).

Page Up and Page Down stop on the first and the last image, as desktop lists do: Page Down
used to stop on the last row's tile in the chosen column, and never reached the last image.
The arrow keys past the first or last image do nothing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QScrollBar

from gui.training.plots.tiles import TileGrid


class GalleryScroll(QObject):
    """Scrolls ``grid`` over the images in ``order()``; ``select(row)`` chooses an evaluation
    row, ``redraw()`` shows the tiles again (each called only while there is something to
    show: ``shown()``)."""

    def __init__(self, grid: TileGrid, order: Callable[[], np.ndarray],
                 select: Callable[[int], None], redraw: Callable[[], None],
                 shown: Callable[[], bool]) -> None:
        super().__init__(grid)
        self.grid = grid
        self._order, self._select, self._redraw, self._shown = order, select, redraw, shown
        # a row of tiles per step: the wrong images beyond the first screenful, and the rest
        self.bar = QScrollBar(Qt.Orientation.Vertical)
        self.bar.setRange(0, 0)
        self.bar.valueChanged.connect(self._scrolled)
        self._wheel = 0  # wheel angle not yet turned into rows
        grid.stepped_out.connect(self._stepped_out)
        grid.wheeled.connect(self._wheeled)
        grid.resized.connect(self._grid_resized)

    def fit(self) -> int:
        """Fit the scroll bar to the tiles and return the index in ``order()`` of the first
        tile shown."""
        columns, capacity = self.grid.columns(), max(self.grid.capacity(), 1)
        rows = math.ceil(len(self._order()) / columns)
        self.bar.blockSignals(True)
        self.bar.setRange(0, max(rows - capacity // columns, 0))
        self.bar.setPageStep(max(capacity // columns, 1))
        self.bar.blockSignals(False)
        self.bar.setEnabled(self.bar.maximum() > 0)  # always there: no relayout per frame
        return self.bar.value() * columns

    def first_shown(self) -> int:
        """The index in ``order()`` of the first tile shown."""
        return self.bar.value() * self.grid.columns()

    def to_top(self) -> None:
        self.bar.setValue(0)

    def clear(self) -> None:
        self.bar.setValue(0)
        self.bar.setRange(0, 0)
        self.bar.setEnabled(False)

    @Slot(int, bool)
    def _stepped_out(self, k: int, paged: bool) -> None:
        """A key went past the tiles shown, to the ``k``-th from the first: scroll to it (a
        page past the first or last image: to that image)."""
        target, count = self.first_shown() + k, len(self._order())
        if paged and count:
            target = min(max(target, 0), count - 1)
        if 0 <= target < count:
            cols = self.grid.columns()
            row, rows = target // cols, max(self.grid.capacity() // cols, 1)
            self.bar.setValue(row if k < 0 else row - rows + 1)
            self._select(int(self._order()[target]))

    @Slot(int)
    def _scrolled(self, _value: int) -> None:
        if self._shown():
            self._redraw()

    @Slot(QWheelEvent)
    def _wheeled(self, event: QWheelEvent) -> None:
        """A row of tiles per notch of the wheel (a touchpad's small steps add up)."""
        self._wheel += event.angleDelta().y()
        rows = int(self._wheel / 120)
        self._wheel -= rows * 120
        self.bar.setValue(self.bar.value() - rows)

    @Slot()
    def _grid_resized(self) -> None:
        """The tiles that fit are counted on the grid's own size: a gallery shown with its
        first frame was drawn before its layout gave the grid its height (18 tiles where 27
        fit, until the panel was resized)."""
        if self._shown():
            self._redraw()
