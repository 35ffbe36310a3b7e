"""Standardisation: the training part's per-feature mean and std, applied to every part.

Using the training statistics for validation and test too keeps them honest: nothing about
held-out data leaks into the model. Image bytes get the same statistics as their float64
features, computed block by block without ever holding all of those.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from core.datasets.dataset import Dataset, read_only, remembered
from core.datasets.errors import DataError
from core.i18n import _

STATS_BLOCK = 4096  # rows converted at a time for image-byte statistics (13 MB at 784 pixels)


class FeatureScaling(NamedTuple):
    """The per-feature mean and std used to standardise; ``apply`` maps new points the same way
    (e.g. the grid of a decision-boundary plot)."""

    mean: np.ndarray
    std: np.ndarray

    def apply(self, x: np.ndarray) -> np.ndarray:
        return (np.asarray(x, dtype=np.float64) - self.mean) / self.std


def standardize(
    train: Dataset, *others: Dataset
) -> tuple[tuple[Dataset, ...], FeatureScaling]:
    """Scale every data set's features by the mean and std of ``train`` only.

    Using the training statistics for validation and test too keeps them honest: nothing about
    held-out data leaks into the model. A constant feature (std 0) is divided by 1 instead.
    Returns ``((train, *others), scaling)``.
    """
    for other in others:
        if other.n_features != train.n_features:
            raise DataError(_("{name} has {n} features but the training data has {train}").format(
                name=repr(other.name), n=other.n_features, train=train.n_features),
                hint=_("standardise data sets with the same columns"))
    scaling = feature_scaling(train)
    scaled = tuple(
        Dataset(
            name=d.name,
            x=scaling.apply(d.features()),
            y=d.y,
            task=d.task,
            feature_names=d.feature_names,
            class_names=d.class_names,
            source=f"{d.source}; standardised",  # i18n: not ui (stored source)
        )
        for d in (train, *others)
    )
    return scaled, scaling


def feature_scaling(train: Dataset) -> FeatureScaling:
    """The training part's per-feature mean and std (std 0 becomes 1).

    Float data: NumPy's ``mean``/``std`` over ``x``, as always. Image bytes: the same sums,
    folded over blocks of converted rows in the same order NumPy adds the rows of a whole
    array, so the result equals that of converting everything first, bit for bit, without
    ever holding all the float64 features.
    """
    if train.n_samples == 0:
        raise DataError(_("cannot standardise with {name}: the training part is empty").format(
            name=repr(train.name)), hint=_("give the training part a non-zero fraction"))
    if train.is_float:
        return remembered(train, "scaling", None, lambda: _float_scaling(train))
    return remembered(train, "scaling", None, lambda: _byte_scaling(train))


def _float_scaling(train: Dataset) -> FeatureScaling:
    """Read-only like the bytes' statistics: a remembered scaling is shared by every caller."""
    std = train.x.std(axis=0)
    return FeatureScaling(mean=read_only(train.x.mean(axis=0)),
                          std=read_only(np.where(std > 0, std, 1.0)))


def _byte_scaling(train: Dataset) -> FeatureScaling:
    n = train.n_samples
    mean = _fold_rows(train, None) / n
    std = np.sqrt(_fold_rows(train, mean) / n)
    return FeatureScaling(mean=read_only(mean), std=read_only(np.where(std > 0, std, 1.0)))


def _fold_rows(d: Dataset, mean: np.ndarray | None, block: int = STATS_BLOCK) -> np.ndarray:
    """Sum over rows of the features (``mean`` None) or of their squared deviations from
    ``mean``, adding the rows one after another from the first — what ``np.add.reduce`` over
    axis 0 of a C-ordered array does. Each block is converted into a buffer whose first row
    holds the total so far, so the fold goes on where the last block ended."""
    n, width = d.n_samples, d.n_features
    buffer = np.empty((min(block, n) + 1, width))
    total = None
    for lo in range(0, n, block):
        rows = d.x[lo:lo + block]
        values = buffer[1:len(rows) + 1]
        np.divide(rows, d.x_divisor, out=values)
        if mean is not None:
            np.subtract(values, mean, out=values)
            np.multiply(values, values, out=values)
        if total is None:
            total = np.add.reduce(values, axis=0)
        else:
            buffer[0] = total
            total = np.add.reduce(buffer[:len(rows) + 1], axis=0)
    assert total is not None
    return total
