"""A data set made ready for one network: split, optionally standardised, turned into the
network's input columns and targets shaped like its output.

Done once before training (and once per hyperparameter search, shared by every trial so all of
them are judged on the same validation rows), so the hot loop only slices arrays. Large data
(image bytes, or inputs over :data:`LAZY_BYTES`) is prepared lazily instead: each part keeps its
stored rows and makes the rows a batch needs (:mod:`core.training.lazy`), with the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np

from core import count_words
from core.datasets import (
    DataError,
    Dataset,
    FeatureScaling,
    apply_features,
    feature_scaling,
    split,
)
from core.datasets.dataset import is_remembered, split_remembered, worth_remembering
from core.i18n import _, ngettext
from core.spec import NetworkSpec
from core.training.history import PARTS
from core.training.lazy import LazyInputs

#: prepared inputs larger than this are made batch by batch instead of all at once
LAZY_BYTES = 64 << 20
#: the panels measure a network on the first rows (at most this many) of the first part of
#: HELD_OUT_ORDER that has any: the test part, else validation, else training
EVALUATION_ROWS = 2000
HELD_OUT_ORDER = ("test", "val", "train")


def held_out(sizes: dict[str, int]) -> str:
    """The name of the part the panels measure a network on, given each part's rows."""
    return next((name for name in HELD_OUT_ORDER if sizes.get(name)), "train")


@dataclass(frozen=True)
class DataMismatch:
    """One way the data does not fit the network, in words, and its one-edit fix when it has
    one: give node ``node_id`` ``units`` units (``node_id`` is "" when there is none)."""

    message: str
    node_id: str = ""
    units: int = 0


class DataMismatchError(ValueError):
    """The data does not fit the network (input columns, output units) — said in words;
    ``mismatch`` holds the words and the fix."""

    def __init__(self, message: str, node_id: str = "", units: int = 0) -> None:
        super().__init__(message)
        self.mismatch = DataMismatch(message, node_id, units)


@dataclass(frozen=True, eq=False)
class Part:
    """One of train / val / test. ``x`` and ``t`` have the network's dtype; ``y`` keeps the data
    set's targets (class indices or float64 values) for measuring accuracy and R².

    ``x`` is an ndarray, or for large data :class:`LazyInputs`: index it (``x[lo:hi]``,
    ``x[rows]``) rather than computing on it whole."""

    name: str
    x: np.ndarray | LazyInputs
    t: np.ndarray
    y: np.ndarray

    @property
    def n(self) -> int:
        return int(self.x.shape[0])


@dataclass(frozen=True, eq=False)
class TrainingData:
    """The parts by name (``"train"``, ``"val"``, ``"test"``) and what maps new raw points the
    same way: ``scaling`` (None without standardisation) then :func:`input_columns`.

    ``low``/``high`` bound the raw features over all parts (for plotting the output over them).
    """

    task: str
    n_classes: int
    parts: dict[str, Part]
    scaling: FeatureScaling | None
    spec: NetworkSpec
    low: np.ndarray
    high: np.ndarray

    @property
    def train(self) -> Part:
        return self.parts["train"]

    @property
    def n_raw_features(self) -> int:
        return int(self.low.shape[0])

    def inputs_for(self, raw_x: np.ndarray, dtype: np.dtype) -> np.ndarray:
        """Network input columns for points given in the data set's raw feature space."""
        x = np.asarray(raw_x, dtype=np.float64)  # raw points are features already
        if self.scaling is not None:
            x = self.scaling.apply(x)
        return np.ascontiguousarray(input_columns(self.spec, x), dtype=dtype)


def input_columns(spec: NetworkSpec, x: np.ndarray) -> np.ndarray:
    """The matrix the network takes for data ``x`` (N, D).

    With no features chosen on any input node, the raw columns go in as they are. Otherwise
    each input node takes its chosen features (``"x1"``, ``"x1^2"``, ``"sin(x2)"``, …), or all
    raw columns when it has none, and the blocks are joined in spec order.
    """
    inputs = spec.inputs
    if not any(node.features for node in inputs):
        if x.shape[1] != spec.input_units:
            only = inputs[0] if len(inputs) == 1 else None
            raise DataMismatchError(
                ngettext("the data has {columns} but the input node takes {units}: give it "
                         "{wanted} or choose its features",
                         "the data has {columns} but the input nodes take {units}: give them "
                         "{wanted} or choose their features", len(inputs)).format(
                    columns=count_words.feature_columns(x.shape[1]),
                    units=count_words.units(spec.input_units),
                    wanted=count_words.units(x.shape[1])),
                only.id if only else "", x.shape[1])
        return x
    blocks = []
    for node in inputs:
        columns = apply_features(x, node.features) if node.features else x
        if columns.shape[1] != node.units:
            takes = ", ".join(node.features) if node.features else _("the raw data columns")
            raise DataMismatchError(
                _("{node} has {units} but takes {columns} ({takes}): make its units "
                  "match").format(node=node.label, units=count_words.units(node.units),
                                  columns=count_words.columns(columns.shape[1]), takes=takes),
                node.id, columns.shape[1])
        blocks.append(columns)
    return np.hstack(blocks)


def check_outputs(spec: NetworkSpec, dataset: Dataset) -> None:
    """Refuse an output node whose units cannot hold the data's targets."""
    output = spec.output
    units = output.units
    if dataset.task == "classification":
        n = dataset.n_classes
        if units == n or (units == 1 and n == 2):
            return
        if n == 2:
            message = _("the output node has {units} but the data has {classes}: give it "
                        "{wanted} (or 1 sigmoid unit for two classes)")
        else:
            message = _("the output node has {units} but the data has {classes}: give it "
                        "{wanted}")
        fix = 1 if n == 2 and output.activation == "sigmoid" else n
        raise DataMismatchError(message.format(
            units=count_words.units(units), classes=count_words.classes(n),
            wanted=count_words.units(n)), output.id, fix)
    if units != dataset.n_outputs:
        raise DataMismatchError(
            _("the output node has {units} but the data has {values} per sample: give it "
              "{wanted}").format(units=count_words.units(units),
                                 values=count_words.target_values(dataset.n_outputs),
                                 wanted=count_words.units(dataset.n_outputs)),
            output.id, dataset.n_outputs)


def data_mismatches(spec: NetworkSpec, dataset: Dataset) -> list[DataMismatch]:
    """Every way ``dataset`` does not fit ``spec`` — the input, then the output — where
    :func:`prepare` refuses at the first. Data that cannot give a chosen feature raises
    :class:`DataError`."""
    found = []
    checks = (lambda: input_columns(spec, dataset.features(slice(0, 1))),
              lambda: check_outputs(spec, dataset))
    for check in checks:
        try:
            check()
        except DataMismatchError as exc:
            found.append(exc.mismatch)
    return found


def prepare(dataset: Dataset, spec: NetworkSpec, fractions: tuple[float, float, float],
            seed: int, scale: bool, dtype: np.dtype | type) -> TrainingData:
    """Split with ``seed``, standardise on the training part if ``scale``, build the columns.

    Raises DataMismatchError (network vs data) or DataError (features the data cannot give).
    """
    check_outputs(spec, dataset)
    dtype = np.dtype(dtype)
    pieces = split(dataset, fractions, seed)
    scaling = feature_scaling(pieces[0]) if scale else None

    def columns(features: np.ndarray) -> np.ndarray:
        return input_columns(spec, features if scaling is None else scaling.apply(features))

    n_columns = columns(dataset.features(slice(0, 1))).shape[1]
    lazy = (not dataset.is_float
            or dataset.n_samples * n_columns * dtype.itemsize > LAZY_BYTES)
    units = spec.output.units
    parts = {}
    for name, piece in zip(PARTS, pieces, strict=True):
        x = (LazyInputs(piece, scaling, partial(input_columns, spec), n_columns, dtype,
                        raw=not any(node.features for node in spec.inputs)) if lazy else
             np.ascontiguousarray(columns(piece.x), dtype=dtype))
        parts[name] = Part(name, x, _targets(piece, units, dtype), piece.y)
    return TrainingData(dataset.task, dataset.n_classes, parts, scaling, spec,
                        *dataset.feature_bounds())


def input_scaling(dataset: Dataset, fractions: tuple[float, float, float], seed: int
                  ) -> FeatureScaling:
    """The standardisation :func:`prepare` applies with ``scale``: the training part's mean
    and std (for showing what a network trained that way answers on raw points)."""
    return feature_scaling(split(dataset, fractions, seed)[0])


def prepare_ahead(dataset: Dataset, fractions: tuple[float, float, float], seed: int,
                  scale: bool) -> Dataset:
    """Work out now what :func:`prepare` and the teaching lint will ask of large image data —
    the split, the bounds, the training part's statistics — so a worker thread can do it
    before the GUI thread needs it (:func:`core.datasets.dataset.remembered`). Returns
    ``dataset``; a split the settings do not allow is left for training to report."""
    if not worth_remembering(dataset):
        return dataset
    try:
        train = split(dataset, fractions, seed)[0]
        dataset.feature_bounds()
        train.feature_bounds()  # the lint's unscaled-features rule looks at the training part
        if scale and train.n_samples:
            feature_scaling(train)
    except DataError:
        pass
    return dataset


def is_prepared(dataset: Dataset, fractions: tuple[float, float, float], seed: int,
                scale: bool) -> bool:
    """Whether everything :func:`prepare_ahead` works out is at hand already, so asking for it
    costs nothing (small float data: always — it is quick to compute)."""
    if not worth_remembering(dataset):
        return True
    try:
        if not split_remembered(dataset, fractions, seed):
            return False
        train = split(dataset, fractions, seed)[0]
    except DataError:
        return True  # refused at once, before any work: nothing to prepare
    small = not worth_remembering(train)  # a small training part of large float data
    return (is_remembered(dataset, "bounds", None)
            and (small or is_remembered(train, "bounds", None))
            and (small or not scale or train.n_samples == 0
                 or is_remembered(train, "scaling", None)))


def _targets(piece: Dataset, units: int, dtype: np.dtype) -> np.ndarray:
    """Targets shaped like the output: one-hot rows for several classes, else one column per
    output (0/1 for a single sigmoid unit)."""
    if piece.task == "classification" and units > 1:
        t = np.zeros((piece.n_samples, units), dtype)
        t[np.arange(piece.n_samples), piece.y] = 1
        return t
    return np.asarray(piece.y, dtype=dtype).reshape(piece.n_samples, units)
