"""The loss panel's curves as arrays, made in the worker thread with the rest of a frame: the
history per epoch, and the per-batch loss smoothed and thinned to about a point per pixel —
with how many mini-batches make an epoch, which puts those batches on the epoch axis."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.datasets import DataError, Dataset, split
from core.datasets.dataset import split_remembered, worth_remembering
from core.training.history import History
from core.training.settings import TrainingSettings
from core.training.settings import batches_per_epoch as epoch_batches

MAX_CURVE_POINTS = 1000
SMOOTHING_FRACTION = 50  # the per-batch curve averages over 1/50 of the run, at most an epoch


@dataclass(frozen=True, eq=False)
class Curves:
    """The history as arrays: ``columns[name]`` per epoch (NaN where there is no value, e.g.
    an empty validation part); ``batch_x``/``batch_y`` the smoothed per-batch loss, x in
    epochs."""

    epochs: np.ndarray
    columns: dict[str, np.ndarray]
    batch_x: np.ndarray
    batch_y: np.ndarray

    @classmethod
    def of(cls, history: History, batches_per_epoch: int) -> Curves:
        columns = {name: np.array(values, dtype=np.float64)  # None → NaN
                   for name, values in history.epochs.items() if name != "epoch"}
        batch_x, batch_y = smoothed_batches(history, batches_per_epoch)
        return cls(np.array(history.epochs["epoch"], dtype=np.float64), columns, batch_x,
                   batch_y)


def batches_per_epoch(dataset: Dataset, settings: TrainingSettings) -> int | None:
    """The mini-batches of an epoch of ``dataset`` with ``settings``, as the trainer counts
    them (its training part); None when that part is not at hand — the split of image bytes
    not worked out ahead yet (a tenth of a second at MNIST's size, too long for the GUI
    thread), or one the settings do not allow."""
    try:
        if worth_remembering(dataset) and not split_remembered(dataset, settings.split,
                                                               settings.seed):
            return None
        rows = split(dataset, settings.split, settings.seed)[0].n_samples
    except DataError:
        return None
    return epoch_batches(rows, settings.batch_size)


def estimated_batches_per_epoch(history: History) -> int:
    """The batches per epoch a history's own counts give (exact for whole epochs)."""
    if not history.n_epochs:
        return 1
    return max(round(len(history.batch_loss) * history.batch_stride / history.n_epochs), 1)


def smoothed_batches(history: History, batches_per_epoch: int,
                     max_points: int = MAX_CURVE_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """The per-batch loss as a trailing moving average, thinned to at most ``max_points``."""
    y = np.array(history.batch_loss, dtype=np.float64)
    n = y.size
    stride = history.batch_stride
    x = np.arange(1, n + 1, dtype=np.float64) * (stride / max(batches_per_epoch, 1))
    window = int(min(max(batches_per_epoch // stride, 1), max(n // SMOOTHING_FRACTION, 1)))
    if window > 1:
        total = np.concatenate(([0.0], np.cumsum(y)))
        counts = np.minimum(np.arange(1, n + 1), window)
        y = (total[1:] - total[np.maximum(np.arange(1, n + 1) - window, 0)]) / counts
    step = math.ceil(n / max_points) if n > max_points else 1
    if step > 1:
        keep = np.arange(n - 1, -1, -step)[::-1]  # always keep the newest point
        x, y = x[keep], y[keep]
    return x, y
