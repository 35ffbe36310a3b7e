"""Opening a project made with MNIST while the window has MNIST loaded (Save, then Open, in a
long session) keeps the data set it has: the files are those the checksum names, so reading
them again gave the same bytes — and held a second MNIST and a second split beside the
first until it was let go (+100 MB in a walkthrough, while the timeline was pulled back).
A project that names another copy of the set (another checksum) is still refused. Here
MNIST's 30 + 10 generated images, downloaded from a local server."""

from __future__ import annotations

from dataclasses import replace

from core.datasets.ref import DataRef
from core.project import Project, save_project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from tests.core.datasets.idx_server import SIDE
from tests.gui.downloads import downloaded


def test_opening_a_project_of_the_loaded_download_does_not_read_it_again(env, qtbot, window,
                                                                         monkeypatch, tmp_path):
    _, files = env
    downloaded(qtbot, window, monkeypatch, files)
    ref = window.doc.data
    window.doc.reset(NetworkSpec.mlp([SIDE * SIDE, 16, 10]), data=ref,
                     settings=TrainingSettings(epochs=1))
    qtbot.waitUntil(lambda: window.data.dataset is not None)
    loaded = window.data.dataset
    path = tmp_path / "mnist.netcanvas"
    assert window.files.write(str(path))
    read = []
    load = DataRef.load
    monkeypatch.setattr(DataRef, "load", lambda r: read.append(r.checksum) or load(r))
    assert window.files.load(path)
    assert window.doc.data is not ref  # the file's own reference, to the same set
    qtbot.waitUntil(lambda: window.data.dataset is not None)
    assert window.data.dataset is loaded and read == []
    assert window.training.settings_panel.buttons["train"].isEnabled()

    other = tmp_path / "other copy.netcanvas"
    save_project(Project(NetworkSpec.mlp([SIDE * SIDE, 16, 10]), TrainingSettings(epochs=1),
                         replace(DataRef.downloaded("mnist"), checksum="md5:0123")), other)
    assert window.files.load(other)
    qtbot.waitUntil(lambda: window.data.failure is not None)
    assert read == ["md5:0123"] and window.data.dataset is None
    assert "made with a different copy of mnist" in str(window.data.failure)
