"""Lab 1: the perceptron and XOR — one step neuron's line over the four gate points, the
truth table live, the book's presets, a search showing no line solves XOR, and the two-layer
networks (AND(NAND, OR) by hand, and a learned 2-2-1) that do."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import Trainer, load_project
from core.perceptron import GATE_INPUTS, PRESETS, best_line, gate_targets, outputs
from resources.examples import example_path

from ..canvas import style
from .base import LabWindow

GATES = ("and", "or", "nand", "xor")


def _table(rows: int, headers: list[str]) -> QTableWidget:
    table = QTableWidget(rows, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + 4 * 30 + 4)
    return table


def _fill(table: QTableWidget, rows: list[list[object]]) -> None:
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(str(value)))


def _network_outputs(name: str, train: bool = False) -> list[int]:
    """The gate answers of an example network (trained first with ``train``)."""
    project = load_project(example_path(name))
    net = project.build_network()
    if train:
        Trainer(net, project.data.load(), project.settings).run()
    return [int(v) for v in net.classify(GATE_INPUTS)]


class PerceptronLab(LabWindow):
    title = "Perceptron and XOR"
    notice = (
        "<b>What to notice.</b> One step neuron answers 1 where w₁x₁ + w₂x₂ + b &gt; 0: the "
        "line w₁x₁ + w₂x₂ + b = 0 splits the plane in two. AND, OR and NAND each have such a "
        "line (try the presets). For <b>XOR</b> no line works — <i>Search for a line</i> tries "
        "9,261 of them and never gets all four points right. Two layers do: AND(NAND, OR), by "
        "hand or learned.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self.body)
        left = QVBoxLayout()
        form = QFormLayout()
        self.gate = QComboBox()
        for gate in GATES:
            self.gate.addItem(gate.upper(), gate)
        form.addRow("Target gate", self.gate)
        self.weights = []
        for label, value in (("w₁", 0.5), ("w₂", 0.5), ("b", -0.7)):
            box = QDoubleSpinBox()
            box.setRange(-2.0, 2.0)
            box.setSingleStep(0.1)
            box.setDecimals(2)
            box.setValue(value)
            form.addRow(label, box)
            self.weights.append(box)
        left.addLayout(form)
        presets = QGridLayout()
        self.preset_buttons = {}
        for k, name in enumerate(PRESETS):
            button = QPushButton(name)
            button.setToolTip("w₁, w₂, b = " + ", ".join(map(str, PRESETS[name])))
            button.clicked.connect(lambda _=False, n=name: self.apply_preset(n))
            presets.addWidget(button, k // 2, k % 2)
            self.preset_buttons[name] = button
        left.addLayout(presets)
        self.table = _table(4, ["x₁", "x₂", "target", "output"])
        left.addWidget(self.table)
        self.search_button = QPushButton("Search for a line")
        self.search_button.setToolTip("Try every w₁, w₂, b from −1 to 1 in steps of 0.1")
        self.search_button.clicked.connect(self.search)
        left.addWidget(self.search_button)
        self.search_result = QLabel()
        self.search_result.setWordWrap(True)
        left.addWidget(self.search_result)
        left.addStretch(1)
        layout.addLayout(left, 1)

        middle = QVBoxLayout()
        plot_widget = pg.PlotWidget(background="w")
        self.plot = plot_widget.getPlotItem()
        self.plot.setXRange(-0.5, 1.5)
        self.plot.setYRange(-0.5, 1.5)
        self.plot.setAspectLocked(True)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.line = self.plot.plot(pen=pg.mkPen(style.TEXT, width=2))
        self.points = pg.ScatterPlotItem(size=22)
        self.plot.addItem(self.points)
        middle.addWidget(plot_widget, 1)
        layout.addLayout(middle, 2)

        right = QVBoxLayout()
        box = QGroupBox("Two layers solve XOR")
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(QLabel("AND(NAND, OR), weights by hand · a 2-2-1 network, learned"))
        self.two_layer = _table(4, ["x₁", "x₂", "by hand", "learned"])
        box_layout.addWidget(self.two_layer)
        self.train_button = QPushButton("Train the 2-2-1 network")
        self.train_button.clicked.connect(self.train_two_layer)
        box_layout.addWidget(self.train_button)
        right.addWidget(box)
        right.addStretch(1)
        layout.addLayout(right, 1)

        self.by_hand = _network_outputs("xor_by_hand")
        self.learned: list[int] | None = None
        self._fill_two_layer()
        self.gate.currentIndexChanged.connect(self.refresh)
        for box in self.weights:
            box.valueChanged.connect(self.refresh)
        self.refresh()

    # ------------------------------------------------------------------ the single neuron
    def values(self) -> tuple[float, float, float]:
        w1, w2, b = (box.value() for box in self.weights)
        return w1, w2, b

    def set_values(self, values: tuple[float, float, float]) -> None:
        """Put w₁, w₂, b in the boxes without a refresh per box (the caller refreshes once)."""
        for box, value in zip(self.weights, values, strict=True):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)

    def apply_preset(self, name: str) -> None:
        self.set_values(PRESETS[name])
        self.gate.setCurrentIndex(self.gate.findData(name.split()[0].lower()))
        self.refresh()

    def answers(self) -> list[int]:
        return outputs(*self.values()).tolist()

    def refresh(self) -> None:
        targets = gate_targets(self.gate.currentData())
        answers = self.answers()
        _fill(self.table, [[int(x1), int(x2), int(t), a] for (x1, x2), t, a in
                           zip(GATE_INPUTS, targets, answers, strict=True)])
        colours = [style.POSITIVE if t else style.NEGATIVE for t in targets]
        self.points.setData(
            x=GATE_INPUTS[:, 0], y=GATE_INPUTS[:, 1], brush=colours,
            pen=[pg.mkPen("k" if a == t else style.REFUSE, width=3 if a != t else 1)
                 for a, t in zip(answers, targets, strict=True)])
        self.line.setData(*self._line_points())

    def _line_points(self) -> tuple[np.ndarray, np.ndarray]:
        """Two points of w₁x₁ + w₂x₂ + b = 0 across the visible square (none if w = 0)."""
        w1, w2, b = self.values()
        if abs(w2) > 1e-12:
            x = np.array([-0.5, 1.5])
            return x, -(w1 * x + b) / w2
        if abs(w1) > 1e-12:
            return np.full(2, -b / w1), np.array([-0.5, 1.5])
        return np.array([]), np.array([])

    def search(self) -> None:
        gate = self.gate.currentData()
        correct, (w1, w2, b) = best_line(gate_targets(gate))
        self.set_values((w1, w2, b))
        self.refresh()
        verdict = ("a line separates it." if correct == 4 else
                   "no straight line separates XOR: one perceptron cannot do it.")
        self.search_result.setText(f"Best line found for {gate.upper()}: {correct} of 4 right "
                                   f"(w₁ = {w1:g}, w₂ = {w2:g}, b = {b:g}) — {verdict}")

    # ------------------------------------------------------------------ two layers
    def train_two_layer(self) -> None:
        self.learned = _network_outputs("xor_learned", train=True)
        self._fill_two_layer()

    def _fill_two_layer(self) -> None:
        learned = self.learned or ["–"] * 4
        _fill(self.two_layer, [[int(x1), int(x2), h, n] for (x1, x2), h, n in
                               zip(GATE_INPUTS, self.by_hand, learned, strict=True)])
