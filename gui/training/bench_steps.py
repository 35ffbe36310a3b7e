"""The benchmark's hands on the window (:mod:`gui.training.mnist_bench`): a step a reader
takes, timed until its result is there with the longest GUI stall meanwhile; waiting on the
event loop; a guard that closes message boxes nobody can click away offscreen; a watch on the
data set the window loaded."""

# i18n: not ui file — a developer's benchmark: its report is English console output.

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.training.memory import LatencyHistogram

STEP_TIMEOUT = 600.0
#: seconds a step is watched from its start, its result there or not: the repaints that
#: follow a result (every panel after New) are the step's stall too
AFTER_WATCH = 1.0
SETTLE_SECONDS = 2.0  # after a window run, before the next timed run
GUARD_MS, GUARD_RELAXED_MS = 50, 1000  # how often the message-box guard looks


@dataclass
class Step:
    name: str
    seconds: float
    stall_ms: float
    note: str = ""


class MessageGuard(QObject):
    """Closes any message box (an error nobody can click away offscreen) and keeps its text;
    other dialogs, such as a progress dialog, are left to do their work.

    It looks every 50 ms, but only every second while the window trains (:meth:`relaxed`):
    measured, its 20 Python calls a second were 11 ms of the GUI thread's CPU in a 4 s run —
    each one taking the interpreter lock from the training worker, whose throughput would pay
    for an instrument the user's window does not have."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(GUARD_MS)
        self._timer.timeout.connect(self._close)
        self._timer.start()

    @contextmanager
    def relaxed(self) -> Iterator[None]:
        self._timer.setInterval(GUARD_RELAXED_MS)
        try:
            yield
        finally:
            self._timer.setInterval(GUARD_MS)

    @Slot()
    def _close(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self.messages.append(f"{box.windowTitle()}: {box.text()}")
            box.reject()


class DataWatch(QObject):
    """Remembers the last data set the window loaded (or None) and any data error."""

    def __init__(self, window) -> None:
        super().__init__()
        self.dataset = None
        self.error = ""
        window.data.dataset_changed.connect(self._changed)
        window.data.error.connect(self._error)

    @Slot(object)
    def _changed(self, dataset) -> None:
        self.dataset = dataset

    @Slot(str)
    def _error(self, text: str) -> None:
        self.error = text

    def features(self) -> int:
        return 0 if self.dataset is None else self.dataset.n_features


def wait_until(done: Callable[[], bool], timeout: float = STEP_TIMEOUT) -> bool:
    """Run the event loop until ``done()`` (checked every 5 ms) or the timeout."""
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: (done() or time.perf_counter() > deadline) and loop.quit())
    if not done():
        timer.start()
        loop.exec()
        timer.stop()
    return done()


def panels_made(window) -> bool:
    """Every panel on screen is made: start-up is over (the panels are made one at a time after
    the window's first frame, gui/training/lazy_panel.py; the first import's stall would
    otherwise count start-up's work)."""
    hosts = window.training.hosts.values()
    return all(host.is_built for host in hosts if host.isVisible()
               and not host.visibleRegion().isEmpty())


class Steps:
    """Runs one step at a time with a stall probe running throughout."""

    def __init__(self, window, watch: DataWatch) -> None:
        self.window = window
        self.watch = watch
        self.probe = LatencyHistogram()
        self.done: list[Step] = []

    def run(self, name: str, action: Callable[[], object], done: Callable[[], bool],
            note: Callable[[], str] = str, min_seconds: float = AFTER_WATCH) -> bool:
        self.probe.start()
        self.probe.mark()
        started = time.perf_counter()
        action()
        ok = wait_until(done)
        seconds = time.perf_counter() - started
        if min_seconds:
            wait_until(lambda: time.perf_counter() - started >= min_seconds)
        stall = self.probe.window_max()
        self.probe.stop()
        self.done.append(Step(name, seconds, stall, note() if ok else "did not finish"))
        print(f"  {name}: {seconds:.2f} s, longest stall {stall:,.0f} ms", flush=True)
        return ok


def settle(seconds: float = SETTLE_SECONDS) -> None:
    """Let the window finish what a run's end left it (the panels drawn one per turn, the
    recovery copy 1.5 s later) before anything is timed: a headless run blocks the GUI thread
    in ``join``, so that work would otherwise land in the next window run's first turns."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
