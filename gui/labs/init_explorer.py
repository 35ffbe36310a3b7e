"""Lab 5: weight initialisation — the book's 5 × 100-unit experiment, one histogram per layer,
regenerated whenever the initialisation or the activation changes."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.init_experiment import CHOICES, layer_activations, saturated_fraction

from ..canvas import style
from .base import LabWindow

LAYERS = 5
BINS = 30
ACTIVATIONS = ("sigmoid", "tanh", "relu")


class InitExplorerLab(LabWindow):
    title = "Weight initialisation"
    notice = (
        "<b>What to notice.</b> 1,000 random inputs go through 5 layers of 100 units (no "
        "biases); each plot is one layer's activations. Sigmoid with <b>std 1</b>: values pile "
        "up at 0 and 1, where the slope vanishes. With <b>std 0.01</b>: everything collapses to "
        "0.5 — every unit says the same thing. <b>Xavier</b> (√(1/n)) keeps sigmoid and tanh "
        "spread out; with ReLU, <b>He</b> (√(2/n)) keeps the layers alive while std 0.01 lets "
        "them die out.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self.body)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Initial weights:"))
        self.init = QComboBox()
        for label in CHOICES:
            self.init.addItem(label, label)
        controls.addWidget(self.init)
        controls.addWidget(QLabel("Activation:"))
        self.activation = QComboBox()
        for name in ACTIVATIONS:
            self.activation.addItem(name, name)
        controls.addWidget(self.activation)
        controls.addStretch(1)
        layout.addLayout(controls)
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self.plots = [plots.addPlot(row=0, col=k, title=f"layer {k + 1}") for k in range(LAYERS)]
        self.bars = []
        for plot in self.plots:
            plot.hideAxis("left")
            self.bars.append(plot.plot(stepMode="center", fillLevel=0,
                                       brush=pg.mkBrush(style.POSITIVE),
                                       pen=pg.mkPen(style.POSITIVE)))
        layout.addWidget(plots, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.layers: list[np.ndarray] = []
        self.init.currentIndexChanged.connect(self.refresh)
        self.activation.currentIndexChanged.connect(self.refresh)
        self.refresh()  # the book's first picture: std 1 with the sigmoid

    def refresh(self) -> None:
        activation = self.activation.currentData()
        self.layers = layer_activations(self.init.currentData(), activation, layers=LAYERS)
        high = 1.0 if activation == "sigmoid" else max(1e-12, max(
            float(np.abs(a).max()) for a in self.layers))
        low = 0.0 if activation in ("sigmoid", "relu") else -high
        edges = np.linspace(low, high, BINS + 1)
        for plot, bars, values in zip(self.plots, self.bars, self.layers, strict=True):
            counts, _ = np.histogram(values, bins=edges)
            bars.setData(edges, counts)
            plot.setXRange(low, high, padding=0.02)
        stats = " · ".join(
            f"layer {k + 1}: std {a.std():.3g}" + (
                f", {100 * saturated_fraction(a):.0f} % saturated" if activation == "sigmoid"
                else "") for k, a in enumerate(self.layers))
        self.summary.setText(stats)
