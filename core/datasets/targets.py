"""Targets, shared by every format: the task, inferred or checked, and class labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from core.datasets.dataset import TASKS, Task
from core.datasets.errors import DataError
from core.i18n import _

MAX_AUTO_CLASSES = 20


def check_task(task: str | None) -> None:
    if task is not None and task not in TASKS:
        raise DataError(_("task {task} is unknown").format(task=repr(task)),
                        hint=_("use 'classification', 'regression' or leave it out to detect it"))


def infer_task(values: np.ndarray) -> Task:
    """Text or whole numbers with few distinct values are class labels; the rest is regression.

    "Few" means two, or at most 20 with each appearing at least twice on average.
    """
    if values.dtype.kind not in "iuf":
        return "classification"
    if values.dtype.kind == "f" and not (values == np.round(values)).all():
        return "regression"
    distinct = np.unique(values).size
    few = max(2, min(MAX_AUTO_CLASSES, values.size // 2))
    return "classification" if distinct <= few else "regression"


def _label_name(value: Any) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, (float, np.floating)) else str(value)


def encode_labels(
    values: np.ndarray, path: Path, column: str | int | None
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class indices 0..K-1 in sorted label order, and the labels as class names."""
    classes, y = np.unique(values, return_inverse=True)
    if classes.size < 2:
        label = _label_name(classes[0])
        raise DataError(
            _('every sample has the same class ("{label}")').format(label=label), file=path,
            column=column,
            hint=_("a classifier needs at least two classes; check the target column, "
                   "or load it with task='regression'"))
    return y.reshape(-1).astype(np.int64), tuple(_label_name(c) for c in classes)



def class_words(name: str) -> str:
    """A class as every view names it: ``class 3``, ``class Dress``, ``class arm 2`` (the name
    from the data set, translated where the catalogue has it: built-in names are marked)."""
    return _("class {name}").format(name=_(name))
