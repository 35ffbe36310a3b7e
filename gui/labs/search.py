"""Lab 7: hyperparameter search — learning rates and weight decays drawn on a log scale, many
short trainings of the open project in the background, the results as a scatter and a ranked
table, and the best pair put on the project as one undoable edit."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.training.search import (
    SearchResult,
    SearchSpace,
    Trial,
    random_search,
)
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.document.commands import ChangeSettingsCommand
from gui.i18n import on_language_change
from gui.labs.base import LabWindow, column_width, say
from gui.labs.search_feed import TrialFeed
from gui.labs.search_form import DEFAULT_EPOCHS, Project, SearchForm, read_project
from gui.labs.search_results import ResultsView, metric_text, power_text, score_text
from gui.lock import undo_actions
from gui.widgets import WrappedLabel

TOP = 5
EXAMPLE = "spiral"  # what a project that cannot be searched is offered instead


def _side_by_side(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row


class SearchLab(LabWindow):
    """Searches the project of its context, the one in the main window."""

    @property
    def title(self) -> str:
        return self.tr("Hyperparameter search")

    @property
    def notice(self) -> str:
        return self.tr(
            "<b>What to notice.</b> Each point is one short training of <i>your</i> project "
            "with a learning rate and a weight decay drawn at random on a log scale (the book: "
            "10<sup>−6</sup>…10<sup>−2</sup> and 10<sup>−8</sup>…10<sup>−4</sup>), coloured "
            "by its accuracy on the <b>validation</b> rows — never the test rows, which stay "
            "for the final estimate. The good points gather in a band of learning rates; "
            "weight decay matters far less. Do as the book says: look at the best region, "
            "<i>Narrow to top 5</i>, run again, and put the winner on the project with "
            "<i>Apply best</i> (Ctrl+Z undoes it).")

    def retranslate(self) -> None:
        """Every text in the current language, from the lab's current state."""
        self.setWindowTitle(self.tr("{title} — NetCanvas lab").format(title=self.title))
        self.notice_label.setText(self.notice)
        self.example_button.setText(self.tr("Open the {example} example to search it").format(
            example=_(EXAMPLE.capitalize())))
        self.example_button.setToolTip(self.tr("Replace the project in the main window by the "
                                               "example (it asks first if there are unsaved "
                                               "changes)"))
        self.run_button.setText(self.tr("Run"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the search: the running trials end at once "
                                            "and are left out, the finished ones stay"))
        self.progress.setFormat(self.tr("%v / %m trials"))
        self.narrow_button.setText(self.tr("Narrow to top {n}").format(n=TOP))
        self.narrow_button.setToolTip(self.tr("Set both ranges to the spread of the {n} best "
                                              "trials").format(n=TOP))
        self.apply_best_button.setText(self.tr("Apply best"))
        self.apply_selected_button.setText(self.tr("Apply selected"))
        for button in (self.apply_best_button, self.apply_selected_button):
            button.setToolTip(self.tr("Put this trial's learning rate and weight decay on the "
                                      "project (one undoable edit)"))
        self._check_project()
        self._say(*self._status)

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.job = BackgroundJob(self)
        self.addActions(undo_actions(context.doc, self))  # Ctrl+Z works here too
        self.project: Project | None = None  # the project of the shown results
        self._started = 0.0
        self._generation = 0  # +1 whenever another project is opened
        self._run_generation = 0
        self._apply_count = 0
        self._status: tuple[Callable[[], str], bool] = (str, False)
        self.resize(1200, 760)
        layout = QHBoxLayout(self.body)
        controls = QWidget()
        controls.setFixedWidth(column_width(controls))
        controls.setLayout(self._build_controls())
        layout.addWidget(controls)
        self.results = ResultsView()
        layout.addWidget(self.results, 1)
        self._connect()
        self._default_epochs()
        self.form.show_ranges()
        on_language_change(self, self.retranslate)
        if self._blank():  # a fresh window: open on the book's set-up, ready to run
            QTimer.singleShot(0, self._open_for_a_blank_project)

    @property
    def trials(self) -> list[Trial]:
        """The trials shown, best first."""
        return self.results.trials

    def _build_controls(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.project_label = QLabel()
        self.project_label.setWordWrap(True)
        left.addWidget(self.project_label)
        self.example_button = QPushButton()
        self.example_button.hide()
        left.addWidget(self.example_button)
        self.form = SearchForm()
        left.addWidget(self.form)
        self.run_button, self.stop_button = QPushButton(), QPushButton()
        left.addLayout(_side_by_side(self.run_button, self.stop_button))
        self.progress = QProgressBar()
        self.progress.setRange(0, self.form.n_trials.value())
        self.progress.setValue(0)
        left.addWidget(self.progress)
        self.status = WrappedLabel()  # asks for the height its wrapped text needs
        left.addWidget(self.status)
        self.narrow_button = QPushButton()
        left.addWidget(self.narrow_button)
        self.apply_best_button, self.apply_selected_button = QPushButton(), QPushButton()
        left.addLayout(_side_by_side(self.apply_best_button, self.apply_selected_button))
        left.addStretch(1)
        return left

    def _connect(self) -> None:
        doc = self.context.doc
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(100)  # edits come in bursts; check once they settle
        self._recheck.timeout.connect(self._check_project)
        self.feed = TrialFeed(self.results, self)  # this run's trials so far
        for signal in (doc.problems_changed, doc.settings_changed, doc.node_added,
                       doc.node_removed, doc.node_changed, doc.edge_added, doc.edge_removed,
                       self.context.data.dataset_changed):
            signal.connect(self._edited)
        doc.about_to_reset.connect(self._project_replaced)
        doc.spec_reset.connect(self._default_epochs)
        self.form.ranges_changed.connect(self.results.show_ranges)
        self.form.n_trials.valueChanged.connect(self._idle_progress)
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
        return read_project(self.context)

    def _blank(self) -> bool:
        """An empty canvas nobody has edited (what a fresh window shows)."""
        return not (self.context.doc.spec.nodes or self.context.doc.is_modified()
                    or self.context.doc.path)

    @Slot()
    def _open_for_a_blank_project(self) -> None:
        if self.isVisible() and self._blank() and self.context.files.open_example(EXAMPLE):
            self._say(lambda: self.tr("The canvas was empty, so the {example} example was "
                                      "opened in the main window: Run searches it.").format(
                example=_(EXAMPLE.capitalize())))

    @Slot()
    def _edited(self) -> None:
        """Check once edits settle; a closed lab is checked when shown (not at every edit)."""
        if self.isVisible():
            self._recheck.start()

    def showEvent(self, event: QShowEvent) -> None:
        self._check_project()
        super().showEvent(event)

    @Slot()
    def _check_project(self) -> None:
        """The project's description, or why it cannot be searched (in words, not red)."""
        project, problem = self.read_project()
        if project is None:
            say(self.project_label, self.tr("This project cannot be searched yet. {problem}")
                .format(problem=problem))
        else:
            say(self.project_label, project.description)
        self.example_button.setVisible(project is None)
        self.example_button.setDefault(project is None)
        self.run_button.setEnabled(project is not None and not self.job.running)
        self.run_button.setToolTip(problem or self.tr("Run the search on the project in the "
                                                      "main window"))

    @Slot()
    def open_example(self) -> None:
        """Open the example in the main window; the project signals bring the check here."""
        self.context.files.open_example(EXAMPLE)

    @Slot()
    def _default_epochs(self) -> None:
        self.form.epochs.setValue(min(self.context.doc.settings.epochs, DEFAULT_EPOCHS))

    @Slot()
    def _project_replaced(self) -> None:
        """Another project is opened: the results would not belong to it."""
        self._generation += 1
        self.job.cancel()
        self.project = None
        self.feed.clear()
        self._say(str)

    # ------------------------------------------------------------------ running
    @Slot()
    def run(self) -> None:
        if self.job.running:
            return
        project, problem = self.read_project()
        problem = problem or self.form.range_problem()
        if project is None or problem:
            self._say(lambda: self.read_project()[1] or self.form.range_problem(), error=True)
            return
        lr, decay = self.form.ranges()
        space = SearchSpace(lr=lr, weight_decay=decay)
        n_trials, epochs = self.form.n_trials.value(), self.form.epochs.value()
        workers, seed = self.form.workers.value(), self.form.seed.value()
        spec, dataset, settings = project.spec, project.dataset, project.settings

        def work(report: Callable[[object], None], cancel: threading.Event) -> SearchResult:
            return random_search(spec, dataset, settings, n_trials, epochs, space, seed,
                                 workers, lambda done, total, trial: report(trial), cancel)

        self.project = project
        self._run_generation = self._generation
        self.feed.clear()
        self.results.set_metric(project.metric)
        self.progress.setRange(0, n_trials)
        self.progress.setValue(0)
        self._say(lambda: self.tr("Training {n} trials of {epochs} epochs…").format(
            n=n_trials, epochs=epochs))
        self._started = time.perf_counter()
        self.job.start(work)

    @Slot()
    def stop(self) -> None:
        if self.job.running:
            self.job.cancel()
            self.stop_button.setEnabled(False)
            self._say(lambda: self.tr("Stopping: the running trials end and are left out…"))

    @Slot(object)
    def _progress(self, trial: Trial) -> None:
        """Count every trial at once (the feed draws them at a bounded rate)."""
        if self._run_generation == self._generation:  # else: another project's
            self.progress.setValue(self.feed.add(trial))

    @Slot(object)
    def _finished(self, result: SearchResult) -> None:
        if self._run_generation != self._generation:
            self._say(lambda: self.tr("Another project was opened: the search stopped and its "
                                      "results were dropped."))
            return
        self.feed.stop()
        self.results.show_trials(result.trials)
        self.progress.setValue(len(result.trials))
        done, total = len(result.trials), self.progress.maximum()
        seconds = f"{time.perf_counter() - self._started:.1f}"
        cancelled, best, metric = result.cancelled, result.best, self.project.metric

        def ran() -> str:
            if cancelled:
                return self.tr("Stopped after {done} of {total} trials in {seconds} s").format(
                    done=done, total=total, seconds=seconds)
            return self.tr("{done} trials in {seconds} s").format(done=done, seconds=seconds)

        if best is None:
            self._say(lambda: self.tr("{ran}.").format(ran=ran()))
        elif best.score is None:
            self._say(lambda: self.tr("{ran}: every trial diverged. Lower the learning "
                                      "rates.").format(ran=ran()), error=True)
        else:
            self._say(lambda: self.tr(
                "{ran}. Best: validation {metric} {score} at learning rate {lr}, weight decay "
                "{decay}.").format(ran=ran(), metric=metric_text(metric),
                                   score=score_text(best.score, metric), lr=f"{best.lr:.3g}",
                                   decay=f"{best.weight_decay:.3g}"))
            self.results.select(best.index)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._say(lambda: self.tr("The search failed: {message}").format(message=message),
                  error=True)

    @Slot(bool)
    def _set_running(self, running: bool) -> None:
        self.form.set_running(running)
        self.stop_button.setEnabled(running)
        self._check_project()
        self._update_buttons()

    @Slot()
    def _idle_progress(self) -> None:
        if not self.job.running:
            self.progress.setRange(0, self.form.n_trials.value())
            self.progress.setValue(0)

    def closed_mid_run(self) -> None:
        self.feed.stop()
        if self._run_generation == self._generation:  # else: another project's, not drawn
            self.feed.draw()  # the trials that did end
        count = len(self.trials)
        self._say(lambda: self.tr("Stopped when the window closed, after {n} trials.").format(
            n=count))

    def _say(self, text: Callable[[], str], error: bool = False) -> None:
        """The status line: what ``text()`` says (said again in a new language)."""
        self._status = (text, error)
        say(self.status, text(), error)

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
        self.form.narrow_to(top)
        (lr_low, lr_high), (decay_low, decay_high) = self.form.ranges()
        self._say(lambda: self.tr(
            "Ranges narrowed to the {n} best trials: learning rate {lr_low} … {lr_high}, weight "
            "decay {decay_low} … {decay_high}. Run again to search there.").format(
                n=len(top), lr_low=power_text(lr_low), lr_high=power_text(lr_high),
                decay_low=power_text(decay_low), decay_high=power_text(decay_high)))

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
            self._say(lambda: self.tr(
                "The project now trains with learning rate {lr} and weight decay {decay}. Undo "
                "(Ctrl+Z, here or in the main window) puts the old values back.").format(
                    lr=f"{trial.lr:.3g}", decay=f"{trial.weight_decay:.3g}"))
