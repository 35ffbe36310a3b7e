"""Opening and saving: error dialogs instead of tracebacks, the title, unsaved changes."""

import zipfile

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from core.project import load_project
from gui import app as gui_app
from gui.files import example_paths
from gui.main_window import MainWindow


def snapshot(window):
    doc = window.doc
    return doc.spec, {k: v.copy() for k, v in doc.arrays.items()}, doc.path, \
        doc.undo_stack.count(), doc.undo_stack.index()


@pytest.mark.parametrize("content", [
    b"this is not a project",
    b"PK\x03\x04 truncated zip",
    "zip-without-json",
    "json-garbage",
])
def test_a_corrupt_project_shows_an_error_and_leaves_the_document_untouched(
        window, canvas, dialogs, tmp_path, monkeypatch, content):
    window.files.open_example("xor_by_hand")
    canvas.click_node("1")
    window.delete_action.trigger()  # an unsaved edit the failed open must not lose
    before = snapshot(window)
    bad = tmp_path / "broken.netcanvas"
    if content == "zip-without-json":
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("weights.npz", b"")
    elif content == "json-garbage":
        with zipfile.ZipFile(bad, "w") as archive:
            archive.writestr("project.json", "{not json")
            archive.writestr("weights.npz", b"")
    else:
        bad.write_bytes(content)
    dialogs.answer = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(bad), "")))

    window.open_action.trigger()

    errors = dialogs.of("critical")
    assert len(errors) == 1
    assert errors[0][1] == "Cannot open project"
    assert "broken.netcanvas" in errors[0][2]
    after = snapshot(window)
    assert after[0] == before[0]
    assert after[1].keys() == before[1].keys()
    for name in before[1]:
        np.testing.assert_array_equal(after[1][name], before[1][name])
    assert after[2:] == before[2:]
    assert window.isWindowModified()


def test_title_shows_the_file_name_and_a_modified_mark(window, canvas, tmp_path):
    assert window.windowTitle() == "Untitled[*] — NetCanvas"
    assert not window.isWindowModified()
    canvas.drop_from_palette("hidden", QPoint(200, 200))
    assert window.isWindowModified()
    path = tmp_path / "net.netcanvas"
    assert window.files.write(str(path))
    assert window.windowTitle() == "net.netcanvas[*] — NetCanvas"
    assert not window.isWindowModified()
    window.doc.undo_stack.undo()
    assert window.isWindowModified()


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
        qtbot, window, canvas, dialogs):
    canvas.drop_from_palette("input", QPoint(200, 200))
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.close()
    assert window.isVisible()
    assert dialogs.of("question")[0][1] == "Unsaved changes"
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.close()


def test_closing_with_save_writes_the_file(qtbot, window, canvas, dialogs, tmp_path,
                                           monkeypatch):
    canvas.drop_from_palette("input", QPoint(200, 200))
    target = tmp_path / "kept.netcanvas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.close()
    assert load_project(target).spec == window.doc.spec


def test_closing_an_unchanged_document_does_not_ask(window, dialogs):
    assert window.close()
    assert dialogs.of("question") == []


def test_a_half_built_network_is_saved_without_weights_and_reopens(window, canvas, tmp_path):
    canvas.drop_from_palette("hidden", QPoint(200, 200))
    assert window.doc.problems
    path = tmp_path / "half.netcanvas"
    assert window.files.write(str(path))
    project = load_project(path)
    assert project.spec == window.doc.spec and project.params is None
    assert window.files.load(path)
    assert window.doc.spec == project.spec and "b1" in window.doc.arrays


def test_a_project_keeps_its_title_settings_and_data(window, tmp_path):
    window.files.open_example("spiral")
    original = load_project(example_paths()["spiral"])
    path = tmp_path / "copy.netcanvas"
    assert window.files.write(str(path))
    copy = load_project(path)
    assert copy.title == original.title
    assert copy.settings == original.settings
    assert copy.data.to_dict() == original.data.to_dict()


def test_every_example_opens_from_the_menu(qtbot, window, dialogs):
    menu = window.files.examples_menu
    menu.aboutToShow.emit()
    actions = menu.actions()
    assert len(actions) >= 9
    for action in actions:
        action.trigger()
        assert dialogs.of("critical") == [], action.text()
        assert window.doc.spec.nodes, action.text()
        assert window.doc.path == ""  # an example opens as an untitled copy
        assert window.windowTitle().startswith(window.doc.title)


def test_recent_files_are_remembered_and_reopen(window, tmp_path, settings):
    path = tmp_path / "a.netcanvas"
    window.files.open_example("and_gate")
    assert window.files.write(str(path))
    window.files.new()
    window.files.recent_menu.aboutToShow.emit()
    recent = [a for a in window.files.recent_menu.actions() if a.text() == "a.netcanvas"]
    recent[0].trigger()
    assert window.doc.path == str(path)
    assert settings.value("files/recent") == [str(path.resolve())]


def test_importing_a_bad_data_file_shows_an_error(window, qtbot, dialogs, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,label\n1,2,x\n3,oops,y\n")
    count = window.doc.undo_stack.count()
    with qtbot.waitSignal(window.data_picker.import_finished) as finished:
        window.data_picker.import_path(str(bad))
    assert finished.args == [False]
    warnings = dialogs.of("warning")
    assert len(warnings) == 1 and "bad.csv" in warnings[0][2]
    assert window.doc.undo_stack.count() == count


def test_importing_a_csv_embeds_it_and_is_undoable(window, qtbot, tmp_path):
    good = tmp_path / "points.csv"
    rows = "\n".join(f"{x},{y},{int(x > y)}" for x, y in [(0, 1), (1, 0), (2, 3), (3, 2)])
    good.write_text("x,y,label\n" + rows + "\n")
    with qtbot.waitSignal(window.data_picker.import_finished) as finished:
        window.data_picker.import_path(str(good))
    assert finished.args == [True]
    assert window.data.dataset.n_samples == 4
    assert window.doc.data.kind == "embedded"
    assert "points" in window.data_picker.data_combo.currentText()
    window.doc.undo_stack.undo()
    assert window.doc.data.name == "xor"
    assert window.data_picker.data_combo.currentText().startswith("XOR gate")


def run_main(argv, monkeypatch, look=None):
    """Run gui.app.main with its event loop replaced by a look at the window it shows
    (``look(window)`` adds to what is seen). (A real exec() + quit() would leave the test
    process's QApplication unable to run timers for the tests that follow.)"""
    seen = {}

    def fake_exec():
        QApplication.processEvents()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["title"] = widget.windowTitle()
                seen["nodes"] = len(widget.doc.spec.nodes)
                seen.update(look(widget) if look else {})
                widget.close()
                widget.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    return gui_app.main(argv), seen


def test_main_opens_an_example(qtbot, dialogs, monkeypatch):
    code, seen = run_main(["--example", "xor_by_hand"], monkeypatch)
    assert code == 0
    assert seen == {"title": "XOR by hand: AND(NAND, OR)[*] — NetCanvas", "nodes": 3}


def test_main_reports_an_unreadable_project_in_a_dialog(qtbot, dialogs, tmp_path, monkeypatch):
    code, seen = run_main([str(tmp_path / "nope.netcanvas")], monkeypatch)
    assert code == 0
    assert dialogs.of("critical")[0][1] == "Cannot open project"
    assert seen == {"title": "Untitled[*] — NetCanvas", "nodes": 0}


def test_an_untrained_project_shows_the_weights_training_starts_from(window):
    window.files.open_example("xor_learned")
    project = load_project(example_paths()["xor_learned"])
    assert project.params is None
    network = project.build_network()
    for name, value in network.params.items():
        np.testing.assert_array_equal(window.doc.array(name), value)


def test_the_application_carries_the_netcanvas_icon(qapp):
    from gui.app import application

    app = application()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().availableSizes()
    assert app.desktopFileName() == "netcanvas"
