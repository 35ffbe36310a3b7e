"""Importing data off the GUI thread, the "Embed data in the project" choice, and what opening a
project says when its referenced data file has moved or changed."""

import json
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.datasets import linked
from core.datasets import ref as ref_module
from gui.panels import data_import
from tests.core.datasets.test_uint8 import write_idx


@pytest.fixture
def idx_files(tmp_path):
    images = np.random.default_rng(3).integers(0, 256, (60, 4, 4), dtype=np.uint8)
    return write_idx(tmp_path, images, (np.arange(60) % 3).astype(np.uint8))


@pytest.fixture
def small_limit(monkeypatch):
    """Every import counts as large: it is referred to, not embedded."""
    monkeypatch.setattr(linked, "EMBED_LIMIT_BYTES", 100)
    monkeypatch.setattr(ref_module, "EMBED_LIMIT_BYTES", 100)


def import_and_wait(window, qtbot, path) -> list:
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(path))
    return finished.args


def status_texts(window) -> list[str]:
    from PySide6.QtWidgets import QLabel
    return [label.text() for label in window.statusBar().findChildren(QLabel)
            if label.isVisible()]


def test_an_idx_import_runs_on_a_worker_thread_and_keeps_its_bytes(window, qtbot, idx_files,
                                                                    monkeypatch):
    threads = []
    real = data_import.import_file

    def recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(data_import, "import_file", recording)
    count = window.doc.undo_stack.count()
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(idx_files[0]))
        assert "Importing train-images-idx3-ubyte…" in status_texts(window)
        assert not window.data_picker.import_button.isEnabled()
    assert finished.args == [True]
    assert threads and threads[0] is not threading.main_thread()
    assert "Importing train-images-idx3-ubyte…" not in status_texts(window)
    dataset = window.data.dataset
    assert dataset.n_samples == 60 and dataset.x.dtype == np.uint8
    assert window.doc.data.kind == "embedded" and window.data_picker.embed_check.isChecked()
    assert window.doc.undo_stack.count() == count + 1
    assert window.data_picker.import_button.isEnabled()


def test_a_slow_import_offers_cancel_and_cancelling_changes_nothing(window, qtbot, tmp_path,
                                                                   monkeypatch):
    def waits_for_cancel(path, embed, cancelled):
        while not cancelled():
            threading.Event().wait(0.01)
        raise linked.ReadCancelledError

    monkeypatch.setattr(data_import, "import_file", waits_for_cancel)
    before, count = window.doc.data, window.doc.undo_stack.count()
    window.data_picker.import_path(str(tmp_path / "big.csv"))
    busy = window.data_picker._busy
    assert not busy.cancel_button.isVisible()  # not in the first second
    qtbot.waitUntil(busy.cancel_button.isVisible, timeout=5000)
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=5000) as finished:
        qtbot.mouseClick(busy.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [False]
    assert window.doc.data is before and window.doc.undo_stack.count() == count


def test_a_large_import_is_referred_to_and_embedding_is_an_undoable_choice(
        window, qtbot, idx_files, small_limit):
    assert import_and_wait(window, qtbot, idx_files[0]) == [True]
    picker = window.data_picker
    assert window.doc.data.kind == "file"
    assert picker.embed_check.isVisible() and not picker.embed_check.isChecked()
    picker.embed_check.click()
    assert window.doc.data.kind == "embedded"
    assert window.doc.undo_stack.undoText() == "Embed data in the project"
    assert window.data.dataset.x.dtype == np.uint8
    window.doc.undo_stack.undo()
    assert window.doc.data.kind == "file" and not picker.embed_check.isChecked()
    picker.embed_check.click()
    picker.embed_check.click()
    assert window.doc.data.kind == "file"
    assert window.doc.undo_stack.undoText() == "Refer to the data file"


def test_the_embed_choice_is_hidden_for_built_in_data(window):
    window.files.open_example("xor_by_hand")
    assert not window.data_picker.embed_check.isVisible()


def saved_then_moved(window, qtbot, tmp_path, files) -> tuple:
    """Import ``files[0]`` (referred to), save the project, move ``files`` into moved/ and
    start a new project: the project file and the folder the files are in now."""
    assert import_and_wait(window, qtbot, files[0]) == [True]
    project = tmp_path / "p.netcanvas"
    assert window.files.write(str(project))
    moved = tmp_path / "moved"
    moved.mkdir()
    for path in files:
        path.rename(moved / path.name)
    window.files.new()
    return project, moved


def test_opening_a_project_whose_data_file_moved_says_so_and_offers_to_locate_it(
        window, qtbot, dialogs, idx_files, small_limit, tmp_path, monkeypatch):
    project, moved = saved_then_moved(window, qtbot, tmp_path, idx_files[:1])
    dialogs.answer = QMessageBox.StandardButton.Open
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(moved / idx_files[0].name), "")))

    assert window.files.load(str(project))  # the project opens, without its data
    assert window.data.dataset is None
    located = str((moved / idx_files[0].name).resolve())
    qtbot.waitUntil(lambda: window.doc.data.files[0].path == located, timeout=20000)
    _, title, text = dialogs.of("question")[-1]
    assert title == "Data file not found"
    assert str(idx_files[0].resolve()) in text
    assert "moved, renamed or deleted" in text and "Choose Open to locate the file" in text
    assert "netcanvas gui" not in text  # the command line's way is not the window's
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=20000)
    assert window.data.dataset.n_samples == 60 and not window.data.loading
    assert window.doc.undo_stack.undoText() == "Locate train-images-idx3-ubyte"


def test_locating_images_moved_with_their_labels_finds_the_labels_too(
        window, qtbot, dialogs, idx_files, small_limit, tmp_path, monkeypatch):
    project, moved = saved_then_moved(window, qtbot, tmp_path, idx_files)  # labels too
    dialogs.answer = QMessageBox.StandardButton.Open
    asked = []

    def choose(*args, **kwargs):
        asked.append(args[1])
        return str(moved / idx_files[0].name), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    assert window.files.load(str(project))
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=20000)
    assert [f.path for f in window.doc.data.files] == [str((moved / p.name).resolve())
                                                       for p in idx_files]
    assert asked == ["Locate train-images-idx3-ubyte"]  # one dialog, not one per file
    assert len(dialogs.of("question")) == 1
    assert window.data.dataset.n_samples == 60


def test_after_ignore_the_data_panel_offers_to_locate_the_moved_file(
        window, qtbot, dialogs, idx_files, small_limit, tmp_path, monkeypatch):
    window.files.open_example("digits_mlp")  # a network without problems of its own
    assert import_and_wait(window, qtbot, idx_files[0]) == [True]
    project = tmp_path / "p.netcanvas"
    assert window.files.write(str(project))
    old_folder = tmp_path / "old"
    old_folder.mkdir()
    for path in idx_files:
        path.rename(old_folder / path.name)  # the project referred to old/… (below)
    window.data_picker.locate(window.doc.data, 0, str(old_folder / idx_files[0].name))
    qtbot.waitUntil(lambda: window.doc.data.files[0].path.startswith(str(old_folder.resolve())),
                    timeout=20000)
    assert window.files.write(str(project))
    moved = tmp_path / "moved"
    old_folder.rename(moved)  # the folder of the data itself moved away
    window.files.new()
    dialogs.answer = QMessageBox.StandardButton.Ignore
    assert window.files.load(str(project))
    picker = window.data_picker
    qtbot.waitUntil(lambda: bool(dialogs.of("question")), timeout=20000)
    assert window.data.dataset is None
    assert picker.locate_button.isVisible()
    assert picker.data_info.text() == ("Without its data: train-images-idx3-ubyte has moved "
                                       "or changed.")
    problems = window.problems_panel  # not "complete: it can be trained"
    assert problems.summary.text() == "<b>The project's data could not be loaded</b>"
    assert any("is no longer there" in m for m in problems.messages())
    qtbot.waitUntil(lambda: "could not be loaded" in window.predictions.result.message)
    started_in = []

    def choose(*args, **kwargs):
        started_in.append(args[2])
        return str(moved / idx_files[0].name), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    qtbot.mouseClick(picker.locate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=20000)
    assert started_in == [str(tmp_path)]  # old/ is gone: its parent, not a missing folder
    assert not picker.locate_button.isVisible()
    assert not any("is no longer there" in m for m in problems.messages())
    qtbot.waitUntil(lambda: "could not be loaded" not in window.predictions.result.message)
    assert window.data.dataset.n_samples == 60
    assert len(dialogs.of("question")) == 1  # the button asked nothing more


def test_a_located_file_with_other_bytes_is_refused(window, qtbot, dialogs, idx_files,
                                                    small_limit, tmp_path, monkeypatch):
    assert import_and_wait(window, qtbot, idx_files[0]) == [True]
    project = tmp_path / "p.netcanvas"
    assert window.files.write(str(project))
    changed = bytearray(idx_files[0].read_bytes())
    changed[-1] ^= 1
    idx_files[0].write_bytes(bytes(changed))
    window.files.new()
    dialogs.answer = QMessageBox.StandardButton.Open
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(idx_files[0]), "")))
    assert window.files.load(str(project))
    qtbot.waitUntil(lambda: bool(dialogs.of("warning")), timeout=20000)
    assert dialogs.of("question")[-1][1] == "Data file has changed"
    assert "has changed since the project was saved" in dialogs.of("question")[-1][2]
    _, title, text = dialogs.of("warning")[-1]
    assert title == "Not the same file" and "SHA-256 checksum differs" in text
    assert window.doc.data.files[0].path == str(idx_files[0].resolve())
    assert window.data.dataset is None


def test_mnist_from_the_cache_is_read_on_a_worker_thread(window, qtbot, tmp_path, monkeypatch):
    from core.datasets.cache_check import verify
    from core.datasets.ref import DataRef
    from core.datasets.remote import CACHE_ENV, TEST_CHECKSUMS_ENV
    from tests.core.datasets.idx_server import N_TEST, N_TRAIN, checksums, make_files

    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    (tmp_path / "mnist").mkdir()
    files = make_files()
    for name, data in files.items():
        (tmp_path / "mnist" / name).write_bytes(data)
    (tmp_path / "checksums.json").write_text(json.dumps(checksums(files)))
    monkeypatch.setenv(TEST_CHECKSUMS_ENV, str(tmp_path / "checksums.json"))
    assert set(verify("mnist").values()) == {"verified"}  # as after a download: cached
    window.data_picker.choose(DataRef.downloaded("mnist"))
    assert window.data.loading and window.data.dataset is None
    assert window.data_picker.data_info.text() == "Loading the data…"
    with qtbot.waitSignal(window.data.dataset_changed, timeout=20000) as changed:
        pass
    dataset = changed.args[0]
    assert dataset is window.data.dataset and not window.data.loading
    assert dataset.n_samples == N_TRAIN + N_TEST and dataset.x.dtype == np.uint8
    assert "samples" in window.data_picker.data_info.text()


def test_the_problems_panel_offers_to_fit_the_input_node_to_imported_images(window, qtbot,
                                                                           tmp_path):
    window.files.open_example("digits_mlp")  # 64 input units (8×8 images), 10 classes
    assert window.doc.spec.inputs[0].units == 64
    # counts are written as everywhere else in NetCanvas (Qt's %n alone has no separator)
    assert window.data_picker.data_info.text() == "1,797 samples · 64 features · 10 classes"
    images = np.random.default_rng(4).integers(0, 256, (60, 4, 4), dtype=np.uint8)
    files = write_idx(tmp_path, images, (np.arange(60) % 10).astype(np.uint8))
    assert import_and_wait(window, qtbot, files[0]) == [True]  # 4×4 images: 16 columns
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.fit_button.isVisible(), timeout=10000)
    assert any("16 feature columns" in m for m in panel.messages())
    node_id = window.doc.spec.inputs[0].id
    assert panel.fit_button.text() == "Give input 0 16 units"  # as the canvas names it
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert window.doc.spec.node(node_id).units == 16
    qtbot.waitUntil(lambda: not panel.fit_button.isVisible(), timeout=10000)
    assert panel.messages() == []
    window.doc.undo_stack.undo()  # one undoable edit
    assert window.doc.spec.node(node_id).units == 64
    qtbot.waitUntil(lambda: panel.fit_button.isVisible(), timeout=10000)
