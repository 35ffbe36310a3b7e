"""The gallery widget on its own: which data it takes, one sigmoid output, a second run."""

from __future__ import annotations

import numpy as np

from core.datasets import load_iris
from core.datasets.dataset import Dataset
from core.datasets.images import part_rows
from gui.training.frames import Evaluation
from gui.training.plots.gallery import ImageGallery

SPLIT = (0.5, 0.25, 0.25)


def binary_images(n: int = 40) -> Dataset:
    rng = np.random.default_rng(3)
    return Dataset("blobs", rng.random((n, 64)), np.arange(n) % 2, "classification",
                   tuple(f"c{k}" for k in range(64)), ("dark", "light"), "")


def test_a_sigmoid_output_shows_both_classes_and_a_second_run_rebuilds_the_filter(qtbot):
    gallery = ImageGallery()
    qtbot.addWidget(gallery)
    gallery.resize(700, 300)
    gallery.show()
    assert not gallery.set_data(load_iris(), SPLIT, 0)  # 4 measurements: no images
    data = binary_images()
    assert gallery.set_data(data, SPLIT, 0) and gallery.shape == (8, 8)
    truth = data.y[part_rows(data, SPLIT, 0)["test"]]
    p = np.linspace(0.1, 0.9, truth.size)[:, None]
    labels = (p[:, 0] > 0.5).astype(np.int64)
    gallery.show_evaluation(Evaluation("test", truth=truth, labels=labels, outputs=p))
    wrong = np.flatnonzero(labels != truth)
    assert gallery.order[: wrong.size].tolist() == wrong.tolist()
    gallery.select(2)
    np.testing.assert_allclose(gallery.probabilities, [1 - p[2, 0], p[2, 0]])
    assert gallery.grid.images[0].width() == 8 and gallery.grid.images[0].height() == 8

    assert gallery.set_data(data, SPLIT, 1)  # the next run: a fresh filter row
    assert set(gallery.filter_buttons) == {None, 0, 1}
    assert gallery.filter_row.count() == 4  # three buttons and the stretch
    assert gallery.probabilities is None and gallery.grid.images == []
