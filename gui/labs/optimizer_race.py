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
    IN_BOOK,
    SURFACES,
    TITLES,
    Descent,
    Trace,
)
from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.i18n import on_language_change, translate
from gui.labs.base import LabWindow, name_view
from gui.labs.optimizer_race_descent import (
    DESCENT_KEY,
    DescentControls,
    descent_title,
)
from gui.labs.optimizer_race_digits import RaceOnDigits
from gui.labs.optimizer_race_paths import RacePaths
from gui.labs.optimizer_race_plots import (
    ANIMATE_MS,
    DASHED,
    LAB,
    MORE_NOTICE,
    MORE_SHOWN_NOTICE,
    RACE_NOTICE,
    SURFACE_NOTICES,
    TIPS,
    SideLegend,
    pen,
    race_rates_text,
    stack_book_on_top,
    tip,
)
from gui.widgets import NumberSpinBox

LR_RANGE = (1e-6, 10.0)
SWATCH = "<span style='color:{colour}'>{dash}</span>"  # i18n: not ui (an optimizer's line)

class OptimizerRaceLab(RaceOnDigits, RacePaths, LabWindow):
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
        name_view(self.plot.getViewWidget(), self.tr("Optimizer race plots"), self.tr(
            "Top: each optimizer's path over the loss surface from the same start, one colour "
            "each; bottom: each optimizer's training loss on digits per epoch"))
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

    # ------------------------------------------------------------------ choosing
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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_animation()
        super().closeEvent(event)
