"""One short job on a worker thread — reading a data file, checking a checksum — whose result
comes back to the GUI thread as a signal, so the window never waits on a disk or a parser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from core.datasets import DataError
from core.datasets.linked import ReadCancelledError
from gui.worker_thread import StoppableWorker, WorkerRun


class BackgroundJob(StoppableWorker):
    """Runs ``job(stop_requested)`` on the worker thread; a DataError becomes the run's words."""

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
        self.job = BackgroundJob(job)
        super().__init__(owner, self.job, name)

    def ended(self) -> None:
        job = self.job
        problem = job.problem or job.error
        result = None if job.cancelled or problem else job.result
        self.join()
        self.finished.emit(result, "" if job.cancelled else problem)
