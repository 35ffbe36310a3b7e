"""Do a slow step of the window's own (reading a project) in a background thread while the
GUI thread keeps painting, and hand back its result as if it had been a plain call.

The caller waits in a local event loop, so the window never freezes, but the user's input is
held back meanwhile: a click on the canvas would edit a document that is about to be replaced.
The status bar says what is happening; a step still running after :data:`CANCEL_AFTER_MS`
shows a small modal progress dialog with Cancel. Cancelling returns at once; the thread
finishes its step on its own and its result is dropped (it is joined when the window goes).
Waiting for a save being written (before opening another project, or closing) holds input
back the same way; its dialog, without Cancel, comes after :data:`SAVE_DIALOG_MS`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from gui.background import BackgroundJob
from gui.background_save import ProjectSaver
from gui.i18n import translate
from gui.widgets import status_line

CANCEL_AFTER_MS = 1000
#: a wait for a save shows its dialog only when it lasts this long (the status bar says it
#: at once)
SAVE_DIALOG_MS = 500
#: input a busy window ignores (painting, timers and resizing go on)
BLOCKED_INPUT = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.Wheel, QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride, QEvent.Type.Drop,
    QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Close,
})


@dataclass
class Outcome:
    value: Any = None
    error: str = ""  # an unexpected failure, in words
    cancelled: bool = False


class _InputBlocker(QObject):
    """Swallows user input aimed at ``window`` (not at the progress dialog)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in BLOCKED_INPUT:
            return False
        owner: QObject | None = watched  # a shortcut goes to its QAction, not to a widget
        while owner is not None and not isinstance(owner, QWidget):
            owner = owner.parent()
        return owner is not None and owner.window() is self.window


class _Wait(QObject):
    """The GUI-thread end of one wait: quits the loop when the job ends or is cancelled."""

    def __init__(self, job: BackgroundJob, loop: QEventLoop) -> None:
        super().__init__()  # not the job's child: the job may go first
        self.loop = loop
        self.outcome: Outcome | None = None
        job.finished.connect(self.on_finished)
        job.failed.connect(self.on_failed)

    @Slot(object)
    def on_finished(self, value: object) -> None:
        self._end(Outcome(value))

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self._end(Outcome(error=message))

    @Slot()
    def on_cancel(self) -> None:
        self._end(Outcome(cancelled=True))

    def _end(self, outcome: Outcome) -> None:
        if self.outcome is None:
            self.outcome = outcome
            self.loop.quit()


class _Held(QObject):
    """What a wait puts on the window: the user's input held back at once, ``say()`` in the
    status bar (said again if the language changes meanwhile), and a small modal
    progress dialog saying it once the wait has lasted ``after_ms`` — made only then, as
    showing a modal dialog blocks, deactivates and later reactivates the window, and each of
    those repaints every panel (at MNIST's size a dialog shown and closed for a save of a
    third of a second cost the GUI thread two turns of 35–70 ms)."""

    def __init__(self, window: QMainWindow, say: Callable[[], str], after_ms: int,
                 on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.window, self.say, self.on_cancel = window, say, on_cancel
        self.progress: QProgressDialog | None = None
        self._blocker = _InputBlocker(window)
        QApplication.instance().installEventFilter(self._blocker)
        status_line(window).say(say)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(after_ms)

    @Slot()
    def _show(self) -> None:
        cancel = translate("Busy", "Cancel") if self.on_cancel is not None else ""
        progress = self.progress = QProgressDialog(self.say(), cancel, 0, 0, self.window)
        progress.setWindowTitle("NetCanvas")  # i18n: not ui
        if self.on_cancel is None:
            progress.setCancelButton(None)
        else:
            progress.canceled.connect(self.on_cancel)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()

    def close(self) -> None:
        """Give the window back its input; take the dialog away if it was shown."""
        self._timer.stop()
        QApplication.instance().removeEventFilter(self._blocker)
        self._blocker.deleteLater()
        if self.progress is not None:
            _close_progress(self.window, self.progress)
        else:
            self.window.statusBar().clearMessage()


def run_busy(window: QMainWindow, say: Callable[[], str],
             work: Callable[[threading.Event], Any]) -> Outcome:
    """Run ``work(cancel)`` in a background thread and return its outcome; ``say()`` ("Opening
    net.netcanvas…") is shown in the status bar, and in a progress dialog with Cancel once the
    work has taken :data:`CANCEL_AFTER_MS`."""
    job = BackgroundJob(window)
    job.finished.connect(job.deleteLater)  # after a cancel too: nobody waits for it then
    job.failed.connect(job.deleteLater)
    loop = QEventLoop()
    wait = _Wait(job, loop)
    held = _Held(window, say, CANCEL_AFTER_MS, wait.on_cancel)
    try:
        job.start(lambda _report, cancel: work(cancel))
        while wait.outcome is None:
            loop.exec()
    finally:
        held.close()
    if wait.outcome.cancelled:
        job.cancel()  # the work may check it; its result goes nowhere
    return wait.outcome


def wait_for_saver(window: QMainWindow, saver: ProjectSaver, say: Callable[[], str]) -> None:
    """Wait for ``saver``'s writes to end, input held back, saying ``say()`` in the status bar
    at once and in a small modal progress dialog once the wait lasts :data:`SAVE_DIALOG_MS`
    (no Cancel: a half-finished write is never left behind, so there is nothing to cancel)."""
    if not saver.busy:
        return
    held = _Held(window, say, SAVE_DIALOG_MS)
    try:
        saver.wait()
    finally:
        held.close()


def _close_progress(window: QMainWindow, progress: QProgressDialog) -> None:
    """Take the progress dialog away and give the window back its keyboard: shortcuts (Delete,
    Ctrl+Z) go to the active window only, and a hidden modal dialog does not always hand the
    activation back at once (measured offscreen)."""
    shown = progress.isVisible()
    progress.hide()
    progress.deleteLater()
    window.statusBar().clearMessage()
    if shown:
        window.activateWindow()
        QApplication.processEvents()  # the window system delivers the activation queued
