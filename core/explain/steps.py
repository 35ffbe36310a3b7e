"""The local rules of forward and backward, in words, as an ordered list of steps.

Backprop is a chain of small local rules — each node only needs what comes into it — and a
student learns it by walking that chain one node at a time. :func:`build_steps` turns a
:class:`~core.explain.trace.RowTrace` into that walk: the forward pass node by node, the loss,
then the backward pass node by node with the gradients each node's parameters receive. A window
can step through the list; the command line prints it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine.activations import LEAKY_SLOPE
from core.engine.params import param_name
from core.explain.trace import RowTrace
from core.spec import NodeSpec

PHASES = ("forward", "loss", "backward")

FORWARD_RULES: dict[str, str] = {
    "identity": "identity: a = z",
    "step": "step: a = 1 where z > 0, else 0",
    "sigmoid": "sigmoid: a = 1/(1 + e^−z)",
    "tanh": "tanh: a = tanh(z)",
    "relu": "ReLU: a = max(0, z)",
    "leaky_relu": f"leaky ReLU: a = z where z > 0, else {LEAKY_SLOPE}·z",
    "softmax": "softmax: a = e^z / Σ e^z (the outputs sum to 1)",
}

BACKWARD_RULES: dict[str, str] = {
    "identity": "identity passes δ unchanged: δ = ∂L/∂a",
    "step": "step has slope 0, so δ = 0: nothing flows back (why step units cannot learn)",
    "sigmoid": "sigmoid: δ = ∂L/∂a · a·(1 − a)",
    "tanh": "tanh: δ = ∂L/∂a · (1 − a²)",
    "relu": "ReLU passes δ where z > 0 and blocks it where z ≤ 0",
    "leaky_relu": f"leaky ReLU passes δ where z > 0 and {LEAKY_SLOPE}·δ elsewhere",
    "softmax": "softmax: δ = a·(∂L/∂a − Σ a·∂L/∂a)",
}

LOSS_RULES: dict[str, tuple[str, str]] = {  # (the loss, the output's δ)
    "cross_entropy": ("cross-entropy: L = −Σ t·log y",
                      "softmax + cross-entropy: δ = y − t"),
    "binary_cross_entropy": ("binary cross-entropy: L = −Σ [t·log y + (1 − t)·log(1 − y)]",
                             "sigmoid + binary cross-entropy: δ = y − t"),
    "mse": ("sum of squares: L = ½·Σ (y − t)²", "sum of squares: ∂L/∂y = y − t"),
}


@dataclass(frozen=True, eq=False)
class Step:
    """One move of the walk: ``phase`` is one of :data:`PHASES`; ``node_id`` the node it is at
    (None for the loss); ``rule`` the local rule in words; ``values`` what it computes, by the
    symbol the rule uses (``"z"``, ``"a"``, ``"δ"``, ``"∂L/∂a"``, or a parameter's name)."""

    phase: str
    node_id: str | None
    title: str
    rule: str
    values: dict[str, np.ndarray]


def build_steps(trace: RowTrace) -> list[Step]:
    """Forward node by node in execution order, the loss, then backward in reverse order."""
    spec = trace.spec
    order = spec.order()
    steps = [s for node_id in order for s in _forward(trace, spec.node(node_id))]
    loss_rule, _ = LOSS_RULES[trace.loss_name]
    steps.append(Step("loss", None, "loss", f"{loss_rule} (this row only, no weight decay)",
                      {"t": trace.target, "y": trace.output.a, "L": np.array([trace.loss])}))
    for node_id in reversed(order):
        steps += _backward(trace, spec.node(node_id))
    return steps


def _title(node: NodeSpec) -> str:
    what = "input" if node.kind == "input" else node.activation
    return f"{node.label} ({what}, {node.units} unit{'s' if node.units != 1 else ''})"


def _forward(trace: RowTrace, node: NodeSpec) -> list[Step]:
    values = trace.nodes[node.id]
    if node.kind == "input":
        return [Step("forward", node.id, _title(node),
                     "an input node passes the row on: a = x (after any scaling and derived "
                     "features)", {"a": values.a})]
    incoming = trace.spec.incoming(node.id)
    terms = " + ".join(f"a[{e.src}]·{param_name('W', e.id)}" for e in incoming)
    rule = f"z = {terms} + {param_name('b', node.id)}"
    if len(incoming) > 1:
        rule += f": a node with {len(incoming)} incoming connections adds their products"
    steps = [Step("forward", node.id, _title(node), rule,
                  {"z": values.z if values.z_raw is None else values.z_raw})]
    if values.z_raw is not None:
        steps.append(Step("forward", node.id, _title(node),
                          "batch norm at inference: z = γ·(z − μ)/√(σ² + ε) + β, with the "
                          "running averages μ, σ² kept while training", {"z": values.z}))
    rule = FORWARD_RULES[node.activation]
    if node.dropout > 0:
        rule += "; dropout is off at inference: every unit is kept"
    steps.append(Step("forward", node.id, _title(node), rule, {"a": values.a}))
    return steps


def _backward(trace: RowTrace, node: NodeSpec) -> list[Step]:
    values = trace.nodes[node.id]
    if node.kind == "input":
        return [Step("backward", node.id, _title(node),
                     f"{_gather(trace, node)}; an input has nothing to learn, but ∂L/∂x shows "
                     "which inputs the loss is sensitive to", {"∂L/∂x": values.delta})]
    if node.kind == "output":
        _, rule = LOSS_RULES[trace.loss_name]
        if trace.loss_name == "mse":
            rule += f"; then {BACKWARD_RULES[node.activation]}"
    else:
        rule = f"{_gather(trace, node)}; then {BACKWARD_RULES[node.activation]}"
    # A fused loss never forms ∂L/∂y on its own: only δ is shown at such an output.
    fused = node.kind == "output" and trace.loss_name != "mse"
    shown = {"δ": values.delta} if fused else {"∂L/∂a": values.d_a, "δ": values.delta}
    steps = [Step("backward", node.id, _title(node), rule, shown)]
    delta = values.delta
    if values.bn_scale is not None:
        delta = delta * values.bn_scale
        steps.append(Step("backward", node.id, _title(node),
                          "batch norm at inference scales δ by γ/√(σ² + ε) on its way back "
                          "to z before it; γ receives δ·x̂ and β receives δ",
                          {"δ before batch norm": delta,
                           param_name("gamma", node.id):
                               trace.gradients[param_name("gamma", node.id)],
                           param_name("beta", node.id):
                               trace.gradients[param_name("beta", node.id)]}))
    grads = {}
    parts = []
    for edge in trace.spec.incoming(node.id):
        name = param_name("W", edge.id)
        grads[name] = trace.gradients[name]
        parts.append(f"{name} receives a[{edge.src}]ᵀ·δ" +
                     (" (δ before batch norm)" if values.bn_scale is not None else ""))
    bias = param_name("b", node.id)
    grads[bias] = trace.gradients[bias]
    parts.append(f"{bias} receives δ")
    steps.append(Step("backward", node.id, _title(node), ", ".join(parts), grads))
    return steps


def _gather(trace: RowTrace, node: NodeSpec) -> str:
    """How ∂L/∂a reaches a node: through one outgoing connection, or summed over several."""
    outgoing = trace.spec.outgoing(node.id)
    terms = " + ".join(f"δ[{e.dst}]·{param_name('W', e.id)}ᵀ" for e in outgoing)
    if not outgoing:
        return "∂L/∂a = 0: nothing comes back to a node without outgoing connections"
    if len(outgoing) == 1:
        return f"∂L/∂a = {terms}: the next node's δ sent back through the weights"
    return (f"a node with {len(outgoing)} outgoing connections sums the δ coming back: "
            f"∂L/∂a = {terms}")
