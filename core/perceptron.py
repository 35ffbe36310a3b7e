"""Single perceptrons on the logic gates (CONCEPTS.md §1), for the perceptron & XOR lab.

y = 1 if w·x + b > 0 else 0. AND, NAND and OR each have a line that separates their truth
table; XOR has none — :func:`best_line` searching a grid of weights never gets all four right.
"""

from __future__ import annotations

import itertools

import numpy as np

from .datasets import load_builtin

GATE_INPUTS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=np.float64)
#: the book's and the seed's weights: label → (w1, w2, b)
PRESETS: dict[str, tuple[float, float, float]] = {
    "AND (book, seed)": (0.5, 0.5, -0.7),
    "NAND (book)": (-0.5, -0.5, 0.7),
    "OR (book)": (0.5, 0.5, -0.2),
    "OR (seed)": (0.6, 0.6, -0.5),
}


def gate_targets(gate: str) -> np.ndarray:
    """The truth table of ``gate`` ("and", "or", "nand", "xor") over GATE_INPUTS' rows."""
    data = load_builtin(gate)
    return data.y[:4].astype(np.int64)


def outputs(w1: float, w2: float, b: float, x: np.ndarray = GATE_INPUTS) -> np.ndarray:
    """The perceptron's 0/1 answers for rows ``x``."""
    return (x @ np.array([w1, w2]) + b > 0).astype(np.int64)


def best_line(targets: np.ndarray, values: np.ndarray | None = None
              ) -> tuple[int, tuple[float, float, float]]:
    """Search every (w1, w2, b) on a grid (default −1…1 in steps of 0.1): the most rows any
    line gets right, and the first weights that do."""
    grid = np.round(np.linspace(-1, 1, 21), 10) if values is None else values
    best, weights = -1, (0.0, 0.0, 0.0)
    for w1, w2, b in itertools.product(grid, grid, grid):
        correct = int(np.sum(outputs(w1, w2, b) == targets))
        if correct > best:
            best, weights = correct, (float(w1), float(w2), float(b))
            if best == len(targets):
                break
    return best, weights
