"""The book's weight-initialisation experiment (docs/book.md §8), for the init-explorer lab.

Input randn(1000, 100) through 5 layers of 100 units without biases: with std 1 the sigmoid
piles up at 0 and 1, with std 0.01 it collapses to 0.5, Xavier keeps it spread; ReLU with He
stays steady across layers while std 0.01 dies out.
"""

from __future__ import annotations

import numpy as np

from core.engine import activations, initializers
from core.i18n import N_

#: the initialisations the lab compares: label → (initialiser name, std for "std"); the labels
#: are marked (N_): show them with ``_()``, keep the English as the key
CHOICES: dict[str, tuple[str, float]] = {
    N_("std 1"): ("std", 1.0),
    N_("std 0.01"): ("std", 0.01),
    "Xavier": ("xavier", 0.0),
    "He": ("he", 0.0),
}


def layer_activations(init: str, activation: str, layers: int = 5, units: int = 100,
                      samples: int = 1000, seed: int = 0) -> list[np.ndarray]:
    """Each layer's activations (samples × units) for the initialisation labelled ``init``."""
    name, std = CHOICES[init]
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((samples, units))
    result = []
    for _ in range(layers):
        w = rng.standard_normal((x.shape[1], units)) * initializers.scale(name, x.shape[1], std)
        x = activations.apply(activation, x @ w)
        result.append(x)
    return result


def saturated_fraction(values: np.ndarray, low: float = 0.1, high: float = 0.9) -> float:
    """The share of values below ``low`` or above ``high`` (a saturated sigmoid's)."""
    return float(np.mean((values < low) | (values > high)))


def zero_fraction(values: np.ndarray) -> float:
    """The share of values that are exactly 0 (a ReLU unit that is switched off)."""
    return float(np.mean(values == 0))


def layer_histogram(values: np.ndarray, edges: np.ndarray, drop_zeros: bool = False
                    ) -> np.ndarray:
    """The share of *all* ``values`` that falls in each bin between ``edges``. With
    ``drop_zeros`` the exact zeros are left out (ReLU's spike at 0, see :func:`zero_fraction`),
    so the bars sum to 1 − zero_fraction(values) (less whatever lies outside the edges)."""
    flat = np.ravel(values)
    counts, _ = np.histogram(flat[flat != 0] if drop_zeros else flat, bins=edges)
    return counts / max(1, flat.size)
