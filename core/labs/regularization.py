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

from core.datasets.ref import DataRef
from core.project import Project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from core.training.trainer import Outcome, Trainer, TrainingEvent

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
    "batch_norm"), ``label`` says it to the student."""

    key: str
    label: str
    spec: NetworkSpec
    settings: TrainingSettings


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
    variants = [Variant("plain", "no regularisation", spec, settings)]
    if weight_decay > 0:
        variants.append(Variant("weight_decay", f"weight decay λ = {weight_decay:g}", spec,
                                replace(settings, weight_decay=weight_decay)))
    if dropout > 0:
        dropped = spec
        for node in spec.nodes_of_kind("hidden"):
            dropped = dropped.with_node_changed(node.id, dropout=dropout)
        variants.append(Variant("dropout", f"dropout {dropout:g}", dropped, settings))
    return Experiment("overfitting", tuple(variants), project.data)


def batch_norm(init_std: float = BN_INIT_STD, lr: float = BN_LR,
               epochs: int = BN_EPOCHS) -> Experiment:
    """The book's batch-norm comparison: the same 5 × 100 network without and with batch norm
    on every hidden node, weights drawn from N(0, ``init_std``²), SGD at ``lr``."""
    train = BN_TRAIN_SAMPLES / DIGITS
    settings = TrainingSettings(optimizer="sgd", lr=lr, epochs=epochs, batch_size=100,
                                split=(train, 0.0, 1.0 - train))
    variants = tuple(
        Variant(key, label, NetworkSpec.mlp(BN_SIZES, init="std", init_std=init_std,
                                            batch_norm=with_bn), settings)
        for key, label, with_bn in (("plain", "without batch norm", False),
                                    ("batch_norm", "with batch norm", True)))
    return Experiment("batch_norm", variants, DataRef.bundled("digits"))


def run(experiment: Experiment, report: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None) -> list[Curves]:
    """Train every variant, one epoch each in turn, calling ``report`` after every round.

    ``cancel`` is checked between rounds; the curves so far come back, each unfinished one with
    a "stopped" outcome. A variant that diverges ends early with its outcome; the rest go on."""
    dataset = experiment.data.load()
    trainers = [Trainer(v.spec, dataset, v.settings) for v in experiment.variants]
    streams = [trainer.iterate() for trainer in trainers]
    curves = [Curves(v.key, v.label) for v in experiment.variants]
    running = list(range(len(trainers)))
    rounds = 0
    while running:
        if cancel is not None and cancel.is_set():
            for i in running:
                curves[i].outcome = Outcome(
                    "stopped", f"stopped by the user after {len(curves[i].train)} epochs")
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
