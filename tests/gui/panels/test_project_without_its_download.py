"""A project made with MNIST opened where MNIST is not downloaded (a classmate's project, a
new computer): the window says so and offers the download; the project then opens with its
data, unchanged. Served by a local http.server (tests/core/datasets/idx_server.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core import NetworkSpec
from core.datasets.ref import DataRef
from core.datasets.remote import MIRROR_ENV
from core.project import Project, save_project
from core.training.settings import TrainingSettings
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, serve

TIMEOUT_MS = 30_000


def test_a_project_whose_mnist_is_not_here_offers_the_download(env, qtbot, window, monkeypatch,
                                                               tmp_path):
    _, files = env
    path = tmp_path / "digits.netcanvas"
    save_project(Project(NetworkSpec.mlp([784, 16, 10]), TrainingSettings(epochs=1),
                         DataRef.downloaded("mnist")), path)
    assert window.files.load(path)
    picker, problems = window.data_picker, window.problems_panel
    qtbot.waitUntil(lambda: window.data.failure is not None, timeout=TIMEOUT_MS)
    # it said "The data could not be loaded." and, in the Problems panel, "The network is
    # complete: it can be trained" beside a disabled Train; choosing MNIST "again" in the
    # list (as the status bar advised) was no change, so no download
    heading = "<b>The project's data could not be loaded</b>"
    qtbot.waitUntil(lambda: problems.summary.text() == heading)
    assert any("press Download in the Data set part of the Build panel" in m
               for m in problems.messages())
    assert picker.data_info.text() == "MNIST handwritten digits 28×28 is not on this computer yet."
    assert picker.download_button.isVisible()
    assert picker.download_button.text() == "Download (11.1 MB)…"
    assert not window.training.settings_panel.buttons["train"].isEnabled()
    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        qtbot.mouseClick(picker.download_button, Qt.MouseButton.LeftButton)
        assert picker.download_dialog is not None
        qtbot.waitUntil(lambda: window.data.dataset is not None, timeout=TIMEOUT_MS)
    assert window.data.dataset.name == "mnist"
    assert window.data.dataset.n_samples == N_TRAIN + N_TEST
    assert not picker.download_button.isVisible() and problems.messages() == []
    assert window.doc.undo_stack.count() == 0 and not window.doc.is_modified()  # as opened
    qtbot.waitUntil(window.training.settings_panel.buttons["train"].isEnabled)
