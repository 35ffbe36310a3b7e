"""Why the numerical gradient can disagree with a right backprop: a unit at its activation's
corner.

ReLU and leaky ReLU bend at z = 0 and step jumps there. When a unit's z sits within h of 0 —
an untrained network's bias of 0 on an input row of zeros puts it exactly there — nudging a
parameter by ±h moves z across 0, and the central difference averages the slopes of both
sides (half of ReLU's 1, or step's jump divided by 2h), while backprop takes the slope at z
itself, as training does. Check then disagrees although backprop is right; it says so and
names the unit instead of leaving the student to doubt the chain rule.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.engine.network import NUMERICAL_H
from core.explain.check import Agreement, Corner, agreement, numerical_gradients
from core.explain.report import Explanation, explained_network
from core.project import Project

#: the activations that are not smooth at z = 0
CORNERED = ("relu", "leaky_relu", "step")


def corners_crossed(project: Project, explanation: Explanation, parameter: str,
                    index: tuple[int, ...], h: float = NUMERICAL_H) -> tuple[Corner, ...]:
    """The units whose z (after batch norm, what the activation sees) lies on different sides
    of 0 with ``parameter[index]`` moved by +h and by −h, as the numerical gradient moves it."""
    network = explained_network(project)
    trace = explanation.trace
    array = network.params[parameter]
    saved = float(array[index])
    sides = []
    for nudge in (h, -h):
        array[index] = saved + nudge
        sides.append(network.activations(trace.x[None], train=False))
    array[index] = saved
    found = []
    for node in trace.spec.nodes:
        if node.kind == "input" or node.activation not in CORNERED:
            continue
        above, below = (side[node.id].pre[0] > 0 for side in sides)
        found += [Corner(node.id, int(unit), float(trace.nodes[node.id].z[unit]),
                         node.activation) for unit in np.flatnonzero(above != below)]
    return tuple(found)


def with_corners(project: Project, explanation: Explanation, found: Agreement) -> Agreement:
    """``found`` with the corners that its disagreeing parameter crosses (none when backprop
    and the numerical gradient agree)."""
    if found.agree or not found.parameter:
        return found
    return replace(found, corners=corners_crossed(project, explanation, found.parameter,
                                                  found.index))


def check_row(project: Project, explanation: Explanation,
              numerical: dict[str, np.ndarray] | None = None
              ) -> tuple[dict[str, np.ndarray], Agreement]:
    """Check: the row's numerical gradients (``numerical``, or computed now: two passes of the
    row per parameter, slow on a large network) and their verdict against backprop's, with
    the corners that explain a disagreement."""
    if numerical is None:
        numerical = numerical_gradients(project, explanation)
    found = agreement(explanation.trace.gradients, numerical)
    return numerical, with_corners(project, explanation, found)
