"""Frames: a trainer snapshot plus everything else the panels draw, made in the worker thread.

The GUI thread shares one interpreter lock with the training loop, so every millisecond it
spends in Python is a millisecond of training lost. Whatever can be prepared before drawing is
prepared here, next to the snapshot: the history as float arrays with the per-batch loss
smoothed and thinned to about a point per pixel, the confusion matrix or predictions on the
held-out rows, and the colours of the decision boundary. The GUI then only hands arrays to
items it created once. No Qt here: it runs in the worker, and :mod:`gui.theme` is plain data.
"""

from __future__ import annotations

import math
import time
import weakref
from dataclasses import dataclass, field, replace

import numpy as np

from core.datasets import Dataset, split
from core.engine.params import Params, feeding, weight_name
from core.spec import NetworkSpec
from core.training import gradient_flow
from core.training.events import TrainingEvent
from core.training.gradient_flow import NodeFlow
from core.training.history import History
from core.training.prepare import EVALUATION_ROWS, held_out
from core.training.snapshot import Histogram, OutputGrid, Snapshot
from core.training.trainer import Trainer
from gui.document.arrays import copies
from gui.theme import grid_rgb
from gui.training import trails
from gui.training.curves import Curves
from gui.training.curves import smoothed_batches as smoothed_batches  # where tests import it
from gui.training.trails import HistogramTrail, TrailImage

MAX_POINTS = 1000  # data points drawn over the decision boundary, per part

#: What a frame is made without while no panel on screen draws it (panels name theirs in
#: ``frame_parts``; the live refresh asks for those on screen): the weight and gradient
#: histograms and the probe batch's activations (3.5 of a frame's 12 ms at MNIST's size, taken
#: from training), the held-out evaluation with the output plane, the gradient signals.
WEIGHTS, ACTIVATIONS, OUTPUT, FLOW = "weights", "activations", "output", "flow"
ALL_PARTS = frozenset({WEIGHTS, ACTIVATIONS, OUTPUT, FLOW})


@dataclass(frozen=True, eq=False)
class Evaluation:
    """How the network does on held-out rows right now: the ``part`` ("test", else "val", else
    "train"); ``confusion[i, j]`` counts rows of true class i predicted as j (classification),
    or ``predicted``/``truth`` hold the outputs and targets per row, (rows, outputs), every
    output unit of a network with several (regression).

    For classification ``truth``, ``labels`` (the predicted class) and ``outputs`` (the
    output units, e.g. the softmax probabilities) are kept per row too — the first rows of
    the part, in its order — for the image gallery."""

    part: str
    confusion: np.ndarray | None = None
    predicted: np.ndarray | None = None
    truth: np.ndarray | None = None
    labels: np.ndarray | None = None
    outputs: np.ndarray | None = None
    #: rows in the whole part (those evaluated are its first ``rows``; 0: all of them)
    part_rows: int = 0

    @property
    def rows(self) -> int:
        """How many of the part's rows were evaluated."""
        return 0 if self.truth is None else len(self.truth)

    @property
    def partial(self) -> bool:
        """Only the part's first rows were evaluated (2,000 of MNIST's 9,000 test rows)."""
        return self.part_rows > self.rows

    @property
    def accuracy(self) -> float | None:
        if self.confusion is None or not self.confusion.sum():
            return None
        return float(np.trace(self.confusion) / self.confusion.sum())


@dataclass(frozen=True, eq=False)
class Points:
    """Raw-feature coordinates of the training and test rows (at most MAX_POINTS each) with
    their class (or target value), for data with one or two features."""

    train_x: np.ndarray
    train_y: np.ndarray
    test_x: np.ndarray
    test_y: np.ndarray


@dataclass(frozen=True, eq=False)
class Frame:
    """One moment of training, ready to draw. ``boundary`` is the network's output over the
    plane as (ny, nx, 3) uint8 RGB, row 0 at the smallest y (2-feature data only);
    ``last_epoch`` the epoch the run will stop at, at the latest (plots size their x axis
    to it once instead of growing with every frame), or, once it has ended or while it has
    only been stepped, the epochs trained (see :meth:`FrameMaker._axis_end`)."""

    snapshot: Snapshot
    curves: Curves
    evaluation: Evaluation | None
    boundary: np.ndarray | None
    batches_per_epoch: int
    last_epoch: int  # where this run will stop at the latest (ended, stepped: trained)
    weight_trails: dict[str, TrailImage]  # by edge id: the weight histograms over the run
    #: by node id: the gradient norm with its vanishing / exploding flag (none before a step)
    flow: dict[str, NodeFlow] = field(default_factory=dict)
    #: the snapshot's weights and statistics as the document keeps them (float64, read-only:
    #: :func:`gui.document.arrays.copies`; a float64 run's are the snapshot's own), made on the
    #: worker — converting 2-2000-2000-2's on the GUI thread held it 0.1–0.5 s each time the
    #: canvas followed the run
    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    #: what of :data:`ALL_PARTS` it was made with (the rest is empty or None)
    parts: frozenset[str] = ALL_PARTS
    #: the dtype the run's network keeps its weights in when the snapshot holds them as
    #: :attr:`arrays` (float64) instead: a float32 run's frame held them twice, +32 MB for
    #: each frame alive of 2-2000-2000-2 (None: the snapshot's are the network's dtype)
    stored_as: np.dtype | None = None
    #: by name: the last array :meth:`holds` compared that cannot change (weakly), the verdict
    _compared: dict[str, tuple[weakref.ref, bool]] = field(default_factory=dict, init=False,
                                                           repr=False)

    @property
    def history(self) -> History:
        return self.snapshot.history

    def lacks(self, parts: frozenset[str]) -> bool:
        """Whether it was made without some of ``parts`` (a panel keeps its last frame with
        them instead of drawing it empty)."""
        return not parts <= self.parts

    def document_arrays(self) -> dict[str, np.ndarray]:
        """The frame's weights and statistics for the document: :attr:`arrays` (kept without
        a copy), or the snapshot's own when the frame was made without them."""
        return self.arrays or {**self.snapshot.params, **self.snapshot.state}

    def holds(self, arrays: dict[str, np.ndarray]) -> bool:
        """Whether this frame is of the weights ``arrays`` (all of them, each as this frame's
        network stores it: a float32 run's frame holds a typed 0.1 as float32 0.1). NaN holds
        NaN: a diverged run's weights reach the document as they broke."""
        mine = {**self.snapshot.params, **self.snapshot.state}
        return (mine.keys() == arrays.keys()
                and all(np.shape(arrays[k]) == v.shape for k, v in mine.items())
                and all(self._same(k, v, np.asarray(arrays[k])) for k, v in mine.items()))

    def _same(self, name: str, mine: np.ndarray, given: np.ndarray) -> bool:
        """``given`` equals ``mine`` in ``mine``'s dtype (NaN where NaN). Remembered for an
        array that cannot change (read-only, as is all the document holds, and owning its
        memory or a read-only view of one that does): every panel asks after each
        prediction, and comparing 2-2000-2000-2's weights took the GUI thread 0.1–0.3 s."""
        source = given if given.base is None else given.base
        frozen = isinstance(source, np.ndarray) and source.base is None and not (
            source.flags.writeable or given.flags.writeable)
        if frozen and source is self.arrays.get(name):
            return True  # the document holds this frame's own conversion of ``mine``
        found = self._compared.get(name)
        if frozen and found is not None and found[0]() is source:
            return found[1]
        if self.stored_as is not None:  # as the network would store it (exact in float64)
            given = given.astype(self.stored_as, copy=False)
        same = equal_as(mine, given)
        if frozen:
            self._compared[name] = (weakref.ref(source), same)
        return same


def equal_as(mine: np.ndarray, given: np.ndarray) -> bool:
    """``given`` in ``mine``'s dtype equals ``mine``, NaN where NaN: one pass when they are
    equal (``np.array_equal(equal_nan=True)`` made four, and copies)."""
    converted = given.astype(mine.dtype, copy=False)
    equal = mine == converted
    return bool(equal.all()) or bool(np.all(equal | (np.isnan(mine) & np.isnan(converted))))


class FrameMaker:
    """Makes frames of one trainer. Call :meth:`make` from the thread that trains it, between
    mini-batches (it runs the network, as :meth:`Trainer.snapshot` does)."""

    def __init__(self, trainer: Trainer, rows: int = EVALUATION_ROWS) -> None:
        self.trainer = trainer
        parts = trainer.data.parts
        self._part = parts[held_out({name: part.n for name, part in parts.items()})]
        self._rows = min(rows, self._part.n)
        self._inputs: np.ndarray | None = None  # the held-out rows as network inputs
        self._classes = max(trainer.data.n_classes, 2)
        self._weights = {e.id: weight_name(e.id) for e in trainer.network.spec.edges}
        self._trails = {edge_id: HistogramTrail() for edge_id in self._weights}
        self._recorded = -math.inf
        train = parts["train"]
        self._signals = gradient_flow.SignalProbe(train.x, train.t)
        self._ran_freely = False  # not only stepped: resumed, or started running

    def gradient_signals(self) -> dict[str, float]:
        """The gradient-flow signals of the trainer's network's weights now, measured on fixed
        training rows (:class:`~core.training.gradient_flow.SignalProbe`): a function of the
        weights only, so a replay that loaded a record's weights measures that epoch's."""
        return self._signals.measure(self.trainer.network)

    def observe(self, event: TrainingEvent) -> None:
        """Record the weight histograms when an epoch ends (at most every RECORD_INTERVAL,
        except the last epoch of a run that did not diverge: the picture ends where it did)."""
        if event.epoch_metrics is None:
            return
        now = time.perf_counter()
        last = event.outcome is not None and not event.outcome.failed
        if now - self._recorded < trails.RECORD_INTERVAL and not last:
            return
        self._recorded = now
        params = self.trainer.network.params
        with np.errstate(all="ignore"):
            for edge_id, name in self._weights.items():
                self._trails[edge_id].add(self.trainer.epoch, Histogram.of(params[name]))

    def make(self, arrays: Params | None = None, parts: frozenset[str] = ALL_PARTS) -> Frame:
        """The trainer's frame now, with ``parts`` of :data:`ALL_PARTS`; its ``arrays`` (the
        values the document shows) are the network's, converted as the document keeps them,
        unless given (a replay gives the record's: converting the network's only to drop them
        cost a big network's worker a copy of every weight at each step back)."""
        trainer = self.trainer
        with np.errstate(all="ignore"):  # a diverged network is drawn, not warned about
            snapshot = trainer.snapshot(WEIGHTS in parts, ACTIVATIONS in parts, OUTPUT in parts)
            stored_as = None
            if arrays is None:
                # the snapshot keeps the document's float64 instead of its own float32 copy
                arrays = copies({**snapshot.params, **snapshot.state}, owned=True)
                if any(a.dtype != np.float64 for a in snapshot.params.values()):
                    stored_as = trainer.network.dtype
                snapshot = replace(snapshot, params={k: arrays[k] for k in snapshot.params},
                                   state={k: arrays[k] for k in snapshot.state})
            boundary = boundary_rgb(snapshot.grid, trainer.task == "classification")
            evaluation = self._evaluate() if OUTPUT in parts else None
            images = {edge_id: image for edge_id, trail in self._trails.items()
                      if (image := trail.image()) is not None}
            flow = {}
            if snapshot.gradient_norms and FLOW in parts:
                flow = gradient_flow.assess(trainer.network.spec, snapshot.gradient_norms,
                                            self.gradient_signals())
        return Frame(snapshot, Curves.of(snapshot.history, trainer.batches_per_epoch),
                     evaluation, boundary, trainer.batches_per_epoch, self._axis_end(), images,
                     flow, arrays, frozenset(parts), stored_as)

    def _axis_end(self) -> int:
        """The frame's ``last_epoch``: the planned end while the run goes on, so the axis does
        not move with every frame; what has been trained once it has ended (230 of 2,000
        epochs, at its target loss) or while it has only been stepped (Step after an early stop
        at epoch 960 started a run planned to 2,960, and the axis jumped from 0–960 to
        0–2,960 for one mini-batch). A run that has run freely keeps its plan while paused."""
        trainer = self.trainer
        if not trainer.paused:
            self._ran_freely = True
        if trainer.outcome is None and self._ran_freely:
            return trainer.last_epoch
        return trainer.epoch

    def _held_out(self) -> np.ndarray:
        """The evaluated rows as network inputs, made once per run: for image bytes these are
        made from the stored pixels (12 ms for 2,000 MNIST rows) — every frame did it again."""
        if self._inputs is None:
            self._inputs = np.asarray(self._part.x[:self._rows])
        return self._inputs

    def _evaluate(self) -> Evaluation | None:
        part, n = self._part, self._rows
        if not n:
            return None
        network = self.trainer.network
        outputs = network.predict(self._held_out())
        labels = network.labels(outputs) if self.trainer.task == "classification" else None
        return evaluation(part.name, outputs, labels, part.y[:n], self._classes, part.n)


def evaluation(part: str, outputs: np.ndarray, labels: np.ndarray | None, y: np.ndarray,
               classes: int, part_rows: int) -> Evaluation:
    """How a network did on the first rows of ``part`` (of ``part_rows``): its ``outputs``
    there and, for classification, the classes they mean (``labels``); ``y`` the targets."""
    if labels is not None:
        truth = np.asarray(y).astype(np.int64)
        guess = np.clip(labels, 0, classes - 1)
        confusion = np.bincount(truth * classes + guess, minlength=classes * classes
                                ).reshape(classes, classes)
        return Evaluation(part, confusion=confusion, truth=truth, labels=guess,
                          part_rows=part_rows, outputs=outputs.astype(np.float64))
    predicted = np.asarray(outputs, dtype=np.float64).reshape(len(outputs), -1)
    truth = np.asarray(y, dtype=np.float64).reshape(predicted.shape)
    return Evaluation(part, predicted=predicted, truth=truth, part_rows=part_rows)


def boundary_rgb(grid: OutputGrid | None, classification: bool) -> np.ndarray | None:
    """A :class:`Frame`'s ``boundary``: the output over the plane of ``grid`` as (ny, nx, 3)
    uint8 RGB (None unless the grid is a plane)."""
    if grid is None or grid.ys is None:
        return None
    rgb = grid_rgb(grid.values, classification, None if classification else grid.first_range)
    return np.ascontiguousarray(np.clip(rgb, 0, 255).astype(np.uint8))


def data_points(dataset: Dataset, fractions: tuple[float, float, float], seed: int,
                limit: int = MAX_POINTS) -> Points | None:
    """The rows to draw over the output plane, split exactly as the trainer splits them (same
    fractions and seed); None unless the data has one or two features."""
    if dataset.n_features not in (1, 2):
        return None
    train, _, test = split(dataset, fractions, seed)
    return Points(train.features(slice(limit)), train.y[:limit], test.features(slice(limit)),
                  test.y[:limit])


def diverged_nodes(spec: NetworkSpec, snapshot: Snapshot) -> list[str]:
    """Nodes a diverged run broke: a weight, bias or batch-norm scale that is no longer a
    finite number, or activations on the probe batch that are not. When every value is still
    finite (the overflow happened in the loss itself) that is the output node."""
    broken = []
    for node in spec.nodes:
        if node.kind == "input":
            continue
        arrays = [snapshot.params[n] for n in feeding(spec, node.id) if n in snapshot.params]
        stats = snapshot.activations.get(node.id)
        if any(not np.isfinite(a).all() for a in arrays) or (
                stats is not None and not (math.isfinite(stats.mean)
                                           and math.isfinite(stats.std))):
            broken.append(node.id)
    return broken or [spec.output.id]


@dataclass(frozen=True, eq=False)
class Overlay:
    """An earlier run drawn under the current one: its legend text (``run 2: lr 0.1 → 0.01``),
    its theme colour and its history. ``current``: it is the run whose curves the panel shows
    as its own (ticked in the Runs list all the same), which the legend names once, as the
    current run."""

    label: str
    color: str
    history: History
    current: bool = False
