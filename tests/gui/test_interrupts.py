"""Ctrl+C in the terminal (SIGINT) and SIGTERM close the window as File ▸ Quit does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

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


def test_a_signal_cancels_an_open_dialog_and_then_closes_the_window(qtbot, quiet_loop):
    """A message box waits for a click in an event loop of its own, which closing the window
    behind it did not end: Ctrl+C and kill left it open."""
    window = Window()
    qtbot.addWidget(window)
    window.show()
    box = QMessageBox(QMessageBox.Icon.Critical, "Cannot open project", "It is gone.",
                      parent=window)
    rescued = []
    # if the signal does not end the dialog, this does (as the old code needed a click)
    QTimer.singleShot(5000, box, lambda: box.isVisible() and (rescued.append(1), box.reject()))
    restore = close_on_signals(window)
    try:
        signal_from_another_thread(signal.SIGTERM, 0.3)
        box.exec()
    finally:
        restore()
        box.deleteLater()
    assert rescued == [] and window.asked == 1 and not window.isVisible()


STARTUP_ERROR = textwrap.dedent("""
    import os, signal, sys, threading
    from PySide6.QtWidgets import QMessageBox
    from gui.app import main

    critical = QMessageBox.critical

    def shown_then_killed(*args):  # a polite kill while the error waits for a click
        print("dialog", flush=True)
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
        return critical(*args)

    QMessageBox.critical = shown_then_killed
    sys.exit(main([sys.argv[1]]))
""")


def test_kill_ends_netcanvas_while_a_start_up_error_waits_for_a_click(tmp_path):
    """`netcanvas missing.netcanvas` says it cannot open the file in a dialog before the
    window's event loop runs: kill (or Ctrl+C) left the process there, only SIGKILL ended it."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root),
           "NETCANVAS_LANG": "en", "NETCANVAS_DATA_DIR": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", STARTUP_ERROR,
                             str(tmp_path / "missing.netcanvas")], cwd=root, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout == "dialog\n"
    assert result.returncode == 0, result.stderr


RESTORE_QUESTION = textwrap.dedent("""
    import os, signal, sys, threading
    from PySide6.QtWidgets import QMessageBox
    from gui.app import main

    exec_ = QMessageBox.exec
    asked = []

    def asked_then_killed(box):  # a polite kill while "Restore unsaved work?" waits
        asked.append(box.text())
        print("asked", flush=True)
        if len(asked) == 1:
            threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM)).start()
        return exec_(box)

    QMessageBox.exec = asked_then_killed
    sys.exit(main([]))
""")


def test_kill_ends_netcanvas_while_it_asks_to_restore_work_and_keeps_the_copies(
        tmp_path, private_data_dir):
    """With two recovery copies left behind, `timeout 10 netcanvas` did not end: the kill
    cancelled the first "Restore unsaved work?" and closed the window, and the second copy's
    question then waited for a click (for ten minutes, until SIGKILL). The window's close also
    deleted the copy being asked about. Now the kill ends NetCanvas at once, asking nothing
    more, and every copy is still there for the next start."""
    from core.project import load_project
    from gui.recovery import recovery_root, write_recovery
    from resources.examples import example_path
    from tests.gui.test_autosave import dead_pid

    project = load_project(example_path("xor_by_hand"))
    copies = set()
    for _ in range(2):
        pid = dead_pid()
        write_recovery(recovery_root() / f"{pid}-1", project, "", pid)
        copies.add(f"{pid}-1")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root),
           "NETCANVAS_LANG": "en", "NETCANVAS_DATA_DIR": str(private_data_dir),
           "XDG_CONFIG_HOME": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-c", RESTORE_QUESTION], cwd=root, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    guard = threading.Timer(60, child.kill)  # never asked: do not wait for ever
    guard.start()
    try:
        first = child.stdout.readline()
        try:  # a hang guard, not a timing: the old code waited for a click for ever
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pytest.fail("still running 10 s after the kill")
    finally:
        guard.cancel()
        child.kill()
        rest, errors = child.communicate()
    assert first == "asked\n" and rest == "", errors[-2000:]  # asked once, nothing more
    assert child.returncode == 0, errors[-2000:]
    assert {p.name for p in recovery_root().iterdir()} == copies
