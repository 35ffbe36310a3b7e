"""Frames of past epochs: the network of a timeline record, drawn as a live frame is.

A second network with the run's spec and settings (never the one a worker trains) loads the
record's parameters, and the run's own :class:`~gui.training.frames.FrameMaker` machinery
measures it on the same probe rows, grid and held-out rows as the live frames. The frame
carries the record's epoch and gradient norms (those of that epoch's last mini-batch) and the
whole history of the run, so every panel draws it through its usual path and the loss panel
can mark the epoch. The frame also carries the record's weights converted to the document's
float64, which the document shows while the slider is pulled back (:attr:`Frame.arrays`).

Made in the GUI thread, that measuring froze the window while the slider was dragged (median
per epoch shown: 40 ms for the spiral, 48 ms for the digits MLP, 247 ms for the six-layer
"overfitting" network). So :class:`ReplayRunner` does it on a worker thread (one
:class:`~gui.background.BackgroundJob`): one replay at a time — a :class:`Replay`'s network is
never used by two threads — and the newest request wins: while one is made, later requests
replace each other, and a result that is no longer the newest is dropped. The GUI thread keeps
the drawing of the frame that arrives. ``python -m gui.training.timeline_bench``, per slider
move (medians of 5 rounds of 25 moves, 2 cores at load 4–6): the GUI thread's time in the
timeline's code, drawing the frame into the panels included, fell from 20 / 22 / 119 ms
(spiral / digits / overfitting) to 6 / 6 / 6 ms; the rest is the window's repaint and the
Predictions panel following the shown weights. On the worker (one BLAS thread) the overfitting
network's frame takes 15–30 ms.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core.engine.network import build
from core.spec import NetworkSpec
from core.training import gradient_flow
from core.training.history import History
from core.training.prepare import TrainingData
from core.training.settings import TrainingSettings
from core.training.timeline import EpochRecord
from core.training.trainer import Trainer
from gui.background import BackgroundJob
from gui.document.arrays import copies
from gui.training.frames import Curves, Frame, FrameMaker
from gui.training.trails import Trails


class Replay:
    """Draws records of runs of one network on one run's prepared data: the viewer trainer
    ``make()`` makes, made on first use — by the worker that makes the first frame
    (:class:`ReplayRunner`): building 2-2000-2000-2's network (drawing 4 M weights that the
    record's then replace) held the GUI thread 120–150 ms at the first step back. What the
    GUI thread asks of a replay (``spec``, ``task``, ``batches_per_epoch``) is known without
    it."""

    def __init__(self, make: Callable[[], Trainer], spec: NetworkSpec, task: str,
                 batches_per_epoch: int) -> None:
        self._make: Callable[[], Trainer] | None = make
        self.spec = spec
        self.task = task
        self.batches_per_epoch = batches_per_epoch
        self._viewer: Trainer | None = None
        self._maker: FrameMaker | None = None

    @classmethod
    def of_run(cls, trainer: Trainer) -> Replay:
        """The replay of ``trainer``'s run: a second network with its spec and settings (never
        the one a worker trains), on its prepared data."""
        settings, network = trainer.settings, trainer.network
        make = partial(_viewer, network.spec, network.dtype, trainer.data, settings)
        return cls(make, network.spec, trainer.task, trainer.batches_per_epoch)

    @property
    def viewer(self) -> Trainer:
        """The trainer whose network loads the records (made here on first use: call it on
        the thread that makes the frames)."""
        if self._viewer is None:
            assert self._make is not None
            self._viewer = self._make()
            self._make = None
        return self._viewer

    def frame(self, record: EpochRecord, history: History, last_epoch: int,
              trails: Trails = None) -> Frame:
        """The network after ``record.epoch``, with the run's ``history`` to draw beside it
        (``trails``: the weight trails, or what makes them — here, on the worker). Runs the
        viewer network: call it from one thread at a time (:class:`ReplayRunner`)."""
        if callable(trails):
            trails = trails()
        network = self.viewer.network
        if self._maker is None:
            self._maker = FrameMaker(self.viewer)
        self.viewer.show(record.params, record.state)  # the snapshot keeps record.params
        # the record's own values as the document shows them (the timeline's preview), not the
        # viewer network's converted
        with np.errstate(all="ignore"):
            made = self._maker.make(arrays=copies(record.arrays))
        snapshot = replace(made.snapshot, epoch=record.epoch, batch=0, history=history,
                           gradient_norms=dict(record.gradient_norms), gradient_histograms={})
        # the signals depend on the weights only: measured again for the loaded record
        flow = gradient_flow.assess(network.spec, record.gradient_norms,
                                    self._maker.gradient_signals())
        return replace(made, snapshot=snapshot, curves=Curves.of(history, self.batches_per_epoch),
                       last_epoch=max(last_epoch, history.n_epochs),
                       weight_trails=dict(trails or {}), flow=flow)


class ReplayRunner(QObject):
    """Makes replayed frames on a worker thread, one at a time, the newest request winning.

    :meth:`request` returns at once; ``frame_ready(frame, tag)`` comes later in the GUI thread,
    only for the newest request (``tag`` is the caller's, e.g. what the frame was for). A
    request made while another is computed waits, and replaces any request still waiting.
    :meth:`drop` makes whatever is computed or waiting stale; :meth:`shutdown` also waits for
    the worker (the window closes). ``failed(words)`` when making a frame raised."""

    frame_ready = Signal(object, object)  # Frame, tag
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = BackgroundJob(self)
        self._job.finished.connect(self._done)
        self._job.failed.connect(self._failed)
        self._newest = 0  # the number of the newest request
        self._waiting: tuple[int, partial[Frame], object] | None = None
        self._computing: tuple[int, object] | None = None
        #: how long each frame took its worker, in ms (for the README)
        self.compute_ms: list[float] = []

    @property
    def busy(self) -> bool:
        """A frame is being made or waits to be."""
        return self._job.running or self._waiting is not None

    def request(self, replay: Replay, record: EpochRecord, history: History, last_epoch: int,
                trails: Trails, tag: object = None) -> None:
        """Make ``replay.frame(record, history, last_epoch, trails)`` on the worker."""
        self._newest += 1
        trails = trails if callable(trails) else dict(trails or {})
        self._waiting = (self._newest, partial(replay.frame, record, history, last_epoch,
                                               trails), tag)
        self._start_waiting()

    def drop(self) -> None:
        """Nothing requested so far reaches ``frame_ready``."""
        self._newest += 1
        self._waiting = None

    def shutdown(self) -> None:
        """Drop everything and join the worker: no frame is made or delivered after this."""
        self.drop()
        self._job.shutdown()
        self._computing = None

    def _start_waiting(self) -> None:
        if self._waiting is None or self._job.running:
            return
        number, make, tag = self._waiting
        self._waiting = None
        self._computing = (number, tag)
        self._job.start(partial(_make, make))

    @Slot(object)
    def _done(self, result: tuple[Frame, float]) -> None:
        computing, self._computing = self._computing, None
        self._start_waiting()
        frame, seconds = result
        self.compute_ms.append(seconds * 1000)
        if computing is not None and computing[0] == self._newest:
            self.frame_ready.emit(frame, computing[1])

    @Slot(str)
    def _failed(self, words: str) -> None:
        computing, self._computing = self._computing, None
        self._start_waiting()
        if computing is not None and computing[0] == self._newest:
            self.failed.emit(words)


def _viewer(spec: NetworkSpec, dtype: np.dtype, data: TrainingData,
            settings: TrainingSettings) -> Trainer:
    network = build(spec, seed=settings.seed, dtype=dtype, weight_decay=settings.weight_decay,
                    l1=settings.l1)
    return Trainer(network, data, settings)


def _make(make: partial[Frame], _report: object, _cancel: object) -> tuple[Frame, float]:
    """The worker's part: the frame, and how long it took."""
    started = time.perf_counter()
    frame = make()
    return frame, time.perf_counter() - started
