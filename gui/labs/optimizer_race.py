"""Lab 4: the optimizer race — six optimizers' paths over a surface from the same start, step
by step or animated, and the same network trained by each from the same initial weights."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
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
    DESCENT,
    IN_BOOK,
    SURFACES,
    TITLES,
    Descent,
    Surface,
    Trace,
    book_descent,
    trace,
)
from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.i18n import on_language_change, translate
from gui.labs.base import LabWindow, say
from gui.labs.optimizer_race_descent import (
    DESCENT_KEY,
    DescentControls,
    GradientArrows,
    descent_curve,
    descent_title,
    legend_text,
    result_text,
)
from gui.labs.optimizer_race_digits import RaceOnDigits
from gui.labs.optimizer_race_plots import (
    ANIMATE_MS,
    DASHED,
    ISO_LEVELS,
    LAB,
    MORE_NOTICE,
    MORE_SHOWN_NOTICE,
    RACE_NOTICE,
    SURFACE_NOTICES,
    TIPS,
    PathMarkers,
    SideLegend,
    pen,
    race_rates_text,
    show_surface,
    stack_book_on_top,
    stack_shortest_on_top,
    tip,
)
from gui.widgets import NumberSpinBox

LR_RANGE = (1e-6, 10.0)
SWATCH = "<span style='color:{colour}'>{dash}</span>"  # i18n: not ui (an optimizer's line)

class OptimizerRaceLab(RaceOnDigits, LabWindow):
    @property
    def title(self) -> str:
        return self.tr("Optimizer race")

    @property
    def notice(self) -> str:
        """The chosen surface's notice, then the race's (the first surface's while building)."""
        combo = getattr(self, "surface", None)
        key = combo.currentData() if combo is not None else next(iter(SURFACE_NOTICES))
        ticked = getattr(self, "more", None) is not None and self.more.isChecked()
        more = "" if key == DESCENT_KEY else translate(
            LAB, MORE_SHOWN_NOTICE if ticked else MORE_NOTICE)
        return translate(LAB, SURFACE_NOTICES[key]) + more + translate(LAB, RACE_NOTICE)

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.paths: dict[str, Trace] = {}
        self.descent: Descent | None = None
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
        self.descent_controls.changed.connect(self.recompute)
        self.more.toggled.connect(self._show_chosen)
        self.more.toggled.connect(self.race_shown)
        self.step_button.clicked.connect(self.step)
        self.animate_button.clicked.connect(self.toggle_animation)
        self.race_button.clicked.connect(self.toggle_race)
        self._show_chosen()
        self.toggle_race()  # the book's race, in the background from the first moment
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Every text in the current language, from the lab's current state."""
        self.setWindowTitle(self.tr("{title} — NetCanvas lab").format(title=self.title))
        self.notice_label.setText(self.notice)
        for index in range(self.surface.count()):
            key = self.surface.itemData(index)
            self.surface.setItemText(index, descent_title() if key == DESCENT_KEY else _(key))
        self.descent_controls.retranslate()
        self.gradient_arrows.retranslate()
        self.more.setText(self.tr("Show Nesterov and RMSprop too"))
        self.more.setToolTip(self.tr("Add the two optimizers the book's figures leave out, "
                                     "on the surface and in the race\n(their rates are not "
                                     "the book's: on the bowls 0.1, like Momentum's)."))
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
        self.race_rates.setText(race_rates_text(BOOK_RACE_LR, self.shown_names()))
        self.race_rates.setToolTip(tip("race_rates"))
        self.plot.setTitle(self.tr("Paths from the same start"))
        self.loss_plot.setTitle(self.tr("Training loss on digits"))
        self.loss_plot.setLabel("bottom", self.tr("epoch"))
        self.loss_plot.setLabel("left", self.tr("training loss"))
        self._show_divergence()
        self._say_race(*self._race_text)

    def _name_buttons(self) -> None:
        self.animate_button.setText(self.tr("Stop animation") if self.animating else
                                    self.tr("Animate"))
        self.race_button.setText(self.tr("Stop race") if self.job.running else
                                 self.tr("Race on digits"))

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
        layout.addWidget(plots, 3)

    def _controls(self) -> QVBoxLayout:
        """The surface, its rates and updates, the buttons and the race's status."""
        left = QVBoxLayout()
        left.addLayout(self._surface_form())
        self.descent_controls = DescentControls()
        left.addWidget(self.descent_controls)
        self.more = QCheckBox()
        left.addWidget(self.more)
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
        self.form = form = QFormLayout()
        self.form_labels = {key: QLabel() for key in ("surface", "steps", *optimizers.NAMES)}
        self.surface = QComboBox()
        for name in SURFACES:
            self.surface.addItem(_(name), name)
        self.surface.addItem(descent_title(), DESCENT_KEY)
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
        self.markers = PathMarkers(self.plot)
        self.descent_curve = descent_curve(self.plot)
        self.gradient_arrows = GradientArrows(self.plot)
        self.path_legend = SideLegend()
        plots.addItem(self.path_legend, row=0, col=1)

    def _loss_plot(self, plots: pg.GraphicsLayoutWidget) -> None:
        """The race's training loss per epoch, its legend beside it."""
        self.loss_plot = plots.addPlot(row=1, col=0)
        self.loss_plot.setMenuEnabled(False)
        self.loss_plot.setXRange(1, BOOK_RACE_SETTINGS.epochs, padding=0.02)
        self.loss_curves = {name: self.loss_plot.plot(pen=pen(name), name=name)
                            for name in optimizers.NAMES}
        stack_book_on_top(self.loss_curves)
        self.loss_legend = SideLegend()
        plots.addItem(self.loss_legend, row=1, col=1)

    # ------------------------------------------------------------------ the paths
    @property
    def descending(self) -> bool:
        """Whether the book's gradient descent is shown rather than the optimizers."""
        return self.surface.currentData() == DESCENT_KEY

    def current_surface(self) -> Surface:
        return DESCENT if self.descending else SURFACES[self.surface.currentData()]

    def shown_names(self) -> tuple[str, ...]:
        """The optimizers shown: the book's four, and Nesterov and RMSprop if ticked."""
        return tuple(n for n in optimizers.NAMES if n in IN_BOOK or self.more.isChecked())

    @Slot()
    def _show_chosen(self) -> None:
        """The rows, curves and legends of what is chosen: the optimizers shown, or the
        gradient descent's rates and path."""
        shown = () if self.descending else self.shown_names()
        for name in optimizers.NAMES:
            self.form.setRowVisible(self.lrs[name], name in shown)
            self.curves[name].setVisible(name in shown)
            self.loss_curves[name].setVisible(name in self.shown_names())
        self.descent_controls.setVisible(self.descending)
        self.descent_curve.setVisible(self.descending)
        self.gradient_arrows.setVisible(self.descending)
        self.more.setVisible(not self.descending)
        self.notice_label.setText(self.notice)
        self.fill_loss_legend()
        self.race_rates.setText(race_rates_text(BOOK_RACE_LR, self.shown_names()))
        self._say_race(*self._race_text)
        self.recompute()

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
        self._show_chosen()

    @Slot()
    def recompute(self) -> None:
        """Every path in full (shown whole; Step/Animate replay it from the start)."""
        self.stop_animation()
        surface = self.current_surface()
        if self.descending:
            self.descent = book_descent(self.descent_controls.lr(), self.steps.value())
            self.paths = {DESCENT_KEY: self.descent.drawable()}
        else:
            self.paths = {name: trace(surface, name, box.value(), self.steps.value())
                          for name, box in self.lrs.items()}
        show_surface(surface, self.shading, self.isocurves)
        x0, x1, y0, y1 = surface.window
        self.minimum.setData([surface.minimum[0]], [surface.minimum[1]])
        self.plot.setLabel("bottom", surface.variables[0])  # math names: the same in Korean
        self.plot.setLabel("left", surface.variables[1])
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.plot.disableAutoRange()
        self._show_divergence()
        if not self.descending:
            stack_shortest_on_top(self.curves, self.paths, self.markers.ends)
        self.shown = self.steps.value()
        self._draw()

    def _show_divergence(self) -> None:
        """Which paths diverged, in the legend and the status line (the gradient descent's
        final point)."""
        if self.descending and self.descent is not None:
            lr = self.descent_controls.lr()
            self.path_legend.clear()
            self.path_legend.addItem(self.descent_curve, legend_text(lr))
            say(self.path_status, result_text(self.descent, lr))
            return
        diverged = {name: t.diverged_at for name, t in self.paths.items()
                    if t.diverged_at is not None and name in self.shown_names()}
        notes = {name: self.tr("diverged at step {k}").format(k=k)
                 for name, k in diverged.items()}
        self.path_legend.fill({n: self.curves[n] for n in self.shown_names()}, notes)
        self.markers.add_to(self.path_legend)
        if diverged:
            names = ", ".join(self.tr("{title} (step {k})").format(title=TITLES[name], k=k)
                              for name, k in diverged.items())
            say(self.path_status, self.tr("Diverged: {names}. Its rate is too large for this "
                                          "surface; the path stops where it left the "
                                          "numbers.").format(names=names), error=True)
        else:
            say(self.path_status, "")

    def _draw(self) -> None:
        drawn = {name: t.points[: self.shown + 1] for name, t in self.paths.items()}
        for name, shown in drawn.items():
            curve = self.descent_curve if name == DESCENT_KEY else self.curves[name]
            curve.setData(shown[:, 0], shown[:, 1])
        self.markers.show(self.current_surface().start, drawn,
                          () if self.descending else self.shown_names())

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_animation()
        super().closeEvent(event)
