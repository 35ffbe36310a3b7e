"""Data whose features are the pixels of an image: how to tell, and how to show it.

A data set is image data when its columns are named ``pixel_<row>_<col>`` in row-major order
(what the IDX importer, MNIST and the bundled digits produce: the shape is read from the last
name, so 28×28 and non-square IDX images alike), or when it has a square number of columns
of at least :data:`MIN_SIDE`² (a CSV of 784 or 64 pixel columns). Everything here is NumPy:
the window turns the uint8 arrays into pictures.
"""

from __future__ import annotations

import functools
import math
import re

import numpy as np

from core.datasets.dataset import PART_NAMES, Dataset, remembered, split

MIN_SIDE = 8  # 8×8 = 64 columns (the bundled digits) is the smallest square taken as an image
_PIXEL = re.compile(r"pixel_(\d+)_(\d+)$")


@functools.lru_cache(maxsize=8)
def pixel_names(rows: int, cols: int) -> tuple[str, ...]:
    """The feature names of an IDX image's pixels, row by row: ``pixel_<row>_<col>`` (made
    once per shape: the live predictions ask for a data set's image shape at every update)."""
    return tuple(f"pixel_{r}_{c}" for r in range(rows) for c in range(cols))


def image_shape(n_features: int, feature_names: tuple[str, ...] = ()
                ) -> tuple[int, int] | None:
    """(rows, cols) when ``n_features`` columns form an image, else None."""
    if feature_names and len(feature_names) == n_features:
        last = _PIXEL.match(feature_names[-1])
        if last:
            rows, cols = int(last.group(1)) + 1, int(last.group(2)) + 1
            if rows * cols == n_features and tuple(feature_names) == pixel_names(rows, cols):
                return rows, cols
    side = math.isqrt(n_features)
    if side >= MIN_SIDE and side * side == n_features:
        return side, side
    return None


def dataset_image_shape(dataset: Dataset | None) -> tuple[int, int] | None:
    """:func:`image_shape` of a data set (None for no data)."""
    if dataset is None:
        return None
    return image_shape(dataset.n_features, dataset.feature_names)


def pixel_range(rows: np.ndarray) -> tuple[float, float]:
    """(smallest, largest) value of some pixel rows: the scale :func:`to_uint8` maps to
    0..255."""
    x = np.asarray(rows)
    return (float(x.min()), float(x.max())) if x.size else (0.0, 0.0)


def to_uint8(rows: np.ndarray, shape: tuple[int, int],
             value_range: tuple[float, float] | None = None) -> np.ndarray:
    """Pixel rows (N, rows·cols) as (N, rows, cols) uint8 grey levels: 0 at the low end of
    ``value_range`` and 255 at its high end (default: the rows' own :func:`pixel_range`; one
    scale for all rows, so images compare). Values outside are clipped."""
    x = np.asarray(rows, dtype=np.float64).reshape(-1, *shape)
    low, high = pixel_range(x) if value_range is None else value_range
    scale = 255.0 / (high - low) if high > low else 0.0
    return np.clip(np.rint((x - low) * scale), 0, 255).astype(np.uint8)


def wrong_first(truth: np.ndarray, guess: np.ndarray, true_class: int | None = None
                ) -> np.ndarray:
    """Row indices with the misclassified rows first, each group in row order; only rows of
    ``true_class`` when given."""
    truth = np.asarray(truth)
    guess = np.asarray(guess)
    rows = np.arange(truth.shape[0])
    if true_class is not None:
        rows = rows[truth == true_class]
    wrong = truth[rows] != guess[rows]
    return np.concatenate([rows[wrong], rows[~wrong]])


def weight_images(weights: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Each unit's incoming weights (a column of the (inputs, units) matrix) as an image,
    divided by the column's largest magnitude: (units, rows, cols) in [-1, 1], 0 staying 0, so
    the sign shows as colour and every unit uses its full range. Non-finite weights become 0."""
    w = np.asarray(weights, dtype=np.float64)
    if w.ndim != 2 or w.shape[0] != shape[0] * shape[1]:
        raise ValueError(  # a programming error, not the user's
            f"a {w.shape} weight matrix does not fit {shape[0]}×{shape[1]} images")  # i18n: not ui
    low, high = w.min(axis=0), w.max(axis=0)  # NaN or ±inf in a column if it has one
    if not (np.isfinite(low).all() and np.isfinite(high).all()):  # (copying them all first,
        w = np.nan_to_num(w, nan=0.0, posinf=0.0, neginf=0.0)  # the predictions that follow
        low, high = w.min(axis=0), w.max(axis=0)  # a run spent 0.3 ms of each live update)
    peak = np.maximum(-low, high)
    scaled = w / np.where(peak > 0, peak, 1.0)
    return np.ascontiguousarray(scaled.T.reshape(w.shape[1], *shape))


def part_rows(dataset: Dataset, fractions: tuple[float, float, float], seed: int
              ) -> dict[str, np.ndarray]:
    """The data set's row indices in each part (``train``, ``val``, ``test``), in the order
    :func:`split` gives them — found by splitting a one-column stand-in holding the row
    numbers, so no pixel is copied. Remembered with image bytes (the Output panel asks at
    every run's start: 17 ms at MNIST's size); treat the arrays as read-only."""
    return remembered(dataset, "part_rows", (tuple(fractions), seed),
                      lambda: _part_rows(dataset, fractions, seed))


def _part_rows(dataset: Dataset, fractions: tuple[float, float, float], seed: int
               ) -> dict[str, np.ndarray]:
    stand_in = Dataset(name=dataset.name, x=np.arange(dataset.n_samples, dtype=np.float64)
                       .reshape(-1, 1), y=dataset.y, task=dataset.task, feature_names=("row",),
                       class_names=dataset.class_names, source="", fixed_test=dataset.fixed_test)
    parts = split(stand_in, fractions, seed)
    names = dict(zip(PART_NAMES, ("train", "val", "test"), strict=True))
    rows = {}
    for name, part in zip(PART_NAMES, parts, strict=True):
        rows[names[name]] = part.x[:, 0].astype(np.int64)
        rows[names[name]].flags.writeable = False
    return rows
