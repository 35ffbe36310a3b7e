"""The data set a network trains on, and how every one is split into training, validation
and test parts (standardising them: :mod:`core.datasets.scaling`).

A :class:`Dataset` is immutable plain data. Its arrays are read-only views, so a panel that
plots it or a trainer that batches it cannot change it for everyone else by accident.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from typing import Any, Literal, NoReturn

import numpy as np

from core.datasets.errors import DataError
from core.i18n import _
from core.numbers import finite

Task = Literal["classification", "regression"]
X_DTYPES = (np.dtype(np.float64), np.dtype(np.uint8))
TASKS: tuple[Task, ...] = ("classification", "regression")
PART_NAMES = ("train", "validation", "test")
LARGE_FLOAT_VALUES = 10_000_000  # 80 MB of float64: remembered like image bytes
#: A set smaller than this is all training (a gate's truth table: a row held out is a case the
#: network never sees, so it could not learn the gate).
MIN_ROWS_TO_HOLD_OUT = 10


@dataclass(frozen=True, eq=False)
class Dataset:
    """Features ``x`` (N, D) and targets ``y``.

    ``x`` is float64, or uint8 for image bytes as imported (MNIST's 47 MB stay 47 MB instead
    of 376 MB as float64). The features a network sees are always float64:
    :meth:`features` gives ``x / x_divisor`` (255 for pixels scaled to [0, 1]) for the rows
    asked for, computed when needed, exactly as converting all of ``x`` would have.

    ``y`` is (N,) int64 class indices 0..n_classes-1 for classification and (N, K) float64 for
    regression. ``class_names`` is empty for regression. ``source`` says, in words, where the
    data came from: ``"built-in spiral, seed 0, noise 0.1"`` or a file path. These texts are
    stored in project files, so they stay in English whatever the interface language.

    ``fixed_test`` > 0 says the last that many rows are the data set's own test part (MNIST's
    10,000 test images): :func:`split` keeps exactly them as the test part, so results compare
    with everyone else's, and splits only the rows before them into train and validation.
    """

    name: str
    x: np.ndarray
    y: np.ndarray
    task: Task
    feature_names: tuple[str, ...]
    class_names: tuple[str, ...]
    source: str
    fixed_test: int = 0
    x_divisor: float = 1.0

    def __post_init__(self) -> None:
        _validate(self)
        object.__setattr__(self, "x", read_only(self.x))
        object.__setattr__(self, "y", read_only(self.y))

    @property
    def n_samples(self) -> int:
        return int(self.x.shape[0])

    @property
    def n_features(self) -> int:
        return int(self.x.shape[1])

    @property
    def is_float(self) -> bool:
        """True when ``x`` already holds the features (float64, nothing to convert)."""
        return self.x.dtype == np.float64

    def features(self, rows: Any = slice(None)) -> np.ndarray:
        """float64 features of ``rows`` (anything that indexes ``x``'s first axis); for float
        data a view of ``x`` when ``rows`` is a slice."""
        return as_features(self.x[rows], self.x_divisor)

    def feature_bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """Per-feature minimum and maximum as float64 (dividing keeps the order, so these are
        the bounds of :meth:`features` without converting all of ``x``)."""
        return remembered(self, "bounds", None, lambda: (
            read_only(as_features(self.x.min(axis=0), self.x_divisor)),
            read_only(as_features(self.x.max(axis=0), self.x_divisor))))

    @property
    def n_classes(self) -> int:
        """Number of classes; 0 for regression."""
        return len(self.class_names)

    @property
    def n_outputs(self) -> int:
        """Output units a network needs: one per class (softmax), or K for regression.

        Two-class data also gets two units, so softmax with cross-entropy always fits; a
        network that prefers one sigmoid unit for a binary problem uses ``y`` directly.
        """
        if self.task == "classification":
            return self.n_classes
        return int(self.y.shape[1])

    def targets_one_hot(self) -> np.ndarray:
        """(N, n_classes) float64 with a single 1 per row (the book's one-hot ``t``)."""
        if self.task != "classification":
            raise DataError(
                _("{name} is a regression data set, so it has no classes to one-hot encode")
                .format(name=self.name),
                hint=_("use y directly as the target"),
            )
        t = np.zeros((self.n_samples, self.n_classes))
        t[np.arange(self.n_samples), self.y] = 1.0
        return t


def as_features(stored: np.ndarray, divisor: float) -> np.ndarray:
    """float64 features from stored values (image bytes divided by ``divisor``)."""
    if stored.dtype == np.float64:
        return stored
    if divisor == 1.0:
        return stored.astype(np.float64)
    return stored / divisor


_MEMO: weakref.WeakKeyDictionary[Dataset, dict[str, tuple[Any, Any]]] = \
    weakref.WeakKeyDictionary()
_MEMO_LOCK = threading.Lock()


def remembered(d: Dataset, slot: str, params: Hashable, compute: Callable[[], Any]) -> Any:
    """``compute()`` for image bytes, remembered with the data set (one value per ``slot``, the
    latest ``params``): their split, bounds and statistics take a tenth of a second or more at
    MNIST's size and are asked for by the trainer, the teaching lint and the panels alike — and
    can be worked out ahead, on a worker thread. A Dataset never changes, so neither do they.
    Float data computes afresh, as it always did — unless it is as large
    (:func:`worth_remembering`)."""
    if not worth_remembering(d):
        return compute()
    found = _lookup(d, slot, params)
    if found is not None:
        return found[1]
    value = compute()
    with _MEMO_LOCK:
        _MEMO.setdefault(d, {})[slot] = (params, value)
    return value


def worth_remembering(d: Dataset) -> bool:
    """Image bytes, and float data of at least :data:`LARGE_FLOAT_VALUES` values (MNIST's
    size embedded as floats in an older project): their split and statistics take long enough
    to be worked out once, ahead, on a worker thread."""
    return not d.is_float or d.x.size >= LARGE_FLOAT_VALUES


def is_remembered(d: Dataset, slot: str, params: Hashable) -> bool:
    """Whether :func:`remembered` has ``slot`` of ``d`` for ``params`` at hand already (float
    data never has: it computes afresh, and quickly)."""
    return _lookup(d, slot, params) is not None


def _lookup(d: Dataset, slot: str, params: Hashable) -> tuple[Any, Any] | None:
    """(params, value) remembered in ``slot`` of ``d`` for exactly ``params``, else None."""
    with _MEMO_LOCK:
        found = _MEMO.get(d, {}).get(slot)
    return found if found is not None and found[0] == params else None


def read_only(a: np.ndarray) -> np.ndarray:
    view = a.view()
    view.flags.writeable = False
    return view


def _validate(d: Dataset) -> None:
    def fail(problem: str, hint: str) -> NoReturn:
        raise DataError(_("data set {name}: {problem}").format(name=repr(d.name), problem=problem),
                        hint=hint)

    if d.task not in TASKS:
        fail(_("task {task} is unknown").format(task=repr(d.task)),
             _("use 'classification' or 'regression'"))
    if not isinstance(d.x, np.ndarray) or d.x.ndim != 2 or d.x.dtype not in X_DTYPES:
        fail(_("x must be a 2-D float64 or uint8 array (samples × features)"),
             _("convert x with astype(float)"))
    if d.x.shape[1] == 0:
        fail(_("x has no feature columns"), _("a network needs at least one input feature"))
    divisor = d.x_divisor
    if isinstance(divisor, bool) or not isinstance(divisor, int | float) \
            or not finite(divisor) or divisor <= 0:
        fail(_("x_divisor {divisor} is not a positive number").format(divisor=repr(divisor)),
             _("use 255 for image bytes"))
    if d.is_float and divisor != 1.0:
        fail(_("float64 features are not divided again (x_divisor must be 1)"),
             _("store the features as they are meant to be"))
    object.__setattr__(d, "x_divisor", float(divisor))
    if d.is_float and not np.isfinite(d.x).all():
        fail(_("x contains NaN or infinite values"), _("remove or fix those samples"))
    if len(d.feature_names) != d.x.shape[1]:
        fail(_("{names} feature names for {columns} feature columns").format(
            names=len(d.feature_names), columns=d.x.shape[1]),
             _("give exactly one name per column"))
    if not isinstance(d.y, np.ndarray) or d.y.shape[:1] != d.x.shape[:1]:
        fail(_("y must be an array with one target per row of x"), _("check the number of samples"))
    if d.task == "classification":
        if d.y.ndim != 1 or d.y.dtype != np.int64:
            fail(_("classification targets must be a 1-D int64 array of class indices"),
                 _("encode the labels as 0..n_classes-1"))
        if not d.class_names:
            fail(_("a classification data set needs class names"), _("name every class"))
        if d.y.size and (d.y.min() < 0 or d.y.max() >= len(d.class_names)):
            fail(_("class indices must lie in 0..{last}").format(last=len(d.class_names) - 1),
                 _("give one class name per class"))
    else:
        if d.y.ndim != 2 or d.y.dtype != np.float64 or d.y.shape[1] == 0:
            fail(_("regression targets must be a 2-D float64 array (samples × outputs)"),
                 _("reshape a single target column to (N, 1)"))
        if not np.isfinite(d.y).all():
            fail(_("y contains NaN or infinite values"), _("remove or fix those samples"))
        if d.class_names:
            fail(_("a regression data set has no class names"), _("leave class_names empty"))
    if d.fixed_test and not 0 < d.fixed_test < d.x.shape[0]:
        fail(_("a fixed test part of {rows} rows does not fit {samples} samples").format(
                 rows=d.fixed_test, samples=d.x.shape[0]),
             _("leave rows to train on: 0 < fixed_test < number of samples"))


def _subset(d: Dataset, index: np.ndarray | slice, note: str) -> Dataset:
    """The rows ``index`` of ``d``: a copy for an index array, a view of ``d``'s rows for a
    slice."""
    return Dataset(
        name=d.name,
        x=d.x[index],
        y=d.y[index],
        task=d.task,
        feature_names=d.feature_names,
        class_names=d.class_names,
        source=f"{d.source}; {note}",  # i18n: not ui
        x_divisor=d.x_divisor,
    )


def _largest_remainder(total: int, fractions: np.ndarray) -> np.ndarray:
    """Integer counts proportional to ``fractions`` that sum exactly to ``total``."""
    exact = total * fractions
    counts = np.floor(exact).astype(np.int64)
    order = np.argsort(-(exact - counts), kind="stable")
    counts[order[: total - counts.sum()]] += 1
    return counts


def _class_counts(n: int, fractions: np.ndarray) -> np.ndarray:
    """Counts for one class, giving every non-empty part at least one sample when there are
    enough samples to go round — so each class shows up in train, validation and test."""
    counts = _largest_remainder(n, fractions)
    wanted = fractions > 0
    if n >= wanted.sum():
        for part in np.flatnonzero(wanted & (counts == 0)):
            counts[np.argmax(counts)] -= 1
            counts[part] += 1
    return counts


def split(
    dataset: Dataset,
    fractions: tuple[float, float, float] = (0.7, 0.15, 0.15),
    seed: int = 0,
) -> tuple[Dataset, Dataset, Dataset]:
    """Shuffle with ``seed`` and cut into train / validation / test.

    Classification is stratified: each class is split on its own, so every class appears in
    every part that has a non-zero fraction whenever the class has enough samples; part sizes
    may then differ from ``fractions`` by up to one sample per class. Regression parts get
    exactly the rounded sizes. A fraction of 0 gives an empty part.

    A data set with a ``fixed_test`` part keeps it as the test part whatever the test fraction
    says; the rows before it go to train and validation in the ratio of their two fractions.
    One of fewer than MIN_ROWS_TO_HOLD_OUT rows is not cut at all when it has a training part:
    every row trains.
    """
    f = _fractions(dataset, fractions)
    return remembered(dataset, "split", (tuple(f), seed), lambda: _split(dataset, f, seed))


def split_remembered(dataset: Dataset, fractions: tuple[float, float, float], seed: int
                     ) -> bool:
    """Whether :func:`split` of image bytes with these arguments is at hand without computing
    (a DataError for fractions it refuses)."""
    return is_remembered(dataset, "split", (tuple(_fractions(dataset, fractions)), seed))


def _fractions(dataset: Dataset, fractions: tuple[float, float, float]) -> np.ndarray:
    """The parts' shares :func:`split` uses (checked, summing to 1)."""
    f = np.asarray(fractions, dtype=np.float64)
    if f.shape != (3,) or not np.isfinite(f).all() or (f < 0).any() or abs(f.sum() - 1) > 1e-9:
        raise DataError(
            _("split fractions {fractions} are not three non-negative numbers summing to 1")
            .format(fractions=tuple(fractions)),
            hint=_("use e.g. (0.7, 0.15, 0.15) for train, validation and test"),
        )
    f = f / f.sum()
    if dataset.n_samples < MIN_ROWS_TO_HOLD_OUT and f[0] > 0 and not dataset.fixed_test:
        f = np.array([1.0, 0.0, 0.0])
    return f


def _split(dataset: Dataset, f: np.ndarray, seed: int) -> tuple[Dataset, Dataset, Dataset]:
    if dataset.fixed_test:
        return _split_fixed_test(dataset, f, seed)
    rng = np.random.default_rng(seed)
    if dataset.task == "classification":
        groups = [np.flatnonzero(dataset.y == c) for c in range(dataset.n_classes)]
        counts = [_class_counts(len(g), f) for g in groups]
    else:
        groups = [np.arange(dataset.n_samples)]
        counts = [_largest_remainder(dataset.n_samples, f)]
    parts: list[list[np.ndarray]] = [[], [], []]
    for group, group_counts in zip(groups, counts, strict=True):
        shuffled = rng.permutation(group)
        for part, piece in enumerate(np.split(shuffled, np.cumsum(group_counts)[:-1])):
            parts[part].append(piece)
    result = []
    for name, share, pieces in zip(PART_NAMES, f, parts, strict=True):
        index = rng.permutation(np.concatenate(pieces))
        note = f"{name} part ({share:.0%}) of split seed {seed}"  # i18n: not ui (source)
        result.append(_subset(dataset, index, note))
    return result[0], result[1], result[2]


def _split_fixed_test(dataset: Dataset, f: np.ndarray, seed: int
                      ) -> tuple[Dataset, Dataset, Dataset]:
    """Train and validation from the rows before the fixed test part; that part as the test."""
    if f[0] + f[1] <= 0:
        raise DataError(_("{name} has its own test part, so train and validation cannot both be 0")
                        .format(name=dataset.name),
                        hint=_("give the training part a non-zero fraction"))
    n = dataset.n_samples - dataset.fixed_test
    head = replace(dataset, x=dataset.x[:n], y=dataset.y[:n], fixed_test=0)
    share = f[0] + f[1]
    train, validation, _empty = split(head, (f[0] / share, f[1] / share, 0.0), seed)
    # the rows at the end as they are, not copied: MNIST's test images are 7.8 MB
    test = _subset(dataset, slice(n, None),
                   f"its own test part ({dataset.fixed_test} rows)")  # i18n: not ui (source)
    return train, validation, test
