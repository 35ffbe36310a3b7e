"""File ▸ Export writes the data set the window has loaded, without reading it again: MNIST read
again for the NumPy script (and PyTorch) held 100 MB more for a moment, beside the window's
own copy, and split it anew. What is written is what the command line writes from the saved
project. Here MNIST's 30 + 10 generated images, downloaded from a local server."""

from __future__ import annotations

import numpy as np

from core.datasets.ref import DataRef
from core.export import export_project
from core.project import load_project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from tests.core.datasets import idx_server
from tests.core.datasets.idx_server import SIDE
from tests.gui.downloads import downloaded
from tests.gui.test_export_menu import exported_box, menu_action, save_to  # noqa: F401
from tests.gui.training_support import train_to_end

env = idx_server.env  # the cache folder and the test-only checksums (a fixture)


def test_the_numpy_script_is_written_from_the_data_set_on_show(env, qtbot, window, monkeypatch,
                                                               save_to, tmp_path):  # noqa: F811
    _, files = env
    downloaded(qtbot, window, monkeypatch, files)
    window.doc.reset(NetworkSpec.mlp([SIDE * SIDE, 16, 10]), data=window.doc.data,
                     settings=TrainingSettings(epochs=2, batch_size=10))
    qtbot.waitUntil(lambda: window.data.dataset is not None)
    train_to_end(qtbot, window)
    read = []
    load = DataRef.load
    monkeypatch.setattr(DataRef, "load", lambda ref: read.append(ref.name) or load(ref))
    (tmp_path / "window").mkdir()
    save_to(tmp_path / "window" / "mnist.py")
    menu_action(window, "NumPy Script…").trigger()
    exported_box(qtbot, window)
    assert read == []  # the window's data set, not a second one from the cache folder
    assert window.files.write(str(tmp_path / "mnist.ncproj"))
    (tmp_path / "cli").mkdir()
    export_project(load_project(tmp_path / "mnist.ncproj"), "numpy", tmp_path / "cli" / "mnist.py")
    assert read == ["mnist"]  # the command line reads it
    written, expected = (tmp_path / where / "mnist.py" for where in ("window", "cli"))
    assert written.read_bytes() == expected.read_bytes()
    with np.load(written.with_suffix(".npz")) as ours, \
            np.load(expected.with_suffix(".npz")) as theirs:
        assert sorted(ours.files) == sorted(theirs.files)
        assert {"x_train", "x_val", "x_test", "W1", "W2"} <= set(ours.files)
        for name in ours.files:
            assert ours[name].dtype == theirs[name].dtype, name
            assert ours[name].shape == theirs[name].shape, name
            assert ours[name].tobytes() == theirs[name].tobytes(), name
