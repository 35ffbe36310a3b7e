"""Run a lab's long computation (a race of trainings, a search) off the GUI thread.

A :class:`BackgroundJob` lives in the GUI thread and owns one QThread per run. The work is a
plain function ``work(report, cancel)``: it calls ``report(payload)`` as it goes (any thread-safe
Python object; each reaches :attr:`BackgroundJob.progress`, in order) and checks
``cancel.is_set()`` between steps. Its return value reaches :attr:`BackgroundJob.finished`; an
exception reaches :attr:`BackgroundJob.failed` as words, and the window stays usable.

As in gui.training (docs/qt-notes.md §2), the worker's signals go only to ``@Slot`` methods of an
object living in the GUI thread, and the thread is joined before its owner goes away: call
:meth:`shutdown` before the owner goes (:class:`gui.labs.base.LabWindow` does so for every
job it owns when it closes).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from core.engine import blas

Report = Callable[[Any], None]
Work = Callable[[Report, threading.Event], Any]


class _Worker(QObject):
    """Every signal carries the run's number: events still queued from an earlier run (one
    shut down and followed by a new start before the event loop ran) are told apart."""

    reported = Signal(int, object)  # run, payload
    done = Signal(int, object, str)  # run, result, error ("" when it succeeded)

    def __init__(self, run_id: int, work: Work, cancel: threading.Event) -> None:
        super().__init__()
        self.run_id = run_id
        self.work = work
        self.cancel = cancel

    def report(self, payload: object) -> None:
        self.reported.emit(self.run_id, payload)

    @Slot()
    def run(self) -> None:
        previous = blas.limit_threads_here(blas.gui_friendly_threads())
        result, error = None, ""
        try:
            result = self.work(self.report, self.cancel)
        except Exception as exc:  # shown to the student; the lab stays usable
            traceback.print_exc(file=sys.stderr)
            error = f"{type(exc).__name__}: {exc}"
        finally:
            if previous is not None:
                blas.limit_threads_here(previous)
        # Back to the GUI thread before this thread ends: a deleteLater() for an object whose
        # thread has finished is never carried out, so the worker (and all its work captured)
        # would leak, one per run.
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self.done.emit(self.run_id, result, error)


class BackgroundJob(QObject):
    """One background computation at a time, for one lab window.

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
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._cancel = threading.Event()
        self._run_id = 0  # the current (or last) run's number

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, work: Work) -> bool:
        """Run ``work`` in a new thread; False (and nothing started) if one is running."""
        if self._thread is not None:
            return False
        self._cancel = threading.Event()
        self._run_id += 1
        self._worker = _Worker(self._run_id, work, self._cancel)
        self._thread = QThread()
        self._thread.setObjectName("lab job")
        self._worker.moveToThread(self._thread)
        self._worker.reported.connect(self._on_report)
        self._worker.done.connect(self._on_done)
        self._thread.started.connect(self._worker.run)
        self.started.emit()
        self.running_changed.emit(True)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Ask the running work to stop at its next check (it still reports its end)."""
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and join: nothing of this job runs after it returns. Its result is dropped
        (no ``finished``), but ``running_changed(False)`` says the job is free again."""
        self._cancel.set()
        thread = self._thread
        if thread is not None:
            thread.quit()
            thread.wait()
            self._release()
            self.running_changed.emit(False)

    def _release(self) -> None:
        thread, worker = self._thread, self._worker
        self._thread = self._worker = None
        if worker is not None:
            worker.reported.disconnect(self._on_report)
            worker.done.disconnect(self._on_done)
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()

    def _current(self, run_id: int) -> bool:
        return self._thread is not None and run_id == self._run_id

    @Slot(int, object)
    def _on_report(self, run_id: int, payload: object) -> None:
        if self._current(run_id):
            self.progress.emit(payload)

    @Slot(int, object, str)
    def _on_done(self, run_id: int, result: object, error: str) -> None:
        if not self._current(run_id):
            return  # a run already shut down (and joined): its end reaches nobody
        thread = self._thread
        assert thread is not None
        thread.quit()
        thread.wait()
        self._release()
        self.running_changed.emit(False)
        if error:
            self.failed.emit(error)
        else:
            self.finished.emit(result)
