"""Input features for input nodes, as TensorFlow Playground offers them.

A feature name is a raw column, ``"x1"`` … ``"xD"``, or one of the engineered features in
:data:`FEATURES`, which are computed from the first two columns. Feeding x1² and x2² lets a
single neuron draw a circle; sin x1 lets it follow waves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from core.datasets.errors import DataError
from core.i18n import _

RAW_COLUMN = re.compile(r"x([1-9][0-9]*)")
SUBSCRIPT_DIGITS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")  # x12 is shown X₁₂, as X₁


@dataclass(frozen=True)
class FeatureInfo:
    """One offered feature: ``label`` is what the GUI prints on the input node."""

    name: str
    label: str
    needs_columns: int
    compute: Callable[[np.ndarray], np.ndarray] = field(repr=False, compare=False)


FEATURES: dict[str, FeatureInfo] = {
    info.name: info
    for info in (
        FeatureInfo("x1", "X₁", 1, lambda x: x[:, 0]),
        FeatureInfo("x2", "X₂", 2, lambda x: x[:, 1]),
        FeatureInfo("x1^2", "X₁²", 1, lambda x: x[:, 0] ** 2),
        FeatureInfo("x2^2", "X₂²", 2, lambda x: x[:, 1] ** 2),
        FeatureInfo("x1*x2", "X₁X₂", 2, lambda x: x[:, 0] * x[:, 1]),
        FeatureInfo("sin(x1)", "sin(X₁)", 1, lambda x: np.sin(x[:, 0])),
        FeatureInfo("sin(x2)", "sin(X₂)", 2, lambda x: np.sin(x[:, 1])),
    )
}


def feature_info(name: str) -> FeatureInfo:
    """The registry entry for ``name``, or a raw column ``"xk"`` for any k ≥ 1."""
    if isinstance(name, str) and name in FEATURES:
        return FEATURES[name]
    raw = RAW_COLUMN.fullmatch(name) if isinstance(name, str) else None
    if raw is None:
        raise DataError(
            _("there is no input feature called {name}").format(name=repr(name)),
            hint=_("use a column x1, x2, … or one of: {names}").format(names=", ".join(FEATURES)),
        )
    column = int(raw.group(1))
    return FeatureInfo(name, f"X{raw.group(1).translate(SUBSCRIPT_DIGITS)}", column,
                       lambda x: x[:, column - 1])


def _column(x: np.ndarray, name: str) -> np.ndarray:
    info = feature_info(name)
    if info.needs_columns > x.shape[1]:
        raise DataError(
            _("input feature {name} needs at least {needs} data columns, but the data has {has}")
            .format(name=repr(name), needs=info.needs_columns, has=x.shape[1]),
            hint=_("pick features that use only the columns the data set has"),
        )
    return info.compute(x)


def apply_features(x: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """The (N, len(names)) float64 matrix of the named features of ``x`` (N, D)."""
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2:
        raise DataError(_("features need a 2-D array (samples × columns), got shape {shape}")
                        .format(shape=x.shape), hint=_("reshape the data to (N, D)"))
    if isinstance(names, str) or not names:
        raise DataError(_("no input features were chosen"),
                        hint=_("give a list of feature names, e.g. ['x1', 'x2']"))
    return np.column_stack([_column(x, name) for name in names])
