"""Lab 4: the optimizer race — six optimizers' paths over a surface from the same start, step
by step or animated, and the same network trained by each from the same initial weights."""

from __future__ import annotations

from collections.abc import Callable

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
from core.i18n import _
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
from gui.i18n import on_language_change, translate
from gui.labs.base import LabWindow, say
from gui.labs.optimizer_race_plots import (
    ANIMATE_MS,
    DASHED,
    ISO_LEVELS,
    LAB,
    RACE_NOTICE,
    SURFACE_NOTICES,
    TIPS,
    SideLegend,
    pen,
    race_rates_text,
    show_surface,
    stack_dashes_on_top,
    tip,
)
from gui.widgets import NumberSpinBox

LR_RANGE = (1e-6, 10.0)
SWATCH = "<span style='color:{colour}'>{dash}</span>"  # i18n: not ui (an optimizer's line)

class OptimizerRaceLab(LabWindow):
    @property
    def title(self) -> str:
        return self.tr("Optimizer race")

    @property
    def notice(self) -> str:
        """The chosen surface's notice, then the race's (the first surface's while building)."""
        combo = getattr(self, "surface", None)
        key = combo.currentData() if combo is not None else next(iter(SURFACE_NOTICES))
        return translate(LAB, SURFACE_NOTICES[key]) + translate(LAB, RACE_NOTICE)

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.paths: dict[str, Trace] = {}
        self.shown = 0
        self.race: dict[str, list[float]] = {}
        self._race_text: tuple[Callable[[], str], bool] = (str, False)
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
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Every text in the current language, from the lab's current state."""
        self.setWindowTitle(self.tr("{title} — NetCanvas lab").format(title=self.title))
        self.notice_label.setText(self.notice)
        for index in range(self.surface.count()):
            self.surface.setItemText(index, _(self.surface.itemData(index)))
        self.surface.setToolTip(tip("surface"))
        self.steps.setToolTip(tip("steps"))
        self.form_labels["surface"].setText(self.tr("Surface"))
        self.form_labels["steps"].setText(self.tr("Updates"))
        for name, box in self.lrs.items():
            box.setToolTip(translate(LAB, TIPS["lr"]).format(
                title=TITLES[name], description=_(optimizers.describe(name))))
            dash = "╍╍" if name in DASHED else "━━"
            line = SWATCH.format(colour=theme.OPTIMIZER_COLORS[name], dash=dash)
            label = self.form_labels[name]
            label.setText(self.tr("{line} {title} lr").format(line=line, title=TITLES[name]))
            label.setToolTip(box.toolTip())
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(tip("step"))
        self.animate_button.setToolTip(tip("animate"))
        self.race_button.setToolTip(tip("race"))
        self._name_buttons()
        self.race_rates.setText(race_rates_text(BOOK_RACE_LR))
        self.race_rates.setToolTip(tip("race_rates"))
        self.plot.setTitle(self.tr("Paths from the same start"))
        self.loss_plot.setTitle(self.tr("Training loss on digits"))
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self._show_divergence()
        self._say_race(*self._race_text)

    def _name_buttons(self) -> None:
        self.animate_button.setText(self.tr("Stop animation") if self.animating else
                                    self.tr("Animate"))
        self.race_button.setText(self.tr("Stop race") if self.job.running else
                                 self.tr("Race on digits"))

    def _say_race(self, text: Callable[[], str], error: bool = False) -> None:
        """The race's status: what ``text()`` says (said again in a new language)."""
        self._race_text = (text, error)
        say(self.race_status, text(), error)

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
        self.step_button = QPushButton()
        self.animate_button = QPushButton()
        self.race_button = QPushButton()
        for button in (self.step_button, self.animate_button, self.race_button):
            left.addWidget(button)
        self.race_rates = QLabel()
        self.race_rates.setWordWrap(True)
        self.race_rates.setStyleSheet(f"color: {theme.STATUS_TEXT};")
        left.addWidget(self.race_rates)
        self.race_status = QLabel("")
        self.race_status.setWordWrap(True)
        left.addWidget(self.race_status)
        left.addStretch(1)
        return left

    def _surface_form(self) -> QFormLayout:
        form = QFormLayout()
        self.form_labels = {key: QLabel() for key in ("surface", "steps", *optimizers.NAMES)}
        self.surface = QComboBox()
        for name in SURFACES:
            self.surface.addItem(_(name), name)
        form.addRow(self.form_labels["surface"], self.surface)
        self.steps = QSpinBox()
        self.steps.setRange(1, 200)
        self.steps.setValue(SURFACES[self.surface.currentData()].steps)
        self.steps.setKeyboardTracking(False)
        form.addRow(self.form_labels["steps"], self.steps)
        self.lrs: dict[str, NumberSpinBox] = {}
        rates = SURFACES[self.surface.currentData()].rates
        for name in optimizers.NAMES:
            box = NumberSpinBox(significant=4)
            box.setRange(*LR_RANGE)
            box.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
            box.setKeyboardTracking(False)  # one recompute per Enter, not per keystroke
            box.setValue(rates[name])
            form.addRow(self.form_labels[name], box)
            self.lrs[name] = box
        return form

    def _path_plot(self, plots: pg.GraphicsLayoutWidget) -> None:
        """The surface with every optimizer's path, its legend beside it."""
        self.plot = plots.addPlot(row=0, col=0)
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
        self.loss_plot = plots.addPlot(row=1, col=0)
        self.loss_plot.setMenuEnabled(False)
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
        self.notice_label.setText(self.notice)
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
        self._show_divergence()
        self.shown = self.steps.value()
        self._draw()

    def _show_divergence(self) -> None:
        """Which paths diverged, in the legend and the status line."""
        diverged = {name: t.diverged_at for name, t in self.paths.items()
                    if t.diverged_at is not None}
        self.path_legend.fill(self.curves, {name: self.tr("diverged at step {k}").format(k=k)
                                            for name, k in diverged.items()})
        if diverged:
            names = ", ".join(self.tr("{title} (step {k})").format(title=TITLES[name], k=k)
                              for name, k in diverged.items())
            say(self.path_status, self.tr("Diverged: {names}. Its rate is too large for this "
                                          "surface; the path stops where it left the "
                                          "numbers.").format(names=names), error=True)
        else:
            say(self.path_status, "")

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
        self._name_buttons()

    def stop_animation(self) -> None:
        self._timer.stop()
        self._name_buttons()

    # ------------------------------------------------------------------ the race
    @Slot()
    def toggle_race(self) -> None:
        """Start the race on digits in the background, or stop the one running."""
        if self.job.running:
            self.job.cancel()
            self._say_race(lambda: self.tr("Stopping…"))
            return
        self.race = {}
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.loss_legend.fill(self.loss_curves, {})

        def work(report, cancel):
            return book_race(on_epoch=lambda name, curve: report((name, curve)), cancel=cancel)

        self.job.start(work)
        self._say_race(lambda: self.tr("Training with {title}…").format(
            title=TITLES[optimizers.NAMES[0]]))

    @Slot(bool)
    def _race_running(self, running: bool) -> None:
        self._name_buttons()

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
        epoch = len(losses)
        self._say_race(lambda: self.tr("Training with {title}: epoch {n} of {total}").format(
            title=TITLES[name], n=epoch, total=BOOK_RACE_SETTINGS.epochs))

    @Slot(object)
    def _race_finished(self, curves: dict[str, list[float]]) -> None:
        self._show_race(curves)
        complete = len(curves) == len(optimizers.NAMES) and all(
            len(c) == BOOK_RACE_SETTINGS.epochs for c in curves.values())
        if complete:
            best = min(curves, key=lambda n: curves[n][-1])
            slowest = max(curves, key=lambda n: curves[n][-1])
            self._say_race(lambda: self.tr(
                "Lowest final loss: {best} ({best_loss}); slowest: {slowest} ({slowest_loss})")
                .format(best=TITLES[best], best_loss=f"{curves[best][-1]:.3f}",
                        slowest=TITLES[slowest], slowest_loss=f"{curves[slowest][-1]:.3f}"))
        else:
            self._say_race(lambda: self.tr("Stopped: the curves so far are shown."))

    @Slot(str)
    def _race_failed(self, message: str) -> None:
        self._say_race(lambda: self.tr("The race failed: {message}").format(message=message),
                       error=True)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_animation()
        super().closeEvent(event)

    def closed_mid_run(self) -> None:
        self._say_race(lambda: self.tr("Stopped when the window closed: the curves so far are "
                                       "shown. Race on digits runs it again."))
