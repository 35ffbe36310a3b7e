"""Ctrl+C in the terminal that started NetCanvas, or a polite ``kill`` (SIGTERM), closes the
window as File ▸ Quit does: open dialogs are cancelled, unsaved changes are asked about, a save
being written is finished, the training thread is stopped.

Without this, Python's own SIGINT handler raised KeyboardInterrupt in whatever slot ran next
(the garbage collector's timer, a second later), which showed the "Unexpected error" dialog and
left the window open. Python runs signal handlers only between bytecodes of the GUI thread,
and Qt's event loop may sleep in C for long: the signal's byte, written to a socket
(``signal.set_wakeup_fd``), wakes the loop through a :class:`QSocketNotifier`, so the handler
runs at once — without a polling timer taking the interpreter lock from a training worker.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

SIGNALS = (signal.SIGINT, signal.SIGTERM)
MAX_NESTED_DIALOGS = 8


class _Wakeup(QSocketNotifier):
    """The socket pair whose writing end Python writes each signal's number to; reading it
    wakes the event loop, and the handler runs right after :meth:`drain`. It owns both ends
    (a child of the window: they live as long as it does)."""

    def __init__(self, parent: QWidget) -> None:
        self.reader, self.writer = socket.socketpair()
        for end in (self.reader, self.writer):
            end.setblocking(False)
        super().__init__(self.reader.fileno(), QSocketNotifier.Type.Read, parent)
        self.activated.connect(self.drain)

    def drain(self) -> None:
        with contextlib.suppress(OSError):  # nothing more to read
            while self.reader.recv(64):
                pass

    def close(self) -> None:
        self.setEnabled(False)
        self.reader.close()
        self.writer.close()


def cancel_dialogs(window: QWidget) -> None:
    """Cancel the modal dialogs open over ``window``, the top one first, as Escape does: each
    waits for a click in an event loop of its own, which closing the window does not end (an
    error shown at start-up kept a process that Ctrl+C and kill could not stop)."""
    for _ in range(MAX_NESTED_DIALOGS):  # a dialog that will not close must not loop forever
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog is window:
            return
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()


def close_on_signals(window: QWidget) -> Callable[[], None]:
    """Close ``window`` (its ``closeEvent`` decides) on SIGINT or SIGTERM; returns a function
    that puts the previous handlers back. Call from the GUI thread (Python sets handlers
    only in the main thread)."""
    wakeup = _Wakeup(window)
    previous_fd = signal.set_wakeup_fd(wakeup.writer.fileno(), warn_on_full_buffer=False)
    closing = [False]

    def close() -> None:
        closing[0] = True
        try:
            cancel_dialogs(window)
            window.close()  # asks about unsaved changes; the user may still cancel
        finally:
            closing[0] = False

    def handler(_signum: int, _frame: object) -> None:
        if not closing[0]:  # a second Ctrl+C while "Save changes?" is open asks nothing more
            QTimer.singleShot(0, window, close)

    previous = {number: signal.signal(number, handler) for number in SIGNALS}

    def restore() -> None:
        for number, old in previous.items():
            signal.signal(number, old)
        try:
            signal.set_wakeup_fd(previous_fd)
        except (OSError, ValueError):  # its owner closed it meanwhile
            signal.set_wakeup_fd(-1)
        with contextlib.suppress(RuntimeError):  # the window (its parent) is gone already
            wakeup.close()
            wakeup.deleteLater()

    return restore
