"""The hyperparameter search's settings: the two ranges as powers of ten (spelled out below
each), and the trials' number, length, processes and seed; and the project it searches, read
from the main window."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from core import NetworkSpec, SpecError, TrainingSettings
from core.datasets import DataError, Dataset
from core.training.prepare import DataMismatchError, prepare
from core.training.search import DEFAULT_WORKERS, Trial
from gui.context import ProjectContext
from gui.i18n import on_language_change, translate
from gui.labs.base import say
from gui.labs.search_results import metric_text, power_text

BOOK_LR = (-6.0, -2.0)
BOOK_DECAY = (-8.0, -4.0)
BOOK_EPOCHS = 50  # the book's trials are 50 epochs long
# Epochs per trial unless the project trains fewer. The book's 50 are too few for the spiral:
# 30 trials of 50 epochs find at best 0.70–0.77 validation accuracy (seeds 0–2), of 100 epochs
# 1.000 (seeds 0, 1, 3–6; 0.867 for seed 2) in 2–4 s on the 2-core reference machine.
DEFAULT_EPOCHS = 100
DEFAULT_TRIALS = 30  # the book runs ~100; 30 take 2–15 s on the examples here

Range = tuple[float, float]


def default_workers() -> int:
    """Processes for a search: core's two, or one on a one-core machine.

    Measured in this lab on the 2-core reference machine (30 trials, noisy: other programs
    shared the cores), one process against two: spiral (50 epochs) 1.7–1.8 s against
    1.4–2.2 s, digits (30 epochs) 4.7–4.8 s against 4.2–5.4 s, the overfitting example (50
    epochs) 14.2–14.5 s against 8.5–11.4 s. Starting the processes (~0.6 s: spawn imports
    NumPy) costs what the small projects gain; the long trials gain up to 1.7×."""
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))


def _exponent(value: float, low: float, high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setValue(value)
    return box


def _whole(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class SearchForm(QWidget):
    """Emits :attr:`ranges_changed` (learning-rate and weight-decay exponent ranges) whenever
    a range box changes, so the plot's dashed box follows."""

    ranges_changed = Signal(tuple, tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.lr_from, self.lr_to = (_exponent(v, -10.0, 1.0) for v in BOOK_LR)
        self.decay_from, self.decay_to = (_exponent(v, -12.0, 0.0) for v in BOOK_DECAY)
        self.lr_text, self.decay_text = QLabel(), QLabel()
        #: the rows' names, and the "to" between each range's boxes
        self.labels = [QLabel() for _row in range(6)]
        self.to_labels = [QLabel(), QLabel()]
        for k, (low, high, text) in enumerate(((self.lr_from, self.lr_to, self.lr_text),
                                               (self.decay_from, self.decay_to,
                                                self.decay_text))):
            row = QHBoxLayout()
            row.addWidget(QLabel("log₁₀"))
            row.addWidget(low, 1)
            row.addWidget(self.to_labels[k])
            row.addWidget(high, 1)
            form.addRow(self.labels[k], row)
            form.addRow("", text)
        self.n_trials = _whole(DEFAULT_TRIALS, 1, 1000)
        self.epochs = _whole(DEFAULT_EPOCHS, 1, 10_000)
        self.workers = _whole(default_workers(), 1, os.cpu_count() or 1)
        self.seed = _whole(0, 0, 2**31 - 1)
        for label, box in zip(self.labels[2:], (self.n_trials, self.epochs, self.workers,
                                                self.seed), strict=True):
            form.addRow(label, box)
        for box in (self.lr_from, self.lr_to, self.decay_from, self.decay_to):
            box.valueChanged.connect(self.show_ranges)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        names = (self.tr("Learning rate"), self.tr("Weight decay"), self.tr("Trials"),
                 self.tr("Epochs per trial"), self.tr("Processes"), self.tr("Seed"))
        for label, name in zip(self.labels, names, strict=True):
            label.setText(name)
        for label in self.to_labels:
            label.setText(self.tr("to"))
        # the "to" boxes have no label of their own: a screen reader said only "spin box"
        for (low, high), name in (((self.lr_from, self.lr_to), names[0]),
                                  ((self.decay_from, self.decay_to), names[1])):
            low.setAccessibleName(self.tr("{name}, lowest power of ten").format(name=name))
            high.setAccessibleName(self.tr("{name}, highest power of ten").format(name=name))
        for box in (self.lr_from, self.lr_to, self.decay_from, self.decay_to):
            box.setToolTip(self.tr("A power of ten: −3 means 10⁻³ = 0.001"))
        self.n_trials.setToolTip(self.tr("How many (lr, weight decay) pairs to try; the book "
                                         "uses about 100"))
        self.epochs.setToolTip(self.tr("Epochs of each short training (the book: {epochs}); "
                                       "more epochs judge each pair more fairly but take "
                                       "longer").format(epochs=BOOK_EPOCHS))
        self.workers.setToolTip(self.tr("Processes training trials side by side, with the same "
                                        "results as one: each needs ~0.6 s to start, long "
                                        "trials gain most"))
        self.seed.setToolTip(self.tr("Seed of the random draws; trial k also starts its "
                                     "weights from seed + k"))
        self.show_ranges()

    def ranges(self) -> tuple[Range, Range]:
        """The learning-rate and weight-decay ranges, as exponents of ten."""
        return ((self.lr_from.value(), self.lr_to.value()),
                (self.decay_from.value(), self.decay_to.value()))

    def range_problem(self) -> str:
        """Words for a backwards range ("" when both are fine)."""
        (lr_low, lr_high), (decay_low, decay_high) = self.ranges()
        if lr_low > lr_high:
            return self.tr("The learning rate range runs backwards ({low} to {high}): put the "
                           "smaller power of ten first.").format(low=f"{lr_low:g}",
                                                                 high=f"{lr_high:g}")
        if decay_low > decay_high:
            return self.tr("The weight decay range runs backwards ({low} to {high}): put the "
                           "smaller power of ten first.").format(low=f"{decay_low:g}",
                                                                 high=f"{decay_high:g}")
        return ""

    @Slot()
    def show_ranges(self) -> None:
        """Spell each range out under its boxes and tell the plot."""
        lr, decay = self.ranges()
        for label, (low, high) in ((self.lr_text, lr), (self.decay_text, decay)):
            if low > high:
                say(label, self.tr("“from” is above “to”"), error=True)
            else:
                say(label, f"= {power_text(low)} … {power_text(high)}")
        self.ranges_changed.emit(lr, decay)

    def narrow_to(self, trials: list[Trial]) -> None:
        """Set the ranges to the spread of ``trials``, rounded outwards to 0.1."""
        for low_box, high_box, values in (
                (self.lr_from, self.lr_to, [math.log10(t.lr) for t in trials]),
                (self.decay_from, self.decay_to, [math.log10(t.weight_decay) for t in trials])):
            low = math.floor(round(min(values) * 10, 6)) / 10
            high = math.ceil(round(max(values) * 10, 6)) / 10
            low_box.setValue(low)
            high_box.setValue(max(high, low + 0.1))

    def set_running(self, running: bool) -> None:
        """A running search's settings are fixed: the boxes are disabled until it ends."""
        for widget in (self.lr_from, self.lr_to, self.decay_from, self.decay_to,
                       self.n_trials, self.epochs, self.workers, self.seed):
            widget.setEnabled(not running)


@dataclass(frozen=True)
class Project:
    """What a search runs on, taken from the main window when Run is pressed: the network and
    data set are immutable, the settings a copy, so the worker thread shares nothing that
    changes."""

    spec: NetworkSpec
    dataset: Dataset
    settings: TrainingSettings
    metric: str  # "accuracy" or "R²"
    description: str


def read_project(context: ProjectContext) -> tuple[Project | None, str]:
    """The main window's project as a search needs it, or why it cannot be searched."""
    problems = context.doc.problems
    if problems:  # the network's first problem as a sentence of its own (not after a colon)
        message = problems[0].message
        return None, translate("SearchLab", "Fix the network first. {problem}.").format(
            problem=message[:1].upper() + message[1:].rstrip("."))
    problem = context.session.problem()
    if problem:
        return None, problem
    settings = context.doc.settings
    spec, dataset = context.doc.spec, context.data.dataset
    try:
        data = prepare(dataset, spec.check(), settings.split, settings.seed,
                       settings.standardize, settings.dtype)
    except (SpecError, DataError, DataMismatchError, ValueError) as exc:
        return None, translate("SearchLab", "Cannot train: {error}").format(error=exc)
    rows = {name: part.n for name, part in data.parts.items()}
    if rows["val"] == 0:
        return None, translate(
            "SearchLab", "This project keeps no validation rows, and the search ranks trials by "
            "their validation score: give validation a share in the Training dock (e.g. 15 %).")
    metric = "accuracy" if dataset.task == "classification" else "R²"
    units = "-".join(str(node.units) for node in spec.nodes)
    optimizer = "SGD" if settings.optimizer == "sgd" else settings.optimizer.capitalize()
    description = translate(
        "SearchLab", "<b>{name}</b>: network {units}, {optimizer}, batch {batch}; {train} "
        "training rows, ranked by {metric} on {val} validation rows. Every trial starts from "
        "fresh weights.").format(name=context.files.display_name(), units=units,
                                 optimizer=optimizer, batch=settings.batch_size,
                                 train=f"{rows['train']:,}", metric=metric_text(metric),
                                 val=f"{rows['val']:,}")
    return Project(spec, dataset, settings, metric, description), ""
