"""How a training panel fits a small window (a projector at 150 %, a 1280 × 720 screen at 150 %,
a 2× laptop screen): its note takes a row of its own when beside the tool buttons it would be
too narrow to read (:class:`NoteRow`), and its plots go into one row when the plot area is too
short for their rows (:class:`OneRow`)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QBoxLayout, QTabBar, QWidget

NOTE_CHARACTERS = 24  # the narrowest a note beside the tool buttons may be
#: the least height of a plot's curves, in lines of the text of its axes: two rows of plots
#: shorter than that go into one row (:class:`OneRow`)
READABLE_LINES = 1.5
#: a plot that moves: its (row, column, column span) in rows and its (row, column) in one row
Mover = tuple[pg.PlotItem, tuple[int, int, int], tuple[int, int]]
TITLE_HEIGHT = 30  # a plot title's height, as pyqtgraph's PlotItem.setTitle gives it
#: where a plot is in its panel's layout: (row, column, column span)
Place = tuple[int, int, int]


def readable_height(widget: QWidget) -> float:
    """The least height of a plot's curves in ``widget`` (:data:`READABLE_LINES` lines)."""
    return READABLE_LINES * QFontMetrics(widget.font()).height()


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
    (rows, their columns, the columns of one row).

    With ``pages`` (every plot of the panel, in the order of its tabs), plots that fit neither
    way are shown one at a time, chosen on :attr:`tabs` above them (:attr:`one_at_a_time`):
    with that font the Activations panel's three plots had curves of 11 pixels in two rows
    and were too wide for one."""

    def __init__(self, owner: QWidget, graphics: pg.GraphicsLayoutWidget, movers: list[Mover],
                 shape: tuple[int, int, int], pages: list[pg.PlotItem] | None = None) -> None:
        self.owner, self.graphics, self.movers, self.shape = owner, graphics, movers, shape
        self.pages = pages or []
        self.in_one_row = False
        self.one_at_a_time = False
        self._row_h = 0.0  # the least height of a row of plots, as last laid out in rows
        #: the plot area's least height for readable curves in rows ("rows") and in one row
        #: ("row"), as measured when they were too short
        self._need: dict[str, float] = {}
        self._plot_w = 0.0  # the least width of a plot, as last laid out in rows or one row
        #: which plot is shown while they are shown one at a time (hidden otherwise)
        self.tabs = QTabBar()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.setExpanding(False)
        self.tabs.setVisible(False)
        for _plot in self.pages:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._show_page)
        #: where each plot is in rows (as they were laid out when this was made)
        self.in_rows: dict[pg.PlotItem, Place] = {
            item: (min(r for r, _c in cells), min(c for _r, c in cells),
                   len({c for _r, c in cells}))
            for item, cells in graphics.ci.items.items() if isinstance(item, pg.PlotItem)}
        #: the rows' stretch factors (a row emptied by a move forgets its own)
        self._stretch = [graphics.ci.layout.rowStretchFactor(row) for row in range(shape[0])]
        graphics.ci.geometryChanged.connect(  # the plot area resized (after its layout)
            lambda: QTimer.singleShot(0, owner, self.arrange))

    def name_pages(self, names: list[str]) -> None:
        """The tabs' texts (the plots' short names, in the current language), after the plots'
        titles: a plot shown alone has its tab for a title (and its title for the tab's
        tooltip)."""
        for index, name in enumerate(names):
            self.tabs.setTabText(index, name)
            self.tabs.setTabToolTip(index, self.pages[index].titleLabel.text)  # its title
        self._title_alone()

    @property
    def shown_plots(self) -> list[pg.PlotItem]:
        """The plots shown now: one while they are shown one at a time, else all."""
        return list(self._places(self.in_one_row, self.one_at_a_time))

    def arrange(self) -> None:
        rows, cols, cols_in_row = self.shape
        least = self.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize)  # as laid out now
        if self.in_one_row:
            self._plot_w = least.width() / cols_in_row
        elif not self.one_at_a_time:  # a plot in one row needs more (its own x axis): not a row's
            self._row_h, self._plot_w = least.height() / rows, least.width() / cols
        area = self.graphics.viewport().size()
        curves_h = readable_height(self.graphics)
        short = area.height() < rows * (self._row_h + curves_h) + 1
        wide = self.in_one_row or area.width() >= cols_in_row * self._plot_w + 1
        one_row = short and wide  # (in one row it is as wide as it needs)
        if self.pages:
            one_row, one_at_a_time = self._one_at_a_time(area.height(), curves_h, short, wide)
        else:
            one_at_a_time = False
        if one_row == self.in_one_row and one_at_a_time == self.one_at_a_time:
            return
        self._place(one_row, one_at_a_time)

    def _one_at_a_time(self, height: int, curves_h: float, short: bool, wide: bool
                       ) -> tuple[bool, bool]:
        """(in one row, one at a time) for a plot area ``height`` high. The curves are measured
        as laid out in rows or one row; too short there, the plots go one at a time, and back
        when the area has the height they lacked (:attr:`_need`)."""
        if self.one_at_a_time:  # without the tabs the plots would have their height too
            height += self.tabs.height()
            short = height < self.shape[0] * (self._row_h + curves_h) + 1
            rows_fit = not short and height >= self._need.get("rows", 0)
            row_fits = wide and height >= self._need.get("row", 0)
            return (False, False) if rows_fit else (True, False) if row_fits else (False, True)
        if not self.in_one_row and short and wide:
            return True, False  # one row first
        lowest = min(plot.vb.height() for plot in self.shown_plots)
        tabs = sum(self.tabs.tabSizeHint(index).width() for index in range(self.tabs.count()))
        if lowest + 0.5 >= curves_h or tabs > self.graphics.width():
            return self.in_one_row, False  # readable, or too narrow for the tabs' names
        if self.in_one_row:
            share = 1.0  # the area's height goes to the curves as it grows
        else:  # to the rows as they stretch: the lowest row gets the least
            stretch = self._stretch
            share = min(stretch) / sum(stretch) if min(stretch) > 0 else 1 / self.shape[0]
        self._need["row" if self.in_one_row else "rows"] = height + (curves_h - lowest) / share
        return False, True

    def _place(self, one_row: bool, one_at_a_time: bool) -> None:
        """Lay the plots out in rows, in one row or one at a time (only those that move)."""
        layout = self.graphics.ci
        before = self._places(self.in_one_row, self.one_at_a_time)
        after = self._places(one_row, one_at_a_time)
        for plot, place in before.items():
            if after.get(plot) != place:
                layout.removeItem(plot)
        for plot, (row, col, span) in after.items():
            if before.get(plot) != (row, col, span):
                layout.addItem(plot, row=row, col=col, colspan=span)
        if not (one_row or one_at_a_time):
            for row, stretch in enumerate(self._stretch):
                layout.layout.setRowStretchFactor(row, stretch)
        self.in_one_row, self.one_at_a_time = one_row, one_at_a_time
        self.tabs.setVisible(one_at_a_time)
        self._title_alone()
        layout.setGeometry(self.graphics.range)  # the view's size again, not the old least

    def _places(self, one_row: bool, one_at_a_time: bool) -> dict[pg.PlotItem, Place]:
        """Where each plot shown goes: (row, column, column span)."""
        if one_at_a_time:
            return {self.pages[self.tabs.currentIndex()]: (0, 0, 1)}
        places = dict(self.in_rows)
        for plot, in_rows, (row1, col1) in self.movers:
            places[plot] = (row1, col1, 1) if one_row else in_rows
        return places

    def _show_page(self, index: int) -> None:
        """The plot of the tab clicked, in place of the one shown."""
        if self.one_at_a_time:
            layout = self.graphics.ci
            for plot in layout.items.copy():
                if isinstance(plot, pg.PlotItem):
                    layout.removeItem(plot)
            layout.addItem(self.pages[index], row=0, col=0)
            self._title_alone()

    def _title_alone(self) -> None:
        """Every plot's title shown but that of a plot shown alone: its tab names it, and the
        row is more room for its curves."""
        alone = self.pages[self.tabs.currentIndex()] if self.one_at_a_time else None
        for plot in self.pages:
            shown = plot is not alone
            if plot.titleLabel.isVisible() != shown:  # as pyqtgraph's setTitle shows it
                plot.titleLabel.setVisible(shown)
                plot.titleLabel.setMaximumHeight(TITLE_HEIGHT if shown else 0)
                plot.layout.setRowFixedHeight(0, TITLE_HEIGHT if shown else 0)
