"""Single perceptrons on the logic gates (docs/book.md §1), for the perceptron & XOR lab.

y = 1 if w·x + b > 0 else 0. AND, NAND and OR each have a line that separates their truth
table; XOR has none — :func:`best_line` searching a grid of weights never gets all four right.
"""

from __future__ import annotations

import numpy as np

from core.datasets import load_builtin
from core.i18n import N_

GATE_INPUTS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=np.float64)
FAR = 50.0  # the shading and the line reach this far, beyond any view of the four points
#: the weights of the book and of the client's study notes ("notes" on the buttons: the lab's
#: "seed" spin box is the random seed): label → (w1, w2, b); the labels are marked (N_): show
#: them with ``_()``, keep the English as the key (its first word names the gate)
PRESETS: dict[str, tuple[float, float, float]] = {
    N_("AND (book, notes)"): (0.5, 0.5, -0.7),
    N_("NAND (book)"): (-0.5, -0.5, 0.7),
    N_("OR (book)"): (0.5, 0.5, -0.2),
    N_("OR (notes)"): (0.6, 0.6, -0.5),
}


def gate_targets(gate: str) -> np.ndarray:
    """The truth table of ``gate`` ("and", "or", "nand", "xor") over GATE_INPUTS' rows."""
    data = load_builtin(gate)
    return data.y[:4].astype(np.int64)


def outputs(w1: float, w2: float, b: float, x: np.ndarray = GATE_INPUTS) -> np.ndarray:
    """The perceptron's 0/1 answers for rows ``x``."""
    return (x @ np.array([w1, w2]) + b > 0).astype(np.int64)


def margin(w1: float, w2: float, b: float, x: np.ndarray = GATE_INPUTS) -> float:
    """The smallest distance of any row of ``x`` to the line w₁x₁ + w₂x₂ + b = 0 (0 when
    w = 0: there is no line). 0 means a point lies on the line, where the neuron answers 0."""
    norm = float(np.hypot(w1, w2))
    if norm < 1e-12:
        return 0.0
    return float(np.min(np.abs(x @ np.array([w1, w2]) + b)) / norm)


def best_line(targets: np.ndarray, values: np.ndarray | None = None
              ) -> tuple[int, tuple[float, float, float]]:
    """Search every (w1, w2, b) on a grid (default −1…1 in steps of 0.1): the most rows any
    line gets right, and the weights of such a line with the largest :func:`margin` (the
    first in grid order among equal margins) — a line that clearly keeps its distance from
    every point rather than grazing one."""
    grid = np.round(np.linspace(-1, 1, 21), 10) if values is None else np.asarray(values)
    w1, w2, b = (a.ravel() for a in np.meshgrid(grid, grid, grid, indexing="ij"))
    sums = np.outer(w1, GATE_INPUTS[:, 0]) + np.outer(w2, GATE_INPUTS[:, 1]) + b[:, None]
    correct = np.sum((sums > 0).astype(np.int64) == targets, axis=1)
    norm = np.hypot(w1, w2)
    with np.errstate(divide="ignore", invalid="ignore"):
        margins = np.where(norm > 1e-12, np.abs(sums).min(axis=1) / norm, 0.0)
    best = int(correct.max())
    k = int(np.argmax(np.where(correct == best, np.round(margins, 9), -1.0)))  # first largest
    return best, (float(w1[k]), float(w2[k]), float(b[k]))


def two_layer_xor(x: np.ndarray = GATE_INPUTS,
                  nand: tuple[float, float, float] = PRESETS["NAND (book)"],
                  or_: tuple[float, float, float] = PRESETS["OR (book)"],
                  and_: tuple[float, float, float] = PRESETS["AND (book, notes)"],
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The book's XOR(x) = AND(NAND(x), OR(x)) with hand-set weights: the hidden outputs
    s1 = NAND(x), s2 = OR(x) and the answer y = AND(s1, s2), one entry per row of ``x``."""
    s1 = outputs(*nand, x=x)
    s2 = outputs(*or_, x=x)
    y = outputs(*and_, x=np.column_stack([s1, s2]).astype(np.float64))
    return s1, s2, y


def half_plane(w1: float, w2: float, b: float, far: float = FAR) -> np.ndarray:
    """The corners of the square [−far, far]² cut down to where w₁x₁ + w₂x₂ + b > 0 (an
    empty array when the neuron answers 0 everywhere): the region shaded as "output 1"."""
    square = [(-far, -far), (far, -far), (far, far), (-far, far)]
    corners = []
    for k, p in enumerate(square):
        q = square[(k + 1) % 4]
        sp, sq = w1 * p[0] + w2 * p[1] + b, w1 * q[0] + w2 * q[1] + b
        if sp > 0:
            corners.append(p)
        if (sp > 0) != (sq > 0):
            t = sp / (sp - sq)
            corners.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return np.array(corners, dtype=np.float64).reshape(-1, 2)


def line_points(w1: float, w2: float, b: float, far: float = FAR) -> tuple[np.ndarray, np.ndarray]:
    """Two points of w₁x₁ + w₂x₂ + b = 0 ``far`` out (none if w = 0), solved for the input
    with the larger weight so a steep line stays exact."""
    if abs(w2) >= abs(w1) and abs(w2) > 1e-12:
        x = np.array([-far, far])
        return x, -(w1 * x + b) / w2
    if abs(w1) > 1e-12:
        y = np.array([-far, far])
        return -(w2 * y + b) / w1, y
    return np.array([]), np.array([])
