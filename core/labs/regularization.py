"""Lab 6's experiments (docs/book.md §9, §10): one network trained with and without batch norm,
weight decay or dropout, every variant from the same initial weights, split and mini-batches,
with train and test accuracy per epoch.

Two of the book's set-ups (chapter 6), both on the bundled 8×8 digits:

- **overfitting** — the ``overfitting`` example project (the caller loads it: core reads no
  bundled resources of its own): 300 training digits, 6 × 100 ReLU,
  SGD lr 0.01, batches of 100, 200 epochs. Plain: train 100 %, test 86.7 % (gap 13.3 points);
  weight decay λ = 0.1 narrows the gap to 4.7, dropout 0.2 to 6.7 (seed 0).
- **batch norm** — the book's ``batch_norm_test``: 1,000 training digits, 5 × 100 ReLU, SGD
  lr 0.01, batches of 100, 20 epochs, weights drawn with a deliberately small std 0.07. Without
  batch norm the training accuracy crawls (80 % at epoch 20); with it, 80 % at epoch 4.

The variants are trained in turns, one epoch each, so their curves grow side by side and a
cancelled run leaves curves of equal length to compare. The weights come out the same because
:func:`core.engine.network.build` draws only weight matrices from the seed, in forward order:
batch-norm γ/β and dropout masks do not shift the draws.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from core.datasets.ref import DataRef
from core.engine.layers import BN_EPSILON, BatchNorm
from core.i18n import N_, _
from core.project import Project
from core.spec import NetworkSpec
from core.training.events import TrainingEvent
from core.training.outcome import Outcome
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

#: the book's regularisation strengths
BOOK_WEIGHT_DECAY = 0.1
BOOK_DROPOUT = 0.2
#: the batch-norm set-up: a poor (too small) initial weight scale, the book's rate and length
BN_SIZES = (64, 100, 100, 100, 100, 100, 10)
BN_INIT_STD = 0.07
BN_LR = 0.01
BN_EPOCHS = 20
BN_TRAIN_SAMPLES = 1000
DIGITS = 1797
#: "learns faster" is measured as the first epoch with this training accuracy
SPEED_THRESHOLD = 0.8


@dataclass(frozen=True)
class Variant:
    """One network of an experiment: ``key`` is stable ("plain", "weight_decay", "dropout",
    "batch_norm"), ``label`` says it to the student (in the language of the moment it was
    made); ``name`` is its untranslated pattern with ``{value}`` standing for ``value``, to say
    it again in another language (:func:`variant_label`)."""

    key: str
    label: str
    spec: NetworkSpec
    settings: TrainingSettings
    name: str = ""
    value: float = 0.0


def variant_label(name: str, value: float = 0.0) -> str:
    """A variant's label in the current language, from its marked ``name`` pattern."""
    return _(name).format(value=f"{value:g}")


def _variant(key: str, name: str, spec: NetworkSpec, settings: TrainingSettings,
             value: float = 0.0) -> Variant:
    return Variant(key, variant_label(name, value), spec, settings, name, value)


@dataclass(frozen=True)
class Experiment:
    """Variants that differ in one thing each, trained on the same data."""

    name: str
    variants: tuple[Variant, ...]
    data: DataRef

    @property
    def epochs(self) -> int:
        return self.variants[0].settings.epochs


@dataclass
class Curves:
    """One variant's train and test accuracy per epoch (so far); ``outcome`` once it ended."""

    key: str
    label: str
    train: list[float] = field(default_factory=list)
    test: list[float] = field(default_factory=list)
    outcome: Outcome | None = None
    name: str = ""
    value: float = 0.0

    @property
    def shown_label(self) -> str:
        """The label in the current language (``label`` itself when it has no pattern)."""
        return variant_label(self.name, self.value) if self.name else self.label

    def copy(self) -> Curves:
        return replace(self, train=list(self.train), test=list(self.test))

    @property
    def final_train(self) -> float | None:
        return self.train[-1] if self.train else None

    @property
    def final_test(self) -> float | None:
        return self.test[-1] if self.test else None

    @property
    def gap(self) -> float | None:
        """Final train minus final test accuracy: how much the network memorised."""
        if not self.train or math.isnan(self.train[-1]) or math.isnan(self.test[-1]):
            return None
        return self.train[-1] - self.test[-1]

    def epochs_to_reach(self, accuracy: float = SPEED_THRESHOLD) -> int | None:
        """The first epoch (1-based) with training accuracy ≥ ``accuracy``; None if never."""
        return next((k + 1 for k, value in enumerate(self.train) if value >= accuracy), None)


@dataclass(frozen=True)
class Progress:
    """What :func:`run` reports after every round: copies of the curves so far."""

    curves: tuple[Curves, ...]
    epoch: int
    epochs: int


def overfitting(project: Project, weight_decay: float = BOOK_WEIGHT_DECAY,
                dropout: float = BOOK_DROPOUT, epochs: int | None = None) -> Experiment:
    """``project`` (the ``overfitting`` example), plain and with weight decay λ and with
    dropout ``dropout`` on every hidden node (a strength of 0 leaves that variant out)."""
    spec, settings = project.spec, project.settings
    if epochs is not None:
        settings = replace(settings, epochs=epochs)
    variants = [_variant("plain", N_("no regularisation"), spec, settings)]
    if weight_decay > 0:
        variants.append(_variant("weight_decay", N_("weight decay λ = {value}"), spec,
                                 replace(settings, weight_decay=weight_decay), weight_decay))
    if dropout > 0:
        dropped = spec
        for node in spec.nodes_of_kind("hidden"):
            dropped = dropped.with_node_changed(node.id, dropout=dropout)
        variants.append(_variant("dropout", N_("dropout {value}"), dropped, settings, dropout))
    return Experiment("overfitting", tuple(variants), project.data)


def batch_norm(init_std: float = BN_INIT_STD, lr: float = BN_LR,
               epochs: int = BN_EPOCHS) -> Experiment:
    """The book's batch-norm comparison: the same 5 × 100 network without and with batch norm
    on every hidden node, weights drawn from N(0, ``init_std``²), SGD at ``lr``."""
    train = BN_TRAIN_SAMPLES / DIGITS
    settings = TrainingSettings(optimizer="sgd", lr=lr, epochs=epochs, batch_size=100,
                                split=(train, 0.0, 1.0 - train))
    variants = tuple(
        _variant(key, name, NetworkSpec.mlp(BN_SIZES, init="std", init_std=init_std,
                                            batch_norm=with_bn), settings)
        for key, name, with_bn in (("plain", N_("without batch norm"), False),
                                   ("batch_norm", N_("with batch norm"), True)))
    return Experiment("batch_norm", variants, DataRef.bundled("digits"))


def run(experiment: Experiment, report: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None) -> list[Curves]:
    """Train every variant, one epoch each in turn, calling ``report`` after every round.

    ``cancel`` is checked between rounds; the curves so far come back, each unfinished one with
    a "stopped" outcome. A variant that diverges ends early with its outcome; the rest go on."""
    dataset = experiment.data.load()
    trainers = [Trainer(v.spec, dataset, v.settings) for v in experiment.variants]
    streams = [trainer.iterate() for trainer in trainers]
    curves = [Curves(v.key, v.label, name=v.name, value=v.value) for v in experiment.variants]
    running = list(range(len(trainers)))
    rounds = 0
    while running:
        if cancel is not None and cancel.is_set():
            for i in running:
                curves[i].outcome = Outcome("stopped", _(
                    "stopped by the user after {n} epochs").format(n=len(curves[i].train)))
            break
        for i in list(running):
            outcome = _train_one_epoch(streams[i])
            history = trainers[i].history
            if history.n_epochs > len(curves[i].train):
                curves[i].train.append(_number(history.epochs["train_accuracy"][-1]))
                curves[i].test.append(_number(history.epochs["test_accuracy"][-1]))
            if outcome is not None:
                curves[i].outcome = outcome
                running.remove(i)
        rounds += 1
        if report is not None:
            report(Progress(tuple(c.copy() for c in curves), rounds, experiment.epochs))
    return curves


def _train_one_epoch(stream: Iterator[TrainingEvent]) -> Outcome | None:
    """Advance a trainer's event stream to the end of an epoch; its outcome if training ended."""
    for event in stream:
        if event.outcome is not None:
            return event.outcome
        if event.epoch_metrics is not None:
            return None
    return None


def _number(value: float | None) -> float:
    return math.nan if value is None else float(value)


# ------------------------------------------------------------------ one batch, step by step
#: the book's one-batch example: three samples of two features, with γ and β
BOOK_BATCH = ((1.0, 2.0), (3.0, 4.0), (5.0, 9.0))
BOOK_GAMMA = (1.0, 2.0)
BOOK_BETA = (0.0, 0.5)
#: the largest size a number typed into the one batch may have: σ² squares x − μ, and the
#: square of anything much larger overflows float64 (about 1.8e308) to inf
BATCH_LIMIT = 1e150


@dataclass(frozen=True)
class BatchSteps:
    """What batch norm does to one batch ``x`` (samples × features): the per-feature ``mean``
    μ and (biased) ``var`` σ², ``normalised`` x̂ = (x − μ)/√(σ² + ε) and ``y`` = γ·x̂ + β."""

    x: np.ndarray
    mean: np.ndarray
    var: np.ndarray
    normalised: np.ndarray
    y: np.ndarray

    epsilon = BN_EPSILON

    def constant(self) -> np.ndarray:
        """Per feature: is x the same in every sample (σ² 0, up to rounding in μ)?"""
        return np.ptp(self.x, axis=0) == 0

    def normalised_variance(self) -> np.ndarray:
        """Per feature, the variance of x̂: σ²/(σ² + ε), 1 only while σ² is large against ε."""
        return np.var(self.normalised, axis=0)


def batch_steps(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> BatchSteps:
    """One training pass of the engine's batch-norm layer over ``x``, with its steps."""
    x = np.array(x, dtype=np.float64)
    features = x.shape[1]
    layer = BatchNorm(np.zeros(features), np.ones(features))
    y = layer.forward(x.copy(), np.asarray(gamma, dtype=np.float64),
                      np.asarray(beta, dtype=np.float64), train=True)
    assert layer.batch_mean is not None and layer.batch_var is not None
    assert layer.normalised is not None
    return BatchSteps(x, layer.batch_mean, layer.batch_var, layer.normalised, y)
