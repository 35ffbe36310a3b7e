"""What every live panel shares: the newest frame, drawing only while visible, PNG export.

Drawing competes with training for the interpreter lock (docs/qt-notes.md §3), so a panel hidden
behind another tab or a closed dock only remembers the newest frame and draws it when it is
shown again. Plot items are created once in the constructor and fed with ``setData`` /
``setImage`` afterwards (pyqtgraph's ``scrollingPlots.py`` habit).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Slot
from PySide6.QtGui import QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import translate
from gui.plot_menu import PlotMenu, ask_and_save_png, plot_image
from gui.training.frames import Frame
from gui.training.plots.axes import FittedAxis
from gui.training.plots.panel_note import PanelNote
from gui.training.plots.small_panels import Mover, NoteRow, OneRow
from gui.widgets import write_png

TRAIN_COLOR = QColor(theme.POSITIVE)
VAL_COLOR = QColor(theme.NEGATIVE)
TEST_COLOR = QColor(theme.ACCEPT)
BATCH_COLOR = QColor(theme.BATCH_LOSS)
PART_COLORS = {"train": TRAIN_COLOR, "val": VAL_COLOR, "test": TEST_COLOR}
PART_NAMES = {"train": QT_TRANSLATE_NOOP("PlotPanel", "training"),
              "val": QT_TRANSLATE_NOOP("PlotPanel", "validation"),
              "test": QT_TRANSLATE_NOOP("PlotPanel", "test")}


def part_name(part: str) -> str:
    """"training", "validation" or "test" in the current language."""
    return translate("PlotPanel", PART_NAMES[part])


def add_plot(graphics: pg.GraphicsLayoutWidget, **where: int) -> pg.PlotItem:
    """A plot in ``graphics`` at ``where`` (row, col, colspan …) without pyqtgraph's context
    menus: every panel plot turns them off (:class:`StickyRange`), and making them took a
    third of a panel's construction time, which the GUI thread spends in one piece.

    Its axes make room for wider tick labels but never give it back: an axis that shrank when
    a run started (empty plots, short labels) and grew at its first frame laid the plot out
    again each time, and the repaint that followed a layout asked for another one — measured,
    a panel painted two or three times over in one turn of the event loop (20–60 ms).
    Their tick labels never overlap (:class:`~gui.training.plots.axes.FittedAxis`). Its title
    spans the left axis's column too, not only the view's: a title wider than the view made
    the plot an axis wider than it needed (the panel's least width: :meth:`Panel.keep_whole`)."""
    plot = graphics.addPlot(enableMenu=False, axisItems={
        name: FittedAxis(name) for name in ("left", "bottom")}, **where)
    for name in ("left", "bottom"):
        plot.getAxis(name).setStyle(autoReduceTextSpace=False)
    plot.layout.removeItem(plot.titleLabel)
    plot.layout.addItem(plot.titleLabel, 0, 0, 1, 3)  # row 0, over the axes' columns too
    return plot


def style_plot(plot: pg.PlotItem, title: str, x_label: str = "", y_label: str = "") -> None:
    """Muted axes and a title the size of the interface's text, as the inspector's plots have
    (texts as shown: translated by the caller, and styled again with the new texts when the
    language changes). The title was always 9 pt: with a projector's 14 pt system font the
    axes' labels and numbers grew and the titles stayed the smallest text in the panel."""
    font = QApplication.font()
    size = f"{font.pointSizeF():g}pt" if font.pointSizeF() > 0 else f"{font.pixelSize()}px"
    plot.setTitle(f"<span style='color:{theme.TEXT}; font-size:{size}'>"  # i18n: not ui
                  f"{title}</span>")
    for name, label in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(name)
        axis.setTextPen(QColor(theme.MUTED_TEXT))
        axis.setPen(QColor(theme.BORDER))
        axis.setSIPrefixEnableRanges(())  # plain numbers: no "(×0.001)" rescaling
        axis.enableAutoSIPrefix(False)
        if label:
            axis.setLabel(f"<span style='color:{theme.MUTED_TEXT}'>{label}</span>")  # i18n: not ui
    plot.hideButtons()


class StickyRange:
    """Axis ranges that move in steps instead of with every frame.

    pyqtgraph's auto-range follows the data each frame, and a new range means new ticks: the
    axes are laid out and repainted with the curves, a third of the drawing time when measured.
    Here a range changes only when the data leaves it or fills less than half of it, and then
    with headroom, so during training the axes mostly stay as they are.
    """

    def __init__(self, plot: pg.PlotItem, headroom: float = 0.25) -> None:
        self.plot = plot
        self.headroom = headroom
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)

    def fit(self, x: tuple[float, float] | None = None,
            y: tuple[float, float] | None = None) -> None:
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        log_x, log_y = self.plot.vb.state["logMode"]
        if x is not None:
            wanted = self._wanted(x, (x0, x1), log_x)
            if wanted is not None:
                self.plot.setXRange(*wanted, padding=0)
        if y is not None:
            wanted = self._wanted(y, (y0, y1), log_y)
            if wanted is not None:
                self.plot.setYRange(*wanted, padding=0)

    def _wanted(self, data: tuple[float, float], shown: tuple[float, float], log: bool
                ) -> tuple[float, float] | None:
        lo, hi = data
        if log:
            lo, hi = (math.log10(v) if v > 0 else math.nan for v in (lo, hi))
        if not (math.isfinite(lo) and math.isfinite(hi)):
            return None
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        a, b = shown
        span = hi - lo
        if a <= lo and hi <= b and span >= 0.5 * (b - a):
            return None
        margin = span * self.headroom
        return lo - margin * 0.2, hi + margin


def fill_combo(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Offer ``items`` (text, data) in ``combo``, keeping its choice while it is offered. A
    combo that offers exactly these already is left alone: a combo sized to its contents lays
    its panel out again on every refill, and a run tells the panels its network each time it
    starts."""
    offered = [(combo.itemText(k), combo.itemData(k)) for k in range(combo.count())]
    if offered == items:
        return
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


def whole_width(combo: QComboBox) -> None:
    """``combo`` as wide as its longest entry, always: the note beside it in a tool row gives
    way instead (a squeezed combo read "input 0 –")."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def set_ticks(axis: pg.AxisItem, ticks: list[list[tuple[float, str]]]) -> None:
    """``axis.setTicks(ticks)`` unless it has these already (new ticks repaint the plot)."""
    if getattr(axis, "_ticks_given", None) != ticks:
        axis._ticks_given = ticks
        axis.setTicks(ticks)


def bounds(*arrays: np.ndarray) -> tuple[float, float]:
    """(min, max) over the finite values of ``arrays`` ((nan, nan) when there are none)."""
    finite = [a[np.isfinite(a)] for a in (np.asarray(a, dtype=np.float64) for a in arrays)]
    finite = [a for a in finite if a.size]
    if not finite:
        return math.nan, math.nan
    return min(float(a.min()) for a in finite), max(float(a.max()) for a in finite)


def blue_lut(steps: int = 256) -> np.ndarray:
    """White → a deep weight blue, for counts and fractions drawn as images."""
    t = np.linspace(0.0, 1.0, steps)[:, None]
    white = np.array([255.0, 255.0, 255.0])
    blue = theme.rgb(theme.POSITIVE) * 0.8
    return (white + (blue - white) * t).astype(np.uint8)


def save_png(widget: QWidget, path: str | Path) -> str:
    """Save what ``widget`` shows as a PNG file for a slide (:func:`gui.plot_menu.plot_image`).
    "" when written, else why not, in words (:func:`gui.widgets.write_png`)."""
    return write_png(plot_image(widget), path)


class Panel(QWidget):
    """A panel of plots: a tool row (subclasses add to :attr:`tools`) over the plot area.

    :meth:`set_frame` keeps the newest frame and draws it at once when the panel is visible,
    else when it is next shown. Subclasses implement :meth:`draw` and :meth:`clear`, and build
    their texts in :meth:`retranslate` (calling this one's), registered at the end of their
    ``__init__`` with ``on_language_change`` — so a panel made after a language switch (they
    are made lazily) comes up in the current language too.
    """

    title = "Panel"  # i18n: not ui (its file name; :meth:`shown_title` is what a user reads)
    #: what of a frame it draws beyond the curves (:data:`gui.training.frames.ALL_PARTS`)
    frame_parts: frozenset[str] = frozenset()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)  # opaque: a redrawn label does not repaint the window
        self.frame: Frame | None = None
        #: the last frame given was made without a part it draws (it was not on screen): it
        #: keeps the frame before, and the live refresh has the next one made with its part
        self.waits = False
        self._dirty = False
        self.draw_count = 0
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        self.note = PanelNote()
        self.note.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        # tool buttons: as wide as their text (a push button is at least 80 px wide, and the
        # legend beside them needs the room, more so in Korean)
        self.png_button = QToolButton()
        self.png_button.setText("PNG…")
        self.png_button.clicked.connect(self.ask_png)
        self.tools.addWidget(self.note.box, 1)
        self.tools.addWidget(self.png_button)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(self.tools)
        layout.addWidget(self.graphics, 1)
        self.graphics.ci.geometryChanged.connect(self.keep_whole)
        self.plot_menu = PlotMenu(self.graphics, self, self.ask_png)  # right click: copy, save
        self.note_row = NoteRow(self, self.note.box, self.tools, layout)  # narrow: above them
        self.one_row: OneRow | None = None  # plots into one row when short: one_row_when_short
        #: what is left to make of a panel made in parts (:meth:`build_part`), in order: the
        #: class's functions, each called with the panel (bound methods kept here made the
        #: panel refer to itself until its last part)
        self.parts_left: list[Callable[[Panel], None]] = []

    def build_part(self) -> bool:
        """Make the next part of a panel made in parts; whether parts are left after it. A
        panel is used only once whole (:class:`~gui.training.lazy_panel.LazyPanel`)."""
        if self.parts_left:
            self.parts_left.pop(0)(self)
        return bool(self.parts_left)

    def build_whole(self) -> None:
        """Make every part left now."""
        while self.build_part():
            pass

    @Slot()
    def keep_whole(self) -> None:
        """The plot area is never narrower than its plots need (titles, tick labels, axis
        labels): pyqtgraph lays them out that wide whatever the view's width, and a panel
        narrowed below it (four panels side by side) showed them cut on the right. Called
        whenever the plots' layout resizes, which it does when their need outgrows it."""
        needed = self.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
        self.graphics.setMinimumWidth(math.ceil(needed) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.note.fit_height(self.height())
        self.note_row.place()

    def one_row_when_short(self, movers: list[Mover], shape: tuple[int, int, int],
                           pages: list[pg.PlotItem] | None = None) -> None:
        """Put ``movers`` into one row when two rows do not fit, and with ``pages`` show the
        plots one at a time, on tabs, when one row does not fit either (:class:`OneRow`)."""
        self.one_row = OneRow(self, self.graphics, movers, shape, pages)
        if pages:
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self.graphics), self.one_row.tabs)

    @property
    def in_one_row(self) -> bool:
        return self.one_row is not None and self.one_row.in_one_row

    def retranslate(self) -> None:
        """The texts of the panel in the current language (subclasses add theirs)."""
        self.png_button.setToolTip(translate("PlotPanel", "Save this panel as a PNG image"))
        # the plot area is a Tab stop; a screen reader said nothing there
        self.graphics.setAccessibleName(translate("PlotPanel", "{panel} plots").format(
            panel=self.shown_title()))

    def shown_title(self) -> str:
        """The panel's title as its dock shows it."""
        return translate("TrainingUi", self.title)

    def sizeHint(self) -> QSize:
        return QSize(520, 270)

    # ------------------------------------------------------------------ frames
    def set_frame(self, frame: Frame | None) -> None:
        """Keep ``frame`` and draw it now if the panel is on screen."""
        self.remember(frame)
        if self.shown:
            self.refresh()

    @property
    def shown(self) -> bool:
        """On screen: visible and not covered (a dock behind another tab stays "visible")."""
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def redraw(self) -> None:
        """Draw again what the panel holds (its frame, or without one what it shows then):
        now if it is on screen, else when it is shown."""
        self._dirty = True
        if self.shown:
            self.refresh()

    def remember(self, frame: Frame | None) -> None:
        """Keep ``frame`` for the next :meth:`refresh` (cheap: nothing is drawn), unless it
        lacks a part this panel draws (then it :attr:`waits` for one that has it)."""
        self.waits = frame is not None and frame.lacks(self.frame_parts)
        if self.waits:
            return
        self.frame = frame
        self._dirty = True

    @property
    def stale(self) -> bool:
        """On screen, with a frame it has not drawn yet."""
        return self._dirty and self.shown

    def refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        if self.frame is None:
            self.clear()
        else:
            self.draw(self.frame)
            self.draw_count += 1
        # The views move to their new ranges now, not when they are painted: moved then,
        # the plot items asked for another paint, and every redraw with new ranges was
        # painted twice (2.5 ms of the GUI thread each at MNIST's size, the training
        # worker's interpreter lock meanwhile)
        self.graphics.scene().prepareForPaint()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def draw(self, frame: Frame) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        """Forget the run (a new project, new weights): empty plots."""

    def reset(self) -> None:
        self.frame = None
        self._dirty = True
        self.refresh()

    # ------------------------------------------------------------------ export
    def export_png(self, path: str | Path) -> bool:
        return not save_png(self, path)

    def ask_png(self) -> None:
        ask_and_save_png(self, translate("PlotPanel", "Save {panel} as PNG").format(
            panel=self.shown_title()), f"{self.title.lower().replace(' ', '_')}.png")


def legend_html(items: list[tuple[str, QColor]], whole_names: bool = True) -> str:
    """Coloured ━ marks with names, for a tool-row label (cheaper than a pyqtgraph legend).
    A narrow panel wraps it between entries only: a mark and its name stay together (the
    Loss legend read "— per batch — training —" over "validation — test"). Names longer
    than a line may happen (``whole_names=False``: the runs' "run 2: lr 0.1 → 0.01, …") wrap
    between their words too, the mark still with the first."""
    # "&nbsp; " keeps the gap with the entry before it: " &nbsp; " let a panel narrower than
    # an entry put the lone &nbsp; on a blank line of its own (a fifth line: "test" cut off)
    return "&nbsp; ".join(  # i18n: not ui
        f"<span style='color:{c.name()}'>━</span>&nbsp;"
        f"{escape(name).replace(' ', '&nbsp;') if whole_names else escape(name)}"
        for name, c in items)

