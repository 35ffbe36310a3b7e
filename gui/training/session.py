"""The training session: trains the document's network on its data with its settings.

It turns Train into a :class:`~core.training.trainer.Trainer` built from the document (current
weights, history and optimizer state, so pressing Train again continues exactly), locks the
structure while the run lasts, pushes one
:class:`~gui.document.weights_command.ReplaceWeightsCommand` per run (live weights go through
it, so the canvas follows and Undo restores the weights from before) and records the run in
the document's runs when it ends (:mod:`core.training.runs`; one that finished no epoch is
recorded only when it diverged or failed: it has no curve to compare), applies learning-rate
edits to the running trainer, and stops and joins the run before the
document is replaced.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from functools import partial

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal, Slot

from core import NetworkSpec, SpecError, build
from core.datasets import DataError, Dataset
from core.engine import params
from core.engine.params import Params, split
from core.error_words import own_words
from core.spec_problems import errors_first
from core.training.diagnosis import Diagnosis, diagnose, goal_for
from core.training.history import History, history_to_continue
from core.training.outcome import Outcome
from core.training.prepare import DataMismatchError
from core.training.resume import Continuation
from core.training.runs import Runs, now_iso
from core.training.settings import TrainingSettings
from core.training.start_check import check_start, weights_problem
from core.training.trainer import Trainer
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.document.weights_command import ReplaceWeightsCommand
from gui.i18n import translate
from gui.training.continuation import ContinuationKeeper
from gui.training.controller import IDLE, PAUSED, RUNNING, TrainingController
from gui.training.frames import Frame, diverged_nodes
from gui.training.weights_reset import WeightsReset
from gui.training.worker import TrainerMaker, TrainingResult

LOCK_REASON = QT_TRANSLATE_NOOP("TrainingSession",
                                "Training is running: stop it to change the network or the "
                                "data (moving nodes and the learning rate are fine).")


def lock_reason() -> str:
    """Why the structure is locked, in the current language."""
    return translate("TrainingSession", LOCK_REASON)


class TrainingSession(QObject):
    """``message`` carries status-bar text: a callable that builds it in the current language
    (the status line calls it again when the language changes; a plain str is said as is);
    ``started`` the spec and data of a new run (the panels prepare for it); ``ended`` the
    result; ``diverged`` the broken nodes and reason."""

    message = Signal(object)  # Callable[[], str], or str
    started = Signal(object, object)  # NetworkSpec, Dataset
    ended = Signal(object)  # TrainingResult
    refused = Signal(object)  # TrainingResult: Train refused before any run began
    diverged = Signal(list, object)  # node ids, the Outcome (its words() say why)
    #: a run's live weights reached the document (what follows them may catch up in this turn)
    weights_shown = Signal()

    def __init__(self, doc: GraphDocument, data: DataSource, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.data = data
        self.controller = TrainingController(self)
        self.command: ReplaceWeightsCommand | None = None
        self.last_result: TrainingResult | None = None
        self.trained_history: dict[str, object] | None = None  # the last run's, as stored
        #: on a gate or toy set, whether the last run solved it and if not why (else None)
        self.verdict: Diagnosis | None = None
        self._pushed = False  # whether the running run's undo entry is on the stack
        self._shown: Frame | None = None  # the frame whose weights the document holds
        self._started_at: str | None = None  # when the running run began
        #: the optimizer state the document's weights were reached with (a file's, or a run's)
        self.continuation = ContinuationKeeper()
        self.resets = WeightsReset(doc, self._push_reset, self)
        self.controller.finished.connect(self._finished)
        self.controller.ready.connect(self._push_run)
        self.controller.state_changed.connect(self._say_state)
        doc.about_to_reset.connect(self._document_replaced)
        doc.settings_changed.connect(self._settings_changed)

    @property
    def state(self) -> str:
        return self.controller.state

    # ------------------------------------------------------------------ commands
    def problem(self) -> str:
        """Why Train cannot start now ("" when it can)."""
        problems = errors_first(self.doc.problems)
        if problems and not problems[0].is_step:
            return translate("TrainingSession", "Fix the network first: {problem}").format(
                problem=problems[0].message)
        if problems:
            return translate("TrainingSession", "Build the network first: {problem}").format(
                problem=problems[0].message)
        if self.data.dataset is None:
            return translate("TrainingSession", "Choose a data set first.")
        return ""

    def _problem_or(self, said: str) -> str:
        """The problem in the current language; ``said`` once it is gone (the message stays)."""
        return self.problem() or said

    def train(self, paused: bool = False) -> bool:
        """Start training (``paused``: start, then wait for Step or Resume); False with a
        message when the network or data cannot be trained.

        The trainer is made on the run's thread (:meth:`trainer_maker`): the structure locks
        and the controls work at once; the run's undo entry is pushed when it is ready, and a
        trainer that cannot be made is said in words (``Cannot train: …``) with no entry."""
        if self.controller.active:
            return False
        self.doc.settle()  # an edit still under way is part of the network to train
        problem = self.problem()
        if problem:
            self.message.emit(partial(self._problem_or, problem))
            return False
        arrays = self.doc.arrays  # named in the engine's order (W1 before b1), then the rest
        weights = weights_problem({name: arrays[name] for name in
                                   (*params.shapes(self.doc.spec), *arrays) if name in arrays})
        if weights:
            self.message.emit(partial(cannot_train, weights))
            self.refused.emit(TrainingResult(Outcome("stopped", weights), None, refused=weights))
            return False
        make = self.trainer_maker()
        self.command = ReplaceWeightsCommand(self.doc, translate("TrainingSession", "Train"))
        self.command.structural = False  # the run's own entry: pushed while the run locks
        self._shown = None
        self._pushed = False
        self._started_at, self.verdict = now_iso(), None
        self.doc.lock(lock_reason())
        self.started.emit(self.doc.spec, self.data.dataset)
        self.controller.start(make, paused=paused)  # says "Training…" (_say_state)
        return True

    @Slot(str)
    def _say_state(self, state: str) -> None:
        """The status bar says whether the run trains or waits: it said "Training…" beside
        "paused" while a run paused, or started paused by Step, waited."""
        if state == RUNNING:
            self.message.emit(lambda: translate(
                "TrainingSession", "Training… (the structure is locked until it stops)"))
        elif state == PAUSED:
            self.message.emit(lambda: translate(
                "TrainingSession", "Paused: Step trains one mini-batch, Resume trains on (the "
                "structure is locked until it stops)"))

    def build_trainer(self) -> Trainer:
        """A trainer on the document's network, weights, history, data and settings (raises
        what :data:`CANNOT_TRAIN` lists when it cannot be made)."""
        return self._inputs()()

    def trainer_maker(self) -> TrainerMaker:
        """Makes :meth:`build_trainer`'s trainer from what the document holds now, on any
        thread (the inputs are taken here; building a big network draws its seed's weights,
        which :meth:`train` leaves to the run's thread); says in words why it cannot."""
        return partial(_made_or_why, self._inputs())

    def _inputs(self) -> Callable[[], Trainer]:
        settings = self.doc.settings
        dataset = self.data.dataset
        assert dataset is not None
        history = self.history_to_continue()
        continuation = self.continuation.for_document(self.doc) if history else None
        return partial(_build_trainer, self.doc.spec, self.doc.arrays, dataset, settings,
                       history, continuation)

    def history_to_continue(self) -> History | None:
        """The history the next Train goes on from (:func:`core.training.history.
        history_to_continue`: the document's, unless it cannot be read or is of another task
        than the data's). The trainer and the Training panel's line both ask."""
        dataset = self.data.dataset
        return history_to_continue(self.doc.history, dataset.task if dataset else None)

    def holds_run_weights(self) -> bool:
        """Whether the document holds what the last run left: its history and its final
        weights (:meth:`Frame.holds`) — not after an Undo of the run, Reset Weights or a weight
        typed since (its outcome no longer describes the network then)."""
        result = self.last_result
        doc = self.doc
        if result is None or doc.history is None or doc.history is not self.trained_history:
            return False
        return result.frame is None or result.frame.holds(doc.arrays)

    def pause(self) -> None:
        self.controller.pause()

    def resume(self) -> None:
        self.controller.resume()

    def step(self) -> None:
        """One mini-batch: while paused, or from idle (start paused, then step)."""
        if self.controller.state == IDLE and not self.train(paused=True):
            return
        self.controller.step()

    def stop(self) -> None:
        self.controller.stop()

    def shutdown(self) -> None:
        """Stop and join now (the window closes)."""
        self.controller.shutdown()

    def reset_weights(self) -> None:
        """Fresh weights from the settings' seed, and no history (one undo entry)."""
        if self.controller.active:
            return
        self.doc.settle()
        if self.doc.problems:
            return
        seed = self.doc.settings.seed
        self.resets.start(self.doc.spec, seed)  # on a worker for a big network
        self.message.emit(lambda: translate(
            "TrainingSession", "Weights reset from seed {seed}.").format(seed=seed))

    def _push_reset(self, arrays: Params) -> None:
        # not settling: Reset settled what came before it when it began, so what is still
        # under way now (a units edit drawn on a worker) was asked after it and lands after it
        self.doc.push(ReplaceWeightsCommand(self.doc, translate("TrainingSession", "Reset weights"),
                                            arrays, None), settle=False)

    # ------------------------------------------------------------------ live
    def show_weights(self, frame: Frame) -> None:
        """Put a frame's weights into the document, so the canvas draws them."""
        if self.command is not None and self.controller.active:
            self.command.update(frame.document_arrays())
            self._shown = frame
            self.weights_shown.emit()

    def live_history(self) -> dict[str, object] | None:
        """While a run goes on, the history that belongs with the weights the document shows
        (the document gets the run's history only when it ends); None otherwise."""
        if self.command is None or self._shown is None:
            return None
        return self._shown.history.to_dict()

    @Slot(object)
    def _settings_changed(self, keys: frozenset[str]) -> None:
        """A new learning rate reaches a running trainer; the other settings wait for the next
        run (the form locks them meanwhile)."""
        if not self.controller.active or "lr" not in keys:
            return
        lr = self.doc.settings.lr
        self.controller.set_lr(lr)
        self.message.emit(lambda: translate(
            "TrainingSession", "Learning rate {lr} from the next mini-batch.").format(
            lr=f"{lr:g}"))

    @Slot()
    def _document_replaced(self) -> None:
        """Another project replaces this one: end the run and keep nothing of it."""
        self.command = self._shown = self._started_at = None
        self.controller.shutdown()
        self.continuation.keep(None, self.doc)

    @Slot()
    def _push_run(self) -> None:
        """The run's trainer is made: its undo entry goes on the stack (once)."""
        if self.command is not None and not self._pushed:
            self._pushed = True
            self.doc.push(self.command)

    @Slot(object)
    def _finished(self, result: TrainingResult) -> None:
        # kept and handed on without the trainer: its network and prepared data would stay
        # alive through the next run — on MNIST the benchmark's peak grew 561 → 692 MB over
        # five runs
        trainer, result = result.trainer, dataclasses.replace(result, trainer=None)
        self.last_result = result
        self.doc.unlock()
        if trainer is not None:
            self._push_run()  # a run stopped and joined before its ready was heard
        command, self.command = self.command, None
        self._shown = None
        frame = result.frame
        if command is not None and trainer is not None:
            arrays = None
            history = None
            if frame is not None:
                arrays = frame.document_arrays()
                history = self.trained_history = frame.history.to_dict()
            command.finish(arrays, history, _describe(result),
                           self._recorded(result, trainer))
            self.continuation.keep(result.continuation if frame is not None else None, self.doc)
        self._started_at = None
        outcome = result.outcome
        goal = goal_for(self.doc.data)
        if trainer is not None and goal is not None and not (outcome.failed or result.error):
            # The thread is joined: the trainer is this thread's to read.
            self.verdict = diagnose(goal, trainer.network, trainer.data, trainer.history,
                                    trainer.lr, trainer.optimizer.name)
        verdict = self.verdict
        if result.refused:
            self.message.emit(partial(cannot_train, result.refused))
        else:
            self.message.emit(lambda: ended_message(result, verdict))
        if outcome.failed and frame is not None:
            nodes = diverged_nodes(self.doc.spec, frame.snapshot)
            self.diverged.emit(nodes, outcome)
        self.ended.emit(result)

    def _recorded(self, result: TrainingResult, trainer: Trainer) -> Runs | None:
        """The document's runs with the run that just ended added (None: nothing to record)."""
        started_at = self._started_at
        if result.frame is None:
            return None
        history = result.frame.history
        epochs = history.n_epochs - trainer.first_epoch
        if not epochs and not (result.error or result.outcome.failed):
            return None
        data = self.doc.data.describe() if self.doc.data is not None else ""
        return self.doc.runs.record(trainer.settings, history, epochs, result.outcome.kind,
                                    result.outcome.reason, error=result.error,
                                    started_at=started_at, spec=trainer.network.spec,
                                    data=data, outcome=result.outcome)


#: what making a trainer raises when the network, the data or the history do not go together
CANNOT_TRAIN = (SpecError, DataError, DataMismatchError, ValueError)


def _build_trainer(spec: NetworkSpec, arrays: Params, dataset: Dataset,
                   settings: TrainingSettings, history: History | None,
                   continuation: Continuation | None) -> Trainer:
    """A trainer on ``spec`` with ``arrays`` (the seed's weights where they no longer fit)."""
    network = build(spec, seed=settings.seed, dtype=np.dtype(settings.dtype),
                    weight_decay=settings.weight_decay, l1=settings.l1)
    params, state = split(arrays)
    with contextlib.suppress(ValueError):  # arrays that no longer fit: the seed's weights
        network.load_params(params, state)
    trainer = Trainer(network, dataset, settings, history=history, continuation=continuation)
    check_start(network, trainer.data)  # NaN weights: not a run that "diverged" at once
    return trainer


def _made_or_why(build_it: Callable[[], Trainer]) -> Trainer | str:
    try:
        return build_it()
    except CANNOT_TRAIN as exc:
        return own_words(exc)  # "Cannot train: " and nothing, for an error without text


def cannot_train(reason: str) -> str:
    """Why Train could not start, in the current language (the status bar; a run whose trainer
    could not be made says it under the buttons too)."""
    return translate("TrainingSession", "Cannot train: {reason}").format(reason=reason)


def ended_message(result: TrainingResult, verdict: Diagnosis | None) -> str:
    """The status-bar line when a run ends: how, and on a gate or toy set the verdict."""
    if result.error:
        return translate("TrainingSession", "Training failed: {error}").format(error=result.error)
    reason = result.outcome.words()
    if verdict is None:
        return translate("TrainingSession", "Training ended: {reason}.").format(reason=reason)
    return translate("TrainingSession", "Training ended: {reason}. {verdict}").format(
        reason=reason, verdict=verdict.text)


def _describe(result: TrainingResult) -> str:
    """The undo entry's text, e.g. ``Train to epoch 30``."""
    epochs = result.frame.history.n_epochs if result.frame is not None else 0
    return (translate("TrainingSession", "Train to epoch {n}").format(n=epochs) if epochs
            else translate("TrainingSession", "Train"))
