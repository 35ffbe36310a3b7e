"""Telling image data from other data, ordering a gallery wrong-first, weights as images."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import load_digits, load_iris, split
from core.datasets.dataset import Dataset
from core.datasets.images import (
    dataset_image_shape,
    image_shape,
    part_rows,
    pixel_range,
    to_uint8,
    weight_images,
    wrong_first,
)


def pixel_names(rows: int, cols: int) -> tuple[str, ...]:
    return tuple(f"pixel_{r}_{c}" for r in range(rows) for c in range(cols))


def test_images_are_found_by_pixel_names_or_a_square_column_count():
    assert dataset_image_shape(load_digits()) == (8, 8)
    assert image_shape(784, pixel_names(28, 28)) == (28, 28)
    assert image_shape(90, pixel_names(3, 30)) == (3, 30)  # IDX need not be square
    assert image_shape(784, tuple(f"c{k}" for k in range(784))) == (28, 28)
    assert image_shape(64) == (8, 8)
    assert dataset_image_shape(load_iris()) is None  # 4 = 2×2 is no image
    assert image_shape(49) is None and image_shape(2) is None and image_shape(785) is None
    shuffled = list(pixel_names(3, 30))
    shuffled[0], shuffled[1] = shuffled[1], shuffled[0]
    assert image_shape(90, tuple(shuffled)) is None  # not row-major: not trusted


def test_a_last_column_named_like_a_huge_image_is_not_taken_at_its_word():
    """A CSV whose last column is "pixel_99999_99999": the names of a 10¹⁰-pixel image are
    never made (they once were, before the column count was compared — minutes and all of
    the memory), and three columns are no image."""
    names = ("a", "b", "pixel_99999_99999")
    assert image_shape(3, names) is None
    assert image_shape(64, (*(f"c{k}" for k in range(63)), "pixel_99999_99999")) == (8, 8)


def test_to_uint8_spans_the_rows_range():
    rows = np.array([[0.0, 8.0, 16.0, 4.0], [16.0, 16.0, 0.0, 0.0]])
    images = to_uint8(rows, (2, 2))
    assert images.dtype == np.uint8 and images.shape == (2, 2, 2)
    assert images[0].tolist() == [[0, 128], [255, 64]]
    assert to_uint8(np.ones((1, 4)), (2, 2)).tolist() == [[[0, 0], [0, 0]]]
    # a given scale (e.g. of other rows): values beyond it are clipped
    assert to_uint8(rows[:1], (2, 2), (4.0, 12.0)).tolist() == [[[0, 128], [255, 0]]]
    assert pixel_range(rows) == (0.0, 16.0)


def test_wrong_first_keeps_row_order_within_each_group_and_filters_by_true_class():
    truth = np.array([0, 1, 2, 1, 0, 2, 1])
    guess = np.array([0, 2, 2, 1, 1, 0, 1])
    assert wrong_first(truth, guess).tolist() == [1, 4, 5, 0, 2, 3, 6]
    assert wrong_first(truth, guess, true_class=1).tolist() == [1, 3, 6]
    assert wrong_first(truth, guess, true_class=7).tolist() == []


def test_weight_images_are_each_column_reshaped_and_scaled_by_its_peak():
    rng = np.random.default_rng(0)
    w = rng.normal(size=(12, 5))
    w[:, 3] = 0.0
    w[0, 4] = np.nan
    images = weight_images(w, (3, 4))
    assert images.shape == (5, 3, 4)
    for unit in (0, 1, 2):
        column = w[:, unit]
        np.testing.assert_array_equal(images[unit], (column / np.abs(column).max())
                                      .reshape(3, 4))
    assert not images[3].any() and images[4][0, 0] == 0.0
    assert np.abs(images).max() == 1.0
    with pytest.raises(ValueError, match="does not fit"):
        weight_images(w, (4, 4))


def test_finite_weights_become_images_without_a_cleaned_copy(monkeypatch):
    """The predictions turn the first layer's weights into images at each live update of a
    run: all of them were copied with their NaNs and infinities zeroed first (0.3 ms of the
    GUI thread at MNIST's 784 × 100), though they are finite but for a diverged run."""
    cleaned = []
    original = np.nan_to_num
    monkeypatch.setattr(np, "nan_to_num", lambda *a, **k: cleaned.append(1) or original(*a, **k))
    w = np.random.default_rng(2).normal(size=(12, 5)).astype(np.float32)
    images = weight_images(w, (3, 4))
    assert not cleaned
    expected = w.astype(np.float64) / np.abs(w.astype(np.float64)).max(axis=0)
    np.testing.assert_array_equal(images, expected.T.reshape(5, 3, 4))
    w[1, 2] = np.inf
    assert np.isfinite(weight_images(w, (3, 4))).all() and cleaned


@pytest.mark.parametrize("fixed_test", [0, 30])
def test_part_rows_are_the_rows_split_gives(fixed_test):
    rng = np.random.default_rng(1)
    n = 120
    data = Dataset("d", rng.normal(size=(n, 3)), np.arange(n) % 3, "classification",
                   ("a", "b", "c"), ("x", "y", "z"), "", fixed_test=fixed_test)
    rows = part_rows(data, (0.6, 0.2, 0.2), seed=4)
    for name, part in zip(("train", "val", "test"), split(data, (0.6, 0.2, 0.2), 4),
                          strict=True):
        np.testing.assert_array_equal(data.x[rows[name]], part.x)
    if fixed_test:
        assert rows["test"].tolist() == list(range(n - fixed_test, n))


def test_part_rows_of_image_bytes_are_split_once(monkeypatch):
    """The Output panel asks at every run's start; at MNIST's size the stand-in split costs
    17 ms, so image bytes keep their rows (read-only), for these fractions and seed."""
    import core.datasets.images as images

    rng = np.random.default_rng(2)
    data = Dataset("bytes", rng.integers(0, 256, (90, 4), dtype=np.uint8), np.arange(90) % 3,
                   "classification", tuple(f"p{i}" for i in range(4)), ("x", "y", "z"), "",
                   x_divisor=255.0)
    calls = []
    real = images._part_rows
    monkeypatch.setattr(images, "_part_rows", lambda *a: calls.append(a) or real(*a))
    first = part_rows(data, (0.6, 0.2, 0.2), seed=4)
    again = part_rows(data, (0.6, 0.2, 0.2), seed=4)
    assert len(calls) == 1 and again["test"] is first["test"]
    assert not first["train"].flags.writeable
    other = part_rows(data, (0.6, 0.2, 0.2), seed=5)
    assert len(calls) == 2
    assert sorted(np.concatenate(list(other.values())).tolist()) == list(range(90))
    for name, part in zip(("train", "val", "test"), split(data, (0.6, 0.2, 0.2), 5),
                          strict=True):
        np.testing.assert_array_equal(data.x[other[name]], part.x)
