"""Checking and using one row's gradients: the numerical gradient beside backprop's, and one
plain SGD step on that row with the loss before and after.

Both work on the same network and loss as :func:`core.explain.explain` — float64, inference
mode (batch norm with its running statistics, no dropout), the row's data loss without weight
decay — so a student compares like with like: ``Network.numerical_gradient`` with
``train=False`` perturbs the user's own parameters (γ and β included) through that very loss.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from core.explain.report import Explanation, explained_network
from core.project import Project

TINY = 1e-12  # below this both gradients count as 0 (no relative error to speak of)
#: Backprop and the numerical gradient agree where they differ by less than this, whatever
#: their size (float64, h = 1e-4: the numerical one is good to ~1e-9), or by less than
#: :data:`RELATIVE` of the larger. A gradient of 1e-11 is round-off: its relative error says
#: nothing, so the difference is what counts there.
ABSOLUTE = 1e-6
RELATIVE = 1e-5
Found = tuple[float, float, str, tuple[int, ...]]  # (key, gap, parameter, element's index)


def numerical_gradients(project: Project, explanation: Explanation) -> dict[str, np.ndarray]:
    """Central-difference ∂L/∂parameter for the explained row, keyed like its backprop
    gradients (``explanation.trace.gradients``)."""
    trace = explanation.trace
    network = explained_network(project)
    grads = network.numerical_gradient(trace.x[None], trace.target[None], train=False)
    return {name: np.array(value) for name, value in grads.items()}


def relative_error(backprop: np.ndarray, numerical: np.ndarray) -> np.ndarray:
    """|b − n| / max(|b|, |n|) element by element (0 where both are ~0): how many digits
    backprop and the numerical gradient share, whatever the gradient's size."""
    backprop, numerical = np.asarray(backprop), np.asarray(numerical)
    scale = np.maximum(np.abs(backprop), np.abs(numerical))
    return np.where(scale > TINY, np.abs(backprop - numerical) / np.maximum(scale, TINY), 0.0)


def tolerance(backprop: np.ndarray, numerical: np.ndarray) -> np.ndarray:
    """Element by element, how far backprop and the numerical gradient may differ and still
    agree: :data:`ABSOLUTE`, plus :data:`RELATIVE` of the larger."""
    return ABSOLUTE + RELATIVE * np.maximum(np.abs(np.asarray(backprop)),
                                            np.abs(np.asarray(numerical)))


def agrees(backprop: np.ndarray, numerical: np.ndarray) -> np.ndarray:
    """Element by element: within :data:`ABSOLUTE` plus :data:`RELATIVE` of the larger."""
    difference = np.abs(np.asarray(backprop) - np.asarray(numerical))
    return difference <= tolerance(backprop, numerical)


def significant(backprop: np.ndarray, numerical: np.ndarray) -> np.ndarray:
    """Element by element: is either gradient at least :data:`ABSOLUTE`, so that a relative
    error means something?"""
    return np.maximum(np.abs(np.asarray(backprop)), np.abs(np.asarray(numerical))) >= ABSOLUTE


@dataclass(frozen=True)
class Corner:
    """Unit ``unit`` (from 0) of node ``node_id``, activation ``activation``, has ``z`` so near
    0 that moving the checked parameter by ±h takes it across (:mod:`core.explain.corners`)."""

    node_id: str
    unit: int
    z: float
    activation: str


@dataclass(frozen=True)
class Agreement:
    """The verdict on a row's check: ``agree`` if every gradient agrees (:func:`agrees`);
    ``difference`` the largest |backprop − numerical| and ``where`` its parameter (``W2[0,1]``)
    — when they disagree, those of the gradient furthest outside its :func:`tolerance`, so
    the parameter named is one that disagrees (a gap of 5e-3 on a gradient of 1000 agrees);
    ``relative`` the largest relative error among the significant gradients (None if every
    gradient is below :data:`ABSOLUTE`); ``parameter`` and ``index`` say ``where`` as the
    parameter's name and the element's index; ``corners`` the units whose activation's corner
    explains a disagreement (:func:`core.explain.corners.with_corners`; empty until asked)."""

    agree: bool
    difference: float
    where: str
    relative: float | None
    parameter: str = ""
    index: tuple[int, ...] = ()
    corners: tuple[Corner, ...] = ()


def agreement(backprop: dict[str, np.ndarray], numerical: dict[str, np.ndarray]) -> Agreement:
    """Every backprop gradient against its numerical one (keyed alike), judged as a whole."""
    agree, relative = True, None
    largest: Found = (-1.0, 0.0, "", ())  # (gap, gap, name, index) of the largest gap
    worst: Found = (-1.0, 0.0, "", ())  # (gap / tolerance, gap, name, index)
    for name, grad in backprop.items():
        grad, num = np.asarray(grad, dtype=np.float64), np.asarray(numerical[name])
        agree = agree and bool(np.all(agrees(grad, num)))
        gap = np.abs(grad - num)
        if gap.size:
            excess = np.nan_to_num(gap / tolerance(grad, num), nan=np.inf)
            largest = _larger(largest, _largest(name, gap, gap))
            worst = _larger(worst, _largest(name, excess, gap))
        errors = relative_error(grad, num)[significant(grad, num)]
        if errors.size:
            relative = max(relative or 0.0, float(errors.max()))
    _, difference, name, index = largest if agree else worst
    where = f"{name}[{','.join(map(str, index))}]" if index else name
    return Agreement(agree, difference, where, relative, name, index)


def _largest(name: str, key: np.ndarray, gap: np.ndarray) -> Found:
    """(``key``'s largest value, the gap there, the parameter and the element's index)."""
    index = np.unravel_index(int(np.argmax(key)), key.shape)
    return float(key[index]), float(gap[index]), name, tuple(int(i) for i in index)


def _larger(earlier: Found, this: Found) -> Found:
    """The one with the larger key; a tie goes to the later parameter."""
    return this if this[0] >= earlier[0] else earlier


def sgd_step(project: Project, explanation: Explanation, lr: float
             ) -> tuple[dict[str, np.ndarray], float]:
    """W ← W − lr·∂L/∂W for every parameter, on this row's gradients alone; returns the new
    parameters and the row's loss with them (the loss before is ``explanation.trace.loss``).
    For a small enough ``lr`` the loss drops: that is what the gradient promises."""
    trace = explanation.trace
    params = {name: np.asarray(value, dtype=np.float64) for name, value
              in explained_network(project).params.items()}
    stepped = {name: value - lr * trace.gradients[name] for name, value in params.items()}
    after = explained_network(replace(project, params=stepped))
    return stepped, float(after.loss(trace.x[None], trace.target[None], train=False))
