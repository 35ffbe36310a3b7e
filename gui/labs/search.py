"""Lab 7: hyperparameter search — learning rates and weight decays drawn on a log scale, many
short trainings of the open project in the background, the results as a scatter and a ranked
table, and the best pair put on the project as one undoable edit."""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
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

from core import NetworkSpec, SpecError, TrainingSettings
from core.datasets import DataError, Dataset
from core.training.prepare import DataMismatchError, prepare
from core.training.search import (
    DEFAULT_WORKERS,
    SearchResult,
    SearchSpace,
    Trial,
    random_search,
    rank,
)
from gui.context import ProjectContext
from gui.document.commands import ChangeSettingsCommand, current_settings
from gui.labs.background import BackgroundJob
from gui.labs.base import LabWindow, say
from gui.labs.search_results import ResultsView, power_text
from gui.lock import undo_actions

BOOK_LR = (-6.0, -2.0)
BOOK_DECAY = (-8.0, -4.0)
BOOK_EPOCHS = 50  # the book's trials are 50 epochs long
# Epochs per trial unless the project trains fewer. The book's 50 are too few for the spiral:
# 30 trials of 50 epochs find at best 0.70–0.77 validation accuracy (seeds 0–2), of 100 epochs
# 1.000 (seeds 0, 1, 3–6; 0.867 for seed 2) in 2–4 s on the 2-core reference machine.
DEFAULT_EPOCHS = 100
DEFAULT_TRIALS = 30  # the book runs ~100; 30 take 2–15 s on the examples here
TOP = 5
EXAMPLE = "spiral"  # what a project that cannot be searched is offered instead
REDRAW_MS = 100  # the scatter and table follow the trials at most this often…
REDRAW_SHARE = 0.25  # …and redrawing may take at most this share of the GUI thread


def default_workers() -> int:
    """Processes for a search: core's two, or one on a one-core machine.

    Measured in this lab on the 2-core reference machine (30 trials, noisy: other programs
    shared the cores), one process against two: spiral (50 epochs) 1.7–1.8 s against
    1.4–2.2 s, digits (30 epochs) 4.7–4.8 s against 4.2–5.4 s, the overfitting example (50
    epochs) 14.2–14.5 s against 8.5–11.4 s. Starting the processes (~0.6 s: spawn imports
    NumPy) costs what the small projects gain; the long trials gain up to 1.7×."""
    return max(1, min(DEFAULT_WORKERS, os.cpu_count() or 1))


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


def _exponent(value: float, low: float, high: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setValue(value)
    box.setToolTip("A power of ten: −3 means 10⁻³ = 0.001")
    return box


def _side_by_side(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


def _whole(value: int, low: int, high: int, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    box.setToolTip(tip)
    return box


class SearchLab(LabWindow):
    """Searches the project of its context, the one in the main window."""

    title = "Hyperparameter search"
    notice = (
        "<b>What to notice.</b> Each point is one short training of <i>your</i> project with a "
        "learning rate and a weight decay drawn at random on a log scale (the book: "
        "10<sup>−6</sup>…10<sup>−2</sup> and 10<sup>−8</sup>…10<sup>−4</sup>), coloured by its "
        "accuracy on the <b>validation</b> rows — never the test rows, which stay for the final "
        "estimate. The good points gather in a band of learning rates; weight decay matters "
        "far less. Do as the book says: look at the best region, <i>Narrow to top 5</i>, run "
        "again, and put the winner on the project with <i>Apply best</i> (Ctrl+Z undoes it).")

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.job = BackgroundJob(self)
        self.addActions(undo_actions(context.doc, self))  # Ctrl+Z works here too
        self.project: Project | None = None  # the project of the shown results
        self._started = 0.0
        self._generation = 0  # +1 whenever another project is opened
        self._run_generation = 0
        self._apply_count = 0
        self.resize(1200, 760)
        layout = QHBoxLayout(self.body)
        controls = QWidget()
        controls.setFixedWidth(330)
        controls.setLayout(self._build_controls())
        layout.addWidget(controls)
        self.results = ResultsView()
        layout.addWidget(self.results, 1)
        self._connect()
        self._default_epochs()
        self._show_ranges()

    @property
    def trials(self) -> list[Trial]:
        """The trials shown, best first."""
        return self.results.trials

    def _build_controls(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.project_label = QLabel()
        self.project_label.setWordWrap(True)
        left.addWidget(self.project_label)
        self.example_button = QPushButton(f"Open the {EXAMPLE.capitalize()} example to search it")
        self.example_button.setToolTip("Replace the project in the main window by the example "
                                       "(it asks first if there are unsaved changes)")
        self.example_button.hide()
        left.addWidget(self.example_button)
        form = QFormLayout()
        self.lr_from, self.lr_to = (_exponent(v, -10.0, 1.0) for v in BOOK_LR)
        self.decay_from, self.decay_to = (_exponent(v, -12.0, 0.0) for v in BOOK_DECAY)
        self.lr_text, self.decay_text = QLabel(), QLabel()
        for name, low, high, text in (("Learning rate", self.lr_from, self.lr_to, self.lr_text),
                                      ("Weight decay", self.decay_from, self.decay_to,
                                       self.decay_text)):
            row = QHBoxLayout()
            row.addWidget(QLabel("log₁₀"))
            row.addWidget(low, 1)
            row.addWidget(QLabel("to"))
            row.addWidget(high, 1)
            form.addRow(name, row)
            form.addRow("", text)
        self.n_trials = _whole(DEFAULT_TRIALS, 1, 1000, "How many (lr, weight decay) pairs to "
                               "try; the book uses about 100")
        self.epochs = _whole(DEFAULT_EPOCHS, 1, 10_000, "Epochs of each short training (the "
                             f"book: {BOOK_EPOCHS}); more epochs judge each pair more fairly "
                             "but take longer")
        self.workers = _whole(default_workers(), 1, os.cpu_count() or 1,
                              "Processes training trials side by side, with the same results "
                              "as one: each needs ~0.6 s to start, long trials gain most")
        self.seed = _whole(0, 0, 2**31 - 1, "Seed of the random draws; trial k also starts "
                           "its weights from seed + k")
        for name, box in (("Trials", self.n_trials), ("Epochs per trial", self.epochs),
                          ("Processes", self.workers), ("Seed", self.seed)):
            form.addRow(name, box)
        left.addLayout(form)
        self.run_button = QPushButton("Run")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setToolTip("Stop the search: the running trials end at once and are "
                                    "left out, the finished ones stay")
        left.addLayout(_side_by_side(self.run_button, self.stop_button))
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m trials")
        self.progress.setRange(0, self.n_trials.value())
        self.progress.setValue(0)
        left.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        self.narrow_button = QPushButton(f"Narrow to top {TOP}")
        self.narrow_button.setToolTip(f"Set both ranges to the spread of the {TOP} best trials")
        left.addWidget(self.narrow_button)
        self.apply_best_button = QPushButton("Apply best")
        self.apply_selected_button = QPushButton("Apply selected")
        for button in (self.apply_best_button, self.apply_selected_button):
            button.setToolTip("Put this trial's learning rate and weight decay on the project "
                              "(one undoable edit)")
        left.addLayout(_side_by_side(self.apply_best_button, self.apply_selected_button))
        left.addStretch(1)
        return left

    def _connect(self) -> None:
        doc = self.context.doc
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(100)  # edits come in bursts; check once they settle
        self._recheck.timeout.connect(self._check_project)
        self._arrived: list[Trial] = []  # this run's trials so far, in the order they ended
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._draw_arrived)
        for signal in (doc.problems_changed, doc.project_changed, doc.node_added,
                       doc.node_removed, doc.node_changed, doc.edge_added, doc.edge_removed,
                       self.context.data.dataset_changed):
            signal.connect(self._recheck.start)
        doc.about_to_reset.connect(self._project_replaced)
        doc.spec_reset.connect(self._default_epochs)
        for box in (self.lr_from, self.lr_to, self.decay_from, self.decay_to):
            box.valueChanged.connect(self._show_ranges)
        self.n_trials.valueChanged.connect(self._idle_progress)
        self.example_button.clicked.connect(self.open_example)
        self.run_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self.stop)
        self.narrow_button.clicked.connect(self.narrow)
        self.apply_best_button.clicked.connect(self.apply_best)
        self.apply_selected_button.clicked.connect(self.apply_selected)
        self.results.selection_changed.connect(self._update_buttons)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        self.job.running_changed.connect(self._set_running)
        self._set_running(False)

    # ------------------------------------------------------------------ the project
    def read_project(self) -> tuple[Project | None, str]:
        """The main window's project as a search needs it, or why it cannot be searched."""
        context = self.context
        problem = context.session.problem()
        if problem:
            return None, problem
        settings = current_settings(context.doc)
        spec, dataset = context.doc.spec, context.data.dataset
        try:
            data = prepare(dataset, spec.check(), settings.split, settings.seed,
                           settings.standardize, settings.dtype)
        except (SpecError, DataError, DataMismatchError, ValueError) as exc:
            return None, f"Cannot train: {exc}"
        rows = {name: part.n for name, part in data.parts.items()}
        if rows["val"] == 0:
            return None, ("This project keeps no validation rows, and the search ranks trials "
                          "by their validation score: give validation a share in the Training "
                          "dock (e.g. 15 %).")
        metric = "accuracy" if dataset.task == "classification" else "R²"
        units = "-".join(str(node.units) for node in spec.nodes)
        optimizer = "SGD" if settings.optimizer == "sgd" else settings.optimizer.capitalize()
        description = (
            f"<b>{context.files.display_name()}</b>: network {units}, {optimizer}, "
            f"batch {settings.batch_size}; {rows['train']:,} training rows, ranked by {metric} "
            f"on {rows['val']:,} validation rows. Every trial starts from fresh weights.")
        return Project(spec, dataset, settings, metric, description), ""

    @Slot()
    def _check_project(self) -> None:
        project, problem = self.read_project()
        if project is None:
            say(self.project_label, problem, error=True)
        else:
            say(self.project_label, project.description)
        self.example_button.setVisible(project is None)
        self.run_button.setEnabled(project is not None and not self.job.running)
        self.run_button.setToolTip(problem or "Run the search on the project in the main window")

    @Slot()
    def open_example(self) -> None:
        """Open the example in the main window; the project signals bring the check here."""
        self.context.files.open_example(EXAMPLE)

    @Slot()
    def _default_epochs(self) -> None:
        self.epochs.setValue(min(current_settings(self.context.doc).epochs, DEFAULT_EPOCHS))

    @Slot()
    def _project_replaced(self) -> None:
        """Another project is opened: the results would not belong to it."""
        self._generation += 1
        self.job.cancel()
        self.project = None
        self.results.show_trials([])
        self._say("")

    # ------------------------------------------------------------------ ranges
    def ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        return ((self.lr_from.value(), self.lr_to.value()),
                (self.decay_from.value(), self.decay_to.value()))

    def range_problem(self) -> str:
        """Words for a backwards range ("" when both are fine)."""
        for name, (low, high) in zip(("learning rate", "weight decay"), self.ranges(),
                                     strict=True):
            if low > high:
                return (f"The {name} range runs backwards ({low:g} to {high:g}): put the "
                        "smaller power of ten first.")
        return ""

    @Slot()
    def _show_ranges(self) -> None:
        lr, decay = self.ranges()
        for label, (low, high) in ((self.lr_text, lr), (self.decay_text, decay)):
            if low > high:
                say(label, "“from” is above “to”", error=True)
            else:
                say(label, f"= {power_text(low)} … {power_text(high)}")
        self.results.show_ranges(lr, decay)

    # ------------------------------------------------------------------ running
    @Slot()
    def run(self) -> None:
        if self.job.running:
            return
        project, problem = self.read_project()
        problem = problem or self.range_problem()
        if project is None or problem:
            self._say(problem, error=True)
            return
        lr, decay = self.ranges()
        space = SearchSpace(lr=lr, weight_decay=decay)
        n_trials, epochs = self.n_trials.value(), self.epochs.value()
        workers, seed = self.workers.value(), self.seed.value()
        spec, dataset, settings = project.spec, project.dataset, project.settings

        def work(report: Callable[[object], None], cancel: threading.Event) -> SearchResult:
            return random_search(spec, dataset, settings, n_trials, epochs, space, seed,
                                 workers, lambda done, total, trial: report(trial), cancel)

        self.project = project
        self._run_generation = self._generation
        self._arrived = []
        self._redraw.stop()
        self.results.show_trials([])
        self.results.set_metric(project.metric)
        self.progress.setRange(0, n_trials)
        self.progress.setValue(0)
        self._say(f"Training {n_trials} trials of {epochs} epochs…")
        self._started = time.perf_counter()
        self.job.start(work)

    @Slot()
    def stop(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.stop_button.setEnabled(False)
            self._say("Stopping: the running trials end and are left out…")

    @Slot(object)
    def _progress(self, trial: Trial) -> None:
        """Count every trial at once; redraw the scatter and table at a bounded rate (a
        thousand one-epoch trials would otherwise redraw a growing table a thousand times)."""
        if self._run_generation != self._generation:
            return
        self._arrived.append(trial)
        self.progress.setValue(len(self._arrived))
        if not self._redraw.isActive():
            self._redraw.start()

    @Slot()
    def _draw_arrived(self) -> None:
        if self._run_generation != self._generation:
            return  # another project was opened: these trials are not its
        started = time.perf_counter()
        self.results.show_trials(rank(self._arrived))
        spent_ms = 1000 * (time.perf_counter() - started)
        self._redraw.setInterval(max(REDRAW_MS, round(spent_ms / REDRAW_SHARE)))

    @Slot(object)
    def _finished(self, result: SearchResult) -> None:
        if self._run_generation != self._generation:
            self._say("Another project was opened: the search stopped and its results were "
                      "dropped.")
            return
        self._redraw.stop()
        self.results.show_trials(result.trials)
        self.progress.setValue(len(result.trials))
        ran = (f"Stopped after {len(result.trials)} of {self.progress.maximum()} trials"
               if result.cancelled else f"{len(result.trials)} trials")
        ran += f" in {time.perf_counter() - self._started:.1f} s"
        best = result.best
        if best is None:
            self._say(f"{ran}.")
        elif best.score is None:
            self._say(f"{ran}: every trial diverged. Lower the learning rates.", error=True)
        else:
            self._say(f"{ran}. Best: validation {self.project.metric} {best.score:.3f} at "
                      f"learning rate {best.lr:.3g}, weight decay {best.weight_decay:.3g}.")
            self.results.select(best.index)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._say(f"The search failed: {message}", error=True)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        for widget in (self.lr_from, self.lr_to, self.decay_from, self.decay_to,
                       self.n_trials, self.epochs, self.workers, self.seed):
            widget.setEnabled(not running)
        self.stop_button.setEnabled(running)
        self._check_project()
        self._update_buttons()

    @Slot()
    def _idle_progress(self) -> None:
        if not self.job.running:
            self.progress.setRange(0, self.n_trials.value())
            self.progress.setValue(0)

    def closed_mid_run(self) -> None:
        self._redraw.stop()
        self._draw_arrived()  # the trials that did end
        self._say(f"Stopped when the window closed, after {len(self.trials)} trials.")

    def _say(self, text: str, error: bool = False) -> None:
        say(self.status, text, error)

    @Slot()
    def _update_buttons(self) -> None:
        idle = not self.job.running
        scored = any(t.score is not None for t in self.trials)
        self.narrow_button.setEnabled(idle and scored)
        self.apply_best_button.setEnabled(idle and scored)
        self.apply_selected_button.setEnabled(idle and self.results.selected_trial() is not None)

    # ------------------------------------------------------------------ acting on results
    @Slot()
    def narrow(self) -> None:
        """Set the ranges to the spread of the best trials, rounded outwards to 0.1."""
        top = [t for t in self.trials if t.score is not None][:TOP]
        if not top:
            return
        for low_box, high_box, values in (
                (self.lr_from, self.lr_to, [math.log10(t.lr) for t in top]),
                (self.decay_from, self.decay_to, [math.log10(t.weight_decay) for t in top])):
            low = math.floor(round(min(values) * 10, 6)) / 10
            high = math.ceil(round(max(values) * 10, 6)) / 10
            low_box.setValue(low)
            high_box.setValue(max(high, low + 0.1))
        (lr_low, lr_high), (decay_low, decay_high) = self.ranges()
        self._say(f"Ranges narrowed to the {len(top)} best trials: learning rate "
                  f"{power_text(lr_low)} … {power_text(lr_high)}, weight decay "
                  f"{power_text(decay_low)} … {power_text(decay_high)}. Run again to search "
                  "there.")

    @Slot()
    def apply_best(self) -> None:
        best = next((t for t in self.trials if t.score is not None), None)
        if best is not None:
            self.apply(best)

    @Slot()
    def apply_selected(self) -> None:
        trial = self.results.selected_trial()
        if trial is not None:
            self.apply(trial)

    def apply(self, trial: Trial) -> None:
        """One undo entry in the main window: this trial's learning rate and weight decay."""
        doc = self.context.doc
        self._apply_count += 1  # an editing session of its own: never merged with another edit
        command = ChangeSettingsCommand(
            doc, {"lr": trial.lr, "weight_decay": trial.weight_decay}, -self._apply_count)
        if doc.push(command):
            self._say(f"The project now trains with learning rate {trial.lr:.3g} and weight "
                      f"decay {trial.weight_decay:.3g}. Undo (Ctrl+Z, here or in the main "
                      "window) puts the old values back.")
