"""How a training panel fits a small window (a projector at 150 %, a 1280 × 720 screen at 150 %,
a 2× laptop screen): its note takes a row of its own when beside the tool buttons it would be
too narrow to read (:class:`NoteRow`), and its plots go into one row when the plot area is too
short for their rows (:class:`OneRow`)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QWidget

NOTE_CHARACTERS = 24  # the narrowest a note beside the tool buttons may be
#: the least height of a plot's curves, in lines of the text of its axes: two rows of plots
#: shorter than that go into one row (:class:`OneRow`)
READABLE_LINES = 1.5
#: a plot that moves: its (row, column, column span) in rows and its (row, column) in one row
Mover = tuple[pg.PlotItem, tuple[int, int, int], tuple[int, int]]


class NoteRow:
    """A panel's note beside its tools, or on a row of its own above them when beside them it
    would be narrower than :data:`NOTE_CHARACTERS` characters: in a narrow Loss panel the
    legend had a few pixels and showed only its colour marks."""

    def __init__(self, panel: QWidget, box: QWidget, tools: QBoxLayout,
                 outer: QBoxLayout) -> None:
        self.panel, self.box, self.tools, self.outer = panel, box, tools, outer
        self._at = -1  # where the note sits among the tools when above them; -1: beside them

    @property
    def beside(self) -> bool:
        return self._at < 0

    def place(self) -> None:
        """Beside or above the tools, for the panel's width now."""
        box, tools = self.box, self.tools
        others = [tools.itemAt(k) for k in range(tools.count())
                  if tools.itemAt(k).widget() is not box]
        buttons = sum(item.sizeHint().width() for item in others if not item.isEmpty())
        spare = self.panel.width() - buttons - tools.spacing() * len(others) - 8
        beside = spare >= self.panel.fontMetrics().averageCharWidth() * NOTE_CHARACTERS
        if beside == self.beside:
            return
        if beside:
            self.outer.removeWidget(box)
            tools.insertWidget(self._at, box, 1)
            self._at = -1
        else:
            self._at = tools.indexOf(box)
            tools.removeWidget(box)
            self.outer.insertWidget(0, box)


class OneRow:
    """Moves plots into one row when the plot area is too short for their rows and wide
    enough for them side by side, and back when there is room: in a short window the lower
    plots' axes and labels were cut off at the panel's bottom. Too short means too short for
    their titles and axes and, between them, :data:`READABLE_LINES` lines of the axes' numbers
    in each plot: with a 16 pt system font at 1280 × 720 the Loss and Accuracy plots kept two
    rows whose curves had 21 pixels each, less than one line of their own numbers. ``shape``:
    (rows, their columns, the columns of one row)."""

    def __init__(self, owner: QWidget, graphics: pg.GraphicsLayoutWidget, movers: list[Mover],
                 shape: tuple[int, int, int]) -> None:
        self.owner, self.graphics, self.movers, self.shape = owner, graphics, movers, shape
        self.in_one_row = False
        self._row_h = 0.0  # the least height of a row of plots, as last laid out in rows
        graphics.ci.geometryChanged.connect(  # the plot area resized (after its layout)
            lambda: QTimer.singleShot(0, owner, self.arrange))

    def arrange(self) -> None:
        rows, cols, cols_in_row = self.shape
        least = self.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize)  # as laid out now
        now_rows, now_cols = (1, cols_in_row) if self.in_one_row else (rows, cols)
        plot_h, plot_w = least.height() / now_rows, least.width() / now_cols
        if not self.in_one_row:  # a plot in one row needs more (its own x axis): not a row's
            self._row_h = plot_h
        area = self.graphics.viewport().size()
        curves_h = READABLE_LINES * QFontMetrics(self.graphics.font()).height()
        short = area.height() < rows * ((self._row_h or plot_h) + curves_h) + 1
        wide = area.width() >= cols_in_row * plot_w + 1
        one_row = short and (wide or self.in_one_row)  # (in one row it is as wide as it needs)
        if one_row == self.in_one_row:
            return
        layout = self.graphics.ci
        for plot, (row, col, span), (row1, col1) in self.movers:
            layout.removeItem(plot)
            if one_row:
                layout.addItem(plot, row=row1, col=col1)
            else:
                layout.addItem(plot, row=row, col=col, colspan=span)
        self.in_one_row = one_row
        layout.setGeometry(self.graphics.range)  # the view's size again, not the old least
