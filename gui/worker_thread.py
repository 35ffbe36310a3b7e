"""Work on a QThread of its own, started, stopped and joined from the GUI thread: the one thread
lifecycle that a training run and a lab's background job share.

A :class:`StoppableWorker` lives in the GUI thread and is run on a fresh QThread by a direct
connection to ``QThread.started``: its :meth:`run` executes in that thread while the object
itself never changes threads. No event loop runs in the worker's thread while it works, so
stopping is a thread-safe flag it checks between steps, not a signal. (It used to be moved to
its thread and to move itself back when done — a ``deleteLater()`` aimed at an object whose
thread has finished is never carried out — but ``moveToThread`` from the worker holds the
interpreter lock while it waits for Qt's object locks, and the GUI thread, holding one of those
while it destroyed an object, waited for the interpreter lock: a deadlock, seen twice in the
test suite.)

A :class:`WorkerRun` lives in the GUI thread and owns one such worker and thread. The worker's
signals go only to ``@Slot`` methods of a run (a signal connected to a lambda or a plain
function runs in the emitting thread; a slot of a GUI-thread object runs queued in the GUI
thread). A run is deleted once joined, and the events still queued for it go with it: an ended
run's late signals never reach the next run. Should its owner be destroyed without joining
it, the run still stops and joins the thread, so Qt never destroys a running QThread. A closing
window also joins the runs owned by anything inside it (:func:`join_runs_of`): objects that live
until the process ends are destroyed in no particular order at exit, and a thread still running
then aborted the process ("QThread: Destroyed while thread … is still running").

Python's cyclic garbage collector runs in whichever thread crosses its allocation threshold. In
a worker it destroyed GUI objects caught in reference cycles (a closed window's) from the wrong
thread — and deadlocked: the worker, inside ``~QObject``, waited for the interpreter lock, while
the GUI thread, holding it, waited in another ``~QObject`` for a Qt lock the worker held (seen
in the test suite, in a training run). So before any worker starts, automatic collection is
turned off and the GUI thread collects on a timer instead (:func:`collect_garbage_on_gui_thread`:
once a second, the generations whose counts passed Python's usual thresholds — pyqtgraph's
``GarbageCollector`` does the same, but importing pyqtgraph here would load it before the window
is shown, which start-up avoids).
"""

from __future__ import annotations

import functools
import gc
import sys
import threading
import traceback
import weakref

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from core.engine import blas
from core.error_words import own_words


class GuiThreadCollector(QObject):
    """Collects Python's garbage on a timer of the thread that made it, as the interpreter would
    (a generation when its count passed its threshold, the older ones in turn), with automatic
    collection off."""

    def __init__(self, interval_ms: int = 1000) -> None:
        super().__init__()
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    @Slot()
    def collect(self) -> None:
        """One collection of the oldest generation due (a generation is due when its count and
        every younger one's passed their thresholds); it takes the younger ones with it."""
        counts = gc.get_count()
        generation = -1
        while generation < 2 and counts[generation + 1] > self.thresholds[generation + 1]:
            generation += 1
        if generation >= 0:
            gc.collect(generation)


@functools.cache
def collect_garbage_on_gui_thread() -> GuiThreadCollector:
    """Turn Python's automatic garbage collection off and collect on a timer of the calling
    (GUI) thread instead, once per process (see the module's docstring). Needs a
    QApplication."""
    return GuiThreadCollector()


class StoppableWorker(QObject):
    """Subclasses do their job in :meth:`work` (checking :attr:`stop_requested`) and may turn
    its return value into the run's :attr:`result` in :meth:`conclude`. A failure does not
    escape: it becomes :attr:`error`, in words (its own: :func:`core.error_words.own_words`,
    not the exception's class name), and the window stays usable."""

    done = Signal()  # the work ended; result and error are set

    def __init__(self) -> None:
        super().__init__()
        self.stop_requested = threading.Event()
        self.result: object = None  # also readable after the thread is joined
        self.error = ""

    def stop(self) -> None:
        """Ask the work to end at its next check. Any thread."""
        self.stop_requested.set()

    def work(self) -> object:
        raise NotImplementedError

    def conclude(self, result: object, error: str) -> object:
        """The run's result from what :meth:`work` returned (None if it failed with ``error``);
        runs in the worker's thread."""
        return result

    @Slot()
    def run(self) -> None:
        previous = blas.limit_threads_here(blas.gui_friendly_threads())
        result = None
        try:
            result = self.work()
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)  # the kind and where: for whoever debugs it
            self.error = own_words(exc)
        try:
            self.result = self.conclude(result, self.error)
        finally:
            if previous is not None:
                blas.limit_threads_here(previous)
            self.done.emit()


def _stop_and_join(worker: StoppableWorker, thread: QThread) -> None:
    worker.stop()
    thread.quit()
    thread.wait()


class WorkerRun(QObject):
    """One run of ``worker`` on a new thread named ``name``, owned by ``owner`` (a GUI-thread
    object). Subclasses connect the worker's own signals to their slots and say in
    :meth:`ended` what its end means to the owner; the owner calls :meth:`join` then."""

    def __init__(self, owner: QObject, worker: StoppableWorker, name: str) -> None:
        super().__init__(owner)
        collect_garbage_on_gui_thread()
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName(name)
        worker.done.connect(self._worker_done)  # queued: emitted in the worker's thread
        # direct: run() executes in the new thread, though the worker lives in this one
        self.thread.started.connect(worker.run, Qt.ConnectionType.DirectConnection)
        # Holds the worker and the thread, not this run: it must work while the owner (and
        # with it this run) is being destroyed.
        self._stop_and_join = functools.partial(_stop_and_join, worker, self.thread)
        owner.destroyed.connect(self._stop_and_join)
        self._joined = False
        _live.add(self)

    def start(self) -> None:
        self.thread.start()

    def join(self) -> None:
        """Stop the work if it still runs, wait for its thread to end, and let go of the worker,
        the thread and this run. Once: a later call (or the worker's queued ``done``) does
        nothing."""
        if self._joined:
            return
        self._joined = True
        _live.discard(self)
        self._stop_and_join()
        self.parent().destroyed.disconnect(self._stop_and_join)
        self.worker.deleteLater()
        self.thread.deleteLater()
        # Not deleteLater() (that crashed in ~QObject, PySide6 6.11): let go of it instead; it
        # goes with its last reference, and the events still queued for it with it.
        self.setParent(None)

    @Slot()
    def _worker_done(self) -> None:
        # A plain method does the work: PySide does not register a subclass's override of a
        # slot, and a connection to it would bypass this object's thread and lifetime.
        if not self._joined:  # joined already (its window closed): nobody waits for its end
            self.ended()

    def ended(self) -> None:
        """The worker's work ended (called in the GUI thread)."""
        raise NotImplementedError


#: runs not joined yet (weak: a run whose owner was destroyed goes with it)
_live: weakref.WeakSet[WorkerRun] = weakref.WeakSet()


def join_runs_of(root: QObject) -> int:
    """Stop and join every run owned by ``root`` or by an object inside it; how many there were.
    A window calls it when it closes, so no thread of its outlives it."""
    joined = 0
    for run in list(_live):
        try:
            owner = run.parent()
            while owner is not None and owner is not root:
                owner = owner.parent()
        except RuntimeError:  # its C++ object is gone (deleted with its owner): nothing runs
            continue
        if owner is root:
            run.join()
            joined += 1
    return joined
