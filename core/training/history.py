"""Training history: per-epoch metrics of each data part and the per-batch loss curve.

Plain lists of floats, JSON-ready, so a project file stores it as is and a snapshot copies it
cheaply. A value that does not exist (a validation part of size 0) is ``None``, never NaN: JSON
has no NaN, and ``np.asarray(column, dtype=float)`` turns ``None`` into NaN for plotting.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from core.i18n import _, percent
from core.numbers import finite
from core.unknown_fields import extra_fields, unknown_fields

PARTS = ("train", "val", "test")
MAX_BATCH_POINTS = 20_000


def metric_names(task: str) -> tuple[str, ...]:
    """What is measured besides the loss: accuracy, or MSE (mean of (y−t)²) and R²."""
    return ("accuracy",) if task == "classification" else ("mse", "r2")


def accuracy_percent(value: float) -> str:
    """An accuracy as the window and the command line show it: ``0.974`` → "97.4 %"."""
    return percent(value)


def column_names(task: str) -> tuple[str, ...]:
    """``epoch`` then ``train_loss``, ``train_accuracy``, ``val_loss``, … for the task."""
    measures = ("loss", *metric_names(task))
    return ("epoch", *(f"{part}_{m}" for part in PARTS for m in measures))


@dataclass
class History:
    """``epochs`` holds one list per column of :func:`column_names`, one entry per epoch.

    ``batch_loss`` holds the training loss of every mini-batch until there are
    ``MAX_BATCH_POINTS``; then neighbours are averaged in pairs and each point stands for
    ``batch_stride`` batches from then on. Memory and the copy made for each snapshot stay
    bounded however long a run lasts, while the curve keeps its shape.
    """

    task: str
    epochs: dict[str, list[float | None]] = field(default_factory=dict)
    batch_loss: list[float] = field(default_factory=list)
    batch_stride: int = 1
    _pending: list[float] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in column_names(self.task):
            self.epochs.setdefault(name, [])

    @property
    def n_epochs(self) -> int:
        return len(self.epochs["epoch"])

    def append_batch(self, loss: float) -> None:
        self._pending.append(loss)
        if len(self._pending) < self.batch_stride:
            return
        self.batch_loss.append(math.fsum(self._pending) / len(self._pending))
        self._pending.clear()
        if len(self.batch_loss) >= MAX_BATCH_POINTS:
            pairs = self.batch_loss
            self.batch_loss = [(pairs[i] + pairs[i + 1]) / 2 for i in range(0, len(pairs) - 1, 2)]
            self.batch_stride *= 2

    def append_epoch(self, epoch: int, metrics: dict[str, float | None]) -> None:
        """Add one row; metrics missing from ``metrics`` or not finite are stored as None."""
        self.epochs["epoch"].append(epoch)
        for name, column in self.epochs.items():
            if name != "epoch":
                value = metrics.get(name)
                column.append(float(value) if value is not None and math.isfinite(value)
                              else None)

    def latest(self) -> dict[str, float | None]:
        """The last epoch's row (empty before the first epoch)."""
        if not self.n_epochs:
            return {}
        return {name: column[-1] for name, column in self.epochs.items()}

    def csv_rows(self) -> list[list[float | int | str]]:
        """The epoch table as CSV rows: the column names, then one row per epoch ("" where a
        value does not exist)."""
        rows: list[list[float | int | str]] = [list(self.epochs)]
        rows += [["" if v is None else v for v in row]
                 for row in zip(*self.epochs.values(), strict=True)]
        return rows

    def copy(self) -> History:
        return History(self.task, {k: list(v) for k, v in self.epochs.items()},
                       list(self.batch_loss), self.batch_stride, list(self._pending))

    def to_dict(self) -> dict[str, Any]:
        return {"task": self.task, "epochs": {k: list(v) for k, v in self.epochs.items()},
                "batch_loss": list(self.batch_loss), "batch_stride": self.batch_stride}

    @classmethod
    def from_dict(cls, data: Any) -> History:
        """Read a stored history, checking it (project files may be edited by hand)."""
        if not isinstance(data, dict):
            raise ValueError(_("history must be an object"))
        task = data.get("task")
        if task not in ("classification", "regression"):
            raise ValueError(_("history: task {task} is not 'classification' or 'regression'"
                               ).format(task=repr(task)))
        epochs = data.get("epochs", {})
        expected = column_names(task)
        unknown = extra_fields(epochs, expected)
        if unknown:  # a measure a newer NetCanvas adds: say so, as for any unknown field
            raise ValueError(unknown_fields(_("the history's 'epochs'"), unknown))
        if not isinstance(epochs, dict) or set(epochs) != set(expected):
            raise ValueError(_("history: 'epochs' must hold exactly the columns {columns}"
                               ).format(columns=", ".join(expected)))
        lengths = set()
        for name, column in epochs.items():
            if not isinstance(column, list) or not _numbers(column, none_ok=True):
                raise ValueError(_("history: column {name} must be a list of numbers").format(
                    name=repr(name)))
            lengths.add(len(column))
        if len(lengths) > 1:
            raise ValueError(_("history: the epoch columns have different lengths"))
        batch_loss = data.get("batch_loss", [])
        if not isinstance(batch_loss, list) or not _numbers(batch_loss, none_ok=False):
            raise ValueError(_("history: 'batch_loss' must be a list of numbers"))
        stride = data.get("batch_stride", 1)
        if isinstance(stride, bool) or not isinstance(stride, int) or stride < 1:
            raise ValueError(_("history: 'batch_stride' must be a whole number of at least 1"))
        return cls(task, {k: list(epochs[k]) for k in expected},
                   list(map(float, batch_loss)), stride)


def history_to_continue(stored: Any, task: str | None) -> History | None:
    """The history the next run goes on from: ``stored`` (a history as a project keeps it;
    None: none), unless it cannot be read or is of another task than the data's (``task``;
    None while the data is not known). A trained classifier switched to a regression data set
    starts at epoch 1 with a fresh optimizer. One rule for the window's Train, ``netcanvas
    train`` and the exported scripts, so all three start from the same epoch and state."""
    if stored is None:
        return None
    try:
        history = History.from_dict(stored)
    except ValueError:
        return None
    return None if task is not None and history.task != task else history


def _numbers(values: list[Any], none_ok: bool) -> bool:
    """Every value a finite number (or None when ``none_ok``; a bool is no number). The usual
    list — floats, finite — is recognised in C (its types, then its sum: a NaN or an infinity
    makes the sum one); anything else is checked value by value. A project opened in the
    window checks each history it holds (20,000 batch losses each at most), in the GUI thread
    too: value by value, 10 ms of a 784-100-10 MNIST project's opening."""
    try:
        if set(map(type, values)) <= {float, int} and math.isfinite(sum(values)):
            return True
    except OverflowError:  # a sum beyond floats, or an int too large for one
        pass
    return all(_is_number_or_none(v) and (none_ok or v is not None) for v in values)


def _is_number_or_none(value: Any) -> bool:
    if value is None:
        return True
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and finite(value))
