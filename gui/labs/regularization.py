"""Lab 6: batch norm, weight decay, dropout — the same network trained with and without each,
from the same initial weights, split and mini-batches, train (solid) and test (dashed) accuracy
overlaid as the epochs come in, with a summary of the final accuracies and gaps.

It opens running the book's overfitting set-up (300 digits, 6 × 100) in the background."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.labs import regularization as experiments
from core.labs.regularization import (
    BN_EPOCHS,
    BN_INIT_STD,
    BN_LR,
    BOOK_DROPOUT,
    BOOK_WEIGHT_DECAY,
    SPEED_THRESHOLD,
    Curves,
    Experiment,
    Progress,
)
from core.project import load_project
from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.i18n import on_language_change
from gui.labs.base import LabWindow, column_width, name_view, say
from gui.labs.regularization_batch import BatchArithmetic
from gui.labs.regularization_results import (
    COLOURS,
    accuracy_plot,
    results_table,
    retranslate_table,
    row_cells,
    summary_text,
)
from gui.labs.regularization_texts import NOTICES, SETUPS, SPEED_COLUMN, TIPS, text, threshold
from gui.widgets import WrappedLabel
from resources.examples import example_path

#: the bundled example the overfitting experiment trains (core reads no resources itself)
OVERFITTING_EXAMPLE = "overfitting"
OVERFITTING_EPOCHS = 200
REDRAW_MS = 66  # ~15 pictures a second: what the eye needs, cheap next to the training


def _spin(value: float, low: float, high: float, step: float, decimals: int
          ) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    return box


class RegularizationLab(LabWindow):
    title = QT_TRANSLATE_NOOP("Labs", "Batch norm, weight decay, dropout")
    notice = NOTICES["overfitting"]

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.job = BackgroundJob(self)
        self.curves: list[Curves] = []
        self.lines: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self._pending: Progress | None = None  # the newest report, not drawn yet
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._draw_pending)
        self._status: tuple[Callable[[], str], bool] | None = None  # says the status line
        self.resize(1200, 760)
        self._build()
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.running_changed.connect(self._set_running)
        self.experiment.currentIndexChanged.connect(self._experiment_changed)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self._show_rows()
        self._set_running(False)
        on_language_change(self, self.retranslate)
        self.run()  # the book's overfitting run, in the background from the first moment

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QHBoxLayout(self.body)
        layout.addWidget(self._controls())
        layout.addLayout(self._results(), 1)

    def _controls(self) -> QWidget:
        """The experiment, its set-up and settings, Run/Stop and the progress."""
        left = QVBoxLayout()
        self.experiment_label = QLabel()
        left.addWidget(self.experiment_label)
        self.experiment = QComboBox()
        self.experiment.addItem("", "overfitting")
        self.experiment.addItem("", "batch_norm")
        left.addWidget(self.experiment)
        self.setup = QLabel()
        self.setup.setWordWrap(True)
        self.setup.setStyleSheet(f"color: {theme.STATUS_TEXT};")
        left.addWidget(self.setup)
        self.form = QFormLayout()
        self.weight_decay = _spin(BOOK_WEIGHT_DECAY, 0.0, 1.0, 0.01, 3)
        self.dropout = _spin(BOOK_DROPOUT, 0.0, 0.9, 0.05, 2)
        self.init_std = _spin(BN_INIT_STD, 0.0001, 2.0, 0.01, 4)
        self.lr = _spin(BN_LR, 0.0001, 1.0, 0.01, 4)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 2000)
        self.epochs.setValue(OVERFITTING_EPOCHS)
        #: each setting's field, its row label and its tip
        self.fields = {"weight_decay": self.weight_decay, "dropout": self.dropout,
                       "init_std": self.init_std, "lr": self.lr, "epochs": self.epochs}
        self.field_labels = {key: QLabel() for key in self.fields}
        for key, field in self.fields.items():
            self.field_labels[key].setWordWrap(True)
            self.form.addRow(self.field_labels[key], field)
        left.addLayout(self.form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton()
        self.stop_button = QPushButton()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_button)
        left.addLayout(buttons)
        self.progress = QProgressBar()
        left.addWidget(self.progress)
        self.status = WrappedLabel()  # asks for the height its wrapped text needs
        self.status.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.status)
        left.addStretch(1)
        holder = QWidget()
        holder.setLayout(left)
        holder.setFixedWidth(column_width(holder))
        return holder

    def _results(self) -> QVBoxLayout:
        """The accuracy curves of every variant, and the table of their final numbers."""
        right = QVBoxLayout()
        self.plot_widget = accuracy_plot()
        self.plot = self.plot_widget.getPlotItem()
        self.legend = self.plot.addLegend(offset=(-10, -10), labelTextSize="10pt")
        self.samples = [pg.PlotDataItem(pen=pg.mkPen(theme.NEUTRAL, width=2, style=style))
                        for style in (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine)]
        self.threshold = pg.InfiniteLine(
            pos=SPEED_THRESHOLD, angle=0, pen=pg.mkPen(theme.NEUTRAL, style=Qt.PenStyle.DotLine),
            label=threshold(), labelOpts={"position": 0.02, "color": theme.NEUTRAL})
        right.addWidget(self.plot_widget, 1)
        self.table = results_table()
        right.addWidget(self.table)
        self.batch_steps = BatchArithmetic()  # what batch norm does to one batch
        right.addWidget(self.batch_steps)
        return right

    def _show_rows(self) -> None:
        overfitting = self.experiment.currentData() == "overfitting"
        for box in (self.weight_decay, self.dropout):
            self.form.setRowVisible(box, overfitting)
        for box in (self.init_std, self.lr):
            self.form.setRowVisible(box, not overfitting)
        self.table.setColumnHidden(SPEED_COLUMN, overfitting)
        self.batch_steps.setVisible(not overfitting)
        self.show_notice()
        self.setup.setText(text(SETUPS[self.experiment.currentData()]))

    # ------------------------------------------------------------------ running
    def experiment_factory(self) -> Callable[[], Experiment]:
        """The chosen experiment with the values in the boxes, to be built in the worker."""
        epochs = self.epochs.value()
        if self.experiment.currentData() == "overfitting":
            weight_decay, dropout = self.weight_decay.value(), self.dropout.value()
            return lambda: experiments.overfitting(
                load_project(example_path(OVERFITTING_EXAMPLE)), weight_decay, dropout, epochs)
        init_std, lr = self.init_std.value(), self.lr.value()
        return lambda: experiments.batch_norm(init_std, lr, epochs)

    @Slot()
    def run(self) -> None:
        if self.job.running:
            return
        make = self.experiment_factory()
        epochs = self.epochs.value()
        self._start_plot(epochs)
        self.progress.setRange(0, epochs)
        self.progress.setValue(0)
        self._say(lambda: self.tr("Training every variant for {epochs} epochs…").format(
            epochs=epochs))
        self.job.start(lambda report, cancel: experiments.run(make(), report, cancel))

    @Slot()
    def stop(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.stop_button.setEnabled(False)
            self._say(lambda: self.tr("Stopping after this epoch…"))

    @Slot(int)
    def _experiment_changed(self, _index: int) -> None:
        self.epochs.setValue(OVERFITTING_EPOCHS if self.experiment.currentData() == "overfitting"
                             else BN_EPOCHS)
        self._show_rows()
        self.run()

    @Slot(object)
    def _progress(self, progress: Progress) -> None:
        """Keep the newest report; reports arriving faster than REDRAW_MS are coalesced."""
        self._pending = progress
        if not self._redraw.isActive():
            self._redraw.start()

    @Slot()
    def _draw_pending(self) -> None:
        progress, self._pending = self._pending, None
        if progress is not None:
            self.progress.setValue(progress.epoch)
            self._show(list(progress.curves))

    @Slot(object)
    def _finished(self, curves: list[Curves]) -> None:
        self._redraw.stop()
        self._pending = None
        self._show(curves)
        self.progress.setValue(max((len(c.train) for c in curves), default=0))
        self._say(self.summary)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._redraw.stop()
        self._draw_pending()
        self._say(lambda: self.tr("The experiment could not run: {message}").format(
            message=message), error=True)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        for widget in (self.experiment, self.weight_decay, self.dropout, self.init_std, self.lr,
                       self.epochs, self.run_button):
            widget.setEnabled(not running)
        self.stop_button.setEnabled(running)

    def closed_mid_run(self) -> None:
        self._redraw.stop()
        self._draw_pending()
        epochs = max((len(c.train) for c in self.curves), default=0)
        self._say(lambda: self.tr("Stopped when the window closed, after {epochs} epochs.")
                  .format(epochs=epochs))

    # ------------------------------------------------------------------ showing
    def _say(self, make: Callable[[], str], error: bool = False) -> None:
        """Show the status ``make()`` says, and say it again when the language changes."""
        self._status = (make, error)
        say(self.status, make(), error)

    def _start_plot(self, epochs: int) -> None:
        """Empty axes for a new run: the x range is the whole run, so curves grow into it."""
        self.curves = []
        for train, test in self.lines.values():
            self.plot.removeItem(train)
            self.plot.removeItem(test)
        self.lines = {}
        self.legend.clear()
        self.plot.removeItem(self.threshold)
        if self.experiment.currentData() == "batch_norm":
            self.plot.addItem(self.threshold)
        self.plot.setXRange(0, epochs, padding=0.02)
        self.plot.setYRange(0, 1, padding=0.02)
        self.table.setRowCount(0)

    def _add_lines(self, curves: list[Curves]) -> None:
        for curve in curves:
            colour = COLOURS.get(curve.key, theme.NEUTRAL)
            train = self.plot.plot(pen=pg.mkPen(colour, width=2))
            test = self.plot.plot(pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine))
            self.lines[curve.key] = (train, test)
        self.curves = curves
        self._fill_legend()
        self.table.setRowCount(len(curves))

    def _fill_legend(self) -> None:
        """One entry per variant (its training line), then what solid and dashed mean."""
        self.legend.clear()
        for curve in self.curves:
            if curve.key in self.lines:
                self.legend.addItem(self.lines[curve.key][0], curve.shown_label)
        for label, sample in zip((self.tr("train"), self.tr("test")), self.samples,
                                 strict=True):
            self.legend.addItem(sample, label)

    def _show(self, curves: list[Curves]) -> None:
        if [c.key for c in curves] != list(self.lines):
            self._start_plot(self.epochs.value())
            self._add_lines(curves)
        self.curves = curves
        for row, curve in enumerate(curves):
            epochs = np.arange(1, len(curve.train) + 1)
            train, test = self.lines[curve.key]
            train.setData(epochs, np.array(curve.train))
            test.setData(epochs, np.array(curve.test))
            self._fill_row(row, curve)

    def _fill_row(self, row: int, curve: Curves) -> None:
        for column, cell in enumerate(row_cells(curve)):
            self.table.setItem(row, column, cell)

    def summary(self) -> str:
        """What the finished (or stopped) run showed, in one sentence or two."""
        return summary_text(self.curves, self.experiment.currentData() == "batch_norm")

    # ------------------------------------------------------------------ language
    def notice_text(self) -> str:
        return text(NOTICES[self.experiment.currentData()])

    def retranslate(self) -> None:
        """Every text of the lab in the current language, from its current state."""
        self.experiment_label.setText(self.tr("Experiment"))
        self.experiment.setItemText(0, self.tr("Overfitting: weight decay, dropout"))
        self.experiment.setItemText(1, self.tr("Batch norm: learning speed"))
        self.experiment.setToolTip(text(TIPS["experiment"]))
        self.setup.setText(text(SETUPS[self.experiment.currentData()]))
        labels = {"weight_decay": self.tr("Weight decay λ"), "dropout": self.tr("Dropout ratio"),
                  "init_std": self.tr("Initial weight std"), "lr": self.tr("Learning rate"),
                  "epochs": self.tr("Epochs")}
        for key, field in self.fields.items():
            self.field_labels[key].setText(labels[key])
            field.setToolTip(text(TIPS[key]))
        self.run_button.setText(self.tr("Run"))
        self.run_button.setToolTip(text(TIPS["run"]))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(text(TIPS["stop"]))
        self.progress.setFormat(self.tr("epoch %v of %m"))
        self.plot.setTitle(self.tr("Accuracy per epoch — solid: training digits, dashed: "
                                   "test digits"))
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("accuracy"))
        self.threshold.label.setFormat(threshold())
        retranslate_table(self.table)
        name_view(self.plot_widget, self.tr("Accuracy per epoch"), self.tr(
            "One colour per run: its accuracy on the training digits (solid) and the test "
            "digits (dashed) after each epoch"))
        name_view(self.table, self.tr("Results of the runs"), self.tr(
            "One row per run, in its plot colour, with the accuracies it reached"))
        self._fill_legend()
        for row, curve in enumerate(self.curves):
            self._fill_row(row, curve)
        if self._status is not None:
            make, error = self._status
            say(self.status, make(), error)
