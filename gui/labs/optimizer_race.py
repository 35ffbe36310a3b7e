"""Lab 4: the optimizer race — six optimizers' paths over a surface from the same start, step
by step or animated, and the same network trained by each from the same initial weights."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGraphicsLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.engine import optimizers
from core.labs.optimizer_race import (
    BOOK_RACE_LR,
    BOOK_RACE_SETTINGS,
    SURFACES,
    TITLES,
    Surface,
    Trace,
    book_race,
    trace,
)
from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.labs.base import LabWindow, say
from gui.labs.optimizer_race_plots import (
    DASHED,
    ISO_LEVELS,
    SideLegend,
    pen,
    show_surface,
    stack_dashes_on_top,
)
from gui.widgets import NumberSpinBox

LR_RANGE = (1e-6, 10.0)
ANIMATE_MS = 120

TIPS = {
    "surface": "The function f(x, y) every optimizer walks down, all from the same start.\n"
               "x²/20 + y² is steep in y and flat in x: a narrow valley (the book's figure).\n"
               "x² + y² is equally steep everywhere. Rosenbrock's valley is curved and far "
               "steeper:\nit needs much smaller rates. Choosing a surface sets its own rates "
               "and number of updates.\nThe + marks the minimum; the lines join points of "
               "equal f.",
    "steps": "How many updates each optimizer makes. Every path is shown whole; Step and "
             "Animate replay it.",
    "step": "Show the paths again from the start, one more update each time it is clicked: "
            "watch\nwho moves where after 1, 2, 3 steps.",
    "animate": "Replay every path from the start, one update every "
               f"{ANIMATE_MS} ms; click again to stop.\nChanging a rate, the surface or the "
               "number of updates stops it too.",
    "race": "Train the book's 64-100-100-100-100-10 network (ReLU, batches of 128) on the "
            "digits\nfor 10 epochs with each optimizer at the book's rate, all from the same "
            "initial weights.\nIt runs in the background (it ran once when the lab opened); "
            "click again to stop.",
    "race_rates": "The race uses the book's rates, not the boxes above: those are for the "
                  "2-D surface,\nwhose gradients are of a different size than a network's.",
    "lr": "Learning rate of {title} on the surface (type e.g. 5e-4). Too large and every step "
          "overshoots further than the last:\nthe path diverges and stops where it left the "
          "numbers.\n{description}",
}


def race_rates_text(lrs: dict[str, float]) -> str:
    """'SGD, Momentum, Nesterov, AdaGrad 0.01 · RMSprop, Adam 0.001 (the book's)'."""
    groups: dict[float, list[str]] = {}
    for name in optimizers.NAMES:
        groups.setdefault(lrs[name], []).append(TITLES[name])
    parts = [f"{', '.join(names)} {rate:g}" for rate, names in groups.items()]
    return " · ".join(parts) + " (the book's)"


SURFACE_NOTICES = {
    "x²/20 + y²": (
        "<b>What to notice.</b> On f(x, y) = x²/20 + y² (steep in y, flat in x) from (−7, 2) "
        "with the book's learning rates: <b>SGD</b> zig-zags across the valley, "
        "<b>Momentum</b> rolls like a ball and overshoots, <b>AdaGrad</b> damps y at once, "
        "<b>Adam</b> combines both. "),
    "x² + y²": (
        "<b>What to notice.</b> On the round bowl x² + y² every gradient points straight at "
        "the minimum: there is no narrow valley to zig-zag across. SGD at 0.95 still "
        "overshoots — each step multiplies x and y by 1 − 2·0.95 = −0.9 — while Nesterov "
        "ends almost exactly on the minimum. "),
    "Rosenbrock (1−x)² + 10(y−x²)²": (
        "<b>What to notice.</b> Rosenbrock's curved valley needs far smaller rates (the "
        "bowl's send SGD, Momentum and Nesterov off to infinity within 4 steps). In 100 "
        "updates from (−1.5, 2), <b>Momentum</b>, <b>Nesterov</b> and <b>Adam</b> reach the "
        "minimum at (1, 1); <b>SGD</b> crawls along the valley floor, and <b>AdaGrad</b>'s "
        "ever-shrinking steps leave it half-way. "),
}
RACE_NOTICE = (
    "Change a learning rate and the path is recomputed; too large a rate and the path "
    "diverges. Below, the same network trained on the digits by each optimizer from the same "
    "weights: as in the book, plain SGD learns slowest.")


class OptimizerRaceLab(LabWindow):
    title = "Optimizer race"
    notice = SURFACE_NOTICES["x²/20 + y²"] + RACE_NOTICE

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.paths: dict[str, Trace] = {}
        self.shown = 0
        self.race: dict[str, list[float]] = {}
        self._build()
        self.job = BackgroundJob(self)
        self.job.progress.connect(self._race_progress)
        self.job.finished.connect(self._race_finished)
        self.job.failed.connect(self._race_failed)
        self.job.running_changed.connect(self._race_running)
        self._timer = QTimer(self)
        self._timer.setInterval(ANIMATE_MS)
        self._timer.timeout.connect(self._advance)
        self.surface.currentIndexChanged.connect(self._surface_changed)
        self.steps.valueChanged.connect(self.recompute)
        for box in self.lrs.values():
            box.valueChanged.connect(self.recompute)
        self.step_button.clicked.connect(self.step)
        self.animate_button.clicked.connect(self.toggle_animation)
        self.race_button.clicked.connect(self.toggle_race)
        self.recompute()
        self.toggle_race()  # the book's race, in the background from the first moment

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QHBoxLayout(self.body)
        layout.addLayout(self._controls(), 1)
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self._path_plot(plots)
        self._loss_plot(plots)
        grid: QGraphicsLayout = plots.ci.layout
        for legend in (self.path_legend, self.loss_legend):
            grid.setAlignment(legend, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.path_legend.fill(self.curves, {})
        self.loss_legend.fill(self.loss_curves, {})
        layout.addWidget(plots, 3)

    def _controls(self) -> QVBoxLayout:
        """The surface, its rates and updates, the buttons and the race's status."""
        left = QVBoxLayout()
        left.addLayout(self._surface_form())
        self.path_status = QLabel("")
        self.path_status.setWordWrap(True)
        left.addWidget(self.path_status)
        self.step_button = QPushButton("Step")
        self.step_button.setToolTip(TIPS["step"])
        self.animate_button = QPushButton("Animate")
        self.animate_button.setToolTip(TIPS["animate"])
        self.race_button = QPushButton("Race on digits")
        self.race_button.setToolTip(TIPS["race"])
        for button in (self.step_button, self.animate_button, self.race_button):
            left.addWidget(button)
        self.race_rates = QLabel(race_rates_text(BOOK_RACE_LR))
        self.race_rates.setWordWrap(True)
        self.race_rates.setStyleSheet(f"color: {theme.STATUS_TEXT};")
        self.race_rates.setToolTip(TIPS["race_rates"])
        left.addWidget(self.race_rates)
        self.race_status = QLabel("")
        self.race_status.setWordWrap(True)
        left.addWidget(self.race_status)
        left.addStretch(1)
        return left

    def _surface_form(self) -> QFormLayout:
        form = QFormLayout()
        self.surface = QComboBox()
        for name in SURFACES:
            self.surface.addItem(name, name)
        self.surface.setToolTip(TIPS["surface"])
        form.addRow("Surface", self.surface)
        self.steps = QSpinBox()
        self.steps.setRange(1, 200)
        self.steps.setValue(SURFACES[self.surface.currentData()].steps)
        self.steps.setKeyboardTracking(False)
        self.steps.setToolTip(TIPS["steps"])
        form.addRow("Updates", self.steps)
        self.lrs: dict[str, NumberSpinBox] = {}
        rates = SURFACES[self.surface.currentData()].rates
        for name in optimizers.NAMES:
            box = NumberSpinBox(significant=4)
            box.setRange(*LR_RANGE)
            box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            box.setKeyboardTracking(False)  # one recompute per Enter, not per keystroke
            box.setValue(rates[name])
            box.setToolTip(TIPS["lr"].format(title=TITLES[name],
                                             description=optimizers.describe(name)))
            dash = "╍╍" if name in DASHED else "━━"
            label = QLabel(f"<span style='color:{theme.OPTIMIZER_COLORS[name]}'>{dash}</span>"
                           f" {TITLES[name]} lr")
            label.setToolTip(box.toolTip())
            form.addRow(label, box)
            self.lrs[name] = box
        return form

    def _path_plot(self, plots: pg.GraphicsLayoutWidget) -> None:
        """The surface with every optimizer's path, its legend beside it."""
        self.plot = plots.addPlot(row=0, col=0, title="Paths from the same start")
        self.plot.setMenuEnabled(False)
        self.shading = pg.ImageItem(axisOrder="row-major")
        self.shading.setZValue(-10)
        self.plot.addItem(self.shading)
        self.isocurves = [pg.IsocurveItem(pen=pg.mkPen(theme.CONTOUR, width=1),
                                          axisOrder="row-major") for _ in range(ISO_LEVELS)]
        for iso in self.isocurves:
            iso.setParentItem(self.shading)  # drawn in the shading's (x, y) coordinates
        self.minimum = pg.ScatterPlotItem(symbol="+", size=18, pen=pg.mkPen(None),
                                          brush=pg.mkBrush(theme.MINIMUM))
        self.minimum.setZValue(50)  # above the paths that end on it
        self.plot.addItem(self.minimum)
        self.curves = {name: self.plot.plot(pen=pen(name), symbol="o", symbolSize=4,
                                            symbolBrush=theme.OPTIMIZER_COLORS[name],
                                            symbolPen=None, name=name) for name in optimizers.NAMES}
        stack_dashes_on_top(self.curves)
        self.path_legend = SideLegend()
        plots.addItem(self.path_legend, row=0, col=1)

    def _loss_plot(self, plots: pg.GraphicsLayoutWidget) -> None:
        """The race's training loss per epoch, its legend beside it."""
        self.loss_plot = plots.addPlot(row=1, col=0, title="Training loss on digits")
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.setLabel("bottom", "epoch")
        self.loss_plot.setXRange(1, BOOK_RACE_SETTINGS.epochs, padding=0.02)
        self.loss_curves = {name: self.loss_plot.plot(pen=pen(name), name=name)
                            for name in optimizers.NAMES}
        stack_dashes_on_top(self.loss_curves)
        self.loss_legend = SideLegend()
        plots.addItem(self.loss_legend, row=1, col=1)

    # ------------------------------------------------------------------ the paths
    def current_surface(self) -> Surface:
        return SURFACES[self.surface.currentData()]

    @Slot(int)
    def _surface_changed(self, _index: int) -> None:
        """A new surface brings its own rates and number of updates (one recompute)."""
        surface = self.current_surface()
        for widget in (self.steps, *self.lrs.values()):
            widget.blockSignals(True)
        self.steps.setValue(surface.steps)
        for name, box in self.lrs.items():
            box.setValue(surface.rates[name])
        for widget in (self.steps, *self.lrs.values()):
            widget.blockSignals(False)
        self.notice_label.setText(SURFACE_NOTICES[self.surface.currentData()] + RACE_NOTICE)
        self.recompute()

    @Slot()
    def recompute(self) -> None:
        """Every path in full (shown whole; Step/Animate replay it from the start)."""
        self.stop_animation()
        surface = self.current_surface()
        self.paths = {name: trace(surface, name, box.value(), self.steps.value())
                      for name, box in self.lrs.items()}
        show_surface(surface, self.shading, self.isocurves)
        x0, x1, y0, y1 = surface.window
        self.minimum.setData([surface.minimum[0]], [surface.minimum[1]])
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.plot.disableAutoRange()
        diverged = {name: t.diverged_at for name, t in self.paths.items()
                    if t.diverged_at is not None}
        self.path_legend.fill(self.curves,
                              {name: f"diverged at step {k}" for name, k in diverged.items()})
        if diverged:
            names = ", ".join(f"{TITLES[name]} (step {k})" for name, k in diverged.items())
            say(self.path_status, f"Diverged: {names}. Its rate is too large for this "
                                  "surface; the path stops where it left the numbers.",
                error=True)
        else:
            say(self.path_status, "")
        self.shown = self.steps.value()
        self._draw()

    def _draw(self) -> None:
        for name, t in self.paths.items():
            shown = t.points[: self.shown + 1]
            self.curves[name].setData(shown[:, 0], shown[:, 1])

    @Slot()
    def step(self) -> None:
        """One more update of every path (from the start again once all are shown)."""
        self.stop_animation()
        self._advance()

    @Slot()
    def _advance(self) -> None:
        if self.shown >= self.steps.value():
            self.shown = 0
        self.shown += 1
        self._draw()
        if self.shown >= self.steps.value():
            self.stop_animation()

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def toggle_animation(self) -> None:
        """Animate every path from the start, or stop the animation running."""
        if self.animating:
            self.stop_animation()
            return
        self.shown = 0
        self._draw()
        self._timer.start()
        self.animate_button.setText("Stop animation")

    def stop_animation(self) -> None:
        self._timer.stop()
        self.animate_button.setText("Animate")

    # ------------------------------------------------------------------ the race
    @Slot()
    def toggle_race(self) -> None:
        """Start the race on digits in the background, or stop the one running."""
        if self.job.running:
            self.job.cancel()
            say(self.race_status, "Stopping…")
            return
        self.race = {}
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.loss_legend.fill(self.loss_curves, {})

        def work(report, cancel):
            return book_race(on_epoch=lambda name, curve: report((name, curve)), cancel=cancel)

        self.job.start(work)
        say(self.race_status, f"Training with {TITLES[optimizers.NAMES[0]]}…")

    @Slot(bool)
    def _race_running(self, running: bool) -> None:
        self.race_button.setText("Stop race" if running else "Race on digits")

    def _show_race(self, curves: dict[str, list[float]]) -> None:
        for name, losses in curves.items():
            self.race[name] = losses
            self.loss_curves[name].setData(np.arange(1, len(losses) + 1), losses)
        self.loss_legend.fill(self.loss_curves,
                              {name: f"{losses[-1]:.3f}" for name, losses in self.race.items()
                               if losses})

    @Slot(object)
    def _race_progress(self, payload: tuple[str, list[float]]) -> None:
        name, losses = payload
        self._show_race({name: losses})
        say(self.race_status,
            f"Training with {TITLES[name]}: epoch {len(losses)} of {BOOK_RACE_SETTINGS.epochs}")

    @Slot(object)
    def _race_finished(self, curves: dict[str, list[float]]) -> None:
        self._show_race(curves)
        complete = len(curves) == len(optimizers.NAMES) and all(
            len(c) == BOOK_RACE_SETTINGS.epochs for c in curves.values())
        if complete:
            best = min(curves, key=lambda n: curves[n][-1])
            slowest = max(curves, key=lambda n: curves[n][-1])
            say(self.race_status, f"Lowest final loss: {TITLES[best]} ({curves[best][-1]:.3f}); "
                                  f"slowest: {TITLES[slowest]} ({curves[slowest][-1]:.3f})")
        else:
            say(self.race_status, "Stopped: the curves so far are shown.")

    @Slot(str)
    def _race_failed(self, message: str) -> None:
        say(self.race_status, f"The race failed: {message}", error=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_animation()
        super().closeEvent(event)

    def closed_mid_run(self) -> None:
        say(self.race_status, "Stopped when the window closed: the curves so far are shown. "
                              "Race on digits runs it again.")
