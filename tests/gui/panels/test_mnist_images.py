"""MNIST-shaped data end to end in the window: downloaded through the data picker's dialog
(a tiny generated set served locally), trained as 784-16-10, shown as 28×28 images — the
gallery's pictures are the test file's own bytes, the weights 28×28 images per unit."""

from __future__ import annotations

import gzip

import numpy as np

from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from tests.core.datasets.idx_server import N_TEST, SIDE
from tests.gui.downloads import downloaded
from tests.gui.training_support import train_to_end


def idx_images(data: bytes) -> np.ndarray:
    raw = gzip.decompress(data)
    return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(-1, SIDE, SIDE)


def test_downloaded_mnist_trains_and_shows_its_test_images(env, qtbot, window, monkeypatch):
    _, files = env
    downloaded(qtbot, window, monkeypatch, files)
    ref = window.doc.data
    assert ref.kind == "downloaded" and window.data.dataset.n_features == SIDE * SIDE
    window.doc.reset(NetworkSpec.mlp([SIDE * SIDE, 16, 10]), data=ref,
                     settings=TrainingSettings(epochs=2, batch_size=10))
    window.training.docks["Output"].raise_()
    train_to_end(qtbot, window)
    gallery = window.training.output.gallery
    qtbot.waitUntil(lambda: len(gallery.grid.images) > 0)
    assert gallery.shape == (SIDE, SIDE) and gallery.evaluation.part == "test"
    assert len(gallery.evaluation.truth) == N_TEST  # MNIST's own test part, all of it
    test_images = idx_images(files["t10k-images-idx3-ubyte.gz"])
    for k, row in enumerate(gallery.order[: len(gallery.grid.images)]):
        image = gallery.grid.images[k]
        assert (image.width(), image.height()) == (SIDE, SIDE)
        pixels = np.array([[image.pixelColor(c, r).red() for c in range(SIDE)]
                           for r in range(SIDE)])
        np.testing.assert_array_equal(pixels, test_images[row])
    qtbot.waitUntil(lambda: "1" in window.predictions.result.weight_images)
    assert window.predictions.result.weight_images["1"].shape == (16, SIDE, SIDE)
