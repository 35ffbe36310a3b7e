"""The training controller: starts, steers and ends runs, in the GUI thread.

It starts a :class:`~gui.training.worker.TrainingWorker` on a fresh QThread per run (the
lifecycle of :mod:`gui.worker_thread`), forwards Pause / Resume / Step / Stop and learning-rate
changes to the trainer's thread-safe flags, keeps only the newest frame, and joins the thread
when the run ends — or at once when its owner closes (:meth:`shutdown`), so nothing hangs.
A run whose trainer the worker makes has none until ``ready``: the controls pressed meanwhile
are kept here (the state, the steps asked for, the rate) and handed to it then.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from core.training.events import TrainingEvent
from core.training.timeline import Timeline
from core.training.trainer import Trainer
from gui.training.frames import ALL_PARTS, Frame
from gui.training.worker import FRAME_INTERVAL, TrainerMaker, TrainingResult, TrainingWorker
from gui.worker_thread import WorkerRun

IDLE, RUNNING, PAUSED, STOPPING = "idle", "running", "paused", "stopping"


class _Run(WorkerRun):
    """One run's thread, worker and trainer, and the GUI-thread end of the worker's signals."""

    def __init__(self, controller: TrainingController, worker: TrainingWorker) -> None:
        super().__init__(controller, worker, "training")
        self.controller = controller
        self.worker: TrainingWorker = worker
        self.trainer = worker.trainer  # None until the worker has made it
        self.steps_asked = 0  # Step pressed while it was being made
        self.lr: float | None = None  # a rate set while it was being made
        worker.progress.connect(self.on_progress)
        worker.frame.connect(self.on_frame)
        worker.ready.connect(self.on_ready)

    @Slot(object)
    def on_ready(self, trainer: Trainer) -> None:
        self.controller._ready(self, trainer)

    @Slot(object)
    def on_progress(self, event: TrainingEvent) -> None:
        self.controller._progress(self, event)

    @Slot(object)
    def on_frame(self, frame: Frame) -> None:
        self.controller._frame(self, frame)

    def ended(self) -> None:
        self.controller._finished(self)


class TrainingController(QObject):
    """Start, pause, resume, step and stop one training run at a time.

    ``frame_ready`` says a newer frame waits in :meth:`take_frame`; ``finished`` carries the
    :class:`TrainingResult` after the thread has been joined; ``ready`` the trainer a run's
    worker made (not for a trainer given to :meth:`start`).
    """

    state_changed = Signal(str)
    ready = Signal(object)  # Trainer
    progress = Signal(object)  # TrainingEvent
    frame_ready = Signal()
    finished = Signal(object)  # TrainingResult

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = IDLE
        self._run: _Run | None = None
        self.latest: Frame | None = None
        self.last_event: TrainingEvent | None = None
        self.frames_received = 0
        self.frame_cpu = 0.0  # processor seconds its runs' workers spent making live frames
        self._fresh = False
        #: the parts of a live frame the panels on screen draw (the live refresh says: :meth:`want`)
        self.wanted: frozenset[str] = ALL_PARTS
        self.stop_requested_at: float | None = None
        #: the timeline a new run records its epochs into (None: none is kept)
        self.timeline_for: Callable[[Trainer], Timeline | None] = lambda trainer: None

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> str:
        return self._state

    @property
    def active(self) -> bool:
        """A run exists (running, paused or stopping)."""
        return self._state != IDLE

    @property
    def trainer(self) -> Trainer | None:
        """The trainer of the active run (None when idle, or while the worker makes it)."""
        return self._run.trainer if self._run is not None else None

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------ commands
    def start(self, trainer: Trainer | TrainerMaker, paused: bool = False,
              frame_interval: float = FRAME_INTERVAL) -> None:
        """Train ``trainer`` — or the one the maker makes, on the run's thread — on a new thread
        (``paused``: wait for :meth:`step`/:meth:`resume`)."""
        if self.active:
            raise RuntimeError("a training run is already active")  # i18n: not ui
        given = trainer if isinstance(trainer, Trainer) else None
        if given is not None and paused:
            given.pause()
        run = _Run(self, TrainingWorker(trainer, frame_interval=frame_interval,
                                        timeline=self.timeline_for(given) if given else None))
        run.worker.wanted = self.wanted
        self._run = run
        self.latest, self.last_event, self._fresh = None, None, False
        self.stop_requested_at = None
        self._set_state(PAUSED if paused else RUNNING)
        run.start()

    def pause(self) -> None:
        if self._state == RUNNING and self._run is not None:
            if self._run.trainer is not None:
                self._run.trainer.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._state == PAUSED and self._run is not None:
            self._run.steps_asked = 0
            if self._run.trainer is not None:
                self._run.trainer.resume()
            self._set_state(RUNNING)

    def step(self) -> None:
        """Train one more mini-batch while paused."""
        if self._state == PAUSED and self._run is not None:
            if self._run.trainer is not None:
                self._run.trainer.request_step()
            else:
                self._run.steps_asked += 1

    def set_lr(self, lr: float) -> None:
        """Have the active run use learning rate ``lr`` from its next mini-batch."""
        if self._run is not None:
            if self._run.trainer is not None:
                self._run.trainer.set_lr(lr)
            else:
                self._run.lr = lr

    def stop(self) -> None:
        """Ask the run to end before its next mini-batch; ``finished`` follows."""
        if self._state in (RUNNING, PAUSED) and self._run is not None:
            self.stop_requested_at = time.perf_counter()
            self._run.worker.stop()
            self._set_state(STOPPING)

    def shutdown(self) -> TrainingResult | None:
        """Stop and join now (the window closes, another project opens); returns the result
        of the run it ended, after emitting ``finished``."""
        if self._run is None:
            return None
        self.stop()
        return self._join(self._run)

    # ------------------------------------------------------------------ frames
    def want(self, parts: frozenset[str]) -> None:
        """Live frames need only ``parts`` from now on (a part newly wanted comes at once)."""
        self.wanted = parts
        if self._run is not None:
            self._run.worker.wanted = parts

    def take_frame(self) -> Frame | None:
        """The newest frame if it was not taken yet; lets the worker make the next one."""
        if not self._fresh:
            return None
        self._fresh = False
        if self._run is not None:
            self._run.worker.frame_taken()
        return self.latest

    # ------------------------------------------------------------------ from the run
    def _ready(self, run: _Run, trainer: Trainer) -> None:
        """The worker made the run's trainer: it gets what was pressed meanwhile and the
        timeline, then trains (a Stop meanwhile reached the worker itself)."""
        if run is not self._run:
            return
        run.trainer = trainer
        if self._state == PAUSED:
            trainer.pause()
            for _ in range(run.steps_asked):
                trainer.request_step()
        if run.lr is not None:
            trainer.set_lr(run.lr)
        run.worker.timeline = self.timeline_for(trainer)
        run.worker.go()
        self.ready.emit(trainer)

    def _progress(self, run: _Run, event: TrainingEvent) -> None:
        if run is self._run:
            self.last_event = event
            self.progress.emit(event)

    def _frame(self, run: _Run, frame: Frame) -> None:
        if run is self._run:
            self.latest, self._fresh = frame, True
            self.frames_received += 1
            self.frame_ready.emit()

    def _finished(self, run: _Run) -> None:
        if run is self._run:
            self._join(run)

    def _join(self, run: _Run) -> TrainingResult | None:
        run.join()
        self._run = None
        self.frame_cpu += run.worker.frame_cpu
        result = run.worker.result
        if result is not None and result.frame is not None:
            self.latest, self._fresh = result.frame, True
        self._set_state(IDLE)
        if result is not None:
            if result.frame is not None:
                self.frame_ready.emit()  # drawn first: when finished arrives, panels show it
            self.finished.emit(result)
        return result
