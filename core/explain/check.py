"""Checking and using one row's gradients: the numerical gradient beside backprop's, and one
plain SGD step on that row with the loss before and after.

Both work on the same network and loss as :func:`core.explain.explain` — float64, inference
mode (batch norm with its running statistics, no dropout), the row's data loss without weight
decay — so a student compares like with like: ``Network.numerical_gradient`` with
``train=False`` perturbs the user's own parameters (γ and β included) through that very loss.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.explain.report import Explanation, explained_network
from core.project import Project

TINY = 1e-12  # below this both gradients count as 0 (no relative error to speak of)


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
