"""Choosing MNIST in the data picker before it is cached: the download dialog, served by a
local http.server (tests/core/datasets/idx_server.py) — never the internet."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from core.datasets.remote import MIRROR_ENV
from gui.document.data_source import ref_key
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, make_files, serve
from tests.gui.downloads import choose

TIMEOUT_MS = 30_000
TRAIN_IMAGES = "train-images-idx3-ubyte.gz"
TRAIN_LABELS = "train-labels-idx1-ubyte.gz"


def nothing_in(folder) -> bool:
    return not folder.exists() or not any(folder.rglob("*"))


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/data/"  # nothing listens there once closed


def test_download_then_use_mnist_and_undo(env, qtbot, window, monkeypatch):
    cache, files = env
    before = window.doc.data
    with serve(files) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        assert dialog is not None and dialog.isVisible()
        assert str(cache / "mnist") in dialog.intro.text()
        steps = []
        dialog.job.progress.connect(steps.append)  # what the bar and its label were fed
        with qtbot.waitSignal(window.data.dataset_changed, timeout=TIMEOUT_MS):
            pass
    assert handler.requests == list(files)
    dataset = window.data.dataset
    assert dataset.name == "mnist" and dataset.n_samples == N_TRAIN + N_TEST
    assert dataset.fixed_test == N_TEST and dataset.n_features == 28 * 28
    assert sorted(p.name for p in (cache / "mnist").iterdir()) == sorted(files)
    last = steps[-1]  # the fourth file, complete, in bytes
    assert (last.file, last.index, last.count) == ("t10k-labels-idx1-ubyte.gz", 4, 4)
    assert last.done == last.total == len(files["t10k-labels-idx1-ubyte.gz"])
    assert {step.index for step in steps} == {1, 2, 3, 4}
    assert window.data_picker.download_dialog is None
    combo = window.data_picker.data_combo
    assert combo.currentData().name == "mnist"
    assert "not downloaded" not in combo.itemData(combo.currentIndex(),
                                                  Qt.ItemDataRole.ToolTipRole)
    window.doc.undo_stack.undo()  # one undo entry gives the old data back
    assert window.doc.data is before
    window.doc.undo_stack.redo()
    # cached now: choosing it again opens no dialog
    window.doc.undo_stack.undo()
    choose(window, "mnist")
    assert window.data_picker.download_dialog is None and window.doc.data.name == "mnist"


def test_cancel_mid_download_keeps_nothing_and_the_data(env, qtbot, window, monkeypatch):
    cache, files = env
    before = window.doc.data
    entries = window.doc.undo_stack.count()
    with serve(files, hold={TRAIN_LABELS}) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        # the first file arrived (its progress shown); the second is under way, held
        qtbot.waitUntil(lambda: TRAIN_LABELS in handler.requests, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: dialog.file_label.text().startswith(TRAIN_IMAGES)
                        and dialog.bar.value() == dialog.bar.maximum() > 0)
        with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT_MS):
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            assert dialog.file_label.text() == "Cancelling…"
            handler.release.set()
    assert nothing_in(cache)
    assert window.doc.data is before and window.data.dataset.name != "mnist"
    assert ref_key(window.data_picker.data_combo.currentData()) == ref_key(before)
    assert window.doc.undo_stack.count() == entries  # no undo entry for a cancelled choice


def test_a_checksum_mismatch_is_said_and_nothing_kept(env, qtbot, window, monkeypatch):
    cache, _ = env
    before = window.doc.data
    with serve(make_files(seed=5)) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "fashion-mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert "checksum" in dialog.error and dialog.message.isVisible()
    assert dialog.error in dialog.message.text()
    assert nothing_in(cache) and window.doc.data is before
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert window.data_picker.download_dialog is None


@pytest.mark.parametrize("problem", ["not-found", "offline"])
def test_404_or_offline_names_the_cache_folder_and_import_still_works(
        env, qtbot, window, monkeypatch, tmp_path, problem):
    cache, _ = env
    before = window.doc.data
    with serve({}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url if problem == "not-found" else free_port_url())
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert ("404" if problem == "not-found" else "offline") in dialog.error
    assert str(cache / "mnist") in dialog.error and TRAIN_IMAGES in dialog.error
    assert nothing_in(cache) and window.doc.data is before
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    table = tmp_path / "mine.csv"
    table.write_text("a,b,label\n0,1,x\n1,0,y\n1,1,x\n0,0,y\n")
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(table))
    assert finished.args == [True]
    assert window.data.dataset.name == "mine" and window.data.dataset.n_samples == 4
