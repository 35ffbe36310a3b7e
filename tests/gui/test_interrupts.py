"""Ctrl+C in the terminal (SIGINT) and SIGTERM close the window as File ▸ Quit does."""

from __future__ import annotations

import os
import signal
import threading

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from gui.interrupts import close_on_signals
from gui.worker_thread import collect_garbage_on_gui_thread

pytestmark = pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals")


class Window(QWidget):
    """Closes, or refuses as a window with unsaved changes whose user chose Cancel does."""

    def __init__(self, refuse: bool = False) -> None:
        super().__init__()
        self.refuse = refuse
        self.asked = 0

    def closeEvent(self, event: QCloseEvent) -> None:
        self.asked += 1
        if self.refuse:
            event.ignore()
        else:
            event.accept()


def signal_from_another_thread(number: int, seconds: float = 0.1) -> None:
    # the main thread must be asleep in Qt's event loop when the signal comes, as in the app
    threading.Timer(seconds, os.kill, (os.getpid(), number)).start()


def sleep_in_event_loop(seconds: float) -> None:
    """Qt's event loop with no Python timer of its own (the garbage collector's is paused by
    ``quiet_loop``): only the wakeup socket can make Python run the signal's handler."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


@pytest.fixture
def quiet_loop():
    """No Python code runs on the GUI thread unless a signal wakes it."""
    collector = collect_garbage_on_gui_thread()
    collector._timer.stop()
    yield
    collector._timer.start()


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_closes_the_window_at_once_and_the_old_handlers_come_back(qtbot, quiet_loop,
                                                                            number):
    before = signal.getsignal(number)
    window = Window()
    qtbot.addWidget(window)
    window.show()
    restore = close_on_signals(window)
    try:
        signal_from_another_thread(number)
        sleep_in_event_loop(1.5)  # without the wakeup, nothing would run before it ends
        assert window.asked == 1 and not window.isVisible()
    finally:
        restore()
    assert signal.getsignal(number) is before


def test_a_refused_close_leaves_the_window_open_and_a_later_ctrl_c_asks_again(qtbot,
                                                                                quiet_loop):
    window = Window(refuse=True)  # "Save changes?" answered with Cancel
    qtbot.addWidget(window)
    window.show()
    restore = close_on_signals(window)
    try:
        signal_from_another_thread(signal.SIGINT)
        qtbot.waitUntil(lambda: window.asked == 1, timeout=3000)
        assert window.isVisible()
        signal_from_another_thread(signal.SIGINT)
        qtbot.waitUntil(lambda: window.asked == 2, timeout=3000)
        assert window.isVisible()
    finally:
        restore()
