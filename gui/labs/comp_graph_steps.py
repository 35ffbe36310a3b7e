"""The computational-graph lab's words for each step: what a node computed going forward,
and what its local rule sent back to each input, with the numbers."""

from __future__ import annotations

from core.labs.comp_graph import OPS, Graph, Node, Step


def fmt(value: float) -> str:
    """A number as the graph shows it: six significant digits, and 0 without a sign."""
    return "0" if value == 0 else f"{value:.6g}"


def short_rule(rule: str) -> str:
    """"backward: swaps its inputs — d(xy)/dx = y" → "swaps its inputs"."""
    return rule.removeprefix("backward: ").split(" — ")[0]


def _backward_words(node: Node, xs: list[float], y: float, step: Step) -> str:
    """What the node's local rule did, with the numbers."""
    d = step.value
    g = [fmt(grad) for grad in step.edge_grads]
    to = node.operands
    kind = node.kind
    if kind == "add":
        return f"+ passes dout = {fmt(d)} unchanged to {to[0]} and {to[1]}"
    if kind == "mul":
        return (f"× swaps its inputs: {fmt(d)} × {fmt(xs[1])} = {g[0]} to {to[0]}, "
                f"{fmt(d)} × {fmt(xs[0])} = {g[1]} to {to[1]}")
    if kind == "exp":
        return f"exp: dout × exp(x) = {fmt(d)} × {fmt(y)} = {g[0]} to {to[0]}"
    if kind == "log":
        return f"log: dout / x = {fmt(d)} / {fmt(xs[0])} = {g[0]} to {to[0]}"
    if kind == "reciprocal":
        return f"1/x: −dout / x² = −{fmt(d)} / {fmt(xs[0])}² = {g[0]} to {to[0]}"
    if kind == "relu":
        if xs[0] > 0:
            return f"ReLU: x = {fmt(xs[0])} > 0, so dout = {fmt(d)} passes to {to[0]}"
        return f"ReLU: x = {fmt(xs[0])} ≤ 0, so it blocks dout: 0 to {to[0]}"
    return f"σ: dout × y(1 − y) = {fmt(d)} × {fmt(y)} × {fmt(1 - y)} = {g[0]} to {to[0]}"


def describe(graph: Graph, values: dict[str, float], step: Step) -> str:
    """The step as the lab's caption says it: the node, its formula or rule, the numbers."""
    node = graph.node(step.node)
    xs = [values[o] for o in node.operands]
    if step.phase == "forward":
        formula = OPS[node.kind].formula.format(*map(fmt, xs))
        return f"Forward at {node.name}: {formula} = {fmt(step.value)}"
    return f"Backward at {node.name}: {_backward_words(node, xs, values[node.name], step)}"
