"""Lab 1: the perceptron and XOR — one step neuron's line over the four gate points with the
half-plane where it answers 1 shaded, the truth table live, the book's presets, a search showing
no line solves XOR, and the two-layer networks that do: the book's AND(NAND, OR) with its hidden
outputs and hand-set weights, and a 2-2-1 network learned when the lab opens."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF
from PySide6.QtGui import QBrush, QColor, QPolygonF
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGraphicsPolygonItem,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import Network, Trainer, load_project
from core.i18n import _
from core.labs.perceptron import (
    GATE_INPUTS,
    PRESETS,
    best_line,
    gate_targets,
    half_plane,
    line_points,
    margin,
    outputs,
    two_layer_xor,
)
from gui import theme
from gui.context import ProjectContext
from gui.i18n import on_language_change
from gui.labs.base import LabWindow, name_view
from gui.labs.perceptron_tables import fill, read_only_table, set_headers
from resources.examples import example_path

GATES = ("and", "or", "nand", "xor")
#: the book's hand-set weights of the two-layer XOR: unit → (w₁, w₂, b)
HAND_WEIGHTS = {"s₁ = NAND(x)": PRESETS["NAND (book)"],  # i18n: not ui
                "s₂ = OR(x)": PRESETS["OR (book)"],  # i18n: not ui
                "y = AND(s₁, s₂)": PRESETS["AND (book, notes)"]}  # i18n: not ui
ONE_SHADE = QColor(*theme.rgba(theme.POSITIVE, 38))


class PerceptronLab(LabWindow):
    title = QT_TRANSLATE_NOOP("Labs", "Perceptron and XOR")
    notice = QT_TRANSLATE_NOOP(
        "PerceptronLab",
        "<b>What to notice.</b> One step neuron answers 1 where w₁x₁ + w₂x₂ + b &gt; 0 — the "
        "shaded side of its line. AND, OR and NAND each have such a line (try the presets). For "
        "<b>XOR</b> no line works: <i>Search for a line</i> tries 9,261 of them, and the best "
        "still gets one point wrong (red ring). Two layers do: s₁ = NAND, s₂ = OR, then "
        "y = AND(s₁, s₂) — with the book's weights, and learned by a 2-2-1 network.")

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QHBoxLayout(self.body)
        layout.addLayout(self._neuron_column(), 5)
        layout.addLayout(self._plot_column(), 7)
        layout.addLayout(self._two_layer_column(), 6)

        self.hidden, self.hidden_or, self.by_hand = (v.tolist() for v in two_layer_xor())
        self._project = load_project(example_path("xor_learned"))
        self.learned: list[int] | None = None
        self.learned_net: Network | None = None
        self._trained: tuple[int, int, int] | None = None  # seed, right of 4, epochs
        self._searched: tuple[str, int, tuple[float, float, float]] | None = None
        self.train_two_layer()  # ~20 ms: the lab opens with the book's result reproduced
        self.gate.currentIndexChanged.connect(self.refresh)
        for spin in self.weights:
            spin.valueChanged.connect(self.refresh)
        self.refresh()
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------------ building
    def _neuron_column(self) -> QVBoxLayout:
        """The single neuron's controls: gate, weights, presets, truth table and search."""
        left = QVBoxLayout()
        left.addLayout(self._weight_form())
        left.addLayout(self._preset_grid())
        self.table = read_only_table(4, 4)
        left.addWidget(self.table)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.search)
        left.addWidget(self.search_button)
        self.search_result = QLabel()
        self._found: tuple[str, tuple[float, float, float]] | None = None  # gate, line
        self.search_result.setWordWrap(True)
        left.addWidget(self.search_result)
        left.addStretch(1)
        return left

    def _weight_form(self) -> QFormLayout:
        form = QFormLayout()
        self.gate = QComboBox()
        for gate in GATES:
            self.gate.addItem(gate.upper(), gate)
        self.gate_label = QLabel()
        form.addRow(self.gate_label, self.gate)
        self.weights = []
        for label, value in (("w₁", 0.5), ("w₂", 0.5), ("b", -0.7)):
            box = QDoubleSpinBox()
            box.setRange(-2.0, 2.0)
            box.setSingleStep(0.1)
            box.setDecimals(2)
            box.setValue(value)
            form.addRow(label, box)
            self.weights.append(box)
        return form

    def _preset_grid(self) -> QGridLayout:
        presets = QGridLayout()
        self.preset_buttons = {}
        for k, name in enumerate(PRESETS):
            button = QPushButton()
            button.setToolTip("w₁, w₂, b = " + ", ".join(map(str, PRESETS[name])))  # i18n: not ui
            button.clicked.connect(lambda _=False, n=name: self.apply_preset(n))
            presets.addWidget(button, k // 2, k % 2)
            self.preset_buttons[name] = button
        return presets

    def _plot_column(self) -> QVBoxLayout:
        """The four gate points, the neuron's line and its shaded "answers 1" side."""
        middle = QVBoxLayout()
        plot_widget = pg.PlotWidget(background="w")
        self.plot = plot_widget.getPlotItem()
        self.plot.setXRange(-0.5, 1.5)
        self.plot.setYRange(-0.5, 1.5)
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setLabel("bottom", "x₁")
        self.plot.setLabel("left", "x₂")
        self.shade = QGraphicsPolygonItem()
        self.shade.setBrush(QBrush(ONE_SHADE))
        self.shade.setPen(pg.mkPen(None))
        self.shade.setZValue(-10)
        self.plot.addItem(self.shade, ignoreBounds=True)
        self.line = self.plot.plot(pen=pg.mkPen(theme.TEXT, width=2))
        self.points = pg.ScatterPlotItem(size=22)
        self.plot.addItem(self.points)
        self.rings = pg.ScatterPlotItem(size=40, brush=pg.mkBrush(None),
                                        pen=pg.mkPen(theme.PROBLEM, width=4))
        self.plot.addItem(self.rings)
        middle.addWidget(plot_widget, 1)
        self.key = QLabel()
        self.key.setWordWrap(True)
        self.key.setStyleSheet(f"color: {theme.MUTED_TEXT}")
        middle.addWidget(self.key)
        return middle

    def _two_layer_column(self) -> QVBoxLayout:
        """The two-layer XOR: the book's hand-set network next to a learned 2-2-1 one."""
        right = QVBoxLayout()
        self.two_layer_box = QGroupBox()
        box_layout = QVBoxLayout(self.two_layer_box)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        box_layout.addWidget(self.explain)
        self.two_layer = read_only_table(4, 6)
        box_layout.addWidget(self.two_layer)
        self.weights_caption = QLabel()
        self.weights_caption.setWordWrap(True)
        box_layout.addWidget(self.weights_caption)
        self.weight_table = read_only_table(len(HAND_WEIGHTS) + 3, 4)
        header = self.weight_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        box_layout.addWidget(self.weight_table)
        box_layout.addLayout(self._train_row())
        self.train_result = QLabel()
        self.train_result.setWordWrap(True)
        box_layout.addWidget(self.train_result)
        right.addWidget(self.two_layer_box)
        right.addStretch(1)
        return right

    def _train_row(self) -> QHBoxLayout:
        train_row = QHBoxLayout()
        self.train_button = QPushButton()
        self.train_button.clicked.connect(self.train_two_layer)
        train_row.addWidget(self.train_button)
        self.seed_label = QLabel()
        train_row.addWidget(self.seed_label)
        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        train_row.addWidget(self.seed)
        train_row.addStretch(1)
        return train_row

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

    def wrong_rows(self) -> list[int]:
        """The rows of the truth table the neuron gets wrong."""
        targets = gate_targets(self.gate.currentData())
        return [r for r, (a, t) in enumerate(zip(self.answers(), targets, strict=True))
                if a != t]

    def refresh(self) -> None:
        targets = gate_targets(self.gate.currentData())
        answers = self.answers()
        wrong = self.wrong_rows()
        fill(self.table, [[int(x1), int(x2), int(t), a] for (x1, x2), t, a in
                          zip(GATE_INPUTS, targets, answers, strict=True)], set(wrong))
        colours = [QColor(theme.POSITIVE) if t else QColor(theme.NEGATIVE) for t in targets]
        self.points.setData(x=GATE_INPUTS[:, 0], y=GATE_INPUTS[:, 1], brush=colours,
                            pen=pg.mkPen("k", width=1))
        self.rings.setData(x=GATE_INPUTS[wrong, 0], y=GATE_INPUTS[wrong, 1])
        self.line.setData(*line_points(*self.values()))
        self.shade.setPolygon(QPolygonF([QPointF(x, y) for x, y in half_plane(*self.values())]))
        if self._found != (self.gate.currentData(), self.values()):
            self._searched = None
            self.search_result.clear()  # it described another line or another gate

    def search(self) -> None:
        gate = self.gate.currentData()
        correct, (w1, w2, b) = best_line(gate_targets(gate))
        self.set_values((w1, w2, b))
        self._found = (gate, self.values())
        self.refresh()
        self._searched = (gate, correct, (w1, w2, b))
        self._show_search()

    def _show_search(self) -> None:
        if self._searched is None:
            self.search_result.clear()
            return
        gate, correct, (w1, w2, b) = self._searched
        verdict = (self.tr("a line separates it.") if correct == 4 else
                   self.tr("no straight line separates XOR: one perceptron cannot do it."))
        self.search_result.setText(self.tr(
            "Best line found for {gate}: {correct} of 4 right (w₁ = {w1}, w₂ = {w2}, b = {b}; "
            "nearest point {margin} away) — {verdict}").format(
                gate=gate.upper(), correct=correct, w1=f"{w1:g}", w2=f"{w2:g}", b=f"{b:g}",
                margin=f"{margin(w1, w2, b):.2f}", verdict=verdict))

    # ------------------------------------------------------------------ two layers
    def train_two_layer(self) -> None:
        """Train the example 2-2-1 network from the seed in the box; fill its column."""
        project = self._project
        settings = replace(project.settings, seed=self.seed.value())
        net = replace(project, settings=settings).build_network()
        trainer = Trainer(net, project.data.load(), settings)
        trainer.run()
        self.learned_net = net
        self.learned = [int(v) for v in net.classify(GATE_INPUTS)]
        right = int(np.sum(np.array(self.learned) == gate_targets("xor")))
        self._trained = (settings.seed, right, trainer.epoch)
        self._show_trained()
        self._fill_two_layer()

    def _show_trained(self) -> None:
        if self._trained is None:
            return
        seed, right, epochs = self._trained
        if right == 4:
            text = self.tr("Seed {seed}: {right} of 4 right after {epochs} epochs")
        else:
            text = self.tr("Seed {seed}: {right} of 4 right after {epochs} epochs — stuck in a "
                           "local minimum: try another seed")
        self.train_result.setText(text.format(seed=seed, right=right, epochs=epochs))

    def learned_weights(self) -> dict[str, tuple[float, float, float]]:
        """The learned network's units → (w₁, w₂, b) on their two inputs."""
        if self.learned_net is None:
            return {}
        p = self.learned_net.params
        w1, b1, w2, b2 = (np.asarray(p[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2"))
        learned = self.tr("{unit} (learned)")
        return {learned.format(unit="h₁"): (w1[0, 0], w1[1, 0], b1[0]),
                learned.format(unit="h₂"): (w1[0, 1], w1[1, 1], b1[1]),
                learned.format(unit="y"): (w2[0, 0], w2[1, 0], b2[0])}

    def _fill_two_layer(self) -> None:
        learned = self.learned or ["–"] * 4
        fill(self.two_layer, [[int(x1), int(x2), s1, s2, y, n] for (x1, x2), s1, s2, y, n in
                              zip(GATE_INPUTS, self.hidden, self.hidden_or, self.by_hand,
                                  learned, strict=True)])
        rows = [[name, f"{w1:g}", f"{w2:g}", f"{b:g}"] for name, (w1, w2, b) in
                HAND_WEIGHTS.items()]
        rows += [[name, f"{w1:.2f}", f"{w2:.2f}", f"{b:.2f}"] for name, (w1, w2, b) in
                 self.learned_weights().items()]
        fill(self.weight_table, rows)

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text of the lab in the current language, from its current state."""
        set_headers(self.table, ["x₁", "x₂", self.tr("target"), self.tr("output")])
        self.table.setToolTip(self.tr("The neuron's answer for each input; a wrong answer is "
                                      "bold red"))
        name_view(self.table, self.tr("The gate's truth table and the neuron's answers"))
        name_view(self.plot.getViewWidget(), self.tr("The inputs and the neuron's line"), self.tr(
            "x₁ across, x₂ up: the four inputs as dots (blue: target 1, orange: 0), the "
            "neuron's line, the side where it answers 1 shaded, a red ring round each wrong "
            "answer"))
        self.search_button.setText(self.tr("Search for a line"))
        self.search_button.setToolTip(self.tr(
            "Try every w₁, w₂, b from −1 to 1 in steps of 0.1 and show the best one (ties: the "
            "line farthest from the points)"))
        self.gate_label.setText(self.tr("Target gate"))
        self.gate.setToolTip(self.tr("The truth table the neuron should reproduce (the dots' "
                                     "colours: blue = 1, orange = 0)"))
        tips = (self.tr("Weight of input x₁: tilts the line"),
                self.tr("Weight of input x₂: tilts the line"),
                self.tr("Bias b: shifts the line; the neuron answers 1 where "
                        "w₁x₁ + w₂x₂ + b > 0"))
        for box, tip in zip(self.weights, tips, strict=True):
            box.setToolTip(tip)
        for name, button in self.preset_buttons.items():
            button.setText(_(name))
        self.key.setText(self.tr("Shaded: the neuron answers 1 · dots: target 1 (blue), "
                                 "0 (orange) · red ring: a wrong answer"))
        self.two_layer_box.setTitle(self.tr("Two layers solve XOR"))
        self.explain.setText(self.tr("By hand (the book): s₁ = NAND(x), s₂ = OR(x), "
                                     "y = AND(s₁, s₂). Learned: a 2-2-1 sigmoid network."))
        set_headers(
            self.two_layer, ["x₁", "x₂", "s₁\nNAND", "s₂\nOR", "y\nAND", self.tr("learned\n2-2-1")])
        self.two_layer.setToolTip(self.tr("s₁, s₂: the hidden step neurons' outputs; y: the "
                                          "output neuron's; learned: the trained network's "
                                          "answer"))
        self.weights_caption.setText(self.tr("Weights (w₁, w₂ on the unit's two inputs, "
                                             "and b):"))
        set_headers(self.weight_table, [self.tr("unit"), "w₁", "w₂", "b"])
        self.weight_table.setToolTip(self.tr(
            "Hand-set: the book's NAND, OR and AND neurons. Learned: the hidden sigmoid units "
            "h₁, h₂ and the output after training"))
        name_view(self.two_layer, self.tr("The two-layer networks' answers"))
        name_view(self.weight_table, self.tr("The two-layer networks' weights"))
        self.train_button.setText(self.tr("Train again"))
        self.train_button.setToolTip(self.tr(
            "Train the 2-2-1 network from new random weights drawn with this seed (momentum, "
            "lr 1, up to 2,000 epochs)"))
        self.seed_label.setText(self.tr("seed"))
        self.seed.setToolTip(self.tr("The random start of the learned network. Some seeds get "
                                     "stuck with 3 of 4 right (a local minimum) — try seed 2"))
        self._show_search()
        self._show_trained()
        self._fill_two_layer()
