"""Whether training can start from what it was given: weights and inputs that are numbers.

A network whose weights were NaN or infinite before its first step (a hand-edited project, a
weights file, a run saved after it diverged) gave a NaN loss at once, and the run ended with
"learning rate 1 is probably too high; lower it": advice about a rate that had no part in it.
So did inputs that a float32 network cannot hold (a feature of 1e300 becomes infinite). The
window's Train and ``netcanvas train`` ask :func:`start_problem` first and refuse in its words;
a loss that stops being a number later is the run's own divergence (:mod:`core.training.outcome`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from core.engine.network import Network
from core.i18n import _, ngettext
from core.training.prepare import TrainingData


class NotNumbersError(ValueError):
    """Training was asked to start from weights or inputs that are not numbers; ``weights``:
    the weights (new ones mend it: the window's Reset Weights, ``netcanvas train --fresh``)."""

    def __init__(self, message: str, weights: bool) -> None:
        super().__init__(message)
        self.weights = weights


#: the arrays a refusal names; more are counted ("and 37 more")
NAMED = 3


def weights_problem(arrays: Mapping[str, np.ndarray]) -> str | None:
    """Why training cannot start from ``arrays`` (weights and batch-norm statistics, by name),
    in words; None when every value is a number. Cheap enough for the window's own thread: one
    pass over the weights (a diverged run leaves them NaN, and Train again is refused before
    the run starts, so its marks stay)."""
    names = [name for name, array in arrays.items() if not np.isfinite(array).all()]
    if not names:
        return None
    shown = ", ".join(names[:NAMED])
    if len(names) > NAMED:
        more = len(names) - NAMED
        shown = ngettext("{names} and {n} more array", "{names} and {n} more arrays",
                         more).format(names=shown, n=more)
    return ngettext("the weights are not numbers: {names} holds NaN or infinite values, "
                    "so training cannot start from it — reset the weights to draw new ones",
                    "the weights are not numbers: {names} hold NaN or infinite values, so "
                    "training cannot start from them — reset the weights to draw new ones",
                    len(names)).format(names=shown)


def start_problem(network: Network, data: TrainingData) -> tuple[str, bool] | None:
    """Why training cannot start from ``network``'s weights (and batch-norm statistics) on
    ``data``'s inputs, in words, and whether the weights are why; None when all are numbers.
    Inputs made on demand (large data, :class:`core.training.lazy.LazyInputs`) are not looked
    at: reading them all is the cost they exist to avoid, and image bytes are always numbers."""
    weights = weights_problem({**network.params, **network.state})
    if weights:
        return weights, True
    if any(isinstance(part.x, np.ndarray) and not np.isfinite(part.x).all()
           for part in data.parts.values()):
        top = float(np.finfo(network.dtype).max)
        return _("the inputs are not numbers: some are too large for {dtype} (at most {top:.2g}) "
                 "and became infinite, so training cannot start from them — standardise the "
                 "inputs or make them smaller").format(dtype=network.dtype.name, top=top), False
    return None


def check_start(network: Network, data: TrainingData) -> None:
    """Raise :class:`NotNumbersError` with :func:`start_problem`'s words, if it has any."""
    problem = start_problem(network, data)
    if problem:
        raise NotNumbersError(*problem)
