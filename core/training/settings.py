"""Training settings: the numbers a student sets before pressing Train, as checked plain data.

A settings object is frozen and checked once, when it is made: an edit is a new object
(``dataclasses.replace(settings, lr=0.05)``), so whoever holds one can trust it without checking
again or copying it. :meth:`TrainingSettings.to_dict` and :meth:`TrainingSettings.from_dict`
exist for project files only; a file may have been edited by hand, so a wrong value gets a
``ValueError`` that names the field, never a failure deep inside training.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from core.engine import optimizers
from core.i18n import N_, _
from core.numbers import MAX_SEED, number_problem, whole_problem
from core.unknown_fields import extra_fields, unknown_fields

DTYPES = ("float32", "float64")
MAX_EPOCHS = 10_000_000
#: the learning rates a project may hold — the window's box, ``netcanvas train --lr`` and a
#: project file alike: far below any usual rate (a search goes down to 1e-10) and far above
#: (at 1000 SGD makes the spiral diverge, a lesson); beyond them a rate is a slip of the keys
MIN_LR, MAX_LR = 1e-10, 1000.0


def batches_per_epoch(rows: int, batch_size: int) -> int:
    """Mini-batches in an epoch of ``rows`` training rows (the last may be short; a batch
    larger than the data is the whole data)."""
    rows = max(rows, 1)
    return math.ceil(rows / min(batch_size, rows))

@dataclass(frozen=True)
class TrainingSettings:
    """How to train. ``split`` is the (train, validation, test) fractions of the data set.

    ``seed`` drives the split, the initial weights, dropout and the shuffling, so one seed gives
    one exact run. ``epochs`` counts the epochs of one training run. ``target_loss`` stops as soon
    as the training loss is at or below it; ``early_stopping_patience`` stops after that many
    epochs without a better validation loss. ``standardize`` scales every feature by the mean
    and std of the training part.

    ``optimizer_options`` is copied on construction, so no one else holds the dict; read it,
    never change it in place (make new settings instead).
    """

    optimizer: str = "adam"
    lr: float = 0.03  # with a new hidden node's defaults it learns the gates and toy sets in
    # 100 epochs on 20/20 seeds; 0.01 leaves XOR quadrants short on some (gui/document/new_node)
    optimizer_options: dict[str, float] = field(default_factory=dict)
    epochs: int = 100
    batch_size: int = 32
    weight_decay: float = 0.0
    l1: float = 0.0
    seed: int = 0
    split: tuple[float, float, float] = (0.7, 0.15, 0.15)
    dtype: str = "float32"
    target_loss: float | None = None
    early_stopping_patience: int | None = None
    standardize: bool = False

    def __post_init__(self) -> None:
        """Raise ValueError naming the first field that is out of range. The optimizer's name
        and the split are stored in their one spelling (lower case; a tuple of floats)."""
        name = self.optimizer.lower() if isinstance(self.optimizer, str) else self.optimizer
        if name not in optimizers.NAMES:
            raise ValueError(_("optimizer: unknown optimizer {name}; choose one of {names}"
                               ).format(name=repr(self.optimizer),
                                        names=", ".join(optimizers.NAMES)))
        object.__setattr__(self, "optimizer", name)
        positive("lr", self.lr)
        if not MIN_LR <= self.lr <= MAX_LR:
            raise ValueError(_("{name}: {value} must lie between {low} and {high}").format(
                name="lr", value=repr(self.lr), low=f"{MIN_LR:g}", high=f"{MAX_LR:g}"))
        allowed = [n for n in optimizers.OPTIMIZERS[name].hyperparameter_names() if n != "lr"]
        if not isinstance(self.optimizer_options, dict):
            raise ValueError(_("optimizer_options must be a mapping of name to number"))
        object.__setattr__(self, "optimizer_options", dict(self.optimizer_options))
        for key, value in self.optimizer_options.items():
            if key not in allowed:
                choices = ", ".join(allowed) or _("none")
                raise ValueError(_("optimizer_options: {optimizer} has no hyperparameter {key} "
                                   "(it takes: {choices})").format(
                    optimizer=name, key=repr(key), choices=choices))
            _number(f"optimizer_options.{key}", value)
            if not 0 <= value < 1:
                raise ValueError(_("{name}: {value} must be at least 0 and below 1").format(
                    name=f"optimizer_options.{key}", value=repr(value)))
        _whole("epochs", self.epochs, 1, MAX_EPOCHS)
        _whole("batch_size", self.batch_size, 1, MAX_EPOCHS)
        _non_negative("weight_decay", self.weight_decay)
        _non_negative("l1", self.l1)
        _whole("seed", self.seed, 0, MAX_SEED)
        object.__setattr__(self, "split", _split(self.split))
        if self.dtype not in DTYPES:
            raise ValueError(_("dtype: {value} is not one of {names}").format(
                value=repr(self.dtype), names=", ".join(DTYPES)))
        if self.target_loss is not None:
            _non_negative("target_loss", self.target_loss)
        if self.early_stopping_patience is not None:
            _whole("early_stopping_patience", self.early_stopping_patience, 1, MAX_EPOCHS)
            if self.split[1] == 0:
                raise ValueError(_("early_stopping_patience: early stopping watches the "
                                   "validation loss, so the validation part of the split must "
                                   "not be 0"))
        if not isinstance(self.standardize, bool):
            raise ValueError(_("standardize: must be true or false, not {value}").format(
                value=repr(self.standardize)))

    def create_optimizer(self) -> optimizers.Optimizer:
        return optimizers.create(self.optimizer, lr=self.lr, **self.optimizer_options)

    def changed_keys(self, other: TrainingSettings) -> frozenset[str]:
        """The names of the fields ``other`` sets differently: what an edit changed, so that
        each follower reacts only to the fields it depends on."""
        return frozenset(f.name for f in fields(self)
                         if getattr(self, f.name) != getattr(other, f.name))

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["split"] = list(self.split)
        data["optimizer_options"] = dict(self.optimizer_options)
        return data

    @classmethod
    def from_dict(cls, data: Any) -> TrainingSettings:
        """Settings from parsed JSON; missing fields keep their defaults, unknown ones are refused
        (a typo in a hand-edited file should not be ignored silently)."""
        if not isinstance(data, dict):
            raise ValueError(_("settings must be an object of name: value pairs"))
        known = {f.name for f in fields(cls)}
        unknown = extra_fields(data, known)
        if unknown:
            raise ValueError(unknown_fields(_("settings"), unknown))
        values = dict(data)
        if "split" in values:
            if not isinstance(values["split"], list | tuple):
                raise ValueError(_("split: must be three numbers (train, validation, test)"))
            values["split"] = tuple(values["split"])
        if "optimizer_options" in values and not isinstance(values["optimizer_options"], dict):
            raise ValueError(_("optimizer_options must be a mapping of name to number"))
        for key in ("optimizer", "dtype"):
            if key in values and not isinstance(values[key], str):
                raise ValueError(_("{name}: must be text, not {kind}").format(
                    name=key, kind=type(values[key]).__name__))
        return cls(**values)


def _number(name: str, value: Any) -> None:
    problem = number_problem(name, value)
    if problem:
        raise ValueError(problem)


def positive(name: str, value: Any) -> None:
    """Raise ValueError unless ``value`` of field ``name`` is a usable number above 0."""
    _number(name, value)
    if value <= 0:
        raise ValueError(_("{name}: {value} must be above 0").format(name=name, value=repr(value)))


def _non_negative(name: str, value: Any) -> None:
    _number(name, value)
    if value < 0:
        raise ValueError(_("{name}: {value} must be 0 or more").format(
            name=name, value=repr(value)))


def _whole(name: str, value: Any, low: int, high: int) -> None:
    problem = whole_problem(name, value, low, high)
    if problem:
        raise ValueError(problem)


def _split(value: Any) -> tuple[float, float, float]:
    if not isinstance(value, list | tuple) or len(value) != 3:
        raise ValueError(_("split: must be three numbers (train, validation, test)"))
    for part, share in zip((N_("train"), N_("validation"), N_("test")), value, strict=True):
        _non_negative(_("split ({part})").format(part=_(part)), share)
    if abs(sum(value) - 1) > 1e-9:
        raise ValueError(_("split: the fractions {fractions} must add up to 1").format(
            fractions=tuple(value)))
    if value[0] == 0:
        raise ValueError(_("split: the training part must not be 0"))
    return (float(value[0]), float(value[1]), float(value[2]))
