"""Lab 2: activation functions — each function with its slope, where the slope vanishes, and
why a hidden activation must be non-linear (stacked identity layers collapse to one map). The
numbers come from :mod:`core.labs.activations`; this module only shows them."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.engine import activations
from core.labs.activations import (
    FUNCTIONS,
    STACK_ACTIVATIONS,
    STACK_X,
    X,
    curves,
    stack,
    values_at,
    vanishing_intervals,
)
from gui import theme
from gui.context import ProjectContext
from gui.i18n import on_language_change
from gui.labs.base import LabWindow, name_view
from gui.table_fit import fit_height

WIDEST_NUMBER = "−4.4237046e-05"  # the longest f(x) / f′(x) text the table shows ({:.8g})


class ActivationsLab(LabWindow):
    title = QT_TRANSLATE_NOOP("Labs", "Activation functions")
    notice = QT_TRANSLATE_NOOP(
        "ActivationsLab",
        "<b>What to notice.</b> The orange dashed line is the slope f′(x) that backprop "
        "multiplies by. Where it is (almost) 0 — shaded — the weights before it barely learn: "
        "the sigmoid saturates for |x| above about 4.6 (its slope is 0.25 at best), the step "
        "function has no slope at all, and ReLU's is 0 for every x &lt; 0. "
        "<b>Below:</b> three hidden layers with the <i>identity</i> activation are one linear "
        "map y = K·x (a straight line, however many layers); any non-linear activation bends it.")

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QHBoxLayout(self.body)
        layout.addLayout(self._readout(), 1)
        layout.addLayout(self._plots(), 3)
        self.function.currentIndexChanged.connect(self.refresh)
        self.x.valueChanged.connect(self.refresh_table)
        self.stack_activation.currentIndexChanged.connect(self.refresh_stack)
        self.refresh()
        self.refresh_stack()
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------------ building
    def _readout(self) -> QVBoxLayout:
        """The function to draw, the x to read at, and every function's numbers there."""
        left = QVBoxLayout()
        form = QFormLayout()
        self.function = QComboBox()
        for name in FUNCTIONS:
            self.function.addItem(name, name)
        self.function.setCurrentIndex(FUNCTIONS.index("sigmoid"))
        self.function_label = QLabel()
        form.addRow(self.function_label, self.function)
        self.x = QDoubleSpinBox()
        self.x.setRange(-6, 6)
        self.x.setSingleStep(0.5)
        self.x.setDecimals(2)
        self.x_label = QLabel()
        form.addRow(self.x_label, self.x)
        left.addLayout(form)
        self.table = QTableWidget(len(FUNCTIONS), 3)
        self.table.verticalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # _fit_table: names
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.table)
        left.addStretch(1)
        return left

    def _plots(self) -> QVBoxLayout:
        """The function with its slope above; the stacked network and its activation below."""
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self.plot = plots.addPlot(row=0, col=0)
        self.plot.addLegend(offset=(10, 10))
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.shade = [pg.LinearRegionItem(movable=False, brush=theme.rgba(theme.SHADE, 40),
                                          pen=None) for _ in range(2)]
        for region in self.shade:
            self.plot.addItem(region)
        self.curve = self.plot.plot(pen=pg.mkPen(theme.POSITIVE, width=2.5), name="f(x)")
        self.slope = self.plot.plot(pen=pg.mkPen(theme.NEGATIVE, width=2, style=pg.QtCore.Qt.
                                                 PenStyle.DashLine), name="f′(x)")
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.GUIDE, width=1))
        self.plot.addItem(self.marker)
        self.stack_plot = plots.addPlot(row=1, col=0)
        self.stack_plot.showGrid(x=True, y=True, alpha=0.25)
        self.stack_curve = self.stack_plot.plot(pen=pg.mkPen(theme.POSITIVE, width=2.5))
        self.stack_line = self.stack_plot.plot(pen=pg.mkPen(theme.GUIDE, width=1,
                                                            style=pg.QtCore.Qt.PenStyle.DotLine))
        right = QVBoxLayout()
        right.addWidget(plots, 1)
        stack_form = QHBoxLayout()
        self.stack_label = QLabel()
        stack_form.addWidget(self.stack_label)
        self.stack_activation = QComboBox()
        for name in STACK_ACTIVATIONS:
            self.stack_activation.addItem(name, name)
        stack_form.addWidget(self.stack_activation)
        self.stack_caption = QLabel()
        self.stack_caption.setWordWrap(True)
        stack_form.addWidget(self.stack_caption, 1)
        right.addLayout(stack_form)
        return right

    def _fit_table(self) -> None:
        """Make the table wide enough for every column at once (no horizontal scrolling) and
        tall enough for every row."""
        metrics = self.table.fontMetrics()
        numbers = metrics.horizontalAdvance(WIDEST_NUMBER) + 16
        header = self.table.horizontalHeader()
        names = [self.table.item(row, 0).text() for row in range(self.table.rowCount())]
        header.resizeSection(0, max(header.sectionSizeFromContents(0).width(),
                                    *(metrics.horizontalAdvance(n) + 16 for n in names)))
        width = header.sectionSize(0) + 2 * numbers + 2 * self.table.frameWidth()
        self.table.setMinimumWidth(width)
        fit_height(self.table, resize_rows=False)

    # ------------------------------------------------------------------ functions
    @property
    def name(self) -> str:
        return self.function.currentData()

    def refresh(self) -> None:
        values, slopes = curves(self.name)
        self.curve.setData(X, values)
        self.slope.setData(X, slopes)
        intervals = vanishing_intervals(self.name)
        for k, region in enumerate(self.shade):
            region.setVisible(k < len(intervals))
            if k < len(intervals):
                region.setRegion(intervals[k])
        self.refresh_table()

    def refresh_table(self) -> None:
        x = self.x.value()
        self.marker.setValue(x)
        for row, (name, (value, slope)) in enumerate(values_at(x).items()):
            for col, text in enumerate((activations.title(name), f"{value:.8g}",
                                        f"{slope:.8g}")):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # read-only
                self.table.setItem(row, col, item)

    # ------------------------------------------------------------------ stacking
    def refresh_stack(self) -> None:
        self.shown_stack = stack(self.stack_activation.currentData())
        self.stack_curve.setData(STACK_X[:, 0], self.shown_stack.y)
        self.stack_line.setData(STACK_X[:, 0], self.shown_stack.line)
        self._caption_stack()

    def _caption_stack(self) -> None:
        shown = self.shown_stack
        self.stack_caption.setText(self.tr(
            "K = W1·W2·W3·W4 = {k} (dotted: y = K·x); largest distance from it: {gap}").format(
                k=f"{shown.k:.4f}", gap=f"{shown.gap:.3f}"))

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text of the lab in the current language."""
        for row, name in enumerate(FUNCTIONS):  # the names the canvas and inspector show
            self.function.setItemText(row, activations.title(name))
            self.function.setItemData(row, activations.describe(name),
                                      Qt.ItemDataRole.ToolTipRole)
        for row, name in enumerate(STACK_ACTIVATIONS):
            self.stack_activation.setItemText(row, activations.title(name))
        self.function.setToolTip(self.tr("The function drawn above with its slope f′(x)"))
        self.function_label.setText(self.tr("Function"))
        self.x.setToolTip(self.tr("Read every function and its slope at this x"))
        self.x_label.setText(self.tr("At x ="))
        self.table.setHorizontalHeaderLabels([self.tr("function"), "f(x)", "f′(x)"])
        self.table.setToolTip(self.tr("Every function's value f(x) and slope f′(x) at the x "
                                      "above"))
        name_view(self.table, self.tr("Activation functions at x"))
        name_view(self.plot.getViewWidget(), self.tr("Activation function plots"), self.tr(
            "Top: the chosen function f(x) and its slope f′(x); bottom: the output of a "
            "1-4-4-4-1 network with the chosen activation, for each input x"))
        self.plot.setTitle(self.tr("f(x) and its slope f′(x)"))
        self.stack_plot.setTitle(self.tr("A 1-4-4-4-1 network's output"))
        self.stack_label.setText(self.tr("Hidden activation of the stack:"))
        self.stack_activation.setToolTip(self.tr("The activation of the network's three "
                                                 "hidden layers: identity collapses them to "
                                                 "y = K·x"))
        self._caption_stack()
        self.refresh_table()
        self._fit_table()
