"""Write project files off the GUI thread, one at a time, in the order asked.

Saving a project with embedded data means packing and compressing tens of megabytes: done in
the GUI thread it froze the window for seconds (issue 13 measured 11.6 s for a 61 MB file).
A :class:`ProjectSaver` runs each write as a :class:`gui.background.BackgroundJob` (the
thread lifecycle of :mod:`gui.worker_thread`); a write asked for while another runs waits its
turn, so two saves never write at once and the second one always wins.

What a write is given must be a snapshot: the caller copies what the user can still change
(the weights) before handing it over. A data set is immutable (its arrays are read-only), so
it is shared, not copied.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Signal, Slot

from core.file_writes import system_reason, write_reason
from core.project_checks import ProjectError
from gui.background import BackgroundJob, Report
from gui.i18n import translate

Write = Callable[[], None]
Done = Callable[[str], None]  # called in the GUI thread with "" or the error in words


@dataclass
class _Request:
    what: str  # "net.netcanvas", for the status bar
    write: Write  # runs in the worker thread; ProjectError/OSError say why it failed
    done: Done


class ProjectSaver(QObject):
    """A queue of file writes run in a background thread. ``busy_changed(bool)`` when it
    starts or runs dry; ``started(what)`` as each write begins."""

    busy_changed = Signal(bool)
    started = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = BackgroundJob(self)
        self._job.finished.connect(self._finished)
        self._job.failed.connect(self._failed)
        self._queue: deque[_Request] = deque()
        self._current: _Request | None = None

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    def current(self) -> str:
        """What is being written now ("" when nothing is)."""
        return self._current.what if self._current else ""

    def submit(self, what: str, write: Write, done: Done) -> None:
        """Run ``write`` after the writes already asked for; ``done`` hears how it went."""
        was_busy = self.busy
        self._queue.append(_Request(what, write, done))
        if not was_busy:
            self.busy_changed.emit(True)
        self._next()

    def wait(self) -> None:
        """Return when every write asked for has ended. The event loop keeps running
        meanwhile (the window repaints; timers fire), so callers block further input first
        when they must (a modal progress dialog)."""
        if not self.busy:
            return
        loop = QEventLoop()
        self.busy_changed.connect(loop.quit)
        while self.busy:
            loop.exec()
        self.busy_changed.disconnect(loop.quit)

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        request = self._current = self._queue.popleft()
        self.started.emit(request.what)
        self._job.start(_writer(request.write))

    @Slot(object)
    def _finished(self, error: object) -> None:
        self._end(str(error or ""))

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._end(message)

    def _end(self, error: str) -> None:
        request, self._current = self._current, None
        try:
            if request is not None:
                request.done(error)
        finally:
            self._next()
            if not self.busy:
                self.busy_changed.emit(False)


def _writer(write: Write) -> Callable[[Report, threading.Event], str]:
    """The job's work: ``write``, with a refusal in words as its result ("" when written)."""

    def work(_report: Report, _cancel: threading.Event) -> str:
        try:
            write()
        except ProjectError as exc:
            return str(exc)
        except OSError as exc:
            reason = write_reason(exc, Path(os.fsdecode(exc.filename))) if exc.filename \
                else system_reason(exc)
            return translate("ProjectSaver", "the file cannot be written ({reason})").format(
                reason=reason)
        return ""

    return work
