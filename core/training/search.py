"""Hyperparameter random search (docs/book.md §10): many short runs with the learning rate and
weight decay drawn on a log scale, ranked by validation accuracy.

Random rather than grid search because only a few hyperparameters matter and random draws try
more distinct values of each. Every trial is a pure function of (search seed, trial index), so
running trials on several processes gives exactly what one process gives. Workers are started
with "spawn": forking a process that runs Qt threads is unsafe.

Cancelling stops the running trials too, between two mini-batches: a GUI that closes mid-search
must not wait for trials of thousands of epochs. A trial stopped half-way is not ranked.
"""

from __future__ import annotations

import math
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace

import numpy as np

from core.datasets import Dataset
from core.engine import blas
from core.i18n import _
from core.spec import NetworkSpec
from core.training.events import StopFlag
from core.training.history import History
from core.training.prepare import TrainingData, prepare
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

DEFAULT_WORKERS = 2
STOPPED = "stopped"  # the outcome of a trial cut short by a cancel: never ranked


@dataclass(frozen=True)
class SearchSpace:
    """log10 ranges: lr = 10^U(lr[0], lr[1]), weight decay = 10^U(weight_decay[0], …)."""

    lr: tuple[float, float] = (-6.0, -2.0)
    weight_decay: tuple[float, float] = (-8.0, -4.0)

    def __post_init__(self) -> None:
        for name in ("lr", "weight_decay"):
            low, high = getattr(self, name)
            if not (math.isfinite(low) and math.isfinite(high) and low <= high):
                raise ValueError(_("{name}: the range {low}..{high} must be two finite powers "
                                   "of ten, the lower first").format(name=name, low=low,
                                                                     high=high))

    def draw(self, seed: int, index: int) -> tuple[float, float]:
        """Trial ``index``'s (lr, weight decay); depends only on the seed and the index."""
        rng = np.random.default_rng([seed, index])
        return 10 ** rng.uniform(*self.lr), 10 ** rng.uniform(*self.weight_decay)


@dataclass(frozen=True)
class Trial:
    """One run: its settings (lr, weight decay and seed filled in), its curves and the score
    it is ranked by (validation accuracy, or R² for regression; None if it diverged or was
    stopped)."""

    index: int
    settings: TrainingSettings
    history: History
    outcome_kind: str
    outcome_reason: str
    score: float | None
    val_loss: float | None

    @property
    def lr(self) -> float:
        return self.settings.lr

    @property
    def weight_decay(self) -> float:
        return self.settings.weight_decay


@dataclass(frozen=True)
class SearchResult:
    """Trials best first; ``cancelled`` when the search was stopped before every trial ran."""

    trials: list[Trial]
    cancelled: bool

    @property
    def best(self) -> Trial | None:
        return self.trials[0] if self.trials else None


def trial_settings(base: TrainingSettings, space: SearchSpace, seed: int, index: int,
                   epochs: int) -> TrainingSettings:
    """The settings of trial ``index``: drawn lr and weight decay, seed = search seed + index."""
    lr, weight_decay = space.draw(seed, index)
    return replace(base, lr=lr, weight_decay=weight_decay, seed=seed + index, epochs=epochs,
                   target_loss=None, early_stopping_patience=None)


def run_trial(spec: NetworkSpec, data: TrainingData, settings: TrainingSettings,
              index: int, stop: StopFlag | None = None) -> Trial:
    """Train one trial to the end, or until ``stop`` is set: then it ends before its next
    mini-batch with the outcome :data:`STOPPED` and no score (it is partial)."""
    trainer = Trainer(spec, data, settings)
    outcome = trainer.run(stop=stop)
    last = trainer.history.latest()
    metric = "val_accuracy" if data.task == "classification" else "val_r2"
    failed = outcome.failed or outcome.kind == STOPPED or not last
    return Trial(index, settings, trainer.history, outcome.kind, outcome.reason,
                 None if failed else last.get(metric), None if failed else last.get("val_loss"))


def rank(trials: list[Trial]) -> list[Trial]:
    """Best score first; ties by lower validation loss, then trial order; unscored trials last."""
    def key(trial: Trial) -> tuple[float, float, int]:
        score = -trial.score if trial.score is not None else math.inf
        loss = trial.val_loss if trial.val_loss is not None else math.inf
        return (score, loss, trial.index)

    return sorted(trials, key=key)


def random_search(
    spec: NetworkSpec,
    dataset: Dataset,
    base: TrainingSettings,
    n_trials: int = 20,
    epochs: int = 5,
    space: SearchSpace | None = None,
    seed: int = 0,
    workers: int = DEFAULT_WORKERS,
    progress: Callable[[int, int, Trial], None] | None = None,
    cancel: threading.Event | None = None,
) -> SearchResult:
    """Run ``n_trials`` trials of ``epochs`` epochs and rank them.

    The data is split once with ``base``'s split, seed and standardisation, so every trial is
    judged on the same validation rows; the trials differ in lr, weight decay and the seed of
    their initial weights and shuffling. ``workers`` > 1 runs trials on that many processes.
    ``progress(done, total, trial)`` is called in the calling thread as trials finish; setting
    ``cancel`` starts no further trial and stops the running ones before their next
    mini-batch. Stopped trials are left out (neither reported nor ranked: they are partial),
    and the result says ``cancelled``.
    """
    if isinstance(n_trials, bool) or not isinstance(n_trials, int) or n_trials < 1:
        raise ValueError(_("{name}: {value} must be a whole number of at least 1").format(
            name="n_trials", value=repr(n_trials)))
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(_("{name}: {value} must be a whole number of at least 1").format(
            name="workers", value=repr(workers)))
    space = space or SearchSpace()
    data = prepare(dataset, spec.check(), base.split, base.seed, base.standardize, base.dtype)
    jobs = [trial_settings(base, space, seed, i, epochs) for i in range(n_trials)]
    cancel = cancel or threading.Event()
    done: list[Trial] = []

    def finished(trial: Trial) -> None:
        if trial.outcome_kind == STOPPED:
            return
        done.append(trial)
        if progress is not None:
            progress(len(done), n_trials, trial)

    if workers == 1:
        for i, settings in enumerate(jobs):
            if cancel.is_set():
                break
            finished(run_trial(spec, data, settings, i, cancel))
    else:
        _run_parallel(spec, data, jobs, workers, cancel, finished)
    return SearchResult(rank(done), cancelled=len(done) < n_trials)


_worker_stop: StopFlag | None = None  # in a worker process: the search's shared stop flag


def _start_worker(stop: StopFlag) -> None:
    """A worker process's initializer: a multiprocessing Event cannot be pickled with each
    submitted trial, but it can be inherited once, when the process starts."""
    global _worker_stop
    _worker_stop = stop


def _run_trial_in_worker(spec: NetworkSpec, data: TrainingData, settings: TrainingSettings,
                         index: int) -> Trial:
    return run_trial(spec, data, settings, index, _worker_stop)


def _run_parallel(spec: NetworkSpec, data: TrainingData, jobs: list[TrainingSettings],
                  workers: int, cancel: threading.Event,
                  finished: Callable[[Trial], None]) -> None:
    """Keep at most ``workers`` trials in flight, so a cancel leaves nothing queued to wait for;
    a cancel is passed on to the running trials through an Event the workers share."""
    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    pending = list(enumerate(jobs))
    running: set[Future[Trial]] = set()
    with blas.single_threaded_in_children(), \
            ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=context,
                                initializer=_start_worker, initargs=(stop,)) as pool:
        try:
            while pending or running:
                if cancel.is_set():
                    stop.set()
                while pending and len(running) < workers and not cancel.is_set():
                    index, settings = pending.pop(0)
                    running.add(pool.submit(_run_trial_in_worker, spec, data, settings, index))
                if not running:
                    break
                completed, running = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in completed:
                    finished(future.result())
        finally:
            stop.set()  # also after an error: leaving the pool waits for its running trials
