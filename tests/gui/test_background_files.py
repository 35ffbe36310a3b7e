"""Save and Open run off the GUI thread: the window keeps working while a project is written,
saves queue, closing waits for them, and a slow open can be cancelled."""

import errno
import threading

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton

from core.project import load_project
from gui import busy, files
from gui.background_save import ProjectSaver


class Gate:
    """Holds a background write or read until the GUI thread opens it — so a test can act
    while the work is provably still running."""

    def __init__(self, function):
        self.function = function
        self.entered = threading.Event()
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        self.entered.set()
        assert self.release.wait(30), "the test never opened the gate"
        return self.function(*args, **kwargs)


def when_modal(qtbot, action) -> list:
    """Call ``action(widget)`` on the next modal widget (polled in the GUI thread)."""
    seen: list = []

    def poll():
        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(widget)
        action(widget)

    QTimer.singleShot(0, poll)
    return seen


def test_save_writes_a_snapshot_in_the_background_while_editing_goes_on(
        qtbot, window, canvas, tmp_path, monkeypatch):
    window.files.open_example("xor_by_hand")
    path = tmp_path / "net.netcanvas"
    gate = Gate(files.save_project)
    monkeypatch.setattr(files, "save_project", gate)
    window.doc.set_path(str(path))
    canvas.click_node("1")
    window.delete_action.trigger()  # modified
    saved_spec = window.doc.spec

    window.save_action.trigger()
    assert gate.entered.wait(10)
    assert window.statusBar().currentMessage() == "Saving net.netcanvas…"
    canvas.drop_from_palette("hidden", QPoint(150, 150))  # an edit while the file is written
    gate.release.set()
    qtbot.waitUntil(lambda: not window.files.saver.busy)

    assert gate.threads[0] is not threading.main_thread()
    assert load_project(path).spec == saved_spec  # the edit made meanwhile is not in it
    assert window.doc.spec != saved_spec
    assert window.isWindowModified()  # the file does not hold the newest edit
    assert window.statusBar().currentMessage() == "Saved net.netcanvas."


def test_a_save_that_ends_with_nothing_changed_marks_the_document_saved(
        qtbot, window, canvas, tmp_path):
    canvas.drop_from_palette("input", QPoint(150, 150))
    path = tmp_path / "quick.netcanvas"
    assert window.files.write(str(path), wait=False)
    assert window.windowTitle() == "quick.netcanvas[*] — NetCanvas"
    qtbot.waitUntil(lambda: not window.files.saver.busy)
    assert not window.isWindowModified()
    assert load_project(path).spec == window.doc.spec


def test_saves_run_one_at_a_time_in_the_order_asked(qtbot):
    saver = ProjectSaver()
    running = threading.Lock()
    order, overlaps, threads = [], [], []

    def write(n):
        def run():
            if not running.acquire(blocking=False):
                overlaps.append(n)
                return
            try:
                threads.append(threading.current_thread())
                order.append(n)
                threading.Event().wait(0.02)
            finally:
                running.release()
        return run

    ended = []
    for n in range(4):
        saver.submit(f"file {n}", write(n), lambda error, n=n: ended.append((n, error)))
    assert saver.busy
    saver.wait()
    assert order == [0, 1, 2, 3]
    assert ended == [(0, ""), (1, ""), (2, ""), (3, "")]
    assert overlaps == []
    assert all(t is not threading.main_thread() for t in threads)
    assert not saver.busy


def test_a_failed_background_save_says_why_and_keeps_the_old_name(
        qtbot, window, canvas, dialogs, tmp_path):
    canvas.drop_from_palette("input", QPoint(150, 150))
    target = tmp_path / "no such folder" / "net.netcanvas"
    assert not window.files.write(str(target))
    errors = dialogs.of("critical")
    assert [e[1] for e in errors] == ["Cannot save project"]
    assert "net.netcanvas" in errors[0][2]
    assert window.doc.path == ""
    assert window.isWindowModified()


def test_closing_waits_for_a_save_in_progress_and_says_so(
        qtbot, window, canvas, tmp_path, monkeypatch):
    canvas.drop_from_palette("input", QPoint(150, 150))
    gate = Gate(files.save_project)
    monkeypatch.setattr(files, "save_project", gate)
    path = tmp_path / "closing.netcanvas"
    window.files.write(str(path), wait=False)
    assert gate.entered.wait(10)
    waiting = when_modal(qtbot, lambda widget: gate.release.set())

    assert window.close()  # returns only once the file is written

    assert isinstance(waiting[0], QProgressDialog)
    assert waiting[0].labelText() == "Waiting for closing.netcanvas to be saved…"
    assert load_project(path).spec == window.doc.spec


def test_opening_reads_in_the_background_and_holds_back_input_meanwhile(
        qtbot, window, canvas, monkeypatch):
    window.files.open_example("xor_by_hand")
    gate = Gate(files.load_project)
    monkeypatch.setattr(files, "load_project", gate)
    nodes = len(window.doc.spec.nodes)
    canvas.click_node("1")

    def press_delete_then_release():
        assert gate.entered.wait(10)
        assert window.statusBar().currentMessage() == "Opening spiral.netcanvas…"
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # would delete node 1
        assert len(window.doc.spec.nodes) == nodes
        gate.release.set()

    QTimer.singleShot(0, press_delete_then_release)
    assert window.files.open_example("spiral")
    assert gate.threads[0] is not threading.main_thread()
    assert window.doc.title == load_project(files.example_paths()["spiral"]).title


def test_a_slow_open_offers_cancel_and_cancelling_changes_nothing(
        qtbot, window, canvas, monkeypatch):
    window.files.open_example("xor_by_hand")
    canvas.click_node("1")
    window.delete_action.trigger()  # unsaved work the cancelled open must keep
    before = (window.doc.spec, window.doc.undo_stack.index())
    gate = Gate(files.load_project)
    monkeypatch.setattr(files, "load_project", gate)
    monkeypatch.setattr(busy, "CANCEL_AFTER_MS", 50)
    shown = when_modal(qtbot, _click_cancel)

    assert not window.files.load(files.example_paths()["spiral"])

    assert isinstance(shown[0], QProgressDialog)
    assert shown[0].labelText() == "Opening spiral.netcanvas…"
    assert (window.doc.spec, window.doc.undo_stack.index()) == before
    assert window.statusBar().currentMessage() == "Opening spiral.netcanvas was cancelled."
    gate.release.set()  # the abandoned read ends; its result goes nowhere
    qtbot.wait(50)
    assert (window.doc.spec, window.doc.undo_stack.index()) == before


def _click_cancel(dialog):
    [cancel] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    cancel.click()


def test_save_before_open_finishes_writing_before_the_document_goes(
        qtbot, window, canvas, dialogs, tmp_path):
    canvas.drop_from_palette("input", QPoint(150, 150))
    path = tmp_path / "first.netcanvas"
    window.doc.set_path(str(path))
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.files.open_example("xor_by_hand")
    assert len(load_project(path).spec.nodes) == 1


def test_waiting_for_a_save_holds_input_back_and_shows_a_dialog_only_when_it_lasts(
        qtbot, window, canvas, tmp_path, monkeypatch):
    window.files.open_example("xor_by_hand")
    nodes = len(window.doc.spec.nodes)
    gate = Gate(files.save_project)
    monkeypatch.setattr(files, "save_project", gate)
    monkeypatch.setattr(busy, "SAVE_DIALOG_MS", 60_000)  # never, within this test
    path = tmp_path / "held.netcanvas"
    window.files.write(str(path), wait=False)
    assert gate.entered.wait(10)
    canvas.click_node("1")
    seen = {}

    def while_waiting():
        seen["message"] = window.statusBar().currentMessage()
        seen["modal"] = QApplication.activeModalWidget()
        qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # would delete node 1
        seen["nodes"] = len(window.doc.spec.nodes)
        gate.release.set()

    QTimer.singleShot(0, while_waiting)
    assert window.files.finish_writing()

    assert seen == {"message": "Waiting for held.netcanvas to be saved…", "modal": None,
                    "nodes": nodes}
    assert load_project(path).spec == window.doc.spec
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)  # input is back once the save is written
    assert len(window.doc.spec.nodes) == nodes - 1


def test_closing_right_after_save_does_not_ask_to_save_what_is_being_saved(
        qtbot, window, canvas, dialogs, tmp_path, monkeypatch):
    # Save, then Close while a large project was still being written: "“net” has changes
    # that are not saved. Save them first?" — of the very changes being saved
    canvas.drop_from_palette("input", QPoint(150, 150))
    gate = Gate(files.save_project)
    monkeypatch.setattr(files, "save_project", gate)
    path = tmp_path / "net.netcanvas"
    window.files.write(str(path), wait=False)
    assert gate.entered.wait(10)
    waiting = when_modal(qtbot, lambda widget: gate.release.set())

    assert window.close()

    assert dialogs.of("question") == []
    assert isinstance(waiting[0], QProgressDialog)
    assert load_project(path).spec == window.doc.spec


def test_a_background_write_the_disk_refuses_says_why_in_words(qtbot):
    """An OSError naming no file (a failing disk under the zip writer) was quoted as the
    system's English text: "the file cannot be written (Input/output error)"."""
    saver, ended = ProjectSaver(), []

    def write():
        raise OSError(errno.EIO, "Input/output error")

    saver.submit("net.netcanvas", write, ended.append)
    saver.wait()
    assert ended == ["the file cannot be written (the disk failed — it may be damaged, or a "
                     "drive was removed)"]
