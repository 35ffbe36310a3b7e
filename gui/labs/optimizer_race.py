"""Lab 4: the optimizer race — six optimizers' paths over a surface from the same start, step
by step or animated, and the same network trained by each from the same initial weights."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import optimizers
from core.datasets import load_digits
from core.optimizer_race import BOOK_LR, SURFACES, path, train_curves
from core.settings import TrainingSettings
from core.spec import NetworkSpec

from ..heat_colors import CLASS_HEX
from .background import BackgroundJob
from .base import LabWindow

COLOURS = {name: CLASS_HEX[k] for k, name in enumerate(optimizers.NAMES)}
# The book's MNIST comparison, on the bundled digits: 4 hidden layers of 100 ReLU units,
# batches of 128, its rates (SGD, Momentum, AdaGrad 0.01; Adam 0.001). Measured, seed 0, after
# 10 epochs: SGD 0.71, the others 0.007-0.048 — SGD slowest by far, as in the book's figure.
RACE_SPEC = NetworkSpec.mlp([64, 100, 100, 100, 100, 10], hidden_activation="relu")
RACE_SETTINGS = TrainingSettings(epochs=10, batch_size=128, standardize=True)
RACE_LR = {"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.01, "rmsprop": 0.001,
           "adam": 0.001}


class OptimizerRaceLab(LabWindow):
    title = "Optimizer race"
    notice = (
        "<b>What to notice.</b> On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) "
        "with the book's learning rates: <b>SGD</b> zig-zags across the valley, "
        "<b>Momentum</b> rolls like a ball and overshoots, <b>AdaGrad</b> damps y at once, "
        "<b>Adam</b> combines both. Change a learning rate and the path is recomputed; "
        "<i>Race on digits</i> trains one network with each optimizer from the same weights: "
        "as in the book, plain SGD learns slowest.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self.body)
        left = QVBoxLayout()
        form = QFormLayout()
        self.surface = QComboBox()
        for name in SURFACES:
            self.surface.addItem(name, name)
        form.addRow("Surface", self.surface)
        self.steps = QSpinBox()
        self.steps.setRange(1, 200)
        self.steps.setValue(30)
        form.addRow("Updates", self.steps)
        self.lrs: dict[str, QDoubleSpinBox] = {}
        for name in optimizers.NAMES:
            box = QDoubleSpinBox()
            box.setDecimals(3)
            box.setRange(0.001, 5.0)
            box.setSingleStep(0.05)
            box.setValue(BOOK_LR[name])
            box.setToolTip(optimizers.describe(name))
            label = QLabel(f"<span style='color:{COLOURS[name]}'>■</span> {name} lr")
            form.addRow(label, box)
            self.lrs[name] = box
        left.addLayout(form)
        self.step_button = QPushButton("Step")
        self.step_button.setToolTip("Show one more update of every optimizer")
        self.animate_button = QPushButton("Animate")
        self.race_button = QPushButton("Race on digits")
        self.race_button.setToolTip("Train the book's 64-100-100-100-100-10 network with each "
                                    "optimizer at the book's rate, 10 epochs, "
                                    "all from the same initial weights (in the background; "
                                    "click again to stop)")
        self.race_status = QLabel("")
        self.race_status.setWordWrap(True)
        for button in (self.step_button, self.animate_button, self.race_button):
            left.addWidget(button)
        left.addWidget(self.race_status)
        left.addStretch(1)
        layout.addLayout(left, 1)

        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self.plot = plots.addPlot(row=0, col=0, title="Paths from the same start")
        self.contour = pg.ImageItem(axisOrder="row-major")
        self.contour.setZValue(-10)
        self.plot.addItem(self.contour)
        self.curves = {name: self.plot.plot(pen=pg.mkPen(COLOURS[name], width=2),
                                            symbol="o", symbolSize=4,
                                            symbolBrush=COLOURS[name], symbolPen=None,
                                            name=name) for name in optimizers.NAMES}
        self.loss_plot = plots.addPlot(row=1, col=0, title="Training loss on digits")
        self.loss_plot.setLabel("bottom", "epoch")
        self.loss_plot.addLegend(offset=(-10, 10))
        self.loss_curves = {name: self.loss_plot.plot(pen=pg.mkPen(COLOURS[name], width=2),
                                                      name=name) for name in optimizers.NAMES}
        layout.addWidget(plots, 3)

        self.paths: dict[str, np.ndarray] = {}
        self.shown = 0
        self.race: dict[str, list[float]] = {}
        self.job = BackgroundJob(self)
        self.job.progress.connect(self._race_progress)
        self.job.finished.connect(self._race_finished)
        self.job.failed.connect(self._race_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.step)
        self.surface.currentIndexChanged.connect(self.recompute)
        self.steps.valueChanged.connect(self.recompute)
        for box in self.lrs.values():
            box.valueChanged.connect(self.recompute)
        self.step_button.clicked.connect(self.step)
        self.animate_button.clicked.connect(self.animate)
        self.race_button.clicked.connect(self.toggle_race)
        self.recompute()

    def recompute(self) -> None:
        """Every path in full (shown whole; Step/Animate replay it from the start)."""
        surface = SURFACES[self.surface.currentData()]
        self.paths = {name: path(surface, name, box.value(), self.steps.value())
                      for name, box in self.lrs.items()}
        x0, x1, y0, y1 = surface.window
        xs, ys = np.linspace(x0, x1, 200), np.linspace(y0, y1, 100)
        gx, gy = np.meshgrid(xs, ys)
        levels = np.log1p(surface.f(gx, gy))
        shade = (235 - 120 * levels / levels.max()).astype(np.uint8)
        self.contour.setImage(np.dstack([shade, shade, np.full_like(shade, 240)]),
                              autoLevels=False, levels=(0, 255))
        self.contour.setRect(x0, y0, x1 - x0, y1 - y0)
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.shown = self.steps.value()
        self._draw()

    def _draw(self) -> None:
        for name, points in self.paths.items():
            shown = points[: self.shown + 1]
            self.curves[name].setData(shown[:, 0], shown[:, 1])

    def step(self) -> None:
        if self.shown >= self.steps.value():
            self.shown = 0
        self.shown += 1
        self._draw()
        if self.shown >= self.steps.value():
            self._timer.stop()

    def animate(self) -> None:
        self.shown = 0
        self._draw()
        self._timer.start()

    def toggle_race(self) -> None:
        """Start the race on digits in the background, or stop the one running."""
        if self.job.running:
            self.job.cancel()
            self.race_status.setText("Stopping…")
            return
        self.race = {}
        for curve in self.loss_curves.values():
            curve.setData([], [])
        lrs = {name: RACE_LR[name] for name in optimizers.NAMES}

        def work(report, cancel):
            return train_curves(RACE_SPEC, load_digits(), RACE_SETTINGS,
                                tuple(optimizers.NAMES), lrs,
                                on_epoch=lambda name, curve: report((name, curve)),
                                cancel=cancel)

        self.job.start(work)
        self.race_button.setText("Stop race")
        self.race_status.setText("Training with sgd…")

    @Slot(object)
    def _race_progress(self, payload: tuple[str, list[float]]) -> None:
        name, losses = payload
        self.race[name] = losses
        self.loss_curves[name].setData(np.arange(1, len(losses) + 1), losses)
        self.race_status.setText(
            f"Training with {name}: epoch {len(losses)} of {RACE_SETTINGS.epochs}")

    @Slot(object)
    def _race_finished(self, curves: dict[str, list[float]]) -> None:
        self.race_button.setText("Race on digits")
        complete = all(len(c) == RACE_SETTINGS.epochs for c in curves.values()) and \
            len(curves) == len(optimizers.NAMES)
        for name, losses in curves.items():
            self.race[name] = losses
            self.loss_curves[name].setData(np.arange(1, len(losses) + 1), losses)
        if complete:
            best = min(curves, key=lambda n: curves[n][-1])
            self.race_status.setText(f"Lowest final loss: {best} ({curves[best][-1]:.3f})")
        else:
            self.race_status.setText("Stopped: the curves so far are shown.")

    @Slot(str)
    def _race_failed(self, message: str) -> None:
        self.race_button.setText("Race on digits")
        self.race_status.setText(f"The race failed: {message}")
