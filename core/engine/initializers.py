"""Weight initialisers: the standard deviation of the Gaussian a weight matrix is drawn from.

``n`` is the receiving node's total fan-in over all its incoming edges (docs/book.md §8).
Biases always start at 0.
"""

from __future__ import annotations

import math

DESCRIPTIONS: dict[str, str] = {
    "std": "Gaussian with a fixed standard deviation (the book's 0.01): small nets only.",
    "xavier": "Gaussian with std √(1/n), n = fan-in: keeps sigmoid/tanh layers spread out.",
    "he": "Gaussian with std √(2/n), n = fan-in: keeps ReLU layers alive layer after layer.",
    "zeros": "All weights 0: every unit of a layer stays identical (the symmetry problem).",
}
NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)


def scale(name: str, fan_in: int, std: float = 0.01) -> float:
    """The standard deviation that initialiser ``name`` uses for a node with this fan-in."""
    if name == "std":
        return float(std)
    if name == "xavier":
        return math.sqrt(1.0 / max(fan_in, 1))
    if name == "he":
        return math.sqrt(2.0 / max(fan_in, 1))
    if name == "zeros":
        return 0.0
    raise ValueError(f"unknown initialiser {name!r}; choose one of {', '.join(NAMES)}")
