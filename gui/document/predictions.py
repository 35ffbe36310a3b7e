"""What the network predicts right now, with the document's current weights (Qt-free).

Gate data (a handful of distinct input rows) becomes a truth table; other data shows a few
sample rows. Two-feature data also gets the output over the input plane for the output node's
thumbnail; image data gets each hidden unit's incoming weights from the input as an image.
Everything is computed with ``core`` (``build``, ``input_columns``, ``output_grid``),
so a hand-edited weight shows immediately and exactly as training would see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from core import Network, SpecError, build
from core.datasets import DataError, Dataset, FeatureScaling
from core.datasets import split as split_rows
from core.datasets.images import dataset_image_shape, weight_images
from core.engine.params import Params, split, weight_name
from core.spec import NetworkSpec
from core.spec_problems import errors_first
from core.training.history import PARTS
from core.training.prepare import (
    EVALUATION_ROWS,
    DataMismatch,
    DataMismatchError,
    check_outputs,
    data_mismatches,
    held_out,
    input_columns,
)
from core.training.snapshot import (
    PROBE_ROWS,
    Histogram,
    NodeStats,
    OutputGrid,
    activation_stats,
    edge_histograms,
    output_grid,
    plane_points,
    probe_indices,
)
from gui.i18n import translate

MAX_TRUTH_ROWS = 16
SAMPLE_ROWS = 8
MAX_FEATURE_COLUMNS = 4  # wider data shows the row number instead of its features
GRID_SIZE = 48
MAX_THUMBNAIL_UNITS = 9  # hidden nodes up to this size show each unit's response
#: predictions that cost more multiply-adds than this are computed on a worker thread (about
#: 40 ms of the GUI thread on a loaded 2-core machine): 784-512-512-10 (1.5e9) froze the window
#: for 0.2–0.4 s at every edit
BACKGROUND_WORK = 2e8
#: what one input value fed costs, in multiply-adds: each is converted, standardised in float64
#: and copied on its way in. 784-100-10's held-out rows (2,264 × 784 values) took 44 ms to scale
#: beside 40 ms for the layers' 1.8e8 multiply-adds, so counting the weights alone kept it
#: on the GUI thread: 0.2–0.4 s at the fit button, at Stop and at every edit.
INPUT_VALUE_WORK = 100
#: what one node costs whatever its size, in multiply-adds: Python's own work for it in each
#: pass of :func:`compute` through the network and in its statistics. A chain of 300 one-unit
#: nodes (4e6 multiply-adds) took 20–31 ms of an idle 2-core machine and 50–90 ms of the GUI
#: thread while training — twice a second, with the weights the canvas showed
NODE_WORK = 1e6


@dataclass(frozen=True, eq=False)
class HeldOut:
    """The network's answers on the rows the training panels measure it on (the first rows of
    ``part``, of its ``part_rows``): its ``outputs``, for classification the classes they mean
    (``labels``), and the targets ``y``."""

    part: str
    outputs: np.ndarray
    labels: np.ndarray | None
    y: np.ndarray
    part_rows: int


@dataclass
class Predictions:
    """``message`` says why there is nothing to show ("" when there is); ``data_problem`` is
    set when the network and the data do not fit each other, and ``mismatches`` then lists
    every way they do not (with its fix), not only the first."""

    message: str = ""
    data_problem: str = ""
    mismatches: list[DataMismatch] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    correct: list[bool | None] = field(default_factory=list)
    truth_table: bool = False
    grid: OutputGrid | None = None
    #: hidden node id → its activations over ``grid``'s points, shape (ny, nx, units)
    node_grids: dict[str, np.ndarray] = field(default_factory=dict)
    points: tuple[np.ndarray, np.ndarray] | None = None
    task: str = "classification"
    n_classes: int = 0
    #: the data set's row index of each table row
    row_indices: np.ndarray | None = None
    #: hidden node id → its units' incoming weights from the input as (units, rows, cols)
    #: images in [-1, 1] (image data only)
    weight_images: dict[str, np.ndarray] = field(default_factory=dict)
    # the answers on training's held-out rows, when asked for (compute's split_as)
    held_out: HeldOut | None = None
    #: node id → its activations on training's probe batch (the rows a run's Activations
    #: frames use), when the held-out rows are asked for
    activations: dict[str, NodeStats] = field(default_factory=dict)
    #: edge id → the histogram of its weights (core.training.snapshot.edge_histograms), for
    #: the Weights panel: binning 4 M weights took the GUI thread 0.1 s; None when they were
    #: not binned (while a run goes on, its frames bin them)
    weight_histograms: dict[str, Histogram] | None = None
    #: node id → the picture the canvas shows under it (QImages: the output over the plane,
    #: a hidden node's units or weights), made with the predictions, on their worker for a big
    #: network (gui.panels.predictions): 300 one-unit nodes' took the GUI thread 0.1–0.4 s
    pictures: dict[str, Any] = field(default_factory=dict)


def table_rows(dataset: Dataset) -> tuple[np.ndarray, bool]:
    """Rows to show, and whether they form a truth table: binary inputs (the logic gates) give
    one row per distinct input, in the data's order; anything else a few sample rows."""
    x = dataset.x  # as stored: x / x_divisor is 0 or 1 exactly when x is 0 or x_divisor
    binary = (0.0, dataset.x_divisor)
    if x.size and np.isin(x[:SAMPLE_ROWS], binary).all() and np.isin(x, binary).all():
        _, first = np.unique(x, axis=0, return_index=True)
        if len(first) <= MAX_TRUTH_ROWS:
            return np.sort(first), True
    return np.arange(min(SAMPLE_ROWS, dataset.n_samples)), False


def work_of(spec: NetworkSpec, arrays: Params, dataset: Dataset | None, rows: int,
            held_out: bool) -> float:
    """Roughly how many multiply-adds :func:`compute` takes: a weight per row, and
    :data:`INPUT_VALUE_WORK` per input value, for each row it feeds through the network
    (``rows`` table rows; with ``held_out`` training's evaluation and probe rows; for data of
    one or two features the plane's grid, twice with thumbnails), and :data:`NODE_WORK` per
    node."""
    if dataset is None:
        return 0.0
    fed = rows + (EVALUATION_ROWS + PROBE_ROWS if held_out else 0)
    if dataset.n_features in (1, 2):
        fed += GRID_SIZE ** 2 * (2 if dataset.n_features == 2 else 1)
    per_row = sum(a.size for a in arrays.values()) + INPUT_VALUE_WORK * dataset.n_features
    return float(fed) * per_row + NODE_WORK * len(spec.nodes)


def data_unavailable() -> Predictions:
    """While the project's data could not be loaded (a referenced file moved): saying "choose
    a data set" would send the user to the wrong place."""
    return Predictions(translate("Predictions", "No predictions: the project's data could not "
                                                "be loaded (the Data set panel says why)."))


def compute(spec: NetworkSpec, arrays: Params, dataset: Dataset | None,
            grid_size: int = GRID_SIZE,
            rows: tuple[np.ndarray, bool] | None = None,
            scaling: FeatureScaling | None = None,
            build_network: Callable[[NetworkSpec], Network] | None = None,
            split_as: tuple[tuple[float, float, float], int] | None = None,
            bin_weights: bool = True) -> Predictions:
    """``rows``: :func:`table_rows` of ``dataset`` when the caller has it already;
    ``scaling``: the standardisation training applies (then the network sees raw points
    mapped the same way, as it did while it learned); ``build_network``: a float64 network of
    ``spec`` (:class:`NetworkCache`), whose weights are then replaced by ``arrays``;
    ``split_as``: the split fractions and seed of training, to answer on its held-out rows
    too (:attr:`Predictions.held_out`); ``bin_weights``: fill
    :attr:`Predictions.weight_histograms`."""

    def to_inputs(raw: np.ndarray) -> np.ndarray:
        return input_columns(spec, raw if scaling is None else scaling.apply(raw))

    if dataset is None:
        return Predictions(translate("Predictions", "Choose a data set on the left to see "
                                                    "what the network predicts."))
    problems = errors_first(spec.problems())
    if problems and problems[0].is_step:  # a new network: not built yet
        return Predictions(translate("Predictions", "Build the network first (the next steps "
                                                    "are listed below): then the predictions "
                                                    "appear."))
    if problems:
        return Predictions(translate("Predictions", "Fix the problems listed below first: then "
                                                    "the predictions appear."))
    try:
        check_outputs(spec, dataset)
        network = (build_network or float64_network)(spec)
        params, state = split(arrays)
        network.load_params(params, state)
        rows, truth = rows or table_rows(dataset)
        x = to_inputs(dataset.features(rows))
        values = network.predict(x)
        labels = network.classify(x)
    except DataMismatchError as exc:
        return Predictions(_no_predictions(exc), data_problem=str(exc),
                           mismatches=all_mismatches(spec, dataset, exc))
    except DataError as exc:
        return Predictions(_no_predictions(exc), data_problem=str(exc),
                           mismatches=[DataMismatch(str(exc))])
    except (SpecError, ValueError) as exc:
        return Predictions(_no_predictions(exc))
    result = Predictions(truth_table=truth, task=dataset.task, n_classes=dataset.n_classes,
                         row_indices=np.asarray(rows))
    result.weight_images = input_weight_images(spec, arrays, dataset)
    if bin_weights:
        result.weight_histograms = edge_histograms(spec, arrays)
    wide = dataset.n_features > MAX_FEATURE_COLUMNS
    # The headers are keys (the panel shows them translated and finds its columns by them).
    names = ["row"] if wide else list(dataset.feature_names)
    classify = dataset.task == "classification"
    several = values.ndim == 2 and values.shape[1] > 1
    last = "predicted" if classify else "mean |error|" if several else "error"  # i18n: not ui
    result.headers = [*names, "target", "output", last]
    for k, row in enumerate(rows):
        features = [str(row + 1)] if wide else [f"{v:.3g}" for v in dataset.features(row)]
        output = values[k]
        if output.size == 1:
            shown = f"{output[0]:.3f}"
        elif classify:  # the top class's probability: "predicted" names the class
            shown = f"{output.max():.3f}"
        else:  # every output, as the target beside it (the book's Y = 0.317, 0.696)
            shown = ", ".join(f"{v:.3g}" for v in output)
        if classify:
            target = int(dataset.y[row])
            predicted = int(labels[k])
            result.rows.append([*features, dataset.class_names[target], shown,
                                dataset.class_names[predicted] if predicted < len(
                                    dataset.class_names) else str(predicted)])
            result.correct.append(predicted == target)
        else:
            target_values = np.atleast_1d(dataset.y[row])
            error = float(np.abs(output - target_values).mean())
            result.rows.append([*features, ", ".join(f"{v:.3g}" for v in target_values),
                                shown, f"{error:.3g}"])
            result.correct.append(None)
    if dataset.n_features in (1, 2):  # a plane, or for one feature a curve
        result.grid = output_grid(network, to_inputs,
                                  *dataset.feature_bounds(), grid_size,
                                  classify)
    if dataset.n_features == 2:
        result.points = (dataset.features(slice(400)), dataset.y[:400])
        result.node_grids = hidden_grids(network, spec, result.grid, to_inputs)
    if split_as is not None:
        parts = split_parts(dataset, *split_as)
        if parts is not None:
            result.held_out = answers_held_out(network, to_inputs, parts)
            train = parts["train"]
            if train.n_samples:
                probe = train.features(probe_indices(train.n_samples, split_as[1]))
                result.activations = activation_stats(network, to_inputs(probe))
    return result


def split_parts(dataset: Dataset, fractions: tuple[float, float, float], seed: int
                ) -> dict[str, Dataset] | None:
    """``dataset`` split as training splits it, by part name (None for a split the settings
    do not allow: training says why)."""
    try:
        return dict(zip(PARTS, split_rows(dataset, fractions, seed), strict=True))
    except DataError:
        return None


def answers_held_out(network: Network, to_inputs: Callable[[np.ndarray], np.ndarray],
                     parts: dict[str, Dataset]) -> HeldOut | None:
    """What ``network`` answers on the rows training measures it on (None when there are
    none)."""
    name = held_out({n: part.n_samples for n, part in parts.items()})
    part = parts[name]
    rows = min(EVALUATION_ROWS, part.n_samples)
    if not rows:
        return None
    outputs = network.predict(to_inputs(part.features(slice(rows))))
    labels = network.labels(outputs) if part.task == "classification" else None
    return HeldOut(name, outputs, labels, part.y[:rows], part.n_samples)


def _no_predictions(exc: Exception) -> str:
    return translate("Predictions", "No predictions: {reason}").format(reason=exc)


def all_mismatches(spec: NetworkSpec, dataset: Dataset, first: DataMismatchError
                   ) -> list[DataMismatch]:
    """Every mismatch of ``spec`` and ``dataset`` (``first`` is the one met)."""
    try:
        return data_mismatches(spec, dataset) or [first.mismatch]
    except DataError as exc:
        return [first.mismatch, DataMismatch(str(exc))]


def float64_network(spec: NetworkSpec) -> Network:
    """A fresh float64 network of ``spec`` (its weights are replaced before it predicts)."""
    return build(spec, dtype=np.float64)


class NetworkCache:
    """The last network built, reused while the spec is the same (specs are frozen: an edit
    makes a new one; a project opened again brings an equal one). Building 784-100-10 takes
    about 12 ms — each time the weights change while training, without it, and in the turn
    after a project is opened."""

    def __init__(self) -> None:
        self._built: tuple[NetworkSpec, Network] | None = None

    def __call__(self, spec: NetworkSpec) -> Network:
        if self._built is None or (self._built[0] is not spec and self._built[0] != spec):
            self._built = (spec, float64_network(spec))
        elif self._built[0] is not spec:
            self._built = (spec, self._built[1])  # the next look-up is by identity again
        return self._built[1]


def hidden_grids(network: Network, spec: NetworkSpec, grid: OutputGrid,
                 to_inputs: Callable[[np.ndarray], np.ndarray]) -> dict[str, np.ndarray]:
    """What each small hidden node computes over the input plane (as TensorFlow Playground
    draws its neurons): one forward pass over the grid, every node's activations kept."""
    small = [n.id for n in spec.nodes if n.kind == "hidden" and n.units <= MAX_THUMBNAIL_UNITS]
    if not small or grid.ys is None:
        return {}
    values = network.activations(to_inputs(plane_points(grid.xs, grid.ys)))
    shape = (grid.ys.size, grid.xs.size, -1)
    return {node_id: values[node_id].post.reshape(shape) for node_id in small}


def takes_pixels(spec: NetworkSpec, edge_id: str, shape: tuple[int, int] | None,
                 weights: np.ndarray | None) -> bool:
    """The connection feeds a hidden node straight from the pixels: from an input node taking
    the raw columns of image data of ``shape``, with a weight matrix of one row per pixel."""
    if shape is None or weights is None or not any(e.id == edge_id for e in spec.edges):
        return False
    edge = spec.edge(edge_id)
    if not (spec.has_node(edge.src) and spec.has_node(edge.dst)):
        return False
    src, dst = spec.node(edge.src), spec.node(edge.dst)
    return (src.kind == "input" and not src.features and dst.kind == "hidden"
            and weights.shape == (shape[0] * shape[1], dst.units))


def input_weight_images(spec: NetworkSpec, arrays: Params, dataset: Dataset
                        ) -> dict[str, np.ndarray]:
    """For image data, what each hidden node fed straight from the pixels has learned: every
    unit's incoming weights as an image (:func:`takes_pixels`)."""
    shape = dataset_image_shape(dataset)
    images: dict[str, np.ndarray] = {}
    for edge in spec.edges:
        weights = arrays.get(weight_name(edge.id))
        if edge.dst not in images and takes_pixels(spec, edge.id, shape, weights):
            assert shape is not None and weights is not None
            images[edge.dst] = weight_images(weights, shape)
    return images
