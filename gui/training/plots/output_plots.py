"""The two plots of the output panel, each built once on a PlotItem and fed every frame:

- :class:`BoundaryPlot` — the network's output over the input plane (2 features: an RGB image
  the worker coloured, with the training ● and test ▲ points on top), or for one feature the
  output as a curve over the data;
- :class:`ConfusionPlot` — the confusion matrix on the held-out rows (classification), or
  predicted against true values with the diagonal (regression).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from core.i18n import _ as core_tr
from core.i18n import percent
from core.training.measure import mean_squared_error
from core.training.snapshot import OutputGrid
from gui import theme
from gui.i18n import translate
from gui.theme import class_colors, diverging_rgb, regression_rgb
from gui.training.frames import Evaluation, Frame, Points
from gui.training.plots.axes import LABEL_GAP
from gui.training.plots.base import StickyRange, blue_lut, bounds, part_name, style_plot

MAX_CLASS_LABELS = 12  # counts are written into the cells up to this many classes …
MIN_LABEL_PIXELS = 20  # … when a cell is at least this big on screen
POINTS_MARGIN = 0.15  # of the points' span, on each side of the output plane
SCALE_SIZE = (12, 90)  # the regression plane's colour bar, in pixels …
SCALE_OFFSET = (-8, 14)  # … from the plot's top right corner


def first_column(y: np.ndarray) -> np.ndarray:
    """The first target of each row as floats (also of no rows: a part of a few rows' data
    set can be empty)."""
    values = np.asarray(y, dtype=np.float64)
    return values.reshape(len(values), -1)[:, 0] if values.size else np.zeros(len(values))


def point_brushes(y: np.ndarray, classification: bool, n_classes: int) -> list[QBrush]:
    """A brush for each row's point. The rows of a class share one brush object: pyqtgraph
    draws a symbol once for each brush object, and a brush per row of the spiral's 400 made
    showing the points take 30 ms of the GUI thread."""
    if classification:
        palette = class_colors(max(n_classes, 2))
        brushes = [QBrush(QColor(*(int(c) for c in rgb))) for rgb in palette]
        return [brushes[int(k)] for k in np.ravel(y)]
    values = first_column(y)
    limit = float(np.abs(values).max()) if values.size else 1.0
    return [QBrush(QColor(*(int(c) for c in rgb))) for rgb in diverging_rgb(values,
                                                                             limit or 1.0)]


def caption(evaluation: Evaluation | None) -> str:
    """The output panel's caption for the held-out rows, e.g. ``test accuracy 97.4 %``."""
    if evaluation is None:
        return ""
    part = part_name(evaluation.part)
    if evaluation.confusion is not None:
        accuracy = evaluation.accuracy
        if accuracy is None:
            return ""
        text = translate("OutputPlots", "{part} accuracy {value}").format(
            part=part, value=percent(accuracy))
    elif evaluation.predicted is None or evaluation.truth is None or not evaluation.truth.size:
        return ""
    else:  # over every output unit, as the Loss panel's MSE
        error = math.sqrt(mean_squared_error(evaluation.predicted, evaluation.truth))
        text = translate("OutputPlots", "{part} RMSE {value}").format(part=part,
                                                                     value=f"{error:.4g}")
    if evaluation.partial:  # the Loss panel's figure, on more rows, may differ a little
        text += translate("OutputPlots", " (its first {rows} of {total} rows)").format(
            rows=f"{evaluation.rows:,}", total=f"{evaluation.part_rows:,}")
    return text


class BoundaryPlot:
    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.image = pg.ImageItem(axisOrder="row-major")
        self.curve = plot.plot(pen=pg.mkPen(theme.POSITIVE, width=2.5))
        self.train = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=0.8), symbol="o")
        self.test = pg.ScatterPlotItem(size=8, pen=pg.mkPen(theme.TEXT, width=0.8),
                                       symbol="t1")
        for item in (self.image, self.train, self.test):
            plot.addItem(item)
        self.image.setZValue(-10)
        # a regression plane is coloured on its own range (gui.theme.regression_rgb): the bar
        # says which values its colours stand for
        self.scale = pg.GradientLegend(SCALE_SIZE, SCALE_OFFSET)
        self.scale.setParentItem(plot.vb)
        self.scale.pen = QPen(QColor(theme.MUTED_TEXT))
        self.scale.textPen = QPen(QColor(theme.TEXT))
        self.scale.setVisible(False)
        self.range = StickyRange(plot)
        self.one_feature = False
        self.classification = True
        self.restyle()

    def restyle(self) -> None:
        """Title and axis labels in the current language."""
        if self.one_feature:
            style_plot(self.plot, translate("OutputPlots", "Output over the input"), "x₁",
                       translate("OutputPlots", "output"))
        else:
            style_plot(self.plot, translate("OutputPlots", "Output over the inputs"), "x₁", "x₂")

    def set_points(self, points: Points | None, classification: bool, n_classes: int) -> None:
        """The data rows (constant during a run: set once when it starts)."""
        self.classification = classification
        if points is None:
            self.train.clear()
            self.test.clear()
            return
        self.one_feature = points.train_x.shape[1] == 1
        self.restyle()
        for item, x, y in ((self.train, points.train_x, points.train_y),
                           (self.test, points.test_x, points.test_y)):
            if self.one_feature:
                target = first_column(y)
                item.setData(x=x[:, 0], y=target, brush=point_brushes(y, classification,
                                                                        n_classes))
            else:
                item.setData(x=x[:, 0], y=x[:, 1],
                             brush=point_brushes(y, classification, n_classes))
        self._show_points(points)

    def _show_points(self, points: Points) -> None:
        """Axes around every point from the moment they are shown, before any frame (the range
        pyqtgraph starts with showed XOR's point at (0, 0) alone). The margin is wider than
        the tenth the network's output over the plane reaches beyond the data, so the first
        frame's image fits and the axes stay."""
        xs = np.concatenate([points.train_x, points.test_x])
        if self.one_feature:
            spans = [bounds(xs[:, 0]), bounds(first_column(points.train_y),
                                              first_column(points.test_y))]
        else:
            spans = [bounds(xs[:, 0]), bounds(xs[:, 1])]
        if not np.isfinite(spans).all():
            return  # no rows
        (x0, x1), (y0, y1) = spans
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=POINTS_MARGIN)

    def draw(self, frame: Frame) -> None:
        if frame.snapshot.grid is not None:
            self.draw_grid(frame.snapshot.grid, frame.boundary)

    def draw_grid(self, grid: OutputGrid, boundary: np.ndarray | None) -> None:
        """The output over ``grid``: for a plane its colours ``boundary`` (as
        :attr:`Frame.boundary`), for one feature a curve."""
        if boundary is not None and grid.ys is not None:
            self.curve.setData([], [])
            self.image.setImage(boundary, autoLevels=False, levels=(0, 255))
            dx = (grid.xs[-1] - grid.xs[0]) / max(grid.xs.size - 1, 1)
            dy = (grid.ys[-1] - grid.ys[0]) / max(grid.ys.size - 1, 1)
            rect = QRectF(grid.xs[0] - dx / 2, grid.ys[0] - dy / 2, dx * grid.xs.size,
                          dy * grid.ys.size)
            self.image.setRect(rect)
            self.range.fit(x=(rect.left(), rect.right()), y=(rect.top(), rect.bottom()))
            self._show_scale(None if self.classification else grid.first_range)
            return
        self._show_scale(None)
        values = grid.values  # (nx, outputs): one feature
        y = values[:, -1] if self.classification else values[:, 0]  # P(last class)
        self.curve.setData(grid.xs, y)
        points = self.train.getData()[1]
        self.range.fit(x=(grid.xs[0], grid.xs[-1]), y=bounds(y, points))

    def _show_scale(self, value_range: tuple[float, float] | None) -> None:
        """The colour bar of a regression plane whose values span ``value_range`` (None: no
        bar; the range its colours were made with): its colours from the lowest value at the
        bottom to the highest at the top, labelled with both (and 0 where the scale crosses
        it)."""
        if value_range is None:
            self.scale.setVisible(False)
            return
        low, high = value_range
        stops = np.linspace(low, high, 9)
        gradient = QLinearGradient()
        for k, rgb in enumerate(regression_rgb(stops, low, high)):
            gradient.setColorAt(k / (len(stops) - 1), QColor(*(round(float(c)) for c in rgb)))
        self.scale.setGradient(gradient)
        shown_low, shown_high = scale_labels(low, high)
        labels = {shown_high: 1.0, shown_low: 0.0} if high > low else {shown_high: 0.5}
        if low < 0 < high:
            labels["0"] = -low / (high - low)
        self.scale.setLabels(labels)
        self.scale.setVisible(True)

    def clear(self) -> None:
        self.image.clear()
        self.curve.setData([], [])
        self.scale.setVisible(False)


def scale_labels(low: float, high: float) -> tuple[str, str]:
    """``low`` and ``high`` with as few significant digits (3 or more) as tell them apart."""
    for digits in range(3, 10):
        texts = f"{low:.{digits}g}", f"{high:.{digits}g}"
        if texts[0] != texts[1]:
            return texts
    return texts


class CellLabels(pg.GraphicsObject):
    """The counts of a k×k matrix, written into its cells by one item (a hundred TextItems
    would be a hundred Python paint calls per repaint)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts = np.zeros((0, 0), dtype=np.int64)

    def set_counts(self, counts: np.ndarray) -> None:
        if counts.shape != self.counts.shape or not np.array_equal(counts, self.counts):
            self.prepareGeometryChange()
            self.counts = counts.copy()
            self.update()

    def boundingRect(self) -> QRectF:
        rows, cols = self.counts.shape
        return QRectF(-0.5, -0.5, cols, rows)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        transform = painter.transform()  # data → pixels; text is drawn unscaled
        cell = transform.map(QPointF(1, 1)) - transform.map(QPointF(0, 0))
        if min(abs(cell.x()), abs(cell.y())) < MIN_LABEL_PIXELS:
            return  # too small to read: the colours say it
        painter.resetTransform()
        painter.setPen(QColor(theme.TEXT))
        for (i, j), count in np.ndenumerate(self.counts):
            center = transform.map(QPointF(j, i))
            painter.drawText(QRectF(center.x() - 30, center.y() - 10, 60, 20),
                             Qt.AlignmentFlag.AlignCenter, str(count))


class ConfusionPlot:
    def __init__(self, plot: pg.PlotItem) -> None:
        self.plot = plot
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLookupTable(blue_lut())
        self.labels = CellLabels()
        self.scatter = pg.ScatterPlotItem(size=5, pen=None,
                                          brush=pg.mkBrush(*theme.rgba(theme.POSITIVE, 150)))
        self.diagonal = plot.plot(pen=pg.mkPen(theme.MUTED_TEXT, width=1,
                                               style=Qt.PenStyle.DashLine))
        for item in (self.image, self.labels, self.scatter):
            plot.addItem(item)
        self.range = StickyRange(plot)
        self.classification = True
        self.classes = 2
        self.shown: np.ndarray | None = None  # the matrix drawn (unchanged: not redrawn)
        self.class_names: tuple[str, ...] = ()
        self._names_below: tuple[object, ...] | None = None  # the ticks' (fit, steps, names)
        plot.vb.sigTransformChanged.connect(self.fit_class_names)
        self.set_task(True, ())

    def restyle(self) -> None:
        """Title, axis labels and class names in the current language."""
        if self.classification:
            style_plot(self.plot, translate("OutputPlots", "Confusion matrix"),
                       translate("OutputPlots", "predicted class"),
                       translate("OutputPlots", "true class"))
            self._names_below = None
            self.fit_class_names()
        else:
            style_plot(self.plot, translate("OutputPlots", "Predicted against true"),
                       translate("OutputPlots", "true value"),
                       translate("OutputPlots", "predicted"))

    def fit_class_names(self, *_: object) -> None:
        """The class names on both axes while each fits under its column; else the columns
        are numbered and each row's name ends with its number ("Ankle boot 9"): Fashion-MNIST's
        ten names under a 20-pixel column ran into one another ("TrouPulloverDressCoat…").
        Rows lower than a line of text, or columns narrower than a number, label every
        second (third …) class only."""
        if not self.classification:
            return
        names = [core_tr(name) for name in self.class_names]
        bottom = self.plot.getAxis("bottom")
        metrics = QFontMetrics(bottom.style["tickFont"] or bottom.font())
        per_x, per_y = self.plot.vb.viewPixelSize()  # the view's units per pixel
        column, row = 1 / per_x if per_x > 0 else math.inf, 1 / per_y if per_y > 0 else math.inf
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        numbers = all(name == str(k) for k, name in enumerate(names))
        fits = numbers or widest + LABEL_GAP <= column
        below = names if fits else [str(k) for k in range(len(names))]
        need = max((metrics.horizontalAdvance(name) for name in below), default=0)
        every_x = max(math.ceil((need + LABEL_GAP) / column), 1)
        # the labels' own ink (digits are shorter than a line): 0–9 fit rows of 11 pixels
        tall = max((metrics.tightBoundingRect(name).height() for name in names), default=0)
        every_y = max(math.ceil((tall + 2) / row), 1)
        shown = (fits, every_x, every_y, tuple(names))
        if shown == self._names_below:
            return
        self._names_below = shown
        bottom.setTicks([[(k, text) for k, text in enumerate(below) if k % every_x == 0]])
        self.plot.getAxis("left").setTicks([[
            (k, name if fits or numbers else f"{name} {k}")
            for k, name in enumerate(names) if k % every_y == 0]])

    def set_task(self, classification: bool, class_names: tuple[str, ...]) -> None:
        self.classification = classification
        self.class_names = class_names
        self.clear()
        plot = self.plot
        self.restyle()
        if classification:
            k = self.classes = max(len(class_names), 2)
            plot.invertY(True)
            plot.setAspectLocked(True)
            plot.setXRange(-0.5, k - 0.5, padding=0.02)
            plot.setYRange(-0.5, k - 0.5, padding=0.02)
        else:
            plot.invertY(False)
            plot.setAspectLocked(False)
            for axis in ("bottom", "left"):
                plot.getAxis(axis).setTicks(None)

    def draw(self, evaluation: Evaluation | None) -> str:
        """Draw and return a caption (e.g. ``test accuracy 97.4 %``)."""
        if evaluation is None:
            return ""
        if evaluation.confusion is not None:
            confusion = evaluation.confusion
            k = confusion.shape[0]
            if self.shown is None or not np.array_equal(confusion, self.shown):
                rows = confusion.sum(axis=1, keepdims=True)
                self.image.setImage(confusion / np.where(rows > 0, rows, 1), autoLevels=False,
                                    levels=(0.0, 1.0))
                self.image.setRect(QRectF(-0.5, -0.5, k, k))
                if k <= MAX_CLASS_LABELS:
                    self.labels.set_counts(confusion)
                self.shown = confusion.copy()
            return caption(evaluation)
        if evaluation.predicted is None or evaluation.truth is None:
            return ""
        # every (true, predicted) pair: a network with two outputs has two dots per row
        self.scatter.setData(x=evaluation.truth.ravel(), y=evaluation.predicted.ravel())
        lo, hi = bounds(evaluation.truth, evaluation.predicted)
        if np.isfinite(lo):
            self.diagonal.setData([lo, hi], [lo, hi])
            self.range.fit(x=(lo, hi), y=(lo, hi))
        return caption(evaluation)

    def clear(self) -> None:
        self.image.clear()
        self.scatter.clear()
        self.diagonal.setData([], [])
        self.labels.set_counts(np.zeros((0, 0), dtype=np.int64))
        self.shown = None
