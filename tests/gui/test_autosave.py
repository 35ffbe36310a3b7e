"""Autosave and recovery: unsaved work is copied in the background, a save or a close removes
the copy, and the next start offers what a killed process left behind."""

import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.project import load_project
from gui.autosave import AUTOSAVE_SECONDS, autosave_seconds, offer_recovery
from gui.document.commands import ChangeSettingsCommand
from gui.files import example_paths
from gui.recovery import ABOUT_FILE, PROJECT_FILE, read_recovery, recovery_root, write_recovery
from tests.gui.windows import shown_main_window

ROOT = Path(__file__).resolve().parents[2]
FAST_MS = 100


@pytest.fixture
def fast(window):
    """The window's autosave every FAST_MS instead of every two minutes."""
    window.autosave.timer.setInterval(FAST_MS)
    return window.autosave


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def answer(button: str) -> list[tuple[str, str]]:
    """Click ``button`` in the next message box; returns what the box said."""
    said: list[tuple[str, str]] = []

    def poll():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        said.append((box.text(), box.informativeText()))
        [target] = [b for b in box.buttons() if b.text() == button]
        target.click()

    QTimer.singleShot(0, poll)
    return said


def left_copy(window, pid: int, original: str = "") -> Path:
    """A recovery folder as a process ``pid`` would have left it: the xor example with its
    first node deleted."""
    window.files.open_example("xor_by_hand")
    window.scene.select_only(["1"])
    window.delete_action.trigger()
    folder = recovery_root() / f"{pid}-1"
    write_recovery(folder, window.files.project(), original, pid)
    assert window.files.new() and not window.doc.spec.nodes
    return folder


def test_the_interval_is_two_minutes_unless_the_environment_says(monkeypatch):
    monkeypatch.delenv("NETCANVAS_AUTOSAVE_SECONDS", raising=False)
    assert autosave_seconds() == AUTOSAVE_SECONDS == 120
    monkeypatch.setenv("NETCANVAS_AUTOSAVE_SECONDS", "0.5")
    assert autosave_seconds() == 0.5
    for bad in ("soon", "0", "-3", "nan"):
        monkeypatch.setenv("NETCANVAS_AUTOSAVE_SECONDS", bad)
        assert autosave_seconds() == 120


@pytest.mark.parametrize("typed, interval_ms", [("inf", 86_400_000), ("1e7", 86_400_000),
                                                ("1e-7", 100), ("3600", 3_600_000)])
def test_an_interval_out_of_reach_is_brought_within_a_day(qtbot, settings, monkeypatch,
                                                          typed, interval_ms):
    """"inf" or 1e7 seconds (to mean "hardly ever") overflowed the timer: the window did not
    start; 1e-7 made a copy at every turn of the event loop."""
    monkeypatch.setenv("NETCANVAS_AUTOSAVE_SECONDS", typed)
    window = shown_main_window(qtbot, settings)
    assert window.autosave.timer.interval() == interval_ms


def test_unsaved_untitled_work_is_copied_when_the_timer_fires(qtbot, window, canvas, fast,
                                                              private_data_dir):
    for _ in range(3):  # nothing to copy while the document is unchanged
        qtbot.waitSignal(fast.timer.timeout).wait()
    assert not fast.folder.exists()

    canvas.drop_from_palette("input", QPoint(150, 150))
    with qtbot.waitSignal(fast.written, timeout=10_000) as written:
        pass

    assert Path(written.args[0]) == fast.folder
    assert fast.folder.parent == private_data_dir / "recovery"
    recovery = read_recovery(fast.folder)
    assert (recovery.pid, recovery.original_path, recovery.title) == (os.getpid(), "", "")
    assert recovery.name() == "untitled"
    assert load_project(recovery.project_path).spec == window.doc.spec
    assert sorted(p.name for p in fast.folder.iterdir()) == [ABOUT_FILE, PROJECT_FILE]


def test_a_save_removes_the_copy(qtbot, window, canvas, fast, tmp_path):
    canvas.drop_from_palette("input", QPoint(150, 150))
    qtbot.waitSignal(fast.written, timeout=10_000).wait()
    assert window.files.write(str(tmp_path / "kept.netcanvas"))
    assert not fast.folder.exists()
    for _ in range(2):
        qtbot.waitSignal(fast.timer.timeout).wait()
    assert not fast.folder.exists()  # saved work is not copied again


def test_undoing_back_to_the_saved_state_removes_the_copy(qtbot, window, canvas, fast):
    canvas.drop_from_palette("input", QPoint(150, 150))
    qtbot.waitSignal(fast.written, timeout=10_000).wait()
    window.doc.undo_stack.undo()
    assert not fast.folder.exists()


def test_closing_without_saving_removes_the_copy(qtbot, window, canvas, dialogs, fast):
    canvas.drop_from_palette("input", QPoint(150, 150))
    qtbot.waitSignal(fast.written, timeout=10_000).wait()
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.close()
    assert not fast.folder.exists()


def test_a_training_run_is_copied_when_it_ends(qtbot, window):
    from tests.gui.training_support import open_example, train_to_end

    open_example(window, "xor_by_hand", epochs=2)
    with qtbot.waitSignal(window.autosave.written, timeout=20_000):
        train_to_end(qtbot, window)
    copy = load_project(read_recovery(window.autosave.folder).project_path)
    for name, value in copy.params.items():
        assert (value == window.doc.array(name)).all()


def test_the_copy_after_a_run_waits_for_a_run_started_meanwhile_to_end(qtbot, window):
    """Train pressed again before the copy of the last run was made: nothing is written while
    the new run goes on (it would compete with it), and its end copies its own weights."""
    from tests.gui.training_support import click, open_example, train_to_end

    open_example(window, "xor_by_hand", epochs=2)
    autosave, saver = window.autosave, window.files.saver
    autosave.after_run.setInterval(60_000)  # not due before the next run has started
    writes: list[str] = []
    saver.started.connect(writes.append)
    train_to_end(qtbot, window)
    assert autosave.after_run.isActive() and not writes  # not copied at once
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": 1_000_000}))
    click(qtbot, window, "train")
    assert window.training.session.state != "idle"
    autosave.after_run.setInterval(FAST_MS)
    autosave.after_run.start()  # due now, during the run
    qtbot.waitSignal(autosave.after_run.timeout, timeout=10_000).wait()
    assert not writes and not saver.busy  # the wait ended during the run: no copy
    with qtbot.waitSignal(autosave.written, timeout=20_000):
        click(qtbot, window, "stop")
    assert len(writes) == 1
    copy = load_project(read_recovery(autosave.folder).project_path)
    for name, value in copy.params.items():
        assert (value == window.doc.array(name)).all()


def test_the_copy_after_a_run_waits_for_a_write_in_progress(qtbot, window):
    """Another write (a save) still going when the copy is due: the copy waits for it instead
    of queueing behind it, then is made once the saver is free."""
    from tests.gui.training_support import open_example, train_to_end

    open_example(window, "xor_by_hand", epochs=2)
    autosave, saver = window.autosave, window.files.saver
    autosave.after_run.setInterval(FAST_MS)
    writes: list[str] = []
    saver.started.connect(writes.append)
    gate = threading.Event()
    saver.submit("slow.ncproj", gate.wait, lambda _error: None)
    train_to_end(qtbot, window)
    qtbot.waitSignal(autosave.after_run.timeout, timeout=10_000).wait()
    assert autosave.after_run.isActive() and writes == ["slow.ncproj"]  # waiting again
    with qtbot.waitSignal(autosave.written, timeout=20_000):
        gate.set()
    assert writes == ["slow.ncproj", "a recovery copy"]


def test_restore_offers_a_dead_process_copy_and_opens_it_as_unsaved_work(
        qtbot, window, private_data_dir, tmp_path):
    original = str(tmp_path / "mine.netcanvas")
    folder = left_copy(window, dead_pid(), original)
    expected = load_project(folder / PROJECT_FILE).spec
    said = answer("Restore")

    assert offer_recovery(window.autosave)

    text, details = said[0]
    assert text == "NetCanvas ended without saving mine.netcanvas. Restore the unsaved work?"
    title = load_project(example_paths()["xor_by_hand"]).title
    assert details.startswith(f"The project “{title}”, saved as {original}; its unsaved "
                              "changes were copied on 20")
    assert window.doc.spec == expected
    assert window.doc.path == original
    assert window.isWindowModified()
    assert window.windowTitle() == "mine.netcanvas[*] — NetCanvas"
    assert not folder.exists()  # it is this window's copy now
    assert read_recovery(window.autosave.folder).original_path == original


def test_discard_deletes_the_copy_and_keeps_the_window_as_it_was(qtbot, window):
    folder = left_copy(window, dead_pid())
    said = answer("Discard")
    assert not offer_recovery(window.autosave)
    assert said[0][0] == ("NetCanvas ended without saving XOR by hand: AND(NAND, OR). "
                          "Restore the unsaved work?")
    assert "never saved (untitled)" in said[0][1]
    assert not folder.exists() and not window.autosave.folder.exists()
    assert not window.doc.spec.nodes and not window.isWindowModified()


def test_ask_next_time_leaves_the_copy_where_it_was(qtbot, window):
    folder = left_copy(window, dead_pid())
    answer("Ask Next Time")
    assert not offer_recovery(window.autosave)
    assert read_recovery(folder) is not None
    assert not window.doc.spec.nodes


def test_a_running_process_copy_is_not_offered(qtbot, window):
    folder = left_copy(window, os.getppid())  # pytest's parent runs
    assert not offer_recovery(window.autosave, ask=lambda *_: pytest.fail("asked"))
    assert read_recovery(folder) is not None


KILLED_WINDOW = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings
    from gui.app import application
    from gui.main_window import MainWindow

    app = application()
    window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window.show()
    window.files.open_example("xor_by_hand")
    window.scene.select_only(["1"])
    window.delete_action.trigger()  # unsaved work
    window.autosave.written.connect(lambda folder: print("written", folder, flush=True))
    app.exec()
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_work_of_a_killed_window_is_offered_at_the_next_start(
        qtbot, window, private_data_dir, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "NETCANVAS_DATA_DIR": str(private_data_dir), "NETCANVAS_AUTOSAVE_SECONDS": "0.2"}
    child = subprocess.Popen([sys.executable, "-c", KILLED_WINDOW, str(tmp_path / "s.ini")],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()  # the first copy is written
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert line.startswith("written ")
    folder = Path(line.split(" ", 1)[1].strip())
    assert folder.parent == private_data_dir / "recovery"
    assert folder.name.startswith(f"{child.pid}-")
    assert read_recovery(folder).pid == child.pid

    said = answer("Restore")
    assert offer_recovery(window.autosave)
    assert "untitled" in said[0][1]
    example = load_project(example_paths()["xor_by_hand"])
    assert [n.id for n in window.doc.spec.nodes] == [n.id for n in example.spec.nodes
                                                     if n.id != "1"]
    assert window.isWindowModified() and window.doc.path == ""


def test_a_copy_without_about_json_is_not_offered(qtbot, window):
    folder = left_copy(window, dead_pid())
    (folder / ABOUT_FILE).write_text("{not json", encoding="utf-8")
    assert not offer_recovery(window.autosave, ask=lambda *_: pytest.fail("asked"))
    assert folder.exists()  # left alone: it may be a newer NetCanvas's


def test_another_window_of_this_process_is_not_offered_its_neighbours_copy(
        qtbot, window, canvas, fast, settings):
    from gui.main_window import MainWindow

    canvas.drop_from_palette("input", QPoint(150, 150))
    qtbot.waitSignal(fast.written, timeout=10_000).wait()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()  # only an open window asks
    assert second.autosave.folder != fast.folder
    assert not offer_recovery(second.autosave, ask=lambda *_: pytest.fail("asked"))
    assert read_recovery(fast.folder) is not None


def test_the_app_offers_the_copy_at_start_before_opening_what_it_was_asked_to(
        qtbot, window, monkeypatch):
    from tests.gui.test_files import run_main

    folder = left_copy(window, dead_pid(), "/somewhere/left.netcanvas")
    expected = len(load_project(folder / PROJECT_FILE).spec.nodes)
    assert window.close()  # the app's own window is the only one left to look at
    answer("Restore")
    code, seen = run_main(["--example", "spiral"], monkeypatch, look=lambda w: {
        "status": w.statusBar().currentMessage()})
    assert code == 0
    title = load_project(example_paths()["spiral"]).title
    assert seen == {"title": "left.netcanvas[*] — NetCanvas", "nodes": expected,
                    "status": "Restored unsaved work of left.netcanvas. Save it to keep it. "
                              f"{title} was not opened: save or close the restored work, then "
                              "open it (File ▸ Examples)."}
