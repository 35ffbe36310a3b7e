"""The activation-functions lab's numbers: each function with its slope, where the slope
vanishes, and why a hidden activation must be non-linear.

Backprop multiplies by f′(x): where it is (almost) 0 the weights before it barely learn. The
sigmoid's slope is 0.25 at best and under 0.01 for |x| above about 4.6; the step function has
no slope; ReLU's is 0 for every x < 0. And layers with the identity activation multiply out to
one matrix, so a stack of them is a single linear map y = K·x however deep it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine import activations
from core.engine.network import build
from core.engine.params import weight_name
from core.spec import NetworkSpec

#: the x the functions are drawn over
X = np.linspace(-6.0, 6.0, 601)
#: a slope below this barely moves the weights behind it
VANISHING = 0.01
#: every activation that works element-wise (softmax normalises whole rows)
FUNCTIONS = tuple(name for name in activations.NAMES if name != "softmax")
#: the stacked network: three hidden layers between one input and one output
STACK_SIZES = (1, 4, 4, 4, 1)
STACK_X = np.linspace(-3.0, 3.0, 121).reshape(-1, 1)
#: the hidden activations the stack offers, the collapsing identity first
STACK_ACTIVATIONS = ("identity", "relu", "sigmoid", "tanh", "leaky_relu")


def curves(name: str) -> tuple[np.ndarray, np.ndarray]:
    """f(X) and f′(X) of the activation ``name``, to draw."""
    return activations.apply(name, X), activations.derivative(name, X)


def values_at(x: float) -> dict[str, tuple[float, float]]:
    """(f(x), f′(x)) of every element-wise function, in :data:`FUNCTIONS` order."""
    point = np.array([x])
    return {name: (float(activations.apply(name, point)[0]),
                   float(activations.derivative(name, point)[0])) for name in FUNCTIONS}


def vanishing_intervals(name: str) -> list[tuple[float, float]]:
    """The stretches of :data:`X` where |f′(x)| < :data:`VANISHING`, as (first, last) x."""
    small = np.abs(activations.derivative(name, X)) < VANISHING
    edges = np.flatnonzero(np.diff(small.astype(np.int8)))  # the last index before a change
    starts = [0] * bool(small[0]) + [int(i) + 1 for i in edges if not small[i]]
    ends = [int(i) for i in edges if small[i]] + [len(X) - 1] * bool(small[-1])
    return [(float(X[a]), float(X[b])) for a, b in zip(starts, ends, strict=True)]


@dataclass(frozen=True)
class Stack:
    """The stacked network's output ``y`` over :data:`STACK_X`; ``k`` is the product of its
    weight matrices W1·W2·W3·W4, the single linear map the stack equals when every
    activation is the identity; ``gap`` is y's largest distance from the line y = k·x."""

    y: np.ndarray
    k: float

    @property
    def line(self) -> np.ndarray:
        return self.k * STACK_X[:, 0]

    @property
    def gap(self) -> float:
        return float(np.abs(self.y - self.line).max())


def stack(hidden_activation: str, seed: int = 3) -> Stack:
    """The 1-4-4-4-1 network with ``hidden_activation`` (identity output, Xavier weights drawn
    from ``seed``), run over :data:`STACK_X`."""
    spec = NetworkSpec.mlp(list(STACK_SIZES), hidden_activation=hidden_activation,
                           output_activation="identity", loss="mse", init="xavier")
    net = build(spec, seed=seed, dtype=np.float64)
    k = np.eye(1)
    for edge in spec.edges:  # a chain: input → hidden → … → output
        k = k @ net.params[weight_name(edge.id)]
    return Stack(net.predict(STACK_X)[:, 0], float(k[0, 0]))
