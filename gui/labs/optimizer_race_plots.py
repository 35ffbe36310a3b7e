"""The optimizer race's drawing: a pen per optimizer, legends beside the plots, and the
surface as a shaded image with contour lines; and the lab's longer words (tooltips, notices)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QSizePolicy

from core.engine import optimizers
from core.labs.optimizer_race import IN_BOOK, TITLES, Surface, Trace
from gui import theme
from gui.i18n import translate
from gui.labs.optimizer_race_descent import DESCENT_KEY
from gui.labs.optimizer_race_descent import NOTICE as DESCENT_NOTICE

#: the two the book leaves out, dashed and drawn under the book's four, whose curves they often
#: follow: Nesterov's path Momentum's, RMSprop's path and loss curve AdaGrad's
DASHED = ("nesterov", "rmsprop")
#: SGD's pen is wider, so that it shows on both sides of Momentum's line drawn over it (on
#: x² + y² both run along the same line through the start and the minimum)
WIDTHS = {"sgd": 4.5}
ISO_LEVELS = 6  # log-spaced contour lines of f
#: the surface is computed on this many points across and up its window
SHADING_POINTS = (200, 100)
ANIMATE_MS = 120  # between two frames of Animate
END_SIZE = 13  # the dot where a path ends, larger than its points (4)
#: z of the end dots: above every path's line (a dot is never hidden by another's line)
END_Z = 30
START_Z = 48  # the ring at the common start, above the end dots, below the minimum's +
LAB = "OptimizerRaceLab"  # i18n: not ui (a context)

TIPS = {
    "surface": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "The function f(x, y) every optimizer walks down, all from the same start.\n"
        "x²/20 + y² is steep in y and flat in x: a narrow valley (the book's figure).\n"
        "x² + y² is equally steep everywhere. Rosenbrock's valley is curved and far "
        "steeper:\nit needs much smaller rates. Choosing a surface sets its own rates "
        "and number of updates.\nGradient descent (book §4.4) is the book's plain "
        "gradient method alone on x0² + x1², with its three rates.\nThe + marks the minimum; "
        "the lines join points of equal f."),
    "steps": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "How many updates each optimizer makes. Every path is shown whole; Step and "
        "Animate replay it."),
    "step": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "Show the paths again from the start, one more update each time it is clicked: "
        "watch\nwho moves where after 1, 2, 3 steps."),
    "animate": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "Replay every path from the start, one update every {ms} ms; click again to "
        "stop.\nChanging a rate, the surface or the number of updates stops it too."),
    "race": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "Train the book's 64-100-100-100-100-10 network (ReLU, batches of 128) on the "
        "digits\nfor 10 epochs with each optimizer at the book's rate (Nesterov and "
        "RMSprop, which the book\nleaves out, at rates like theirs), all from the same "
        "initial weights.\nIt runs in the background (it ran once when the lab opened); "
        "click again to stop."),
    "race_rates": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "The race uses the book's rates, not the boxes above: those are for the "
        "2-D surface,\nwhose gradients are of a different size than a network's."),
    "lr": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "Learning rate of {title} on the surface (type e.g. 5e-4). Too large and every "
        "step overshoots further than the last:\nthe path diverges and stops where it left "
        "the numbers.\n{description}"),
}


def tip(key: str) -> str:
    """Tooltip ``key`` of :data:`TIPS` in the current language."""
    return translate(LAB, TIPS[key]).replace("{ms}", str(ANIMATE_MS))


def _rates(lrs: dict[str, float], names: tuple[str, ...]) -> str:
    """'SGD, Momentum, AdaGrad 0.01 · Adam 0.001': the names of one rate together."""
    groups: dict[float, list[str]] = {}
    for name in names:
        groups.setdefault(lrs[name], []).append(TITLES[name])
    return " · ".join(f"{', '.join(titles)} {rate:g}" for rate, titles in groups.items())


def race_rates_text(lrs: dict[str, float], names: tuple[str, ...]) -> str:
    """The rates of the optimizers ``names``: the book's four, then the others (not the
    book's): 'SGD, Momentum, AdaGrad 0.01 · Adam 0.001 (the book's)'."""
    text = translate("OptimizerRaceLab", "{rates} (the book's)").format(
        rates=_rates(lrs, tuple(n for n in names if n in IN_BOOK)))
    others = tuple(n for n in names if n not in IN_BOOK)
    if others:
        text += translate("OptimizerRaceLab", "; {rates} (not in the book)").format(
            rates=_rates(lrs, others))
    return text


SURFACE_NOTICES = {
    "x²/20 + y²": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "<b>What to notice.</b> On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) "
        "with the book's learning rates: <b>SGD</b> zig-zags across the valley, "
        "<b>Momentum</b> rolls like a ball and overshoots, <b>AdaGrad</b> damps y at once, "
        "<b>Adam</b> combines both. "),
    "x² + y²": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "<b>What to notice.</b> On the round bowl x² + y² every gradient points straight at "
        "the minimum: there is no narrow valley to zig-zag across. SGD at 0.95 still "
        "overshoots — each step multiplies x and y by 1 − 2·0.95 = −0.9. SGD and Momentum "
        "run along the same line through the start and the minimum: SGD's wide line shows "
        "under Momentum's. "),
    "Rosenbrock (1−x)² + 10(y−x²)²": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab",
        "<b>What to notice.</b> Rosenbrock's curved valley needs far smaller rates (the "
        "bowl's send SGD, Momentum and Nesterov off to infinity within 4 steps). In 100 "
        "updates from (−1.5, 2), <b>Momentum</b> and <b>Adam</b> reach the minimum at (1, 1) "
        "(Nesterov too, when shown). <b>SGD</b> crawls along the valley floor and stops "
        "half-way (its dot, drawn on top). <b>AdaGrad</b>'s first step is lr along each "
        "axis however steep the wall (it divides the gradient by its own size); then its steps "
        "shrink ever smaller and leave it half-way too, just ahead of SGD. The ring marks the "
        "start, a dot where each path ends. "),
}
SURFACE_NOTICES[DESCENT_KEY] = DESCENT_NOTICE
MORE_NOTICE = QT_TRANSLATE_NOOP(
    "OptimizerRaceLab",
    "Nesterov and RMSprop, which the book's figures leave out, are off: <i>Show Nesterov and "
    "RMSprop too</i> adds them (at rates of their own on the surface, not the book's). ")
MORE_SHOWN_NOTICE = QT_TRANSLATE_NOOP(
    "OptimizerRaceLab",
    "The dashed Nesterov and RMSprop are not in the book's figures, nor are their rates on "
    "the surface; they are drawn under the book's four. ")
RACE_NOTICE = QT_TRANSLATE_NOOP(
    "OptimizerRaceLab",
    "Change a learning rate and the path is recomputed; too large a rate and the path "
    "diverges. Below, the same network trained on the digits by each optimizer from the same "
    "weights: as in the book, plain SGD learns slowest.")


def pen(name: str) -> pg.QtGui.QPen:
    """Solid, or dashed with gaps wide enough to show the curve underneath (drawn on top)."""
    if name in DASHED:
        dashed = pg.mkPen(theme.OPTIMIZER_COLORS[name], width=2)
        dashed.setDashPattern([3, 3])
        return dashed
    return pg.mkPen(theme.OPTIMIZER_COLORS[name], width=WIDTHS.get(name, 2.5))


def path_length(points: np.ndarray) -> float:
    """How far a path travels: the sum of its steps' lengths."""
    return float(np.linalg.norm(np.diff(points, axis=0), axis=1).sum())


def stack_shortest_on_top(curves: dict[str, pg.PlotDataItem], paths: dict[str, Trace],
                          ends: dict[str, pg.ScatterPlotItem]) -> None:
    """The book's four above the dashed others, and within each the path that travels least
    on top: a short path (SGD's crawl on Rosenbrock) lies along the longer ones and would
    vanish under them. Each end dot is stacked the same way, above every line."""
    order = sorted(curves, key=lambda name: -path_length(paths[name].points)
                   if name in paths else 0.0)
    for rank, name in enumerate(order):  # the longest first: at the bottom
        z = rank + (10 if name in IN_BOOK else 0)
        curves[name].setZValue(z)
        ends[name].setZValue(END_Z + z)


class PathMarkers:
    """A ring where the paths start (they share it) and a dot in each path's colour where it
    ends (its last drawn point), both named in the legend."""

    def __init__(self, plot: pg.PlotItem) -> None:
        def dot(colour: str, name: str) -> pg.ScatterPlotItem:
            return pg.ScatterPlotItem(symbol="o", size=END_SIZE, pen=pg.mkPen("w", width=1.5),
                                      brush=pg.mkBrush(colour), name=name)

        self.start = pg.ScatterPlotItem(symbol="o", size=END_SIZE + 3, name="start",
                                        pen=pg.mkPen(theme.TEXT, width=2),
                                        brush=pg.mkBrush("w"))
        self.start.setZValue(START_Z)
        plot.addItem(self.start)
        self.ends = {name: dot(theme.OPTIMIZER_COLORS[name], f"end {name}")
                     for name in optimizers.NAMES}
        for item in self.ends.values():
            plot.addItem(item)
        self.end_sample = dot(theme.NEUTRAL, "end")  # the legend's, never on the plot

    def show(self, start: tuple[float, float], drawn: dict[str, np.ndarray],
             shown: tuple[str, ...]) -> None:
        """The start ring, and the end dot of each of ``shown`` at its last ``drawn`` point."""
        self.start.setData([start[0]], [start[1]])
        self.start.setVisible(bool(shown))
        for name, item in self.ends.items():
            points = drawn.get(name)
            visible = name in shown and points is not None and len(points) > 0
            last = points[-1] if visible else np.empty((0, 2))
            item.setData(np.atleast_2d(last)[:, 0], np.atleast_2d(last)[:, 1])
            item.setVisible(visible)

    def add_to(self, legend: pg.LegendItem) -> None:
        legend.addItem(self.start, translate("OptimizerRaceLab", "start"))
        legend.addItem(self.end_sample, translate("OptimizerRaceLab", "where each path ends"))


def stack_book_on_top(curves: dict[str, pg.PlotDataItem]) -> None:
    """The book's four above the dashed others, SGD's wide line below theirs."""
    for z, (name, curve) in enumerate(curves.items()):
        curve.setZValue(z + (10 if name in IN_BOOK else 0))


class SideLegend(pg.LegendItem):
    """A legend that sits in its own cell of a GraphicsLayout, beside a plot rather than over
    its curves (a plain LegendItem places itself at (0, 0) whenever it grows)."""

    def __init__(self) -> None:
        super().__init__(brush=pg.mkBrush(255, 255, 255, 0), pen=pg.mkPen(None),
                         labelTextColor=theme.TEXT, labelTextSize="9pt")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def updateSize(self) -> None:
        self.layout.invalidate()
        self.updateGeometry()

    def mouseDragEvent(self, ev: object) -> None:  # the layout places it: not draggable
        ev.ignore()

    def labels(self) -> dict[str, str]:
        """Each item's name → its label's text (what a student reads)."""
        return {sample.item.name(): label.text for sample, label in self.items}

    def fill(self, curves: dict[str, pg.PlotDataItem], notes: dict[str, str]) -> None:
        """One entry per curve, named as the book names the optimizer, with its note. The
        rows are placed at once: left to the next turn of the event loop, a picture taken in
        between showed every row drawn over the first."""
        self.clear()
        for name, curve in curves.items():
            note = notes.get(name)
            self.addItem(curve, f"{TITLES[name]} — {note}" if note else TITLES[name])
        self.layout.activate()


def iso_levels(f: np.ndarray) -> np.ndarray:
    """Log-spaced values of f for the contour lines, from near the minimum to the rim."""
    top = float(f.max())
    return np.geomspace(top * 2e-3, top * 0.5, ISO_LEVELS)


def show_surface(surface: Surface, shading: pg.ImageItem,
                 isocurves: list[pg.IsocurveItem]) -> None:
    """Shade f over the surface's window (light grey, paler where f is low) and put the
    contour lines on it."""
    x0, x1, y0, y1 = surface.window
    xs, ys = np.linspace(x0, x1, SHADING_POINTS[0]), np.linspace(y0, y1, SHADING_POINTS[1])
    f = surface.f(*np.meshgrid(xs, ys))
    levels = np.log1p(f)
    shade = (250 - 45 * levels / levels.max()).astype(np.uint8)
    shading.setImage(np.dstack([shade, shade, np.minimum(shade + 5, 255)]),
                     autoLevels=False, levels=(0, 255))
    # The image's pixels span the window: pixel centres are where f was computed.
    dx, dy = (x1 - x0) / (len(xs) - 1), (y1 - y0) / (len(ys) - 1)
    shading.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
    for iso, level in zip(isocurves, iso_levels(f), strict=True):
        iso.setData(f, level)
        iso.setPos(0.5, 0.5)  # isocurves run through pixel centres
