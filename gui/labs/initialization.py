"""Lab 5: weight initialisation — the book's 5 × 100-unit experiment, one histogram per layer on
one shared y-scale (ReLU's exact zeros left out and counted instead), regenerated whenever the
initialisation or the activation changes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.engine import activations
from core.i18n import _, percent
from core.labs.initialization import (
    CHOICES,
    layer_activations,
    layer_histogram,
    saturated_fraction,
    zero_fraction,
)
from gui import theme
from gui.context import ProjectContext
from gui.i18n import on_language_change, translate
from gui.labs.base import LabWindow, name_view

LAYERS = 5
BINS = 30
ACTIVATIONS = ("sigmoid", "tanh", "relu")
INIT_TIPS = {
    "std 1": QT_TRANSLATE_NOOP("InitializationLab", "Weights drawn with standard deviation 1"),
    "std 0.01": QT_TRANSLATE_NOOP("InitializationLab",
                                  "Weights drawn with standard deviation 0.01"),
    "Xavier": QT_TRANSLATE_NOOP("InitializationLab", "std √(1/n), n = 100 inputs per unit (the "
                                "book's Xavier): for sigmoid and tanh"),
    "He": QT_TRANSLATE_NOOP("InitializationLab", "std √(2/n), n = 100 inputs per unit: for ReLU"),
}


class InitializationLab(LabWindow):
    title = QT_TRANSLATE_NOOP("Labs", "Weight initialisation")
    notice = QT_TRANSLATE_NOOP(
        "InitializationLab",
        "<b>What to notice.</b> 1,000 random inputs go through 5 layers of 100 units (no "
        "biases); each plot is one layer's activations, all on the same scale. Sigmoid with "
        "<b>std 1</b>: values pile up at 0 and 1, where the slope vanishes. With <b>std 0.01"
        "</b>: everything collapses to 0.5 — every unit says the same thing. <b>Xavier</b> "
        "(√(1/n)) keeps sigmoid and tanh spread out; with ReLU, <b>He</b> (√(2/n)) keeps the "
        "spread layer after layer while with std 0.01 it shrinks to a spike at 0 — it dies out.")

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self.body)
        controls = QHBoxLayout()
        self.init_label = QLabel()
        controls.addWidget(self.init_label)
        self.init = QComboBox()
        self.init.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # any language
        for label in CHOICES:
            self.init.addItem(label, label)
        controls.addWidget(self.init)
        self.activation_label = QLabel()
        controls.addWidget(self.activation_label)
        self.activation = QComboBox()
        self.activation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        controls.addWidget(self.activation)
        controls.addStretch(1)
        layout.addLayout(controls)
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self.plots = [plots.addPlot(row=0, col=k) for k in range(LAYERS)]
        self.bars = []
        for k, plot in enumerate(self.plots):
            plot.setMouseEnabled(x=False, y=False)
            plot.showGrid(y=True, alpha=0.2)
            if k:
                plot.hideAxis("left")
                plot.setYLink(self.plots[0])  # one y-range: the layers compare at a glance
            self.bars.append(plot.plot(stepMode="center", fillLevel=0,
                                       brush=pg.mkBrush(theme.POSITIVE),
                                       pen=pg.mkPen(theme.POSITIVE)))
        self.plots[0].getAxis("left").enableAutoSIPrefix(False)
        layout.addWidget(plots, 1)
        self.zeros = QLabel()
        self.zeros.setWordWrap(True)
        layout.addWidget(self.zeros)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.layers: list[np.ndarray] = []
        self.init.currentIndexChanged.connect(self.refresh)
        self.activation.currentIndexChanged.connect(self.refresh)
        self.refresh()  # the book's first picture: std 1 with the sigmoid
        on_language_change(self, self.retranslate)

    def refresh(self) -> None:
        activation = self.activation.currentData()
        relu = activation == "relu"
        self.layers = layer_activations(self.init.currentData(), activation, layers=LAYERS)
        high = 1.0 if activation == "sigmoid" else max(1e-12, max(
            float(np.abs(a).max()) for a in self.layers))
        low = 0.0 if activation in ("sigmoid", "relu") else -high
        edges = np.linspace(low, high, BINS + 1)
        tallest = 0.0
        for plot, bars, values in zip(self.plots, self.bars, self.layers, strict=True):
            shares = layer_histogram(values, edges, drop_zeros=relu)
            bars.setData(edges, shares)
            tallest = max(tallest, float(shares.max()))
            plot.setXRange(low, high, padding=0.02)
        self.plots[0].setYRange(0.0, max(tallest, 1e-6) * 1.05, padding=0)
        self._describe()

    def _describe(self) -> None:
        """The zeros and the per-layer summary lines, from the layers shown."""
        relu = self.activation.currentData() == "relu"
        sigmoid = self.activation.currentData() == "sigmoid"
        zeros = [zero_fraction(a) for a in self.layers]
        self.zeros.setVisible(relu)
        self.zeros.setText(self.tr(
            "ReLU: {share} of the outputs are exactly 0 and are not drawn (the bars show the "
            "rest, as a fraction of all outputs) — layer by layer: {layers}").format(
                share=percent(float(np.mean(zeros)), non_breaking=True),
                layers=", ".join(percent(z, non_breaking=True) for z in zeros))
            if relu else "")
        if sigmoid:
            line = self.tr("layer {k}: std {std}, {share} saturated")
        else:
            line = self.tr("layer {k}: std {std}")
        self.summary.setText(" · ".join(
            line.format(k=k + 1, std=f"{a.std():.3g}",
                        share=percent(saturated_fraction(a), digits=0))
            for k, a in enumerate(self.layers)))

    def retranslate(self) -> None:
        """Every text of the lab in the current language."""
        self.init_label.setText(self.tr("Initial weights:"))
        for row, label in enumerate(CHOICES):
            self.init.setItemText(row, _(label))
            self.init.setItemData(row, translate("InitializationLab", INIT_TIPS[label]),
                                  Qt.ItemDataRole.ToolTipRole)
        self.init.setToolTip(self.tr("How the weights of all five layers are drawn: std 1, "
                                     "std 0.01, Xavier √(1/n) or He √(2/n)"))
        self.activation_label.setText(self.tr("Activation:"))
        for row, name in enumerate(ACTIVATIONS):  # the names the canvas and inspector show
            self.activation.setItemText(row, activations.title(name))
        self.activation.setToolTip(self.tr("The activation every layer applies (sigmoid and "
                                           "tanh: try Xavier; ReLU: try He against std 0.01)"))
        for k, plot in enumerate(self.plots):
            plot.setTitle(self.tr("layer {k}").format(k=k + 1))
        self.plots[0].setLabel("left", self.tr("fraction of the layer's outputs"))
        name_view(self.plots[0].getViewWidget(), self.tr("Histograms of the layers' outputs"),
                  self.tr("One histogram per layer, first to fifth: the fraction of the layer's "
                          "outputs in each range of values, after the chosen initial weights "
                          "and activation"))
        self._describe()
