"""Work on a worker thread whose results come back to the GUI thread as signals, so the
window never waits on a disk, a parser or a long computation (both on the thread lifecycle of
:mod:`gui.worker_thread`).

- :class:`JobRun`: one short job — reading a data file, checking a checksum — run once;
  ``finished(result, problem)`` says how it ended, a :class:`DataError` in words.
- :class:`BackgroundJob`: a reusable owner of one long computation at a time (a lab's race
  of trainings or search, an export, a project write, a download). The work is a plain
  function ``work(report, cancel)``: it calls ``report(payload)`` as it goes (any thread-safe
  Python object; each reaches :attr:`BackgroundJob.progress`, in order) and checks
  ``cancel.is_set()`` between steps. Its return value reaches :attr:`BackgroundJob.finished`;
  an exception reaches :attr:`BackgroundJob.failed` as words, and the window stays usable.
  Call :meth:`BackgroundJob.shutdown` before the owner goes (:class:`gui.labs.base.LabWindow`
  does so for every job it owns when it closes); a job destroyed without it still stops and
  joins its thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from core.datasets import DataError
from core.datasets.linked import ReadCancelledError
from gui.worker_thread import StoppableWorker, WorkerRun

Report = Callable[[Any], None]
Work = Callable[[Report, threading.Event], Any]


class ShortJob(StoppableWorker):
    """The worker of a :class:`JobRun`: runs ``job(stop_requested)``; a DataError becomes the
    run's words."""

    def __init__(self, job: Callable[[Callable[[], bool]], object]) -> None:
        super().__init__()
        self._job = job
        self.problem = ""
        self.data_error: DataError | None = None
        self.cancelled = False

    def work(self) -> object:
        try:
            result = self._job(self.stop_requested.is_set)
        except DataError as exc:
            self.problem = str(exc)
            self.data_error = exc
            return None
        except ReadCancelledError:
            result = None
        if self.stop_requested.is_set():
            self.cancelled = True
            return None
        return result


class JobRun(WorkerRun):
    """One background job owned by a GUI-thread object; ``finished`` says how it ended."""

    finished = Signal(object, str)  # result (None unless it worked), problem in words

    def __init__(self, owner: QObject, job: Callable[[Callable[[], bool]], object],
                 name: str) -> None:
        self.job = ShortJob(job)
        super().__init__(owner, self.job, name)

    def ended(self) -> None:
        job = self.job
        problem = job.problem or job.error
        result = None if job.cancelled or problem else job.result
        self.join()
        self.finished.emit(result, "" if job.cancelled else problem)


class _ReportingWorker(StoppableWorker):
    reported = Signal(object)

    def __init__(self, work: Work) -> None:
        super().__init__()
        self._work = work

    def work(self) -> object:
        return self._work(self.reported.emit, self.stop_requested)


class _ReportingRun(WorkerRun):
    """The GUI-thread end of one :class:`BackgroundJob` run's signals."""

    def __init__(self, job: BackgroundJob, worker: _ReportingWorker) -> None:
        super().__init__(job, worker, "background job")  # i18n: not ui
        self.job = job
        worker.reported.connect(self.on_report)

    @Slot(object)
    def on_report(self, payload: object) -> None:
        self.job._on_report(self, payload)

    def ended(self) -> None:
        self.job._on_done(self)


class BackgroundJob(QObject):
    """One background computation at a time, for one owner (a lab window, an export, the
    project saver, a download).

    ``started`` when a run begins; ``progress(payload)`` for each report; then exactly one of
    ``finished(result)`` (also after a cancel: the work decides what a cancelled result is) or
    ``failed(message)``; ``running_changed(bool)`` around all of it."""

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run: _ReportingRun | None = None

    @property
    def running(self) -> bool:
        return self._run is not None

    def start(self, work: Work) -> bool:
        """Run ``work`` in a new thread; False (and nothing started) if one is running."""
        if self._run is not None:
            return False
        self._run = _ReportingRun(self, _ReportingWorker(work))
        self.started.emit()
        self.running_changed.emit(True)
        self._run.start()
        return True

    def cancel(self) -> None:
        """Ask the running work to stop at its next check (it still reports its end)."""
        if self._run is not None:
            self._run.worker.stop()

    def shutdown(self) -> None:
        """Cancel and join: nothing of this job runs after it returns. Its result is dropped
        (no ``finished``), but ``running_changed(False)`` says the job is free again."""
        run, self._run = self._run, None
        if run is not None:
            run.join()
            self.running_changed.emit(False)

    def _on_report(self, run: _ReportingRun, payload: object) -> None:
        if run is self._run:  # a run already shut down (and joined) reaches nobody
            self.progress.emit(payload)

    def _on_done(self, run: _ReportingRun) -> None:
        if run is not self._run:
            return
        self._run = None
        run.join()
        self.running_changed.emit(False)
        worker = run.worker
        if worker.error:
            self.failed.emit(worker.error)
        else:
            self.finished.emit(worker.result)
