"""Files and folders that go wrong: the disk fills up mid-save (projects, exports, pictures,
tables), another window saved the same file meanwhile, a name longer than the file system
allows, a file someone made read-only, a folder deleted since, a damaged recovery copy, a file
from a newer NetCanvas. The old file stays as it was, the work stays open and modified, and the
message says why in words (in Korean too)."""

import errno
import json
import os
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core import project as project_module
from core.export import common as export_common
from core.project import load_project
from gui import export_menu
from gui.autosave import offer_recovery
from gui.i18n import set_language
from gui.main_window import MainWindow
from gui.recovery import PROJECT_FILE
from tests.gui.test_autosave import answer, dead_pid, left_copy
from tests.gui.test_export_menu import menu_action
from tests.gui.training_support import open_example, train_to_end

ADVICE = ("Your work is still open and not saved: choose another folder or name with File ▸ "
          "Save As.")


def delete_node(window, node: str) -> None:
    window.scene.select_only([node])
    window.delete_action.trigger()
    assert window.doc.is_modified()


def node_ids(path: Path) -> list[str]:
    return [n.id for n in load_project(path).spec.nodes]


def saved_example(window, path: Path) -> bytes:
    window.files.open_example("xor_by_hand")
    assert window.files.write(str(path), wait=True)
    return path.read_bytes()


def disk_full(monkeypatch) -> None:
    """Every file written from now on fails as on a full disk, before its rename."""
    def refuse(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)


def test_the_disk_filling_up_mid_save_keeps_the_old_file_and_the_work(
        window, dialogs, tmp_path, monkeypatch):
    path = tmp_path / "net.netcanvas"
    before = saved_example(window, path)
    delete_node(window, "1")
    disk_full(monkeypatch)
    window.save_action.trigger()
    assert not window.files.finish_writing()
    assert dialogs.of("critical") == [("critical", "Cannot save project",
                                       f"cannot save net.netcanvas: the disk is full\n\n{ADVICE}")]
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["net.netcanvas", "settings.ini"]  # no temporary
    assert window.doc.is_modified() and window.isWindowModified()
    assert window.doc.path == str(path)


def test_saving_over_what_another_window_saved_meanwhile_asks_first(
        qtbot, window, settings, dialogs, tmp_path):
    """Two windows with one project: the second Save used to replace the first one's saved
    work without a word."""
    path = tmp_path / "shared.netcanvas"
    saved_example(window, path)
    other = MainWindow(settings)
    qtbot.addWidget(other)
    assert other.files.load(path)
    delete_node(window, "1")
    window.save_action.trigger()
    assert window.files.finish_writing() and node_ids(path) == ["0", "2"]
    first_save = path.read_bytes()

    delete_node(other, "2")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    other.save_action.trigger()
    other.files.finish_writing()
    [(_kind, title, text)] = dialogs.of("question")
    assert title == "File changed on disk"
    assert text == ("“shared.netcanvas” was changed on disk after this window opened or saved "
                    "it — by another NetCanvas window or another program. Saving replaces "
                    "those changes with yours.\n\nSave anyway? To keep both, cancel and use "
                    "File ▸ Save As.")
    assert path.read_bytes() == first_save  # the first window's work is still there
    assert other.doc.is_modified()

    dialogs.answer = QMessageBox.StandardButton.Save  # the user says to replace it
    other.save_action.trigger()
    assert other.files.finish_writing()
    assert node_ids(path) == ["0", "1"] and not other.doc.is_modified()
    delete_node(other, "1")  # its own save is not "changed on disk": no second question
    other.save_action.trigger()
    assert other.files.finish_writing() and len(dialogs.of("question")) == 2
    assert node_ids(path) == ["0"]


def test_a_name_that_fits_is_saved_and_one_too_long_is_said_in_words(
        window, dialogs, tmp_path):
    """250 bytes fit in a name (255), but the temporary file written first was 15 longer; and
    the system's English "File name too long" was shown in the Korean window too."""
    window.files.open_example("xor_by_hand")
    delete_node(window, "1")
    fits = tmp_path / ("가" * 76 + " 학습 결과 bb.netcanvas")  # 3 bytes a letter
    assert len(fits.name.encode()) == 255
    assert window.files.write(str(fits), wait=True)
    assert node_ids(fits) == ["0", "2"] and not window.doc.is_modified()

    delete_node(window, "2")
    too_long = tmp_path / ("a" * 250 + ".netcanvas")
    assert not window.files.write(str(too_long), wait=True)
    [(_kind, _title, text)] = dialogs.of("critical")
    assert text == (f"cannot save {too_long.name}: the name is too long for the file system (at "
                    f"most 255 bytes; a Hangul letter takes 3)\n\n{ADVICE}")
    assert window.doc.is_modified() and window.doc.path == str(fits)
    set_language("ko")
    try:
        assert not window.files.write(str(too_long), wait=True)
    finally:
        set_language("en")
    korean = dialogs.of("critical")[-1][2]
    assert "too long" not in korean and "255" in korean and "다른 이름으로 저장" in korean


def test_a_file_someone_made_read_only_is_not_replaced(window, dialogs, tmp_path):
    path = tmp_path / "handout.netcanvas"
    before = saved_example(window, path)
    path.chmod(0o444)
    delete_node(window, "1")
    window.save_action.trigger()
    assert not window.files.finish_writing()
    [(_kind, _title, text)] = dialogs.of("critical")
    assert text == ("cannot save handout.netcanvas: handout.netcanvas is read-only, so it is not "
                    f"replaced\n\n{ADVICE}")
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
    assert window.doc.is_modified()


@pytest.mark.parametrize("code, reason", [
    (errno.ENOSPC, "the disk is full"),
    (errno.EACCES, "{folder} cannot be written to (it is read-only or you have no permission)"),
])
def test_an_export_the_disk_refuses_says_why_in_words_and_keeps_the_old_file(
        qtbot, window, dialogs, tmp_path, monkeypatch, code, reason):
    assert window.files.open_example("xor_by_hand")
    target = tmp_path / "net.onnx"
    target.write_bytes(b"the last export")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: (str(target), "")))
    dialogs.answer = QMessageBox.StandardButton.Yes  # replace the old export

    def refused(_source, _target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(export_common.os, "replace", refused)
    # in this process, where the failing disk is (the window exports ONNX in a child process)
    monkeypatch.setattr(export_menu, "SEPARATE_PROCESS", frozenset())
    menu_action(window, "ONNX…").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.of("warning")), timeout=60000)
    [(_kind, title, text)] = dialogs.of("warning")
    assert title == "Cannot export as ONNX"
    assert text == f"Cannot write {target}: {reason.format(folder=tmp_path)}."
    assert target.read_bytes() == b"the last export"
    assert os.listdir(tmp_path) == ["net.onnx"]  # no temporary left


def test_restored_work_whose_folder_is_gone_is_saved_where_the_user_chooses(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    """Ctrl+S on restored work of a project whose folder was deleted meanwhile failed each
    time with "the folder … does not exist"; it now asks where to save, saying why."""
    gone = tmp_path / "course" / "week3"
    left_copy(window, dead_pid(), str(gone / "mine.netcanvas"))
    answer("Restore")
    assert offer_recovery(window.autosave)
    assert window.doc.path == str(gone / "mine.netcanvas") and window.doc.is_modified()
    asked, chosen = [], tmp_path / "mine.netcanvas"

    def save_dialog(parent, caption, start, *args):
        asked.append((caption, start, window.statusBar().currentMessage()))
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.save_action.trigger()
    assert window.files.finish_writing()
    assert asked == [("Save project as", str(gone / "mine.netcanvas"),
                      f"The folder {gone} no longer exists: choose where to save mine.netcanvas.")]
    assert dialogs.of("critical") == []
    assert node_ids(chosen) == ["0", "2"]
    assert window.doc.path == str(chosen) and not window.doc.is_modified()


def test_saving_onto_a_folder_of_that_name_says_so(window, dialogs, tmp_path):
    folder = tmp_path / "net.netcanvas"
    (folder / "inside").mkdir(parents=True)
    window.files.open_example("xor_by_hand")
    delete_node(window, "1")
    assert not window.files.write(str(folder), wait=True)
    [(_kind, _title, text)] = dialogs.of("critical")
    assert text == f"cannot save net.netcanvas: {folder} is a folder; give a file name\n\n{ADVICE}"
    assert (folder / "inside").is_dir() and window.doc.is_modified()


def test_importing_a_truncated_weights_file_says_so_in_words(window, dialogs, tmp_path,
                                                             monkeypatch):
    """It said the library's English "(File is not a zip file)", in Korean too."""
    window.files.open_example("xor_learned")
    path = tmp_path / "weights.npz"
    path.write_bytes(b"PK\x03\x04" + bytes(60))  # the start of a zip, then nothing
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args: (str(path), "")))
    before = {k: v.copy() for k, v in window.doc.arrays.items()}
    menu_action(window, "Import Weights…").trigger()
    set_language("ko")
    try:
        window.export_menu.import_weights()
    finally:
        set_language("en")
    [(_kind, title, text), (_kind_ko, _title_ko, korean)] = dialogs.of("warning")
    assert title == "Cannot import weights"
    assert text == (f"{path} is damaged or incomplete: it starts as an .npz file does but cannot "
                    "be read as one — write the weights again.")
    assert "zip file" not in korean and korean.startswith(str(path))
    assert all((window.doc.arrays[k] == v).all() for k, v in before.items())
    assert not window.doc.is_modified()


def test_pictures_and_tables_on_a_full_disk_keep_the_old_file_and_say_why(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    """The canvas and panel PNGs and the history CSV were written in place: a full disk left
    half a file over the old one, and "….png could not be written." said not why."""
    open_example(window, "spiral", epochs=2)
    train_to_end(qtbot, window)
    files = {name: tmp_path / name for name in ("canvas.png", "loss.png", "history.csv")}
    for path in files.values():
        path.write_bytes(b"the one from last week")
    answers = iter(str(path) for path in files.values())
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (next(answers), "")))
    disk_full(monkeypatch)
    dialogs.answer = QMessageBox.StandardButton.Yes  # replace last week's (NetCanvas asks)
    assert not window.canvas_picture.ask()
    panel = window.training.loss
    qtbot.mouseClick(panel.png_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.csv_button, Qt.MouseButton.LeftButton)
    assert [(title, text) for _kind, title, text in dialogs.of("warning")] == [
        ("Cannot save the image", f"{files['canvas.png']} could not be written: the disk is full."),
        ("Cannot save the image", f"{files['loss.png']} could not be written: the disk is full."),
        ("Cannot save the history", f"{files['history.csv']}: the disk is full")]
    assert [text for _kind, _title, text in dialogs.of("question")] == [
        f"{name} exists already in {tmp_path}. Replace it?" for name in files]
    assert all(path.read_bytes() == b"the one from last week" for path in files.values())
    assert sorted(os.listdir(tmp_path)) == sorted(files)  # no temporary left


def test_a_damaged_recovery_copy_is_said_as_such_and_kept(qtbot, window, dialogs, tmp_path):
    """It said "Cannot open project: project.netcanvas: the file is damaged …", naming a file
    the user never saw."""
    folder = left_copy(window, dead_pid(), str(tmp_path / "mine.netcanvas"))
    (folder / PROJECT_FILE).write_bytes(b"PK\x03\x04 cut off by the crash")
    spec = window.doc.spec
    answer("Restore")
    assert not offer_recovery(window.autosave)
    [(_kind, title, text)] = dialogs.of("critical")
    assert title == "Cannot restore unsaved work"
    assert text == ("NetCanvas kept a copy of the unsaved work of mine.netcanvas, but the copy "
                    "cannot be opened:\nproject.netcanvas: the file is damaged or truncated (its "
                    "zip structure is broken) — use a backup copy\n\nThe copy is kept: you are "
                    "asked again at the next start, where Discard deletes it.")
    assert (folder / PROJECT_FILE).is_file()  # given back, to be offered again
    assert window.doc.spec == spec and not window.doc.is_modified()


def rewrite(path: Path, members: dict[str, bytes], document: dict) -> None:
    """Write the project file ``path`` again with ``document`` as its project.json."""
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_project_with_a_field_from_a_newer_netcanvas_says_what_to_do(window, dialogs, tmp_path):
    """A newer NetCanvas may add a field without a new format number (as the timeline was
    added); "project.json has an unknown field: …" left the student guessing."""
    path = tmp_path / "from_home.netcanvas"
    saved_example(window, path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document["notes_v3"] = ["a field this version does not know"]
    rewrite(path, members, document)
    assert window.files.new()
    assert not window.files.load(path)
    [(_kind, title, text)] = dialogs.of("critical")
    assert (title, text) == ("Cannot open project", "from_home.netcanvas: project.json has "
                             "an unknown field: notes_v3 — if a newer NetCanvas made it, update "
                             "NetCanvas to open it")
    assert window.doc.path == "" and not window.doc.spec.nodes


def test_a_field_from_a_newer_netcanvas_inside_a_node_says_what_to_do_in_korean(
        window, dialogs, tmp_path):
    """Inside the settings or a node, an unknown field was named bare ("node #1 has unknown
    field(s): colour"): nothing said a newer NetCanvas may have written it."""
    path = tmp_path / "from_home.netcanvas"
    saved_example(window, path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document["spec"]["nodes"][0]["colour"] = "red"
    rewrite(path, members, document)
    assert window.files.new()
    set_language("ko")
    try:
        assert not window.files.load(path)
    finally:
        set_language("en")
    [(_kind, _title, text)] = dialogs.of("critical")
    assert text.startswith("from_home.netcanvas ")
    assert "노드 #1에 알 수 없는 필드가 있습니다: colour" in text
    assert text.endswith("더 새로운 NetCanvas로 만든 파일이라면, 열려면 NetCanvas를 업데이트하세요")
    assert window.doc.path == "" and not window.doc.spec.nodes


def test_a_project_trained_and_saved_today_tells_an_older_netcanvas_to_update(
        qtbot, window, dialogs, tmp_path, monkeypatch):
    """A NetCanvas reading schema 2 refused a trained project saved today with "run 1: unknown
    field(s) reason_key, reason_values" and no hint: its runs now make it schema 3, which such a
    NetCanvas says to update for; the untrained example it can read stays schema 2."""
    untrained = tmp_path / "untrained.netcanvas"
    saved_example(window, untrained)
    open_example(window, "xor_by_hand", epochs=2)
    train_to_end(qtbot, window)
    path = tmp_path / "trained.netcanvas"
    assert window.files.write(str(path), wait=True)
    versions = {}
    for saved in (untrained, path):
        with zipfile.ZipFile(saved) as archive:
            versions[saved.name] = json.loads(archive.read("project.json"))["schema_version"]
    assert versions == {"untrained.netcanvas": 2, "trained.netcanvas": 3}
    assert window.files.new()
    assert window.files.load(path)  # this NetCanvas opens it
    assert window.doc.runs[0].reason_key == "finished_epochs"
    monkeypatch.setattr(project_module, "SCHEMA_VERSION", 2)  # a NetCanvas reading schema 2
    assert window.files.new()
    assert not window.files.load(path)
    [(_kind, title, text)] = dialogs.of("critical")
    assert (title, text) == ("Cannot open project", "trained.netcanvas: this project was made "
                             "by a newer NetCanvas (file format 3; this version reads format 2) "
                             "— update NetCanvas to open it")
