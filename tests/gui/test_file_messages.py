"""What the file commands say: a project set aside for restored work, recent files that are
gone, saves refused by the folder, an import's result, and the Help menu."""

import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from core.file_writes import write_reason
from core.project import load_project
from gui.i18n import set_language
from gui.recovery import PROJECT_FILE
from tests.gui.test_autosave import answer, dead_pid, left_copy
from tests.gui.test_files import run_main

ROOT = Path(__file__).resolve().parents[2]


def test_a_project_asked_for_at_start_is_set_aside_for_restored_work_and_said(
        qtbot, window, monkeypatch):
    folder = left_copy(window, dead_pid(), "/somewhere/rt.netcanvas")
    expected = len(load_project(folder / PROJECT_FILE).spec.nodes)
    assert window.close()
    spiral = ROOT / "resources" / "examples" / "spiral.netcanvas"
    answer("Restore")
    code, seen = run_main([str(spiral)], monkeypatch, look=lambda w: {
        "status": w.statusBar().currentMessage()})
    assert code == 0
    assert seen["title"] == "rt.netcanvas[*] — NetCanvas" and seen["nodes"] == expected
    assert seen["status"] == (
        "Restored unsaved work of rt.netcanvas. Save it to keep it. spiral.netcanvas was not "
        "opened: save or close the restored work, then open it (File ▸ Open Recent).")
    assert QSettings().value("files/recent") == [str(spiral.resolve())]


def test_a_recent_file_that_is_gone_is_disabled_and_removed_when_opening_it_fails(
        window, dialogs, tmp_path, settings):
    kept, gone = tmp_path / "kept.netcanvas", tmp_path / "gone.netcanvas"
    window.files.open_example("and_gate")
    assert window.files.write(str(kept)) and window.files.write(str(gone))
    gone.unlink()
    window.files.recent_menu.aboutToShow.emit()
    entries = {a.text(): a.isEnabled() for a in window.files.recent_menu.actions()
               if a.text().endswith(("netcanvas", "(not found)"))}
    assert entries == {"gone.netcanvas (not found)": False, "kept.netcanvas": True}

    assert not window.files.load(gone)
    [(_kind, title, text)] = dialogs.of("critical")
    assert title == "Cannot open project"
    assert text == "gone.netcanvas: the file does not exist; it was removed from File ▸ Open " \
                   "Recent."
    assert settings.value("files/recent") == [str(kept.resolve())]


@pytest.mark.parametrize("where, reason", [
    ("missing/x.netcanvas", "the folder {tmp}/missing does not exist"),
    ("file.txt/x.netcanvas", "{tmp}/file.txt is a file, not a folder"),
])
def test_a_save_the_folder_refuses_says_why_in_words_and_what_to_do(
        window, canvas, dialogs, tmp_path, where, reason):
    (tmp_path / "file.txt").write_text("not a folder")
    window.files.open_example("xor_by_hand")
    window.scene.select_only(["1"])
    window.delete_action.trigger()  # unsaved work
    assert not window.files.write(str(tmp_path / where), wait=True)
    [(_kind, title, text)] = dialogs.of("critical")
    assert title == "Cannot save project"
    assert text == ("cannot save x.netcanvas: " + reason.format(tmp=tmp_path) + "\n\nYour work "
                    "is still open and not saved: choose another folder or name with File ▸ "
                    "Save As.")
    assert window.doc.is_modified() and window.doc.path == ""  # nothing lost


def test_write_errors_of_the_folder_and_the_disk_are_put_in_words():
    path = Path("/media/stick/x.netcanvas")
    for code in (errno.EACCES, errno.EPERM, errno.EROFS):
        assert write_reason(OSError(code, "Permission denied"), path) == (
            "/media/stick cannot be written to (it is read-only or you have no permission)")
    assert write_reason(OSError(errno.ENOSPC, "No space left on device"), path) == \
        "the disk is full"
    assert write_reason(OSError(errno.EIO, "Input/output error"), path) == \
        "the disk failed — it may be damaged, or a drive was removed"
    set_language("ko")
    try:
        korean = write_reason(OSError(errno.EACCES, "Permission denied"), path)
    finally:
        set_language("en")
    assert "/media/stick" in korean and "Permission" not in korean and korean.isascii() is False


@pytest.mark.parametrize("rows, expected", [
    ([f"{i % 7},{i % 5},{i % 3},{'abc'[i % 3]}" for i in range(60)],
     "Imported iris_like.csv: 60 samples, 3 features, 3 classes"),
    ([f"{i},{i * 0.5 + 0.25}" for i in range(30)],
     "Imported iris_like.csv: 30 samples, 1 feature, 1 target value"),
])
def test_an_import_says_what_it_brought_in_the_status_bar(window, qtbot, tmp_path, rows,
                                                          expected):
    window.files.open_example("xor_learned")
    assert window.statusBar().currentMessage().startswith("Opened")
    data = tmp_path / "iris_like.csv"
    header = ",".join(f"f{i}" for i in range(rows[0].count(","))) + ",label"
    data.write_text(header + "\n" + "\n".join(rows) + "\n")
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(data))
    assert finished.args == [True]
    assert window.statusBar().currentMessage() == expected
    set_language("ko")
    try:
        assert window.statusBar().currentMessage().startswith("iris_like.csv")
    finally:
        set_language("en")


def test_help_is_the_last_menu_and_points_to_training_data_examples_and_labs(
        window, dialogs):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Labs", "&Training", "&Help"]
    window.help_action.trigger()
    [(_kind, _title, text)] = dialogs.of("information")
    for words in ("<b>Train</b> (F5) in the <b>Training</b> menu", "<b>Import CSV / NPZ / IDX",
                  "<b>File ▸ Examples</b> opens", "the <b>Labs</b> menu"):
        assert words in text
    set_language("ko")
    try:
        assert window.menuBar().actions()[-1].text() == "도움말(&H)"
        window.help_action.trigger()
    finally:
        set_language("en")
    korean = dialogs.of("information")[-1][2]
    assert "<b>파일 ▸ 예제</b>" in korean and "<b>실습</b>" in korean


def test_one_of_a_count_is_said_in_the_singular(window):
    """English has no catalogue, so Qt's plural forms never reached it: the book's
    forward-pass example (one row) was summed up as "1 samples"."""
    window.files.open_example("forward_pass_3layer")
    assert window.data_picker.data_info.text().startswith("1 sample · 2 features · ")
