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

from core.engine import activations
from core.engine.activations import LEAKY_SLOPE
from core.engine.params import param_name
from core.explain.trace import RowTrace
from core.i18n import N_, _, ngettext
from core.spec import NetworkSpec, NodeSpec

PHASES = ("forward", "loss", "backward")
#: The phases' names for people (marked only: ``_(PHASE_WORDS[step.phase])`` where shown).
PHASE_WORDS = {"forward": N_("forward"), "loss": N_("loss"), "backward": N_("backward")}

# The rules are marked only and translated when the steps are built (``{slope}``: the leak).
FORWARD_RULES: dict[str, str] = {
    "identity": N_("identity: a = z"),
    "step": N_("step: a = 1 where z > 0, else 0"),
    "sigmoid": N_("sigmoid: a = 1/(1 + e^−z)"),
    "tanh": N_("tanh: a = tanh(z)"),
    "relu": N_("ReLU: a = max(0, z)"),
    "leaky_relu": N_("leaky ReLU: a = z where z > 0, else {slope}·z"),
    "softmax": N_("softmax: a = e^z / Σ e^z (the outputs sum to 1)"),
}

BACKWARD_RULES: dict[str, str] = {
    "identity": N_("identity passes δ unchanged: δ = ∂L/∂a"),
    "step": N_("step has slope 0, so δ = 0: nothing flows back (why step units cannot learn)"),
    "sigmoid": N_("sigmoid: δ = ∂L/∂a · a·(1 − a)"),
    "tanh": N_("tanh: δ = ∂L/∂a · (1 − a²)"),
    "relu": N_("ReLU passes δ where z > 0 and blocks it where z ≤ 0"),
    "leaky_relu": N_("leaky ReLU passes δ where z > 0 and {slope}·δ elsewhere"),
    "softmax": N_("softmax: δ = a·(∂L/∂a − Σ a·∂L/∂a)"),
}

LOSS_RULES: dict[str, tuple[str, str]] = {  # (the loss, the output's δ)
    "cross_entropy": (N_("cross-entropy: L = −Σ t·log y"),
                      N_("softmax + cross-entropy: δ = y − t")),
    "binary_cross_entropy": (
        N_("binary cross-entropy: L = −Σ [t·log y + (1 − t)·log(1 − y)]"),
        N_("sigmoid + binary cross-entropy: δ = y − t")),
    "mse": (N_("sum of squares: L = ½·Σ (y − t)²"), N_("sum of squares: ∂L/∂y = y − t")),
}


def rule_text(rule: str) -> str:
    """One of the rules above in the current language, with the leak filled in."""
    return _(rule).format(slope=LEAKY_SLOPE)


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
    """Forward node by node in execution order, the loss, then backward in reverse order.

    Titles and rules are worded in the current language when this runs: build the steps again
    (``build_steps(explanation.trace)``) to show them in another."""
    spec = trace.spec
    order = spec.order()
    steps = [s for node_id in order for s in _forward(trace, spec.node(node_id))]
    loss_rule = rule_text(LOSS_RULES[trace.loss_name][0])
    steps.append(Step("loss", None, _("loss"),
                      _("{rule} (this row only, no weight decay)").format(rule=loss_rule),
                      {"t": trace.target, "y": trace.output.a, "L": np.array([trace.loss])}))
    for node_id in reversed(order):
        steps += _backward(trace, spec.node(node_id))
    return steps


def _title(node: NodeSpec) -> str:
    # The activation as the canvas names it ("Sigmoid", "시그모이드").
    what = _("input") if node.kind == "input" else activations.title(node.activation)
    return ngettext("{label} ({what}, {n} unit)", "{label} ({what}, {n} units)",
                    node.units).format(label=node.label, what=what, n=node.units)


def _forward(trace: RowTrace, node: NodeSpec) -> list[Step]:
    values = trace.nodes[node.id]
    if node.kind == "input":
        return [Step("forward", node.id, _title(node),
                     _("an input node passes the row on: a = x (after any scaling and derived "
                       "features)"), {"a": values.a})]
    incoming = trace.spec.incoming(node.id)
    terms = " + ".join(f"a[{called(trace.spec, e.src)}]·{param_name('W', e.id)}" for e in incoming)
    rule = f"z = {terms} + {param_name('b', node.id)}"  # i18n: not ui (a formula)
    if len(incoming) > 1:
        rule = _("{rule}: a node with {n} incoming connections adds their products").format(
            rule=rule, n=len(incoming))
    steps = [Step("forward", node.id, _title(node), rule,
                  {"z": values.z if values.z_raw is None else values.z_raw})]
    if values.z_raw is not None:
        steps.append(Step("forward", node.id, _title(node),
                          _("batch norm at inference: z = γ·(z − μ)/√(σ² + ε) + β, with the "
                            "running averages μ, σ² kept while training"), {"z": values.z}))
    rule = rule_text(FORWARD_RULES[node.activation])
    if node.dropout > 0:
        rule = _("{rule}; dropout is off at inference: every unit is kept").format(rule=rule)
    steps.append(Step("forward", node.id, _title(node), rule, {"a": values.a}))
    return steps


def _backward(trace: RowTrace, node: NodeSpec) -> list[Step]:
    values = trace.nodes[node.id]
    if node.kind == "input":
        return [Step("backward", node.id, _title(node),
                     _("{gather}; an input has nothing to learn, but ∂L/∂x shows which inputs "
                       "the loss is sensitive to").format(gather=_gather(trace, node)),
                     {"∂L/∂x": values.delta})]
    then = _("{rule}; then {next}")
    backward = rule_text(BACKWARD_RULES[node.activation])
    if node.kind == "output":
        rule = rule_text(LOSS_RULES[trace.loss_name][1])
        if trace.loss_name == "mse":
            rule = then.format(rule=rule, next=backward)
    else:
        rule = then.format(rule=_gather(trace, node), next=backward)
    # A fused loss never forms ∂L/∂y on its own: only δ is shown at such an output.
    fused = node.kind == "output" and trace.loss_name != "mse"
    shown = {"δ": values.delta} if fused else {"∂L/∂a": values.d_a, "δ": values.delta}
    steps = [Step("backward", node.id, _title(node), rule, shown)]
    delta = values.delta
    if values.bn_scale is not None:
        delta = delta * values.bn_scale
        steps.append(Step("backward", node.id, _title(node),
                          _("batch norm at inference scales δ by γ/√(σ² + ε) on its way back "
                            "to z before it; γ receives δ·x̂ and β receives δ"),
                          {_("δ before batch norm"): delta,
                           param_name("gamma", node.id):
                               trace.gradients[param_name("gamma", node.id)],
                           param_name("beta", node.id):
                               trace.gradients[param_name("beta", node.id)]}))
    grads = {}
    parts = []
    receives = _("{name} receives a[{source}]ᵀ·δ (δ before batch norm)") \
        if values.bn_scale is not None else _("{name} receives a[{source}]ᵀ·δ")
    for edge in trace.spec.incoming(node.id):
        name = param_name("W", edge.id)
        grads[name] = trace.gradients[name]
        parts.append(receives.format(name=name, source=called(trace.spec, edge.src)))
    bias = param_name("b", node.id)
    grads[bias] = trace.gradients[bias]
    parts.append(_("{name} receives δ").format(name=bias))
    steps.append(Step("backward", node.id, _title(node), ", ".join(parts), grads))
    return steps


def called(spec: NetworkSpec, node_id: str) -> str:
    """How the walk's formulas and tables name a node: ``1`` in ``a[1]`` for "hidden 1", the
    student's own name for a node they named (``a[petals]``): the canvas shows only that."""
    return spec.node(node_id).name or node_id


def _gather(trace: RowTrace, node: NodeSpec) -> str:
    """How ∂L/∂a reaches a node: through one outgoing connection, or summed over several."""
    outgoing = trace.spec.outgoing(node.id)
    terms = " + ".join(f"δ[{called(trace.spec, e.dst)}]·{param_name('W', e.id)}ᵀ" for e in outgoing)
    if not outgoing:
        return _("∂L/∂a = 0: nothing comes back to a node without outgoing connections")
    if len(outgoing) == 1:
        return _("∂L/∂a = {terms}: the next node's δ sent back through the weights").format(
            terms=terms)
    return _("a node with {n} outgoing connections sums the δ coming back: ∂L/∂a = {terms}"
             ).format(n=len(outgoing), terms=terms)
