"""The independent oracle of the computational-graph lab: each input's backprop gradient
(:meth:`core.labs.comp_graph.Graph.backward`) beside the central-difference one, and whether
they agree once the numerical gradient's own round-off is allowed for."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from core.labs.comp_graph import Graph


def numerical_gradient(graph: Graph, h: float = 1e-4) -> dict[str, float]:
    """d output / d input for every input by central differences, (f(x+h) − f(x−h)) / 2h.
    Raises ValueError if x ± h leaves an operation's domain (log of an input near 0)."""
    def output_at(name: str, value: float) -> float:
        return graph.with_value(name, value).forward()[graph.output]

    return {node.name: (output_at(node.name, node.value + h) -
                        output_at(node.name, node.value - h)) / (2 * h)
            for node in graph.inputs}


ROUND_OFF = 10 * sys.float_info.epsilon  # relative error of one forward pass, generously


@dataclass(frozen=True)
class GradientCheck:
    """One input's backprop gradient beside its numerical one. ``noise`` is how far the
    numerical gradient itself can be off from round-off alone: each f(x ± h) carries an
    error of about ε·|f|, divided by 2h — at h = 1e-4 that is ~1e-11·|f|, far above the true
    value of a vanishing gradient (σ′(20) ≈ 2e-9 is then known to only 4 digits)."""

    name: str
    backprop: float
    numerical: float
    tolerance: float = 1e-6
    noise: float = 0.0

    @property
    def relative_error(self) -> float:
        """|b − n| / max(|b|, |n|), with a floor of 1e-8 so two near-zero gradients agree."""
        return abs(self.backprop - self.numerical) / max(abs(self.backprop),
                                                          abs(self.numerical), 1e-8)

    @property
    def ok(self) -> bool:
        """Within ``tolerance`` relatively, or within the numerical gradient's own noise."""
        difference = abs(self.backprop - self.numerical)
        return (self.relative_error < self.tolerance or
                difference <= self.noise + self.tolerance * max(abs(self.backprop),
                                                               abs(self.numerical)))


def check_gradients(graph: Graph, h: float = 1e-4, tolerance: float = 1e-6
                    ) -> list[GradientCheck]:
    """Backprop against the numerical gradient, input by input."""
    grads = graph.backward()
    numerical = numerical_gradient(graph, h)
    noise = ROUND_OFF * max(1.0, abs(graph.forward()[graph.output])) / h
    return [GradientCheck(node.name, grads[node.name], numerical[node.name], tolerance, noise)
            for node in graph.inputs]
