"""The training worker: a :class:`~gui.worker_thread.StoppableWorker` that runs
:meth:`Trainer.iterate` on its own QThread.

It may make the trainer first, on its thread (given a maker instead of a trainer): building a
big network draws the seed's weights — 4 M for 2-2000-2000-2, 0.1–0.5 s — and preparing the
data copies it, which held the window at Train. It says ``ready`` with the trainer and waits
for :meth:`go` (the GUI thread hands the trainer the controls pressed meanwhile and the
timeline to record into) before training.

No event loop runs in the worker while it trains, so it is controlled the way superqt's
workers are: through the trainer's thread-safe flags (``pause``, ``resume``, ``request_step``,
``stop``, ``lr``), which the loop reads between mini-batches. The GUI thread calls those
directly — see :class:`gui.training.controller.TrainingController`.

Signals leave at a bounded rate. A progress event goes out at most every PROGRESS_INTERVAL
seconds; a :class:`~gui.training.frames.Frame` at most every FRAME_INTERVAL seconds *and* only
once the GUI has taken the previous one (:meth:`frame_taken`), so a busy GUI gets fewer frames
instead of a queue of stale ones: only the newest matters. Making a frame stops training
meanwhile (it runs the network on the held-out rows and the probe batch: 12 ms at MNIST's
size, far more for a big network), so frames also take at most FRAME_BUDGET of the worker's
processor time, as its thread counts it: the next waits until training has had the rest.

A frame made while the run goes on has only the parts the panels on screen draw
(:attr:`TrainingWorker.wanted`, from the live refresh); one that a newly shown panel wants is
made at once, past the interval and the budget. Frames of a pause, a step and the end have
every part: the panels may be looked at one by one then.
"""

from __future__ import annotations

import math
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Signal

from core.training.events import TrainingEvent
from core.training.outcome import Outcome
from core.training.resume import Continuation
from core.training.snapshot import gradient_norms
from core.training.timeline import Timeline
from core.training.trainer import Trainer
from gui.training.frames import ALL_PARTS, Frame, FrameMaker
from gui.worker_thread import StoppableWorker

FRAME_INTERVAL = 1 / 25  # at most 25 frames a second
#: of the worker's processor time, for making frames: a bound for big networks (a 100 ms
#: frame waits for 0.9 s of training); the examples' frames (3–4 ms) and MNIST's (12 ms) come
#: as often as the GUI takes them
FRAME_BUDGET = 0.1
PROGRESS_INTERVAL = 0.25
#: the worker thread's processor time so far (seconds); the frame budget is counted in it
thread_cpu = time.thread_time


@dataclass(frozen=True, eq=False)
class TrainingResult:
    """How a run ended: the trainer's outcome, the last frame (None if even that failed),
    when the worker itself failed, the error in words, and the optimizer state to continue
    from (None after a failure); the trainer (None when it could not be made: ``refused`` says
    why, in words)."""

    outcome: Outcome
    frame: Frame | None
    error: str = ""
    continuation: Continuation | None = None
    trainer: Trainer | None = None
    refused: str = ""


#: makes a run's trainer, or says in words why it cannot be made
TrainerMaker = Callable[[], "Trainer | str"]


class TrainingWorker(StoppableWorker):
    """Runs one trainer (or the one ``trainer`` makes: :data:`TrainerMaker`) to its outcome;
    its :attr:`result` is a :class:`TrainingResult`."""

    progress = Signal(object)  # core.training.events.TrainingEvent
    frame = Signal(object)  # Frame
    ready = Signal(object)  # the Trainer it made (then it waits for go())

    def __init__(self, trainer: Trainer | TrainerMaker, frame_interval: float = FRAME_INTERVAL,
                 progress_interval: float = PROGRESS_INTERVAL,
                 timeline: Timeline | None = None) -> None:
        super().__init__()
        self._make = None if isinstance(trainer, Trainer) else trainer
        self.trainer: Trainer | None = trainer if isinstance(trainer, Trainer) else None
        self.refused = ""  # why the trainer could not be made
        self.timeline = timeline
        self.frame_interval = frame_interval
        self.progress_interval = progress_interval
        self.frames_sent = 0
        self.frame_cpu = 0.0  # processor seconds this worker spent making live frames
        #: the parts of a live frame the GUI draws (:data:`gui.training.frames.ALL_PARTS`);
        #: set from the GUI thread (one assignment), read here between mini-batches
        self.wanted: frozenset[str] = ALL_PARTS
        self._sent_parts: frozenset[str] = ALL_PARTS  # those of the last frame sent
        self._frame_step: int | None = None  # the trainer's step_count in the last frame sent
        self._frame_due = -math.inf  # the thread's processor time the next frame waits for
        self._last_event: TrainingEvent | None = None
        self._progress_sent: TrainingEvent | None = None
        self._maker = FrameMaker(self.trainer) if self.trainer is not None else None
        self._taken = threading.Event()
        self._taken.set()
        self._go = threading.Event()  # a made trainer may train (set at once for a given one)
        if self._make is None:
            self._go.set()

    def go(self) -> None:
        """The made trainer has its controls and timeline: train. Any thread."""
        self._go.set()

    def frame_taken(self) -> None:
        """The GUI has drawn (or dropped) the last frame: the next one may be made. Any thread."""
        self._taken.set()

    def stop(self) -> None:
        """The trainer checks its own flag between mini-batches (and wakes if paused); one
        still being made stops before its first (see :meth:`work`)."""
        super().stop()
        self._go.set()
        trainer = self.trainer
        if trainer is not None:
            trainer.stop()

    def conclude(self, result: object, error: str) -> TrainingResult:
        """The outcome with the state it ended in, drawn once more (even after a failure)."""
        if self.trainer is None or self._maker is None:  # never made
            return TrainingResult(Outcome("stopped", error), None, error, refused=self.refused)
        frame = None
        try:
            frame = self._maker.make()
        except Exception:  # the network is beyond drawing; the outcome still counts
            traceback.print_exc(file=sys.stderr)
        # after an error, the error's own text: the run keeps it as the detail of its
        # worker_error reason, and the window says it in that sentence
        outcome = self.trainer.outcome or Outcome("stopped", error)
        continuation = None if error or frame is None else self.trainer.continuation()
        return TrainingResult(outcome, frame, error, continuation, self.trainer)

    def _made(self) -> Trainer | None:
        """The trainer, made here if it was not given, once the GUI thread said :meth:`go`
        (None when it could not be made: :attr:`refused` says why)."""
        if self._make is not None:
            made = self._make()
            if isinstance(made, str):
                self.refused = made
                return None
            self._maker = FrameMaker(made)
            self.trainer = made  # before stop_requested is read: a Stop finds one or the other
            self.ready.emit(made)
            self._go.wait()
        if self.stop_requested.is_set():
            self.trainer.stop()  # Stop pressed while it was being made
        return self.trainer

    def work(self) -> None:
        trainer = self._made()
        if trainer is None:
            return
        last_frame = last_progress = -math.inf
        self._record()  # where the run starts (ignored when it continues the timeline)
        for event in trainer.iterate(waiting=self._show_paused):
            self._maker.observe(event)
            self._last_event = event
            if event.epoch_metrics is not None:
                self._record()
            now = time.perf_counter()
            if event.outcome is not None or now - last_progress >= self.progress_interval:
                self._emit_progress(event)
                last_progress = now
            wanted = self.wanted
            due = now - last_frame >= self.frame_interval and self._taken.is_set() and \
                thread_cpu() >= self._frame_due
            if event.outcome is None and (due or not wanted <= self._sent_parts):
                self._send_frame(wanted)  # (the latter: a panel just shown waits for its part)
                last_frame = now

    def _show_paused(self) -> None:
        """The trainer is about to wait, paused (also after each Step while paused): show
        the GUI exactly the state it waits in — the last event and a frame of it, unless they
        were sent already. The trainer calls this itself, so a Pause that lands at any moment
        is shown (the loop above, reading ``paused`` itself, missed one that came just after
        it looked)."""
        if self._last_event is not None and self._progress_sent is not self._last_event:
            self._emit_progress(self._last_event)
        if self._frame_step != self.trainer.step_count or self._sent_parts != ALL_PARTS:
            self._send_frame()

    def _emit_progress(self, event: TrainingEvent) -> None:
        self._progress_sent = event
        self.progress.emit(event)

    def _record(self) -> None:
        """Keep the network after the epoch that just ended in the timeline (if there is one)."""
        if self.timeline is None:
            return
        net = self.trainer.network
        grads = net.last_gradients() if self.trainer.step_count else {}
        with np.errstate(all="ignore"):
            # no gradient signals: measuring them costs a pass over 256 rows, 10–40 % of an
            # epoch of the examples; they depend on the weights only, so a replay measures them
            # with the optimizer's state and the generators: Continue from here trains on
            # exactly as this run did from the epoch
            self.timeline.record(self.trainer.epoch, net.params, net.state,
                                 gradient_norms(net, grads) if grads else {},
                                 continuation=self.trainer.continuation())

    def _send_frame(self, parts: frozenset[str] = ALL_PARTS) -> None:
        self._taken.clear()
        self.frames_sent += 1
        self._frame_step = self.trainer.step_count
        self._sent_parts = parts
        started = thread_cpu()
        frame = self._maker.make(parts=parts)
        finished = thread_cpu()
        self.frame_cpu += finished - started
        # training gets (1 - FRAME_BUDGET) / FRAME_BUDGET times what this frame took first
        self._frame_due = finished + (finished - started) * (1 - FRAME_BUDGET) / FRAME_BUDGET
        self.frame.emit(frame)
