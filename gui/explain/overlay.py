"""What the canvas shows at step ``k`` of an explanation: every value the walk has revealed so
far on its node or connection, the newest phase's in its colour (forward green, backward red as
in the computational-graph lab), the step's own node and connections marked.

A step reveals the symbols in its ``values`` (:class:`core.explain.Step`); a node keeps the
latest of each side — z then δ beside the incoming side of each neuron, a then ∂L/∂a beside
the outgoing side — and a connection its weights, then ∂L/∂W. Large nodes (above the canvas's
neuron limit) get one line instead: the norm of their latest vector.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from core.datasets.targets import class_words
from core.engine.params import param_name
from core.explain import Explanation, Step
from core.spec import EdgeSpec, NetworkSpec
from gui import theme
from gui.canvas import style
from gui.canvas.overlay import EdgeOverlay, NodeOverlay

LEFT = ("z", "δ")  # the incoming side of a neuron: pre-activation, then its gradient
RIGHT = ("a", "∂L/∂a", "∂L/∂x")  # the outgoing side
ACCENT = {"forward": theme.FORWARD_VALUE, "loss": theme.GRADIENT, "backward": theme.GRADIENT}


def number(value: float) -> str:
    """A value as the canvas and the panel show it: three significant digits."""
    return f"{value:.3g}"


def step_overlays(explanation: Explanation, k: int, weights: dict[str, np.ndarray],
                  neuron_limit: int, classes: Sequence[str] = ()
                  ) -> tuple[dict[str, NodeOverlay], dict[str, EdgeOverlay]]:
    """The overlays after steps 0…k. ``weights`` are the connections' matrices by parameter
    name (shown on a connection once its destination's z is computed); ``classes`` the data
    set's class names, which name a one-hot target (a regression's target of 0s and 1s, without
    them, is its values)."""
    spec = explanation.trace.spec
    steps = explanation.steps[:k + 1]
    current = steps[-1] if steps else None
    edge_of = {param_name("W", e.id): e.id for e in spec.edges}
    sides: dict[str, dict[str, tuple[str, np.ndarray]]] = {}
    phase_of: dict[str, str] = {}
    newest: dict[str, tuple[str, np.ndarray]] = {}  # what colours the node
    edges: dict[str, tuple[np.ndarray, str]] = {}
    caption = ""
    for step in steps:
        if step.node_id is None:  # the loss
            loss, target = number(step.values["L"][0]), _target(step.values["t"], classes)
            caption = f"L = {loss}, t = {target}"  # i18n: not ui
            continue
        phase_of[step.node_id] = step.phase
        for symbol, value in step.values.items():
            side = "left" if symbol in LEFT else "right" if symbol in RIGHT else None
            if side is not None:
                sides.setdefault(step.node_id, {})[side] = (symbol, np.ravel(value))
                newest[step.node_id] = (symbol, np.ravel(value))
            elif symbol in edge_of:
                edges[edge_of[symbol]] = (np.asarray(value), step.phase)
        if step.phase == "forward" and "z" in step.values:
            for edge in spec.incoming(step.node_id):
                name = param_name("W", edge.id)
                edges.setdefault(edge.id, (np.asarray(weights[name]), "forward"))
    current_edges = set()
    if current is not None and current.node_id is not None:
        named = [edge_of[s] for s in current.values if s in edge_of]
        if current.phase == "forward" and "z" in current.values:
            named = [e.id for e in spec.incoming(current.node_id)]
        current_edges = set(named)
    nodes = {}
    for node_id, shown in sides.items():
        big = spec.node(node_id).units > neuron_limit
        here = current is not None and current.node_id == node_id
        nodes[node_id] = _node(shown, newest[node_id], big, here, ACCENT[phase_of[node_id]])
    output = spec.output.id
    if caption and output in nodes:
        nodes[output] = _with_caption(nodes[output], caption, current)
    edge_overlays = {edge_id: _edge(values, phase, spec, spec.edge(edge_id), neuron_limit,
                                    edge_id in current_edges)
                     for edge_id, (values, phase) in edges.items()}
    return nodes, edge_overlays


def _target(t: np.ndarray, classes: Sequence[str]) -> str:
    """A target short enough for a node's footer: its values, or which class is hot, worded
    as the dock's row and every view name a class (``class c2``, ``클래스 c2``)."""
    if t.size <= 2:
        return " ".join(number(v) for v in t)
    if len(classes) == t.size and np.isin(t, (0.0, 1.0)).all() and t.sum() == 1:
        return class_words(classes[int(np.argmax(t))])
    return f"{number(t[0])} …"


def _node(shown: dict[str, tuple[str, np.ndarray]], last: tuple[str, np.ndarray], big: bool,
          current: bool, accent: str) -> NodeOverlay:
    """A node's overlay: its numbers on both sides, coloured by the newest vector, and the
    footer naming what each side shows (``z | a``, ``δ | ∂L/∂a``)."""
    symbol, values = last
    scale = float(np.max(np.abs(values))) if values.size else 0.0
    if big:
        return NodeOverlay(fills=(style.value_fill(float(np.mean(values)), scale),),
                           caption=f"‖{symbol}‖ = {number(float(np.linalg.norm(values)))}",
                           current=current, accent=accent)
    left, right = shown.get("left"), shown.get("right")
    return NodeOverlay(
        left=tuple(number(v) for v in left[1]) if left else (),
        right=tuple(number(v) for v in right[1]) if right else (),
        fills=tuple(style.value_fill(float(v), scale) for v in values),
        caption=" | ".join(side[0] for side in (left, right) if side),
        current=current, accent=accent)


def _with_caption(overlay: NodeOverlay, caption: str, current: Step) -> NodeOverlay:
    """The output node with the row's loss and target in its footer, from the loss step on
    (marked while that step is shown)."""
    return replace(overlay, caption=caption, accent=theme.GRADIENT,
                   current=overlay.current or current.phase == "loss")


def _edge(values: np.ndarray, phase: str, spec: NetworkSpec, edge: EdgeSpec,
          neuron_limit: int, current: bool) -> EdgeOverlay:
    """Every number of a small connection (row-major), or the norm on a large one: its
    weights forward, ∂L/∂W backward."""
    accent = ACCENT[phase]
    small = all(spec.node(n).units <= neuron_limit for n in (edge.src, edge.dst))
    if small:
        return EdgeOverlay(labels=tuple(number(v) for v in np.ravel(values)), current=current,
                           accent=accent)
    symbol = "W" if phase == "forward" else "∂L/∂W"  # two lines: between two cards' ports
    return EdgeOverlay(caption=f"‖{symbol}‖ =\n{number(float(np.linalg.norm(values)))}",
                       current=current, accent=accent)
