"""A scalar computational graph (docs/book.md §6), for the computational graph & backprop lab.

Every operation node has a local forward rule and a local backward rule, like the seed's
AddLayer and MulLayer: backward receives dout = d output / d node and hands each operand its
share along the edge (add passes dout through, mul swaps its inputs, …). Backprop is nothing
more than those local rules applied from the output back; the numerical gradient (central
differences) is the independent oracle it must agree with.

A graph is immutable: an edit returns a new graph, so a caller can keep or reject it whole.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Literal

from core.i18n import N_, _, ngettext

INPUT = "input"
Values = tuple[float, ...]


@dataclass(frozen=True)
class Op:
    """One kind of operation: ``forward(xs)`` is its value, ``backward(xs, y, dout)`` the
    gradient it sends along each input edge. ``formula`` writes it with {0}, {1} for the
    operands; ``rule`` says its backward rule in words (marked: show it with ``_()``)."""

    kind: str
    symbol: str
    arity: int
    formula: str
    rule: str
    forward: Callable[[Values], float]
    backward: Callable[[Values, float, float], Values]


def _exp(xs: Values) -> float:
    try:
        return math.exp(xs[0])
    except OverflowError:
        raise ValueError(_("exp({x}) is too large for a float").format(x=f"{xs[0]:g}")) from None


def _log(xs: Values) -> float:
    if xs[0] <= 0:
        raise ValueError(_("log needs a positive input, got log({x})").format(x=f"{xs[0]:g}"))
    return math.log(xs[0])


def _reciprocal(xs: Values) -> float:
    if xs[0] == 0:
        raise ValueError(_("1/x is undefined at x = 0 (division by zero)"))
    return 1.0 / xs[0]


def _sigmoid(xs: Values) -> float:
    x = xs[0]
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)  # the same value, without exp overflowing for very negative x
    return e / (1.0 + e)


OPS: dict[str, Op] = {op.kind: op for op in (
    Op("add", "+", 2, "{0} + {1}",
       N_("backward: passes dout unchanged to both inputs — d(x+y)/dx = d(x+y)/dy = 1"),
       lambda xs: xs[0] + xs[1], lambda xs, y, d: (d, d)),
    Op("mul", "×", 2, "{0} × {1}",
       N_("backward: swaps its inputs — d(xy)/dx = y, d(xy)/dy = x"),
       lambda xs: xs[0] * xs[1], lambda xs, y, d: (d * xs[1], d * xs[0])),
    Op("exp", "exp", 1, "exp({0})",
       N_("backward: dout × exp(x) — the node's own output, d(eˣ)/dx = eˣ"),
       _exp, lambda xs, y, d: (d * y,)),
    Op("log", "log", 1, "log({0})",
       N_("backward: dout / x — d(log x)/dx = 1/x (needs x > 0)"),
       _log, lambda xs, y, d: (d / xs[0],)),
    Op("reciprocal", "1/x", 1, "1/{0}",
       N_("backward: −dout / x² — d(1/x)/dx = −1/x² = −y² (needs x ≠ 0)"),
       _reciprocal, lambda xs, y, d: (-d / xs[0] ** 2,)),
    Op("relu", "ReLU", 1, "max(0, {0})",  # i18n: not ui
       N_("backward: passes dout if x > 0, else 0 — ReLU blocks it where x ≤ 0"),
       lambda xs: max(xs[0], 0.0), lambda xs, y, d: (d if xs[0] > 0 else 0.0,)),
    Op("sigmoid", "σ", 1, "σ({0})",
       N_("backward: dout × y(1 − y) — from its own output y = σ(x) alone"),
       _sigmoid, lambda xs, y, d: (d * y * (1.0 - y),)),
)}
KINDS: tuple[str, ...] = (INPUT, *OPS)


@dataclass(frozen=True)
class Node:
    """An input (a named leaf holding ``value``) or an operation of ``kind`` on the nodes
    named in ``operands`` (the same node may appear twice: x × x)."""

    name: str
    kind: str = INPUT
    operands: tuple[str, ...] = ()
    value: float = 0.0

    @property
    def is_input(self) -> bool:
        return self.kind == INPUT


def input_node(name: str, value: float) -> Node:
    return Node(name, INPUT, (), float(value))


def op_node(name: str, kind: str, *operands: str) -> Node:
    return Node(name, kind, tuple(operands))


@dataclass(frozen=True)
class Step:
    """One step of the pass, for revealing it one at a time. A forward step computes
    ``node``'s ``value``. A backward step takes ``value`` = dout (d output / d node, all of
    it arrived) and sends ``edge_grads`` back, one per operand edge, in operand order."""

    phase: Literal["forward", "backward"]
    node: str
    value: float
    edge_grads: Values = ()


def _validate(nodes: tuple[Node, ...]) -> None:
    if not nodes:
        raise ValueError(_("a graph needs at least one node"))
    seen: set[str] = set()
    names = {node.name for node in nodes}
    for node in nodes:
        if not node.name:
            raise ValueError(_("every node needs a name"))
        if node.name in seen:
            raise ValueError(_("two nodes are named {name!r}").format(name=node.name))
        if node.kind not in KINDS:
            raise ValueError(_("unknown node kind {kind!r} (choose from {kinds})").format(
                kind=node.kind, kinds=", ".join(KINDS)))
        arity = 0 if node.is_input else OPS[node.kind].arity
        if len(node.operands) != arity:
            raise ValueError(ngettext("node {name!r}: {kind} takes {arity} operand, got {got}",
                                      "node {name!r}: {kind} takes {arity} operands, got {got}",
                                      arity)
                             .format(name=node.name, kind=node.kind, arity=arity,
                                     got=len(node.operands)))
        if node.is_input and not math.isfinite(node.value):
            raise ValueError(_("input {name!r} needs a finite value, got {value}").format(
                name=node.name, value=node.value))
        for operand in node.operands:
            if operand in seen:
                continue
            if operand in names:
                raise ValueError(_(
                    "node {name!r} uses {operand!r}, which is not computed before it (a cycle "
                    "or a forward reference: list nodes in topological order)").format(
                        name=node.name, operand=operand))
            raise ValueError(_("node {name!r} uses an unknown node {operand!r}").format(
                name=node.name, operand=operand))
        seen.add(node.name)


@dataclass(frozen=True)
class Graph:
    """Inputs and operations in topological order (every operand comes earlier). The last
    node is the output."""

    nodes: tuple[Node, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "nodes", tuple(self.nodes))
        _validate(self.nodes)

    @cached_property
    def _by_name(self) -> dict[str, Node]:
        return {node.name: node for node in self.nodes}

    def node(self, name: str) -> Node:
        try:
            return self._by_name[name]
        except KeyError:
            raise ValueError(_("no node named {name!r}").format(name=name)) from None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(node.name for node in self.nodes)

    @property
    def inputs(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if node.is_input)

    @property
    def ops(self) -> tuple[Node, ...]:
        return tuple(node for node in self.nodes if not node.is_input)

    @property
    def output(self) -> str:
        return self.nodes[-1].name

    def depths(self) -> dict[str, int]:
        """0 for inputs, one more than the deepest operand for an operation."""
        depth: dict[str, int] = {}
        for node in self.nodes:
            depth[node.name] = 1 + max((depth[o] for o in node.operands), default=-1)
        return depth

    def dependents(self, name: str) -> set[str]:
        """``name`` and every node that uses it, directly or not."""
        found = {self.node(name).name}
        for node in self.nodes:
            if found.intersection(node.operands):
                found.add(node.name)
        return found

    def ancestors(self, name: str) -> set[str]:
        """``name`` and every node it is computed from."""
        found, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.node(current).operands)
        return found

    # ------------------------------------------------------------------ the two passes
    def forward(self) -> dict[str, float]:
        """Every node's value. A value outside an operation's domain (log of x ≤ 0, 1/0, exp
        overflowing) raises ValueError naming the node."""
        values: dict[str, float] = {}
        for node in self.nodes:
            if node.is_input:
                values[node.name] = node.value
                continue
            op = OPS[node.kind]
            try:
                y = op.forward(tuple(values[o] for o in node.operands))
            except ValueError as error:
                raise ValueError(_("node {name!r} ({symbol}): {error}").format(
                    name=node.name, symbol=op.symbol, error=error)) from None
            if not math.isfinite(y):
                raise ValueError(_("node {name!r} ({symbol}): the value overflows").format(
                    name=node.name, symbol=op.symbol))
            values[node.name] = y
        return values

    def schedule(self, dout: float = 1.0) -> list[Step]:
        """The forward steps (one per operation, in order), then the backward steps (one
        per operation the output depends on, from the output back)."""
        return self._passes(dout)[0]

    def backward(self, dout: float = 1.0) -> dict[str, float]:
        """d output / d node for every node (0 for nodes the output does not depend on)."""
        return self._passes(dout)[1]

    def _passes(self, dout: float) -> tuple[list[Step], dict[str, float]]:
        values = self.forward()
        steps = [Step("forward", node.name, values[node.name]) for node in self.ops]
        grads = dict.fromkeys(self.names, 0.0)
        grads[self.output] = dout
        needed = self.ancestors(self.output)
        for node in reversed(self.ops):
            if node.name not in needed:
                continue
            xs = tuple(values[o] for o in node.operands)
            edge_grads = OPS[node.kind].backward(xs, values[node.name], grads[node.name])
            for operand, grad in zip(node.operands, edge_grads, strict=True):
                grads[operand] += grad  # a node used twice sums what each edge sends
            steps.append(Step("backward", node.name, grads[node.name], edge_grads))
        return steps, grads

    # ------------------------------------------------------------------ editing
    def with_value(self, name: str, value: float) -> Graph:
        """The same graph with input ``name`` set to ``value``."""
        if not self.node(name).is_input:
            raise ValueError(_("{name!r} is computed, not an input: only inputs have values")
                             .format(name=name))
        return Graph(tuple(replace(n, value=float(value)) if n.name == name else n
                           for n in self.nodes))

    def with_node(self, kind: str, operands: tuple[str, ...] = (), name: str | None = None,
                  value: float = 0.0) -> Graph:
        """The graph with one more node (named after its kind unless ``name`` is given). An
        operation goes last and becomes the output; an input joins the other inputs."""
        name = name or self.free_name("x" if kind == INPUT else kind)
        node = Node(name, kind, tuple(operands), float(value))
        if kind != INPUT:
            return Graph((*self.nodes, node))
        at = 1 + max((k for k, n in enumerate(self.nodes) if n.is_input), default=-1)
        return Graph((*self.nodes[:at], node, *self.nodes[at:]))

    def without(self, name: str) -> Graph:
        """The graph without ``name`` and everything that depends on it."""
        gone = self.dependents(name)
        if len(gone) == len(self.nodes):
            raise ValueError(_("removing {name!r} would leave nothing: every node depends "
                               "on it").format(name=name))
        return Graph(tuple(n for n in self.nodes if n.name not in gone))

    def free_name(self, stem: str) -> str:
        """``stem`` followed by the first number not yet taken: mul1, mul2, …"""
        k = 1
        while f"{stem}{k}" in self._by_name:
            k += 1
        return f"{stem}{k}"


# ---------------------------------------------------------------------- presets
@dataclass(frozen=True)
class Preset:
    """A ready-made graph; ``title`` and ``note`` are marked (N_): show them with ``_()``."""

    title: str
    note: str
    graph: Graph


PRESETS: dict[str, Preset] = {
    "apples": Preset(
        N_("Apples (book): 100 × 2 × 1.1"),
        N_("2 apples at 100 each, 10 % tax: 220. Backward from 1, each × swaps its inputs: "
           "d apple = 2.2, d apple_num = 110, d tax = 200."),
        Graph((input_node("apple", 100), input_node("apple_num", 2), input_node("tax", 1.1),
               op_node("mul_apple", "mul", "apple", "apple_num"),
               op_node("mul_tax", "mul", "mul_apple", "tax")))),
    "apples_oranges": Preset(
        N_("Apples and oranges (book)"),
        N_("(100 × 2 + 150 × 3) × 1.1 = 715. The + passes its gradient 1.1 unchanged to both "
           "branches: d apple = 2.2, d apple_num = 110, d orange = 3.3, d orange_num = 165, "
           "d tax = 650."),
        Graph((input_node("apple", 100), input_node("apple_num", 2),
               input_node("orange", 150), input_node("orange_num", 3), input_node("tax", 1.1),
               op_node("mul_apple", "mul", "apple", "apple_num"),
               op_node("mul_orange", "mul", "orange", "orange_num"),
               op_node("add_fruit", "add", "mul_apple", "mul_orange"),
               op_node("mul_tax", "mul", "add_fruit", "tax")))),
    "sigmoid_by_hand": Preset(
        N_("σ(x) built as 1/(1 + exp(−x))"),
        N_("Four simple nodes, four local rules: the gradient that reaches x is y(1 − y) = "
           "0.196612 — the same as the single σ node's (next preset)."),
        Graph((input_node("x", 1), input_node("minus_one", -1), input_node("one", 1),
               op_node("neg", "mul", "x", "minus_one"), op_node("exp", "exp", "neg"),
               op_node("add", "add", "exp", "one"), op_node("y", "reciprocal", "add")))),
    "sigmoid_node": Preset(
        N_("σ(x) as one node"),
        N_("One σ node whose backward needs only its own output: dout × y(1 − y) = 0.196612 at "
           "x = 1, as the four-node version."),
        Graph((input_node("x", 1), op_node("y", "sigmoid", "x")))),
    "softplus": Preset(
        N_("softplus log(1 + eˣ)"),
        N_("exp, + and log chained: the gradient at x is eˣ/(1 + eˣ) = σ(x) = 0.731059."),
        Graph((input_node("x", 1), input_node("one", 1), op_node("exp", "exp", "x"),
               op_node("add", "add", "exp", "one"), op_node("y", "log", "add")))),
    "relu_neuron": Preset(
        N_("A ReLU neuron relu(w·x + b)"),
        N_("2 × 0.8 − 1 = 0.6 > 0, so ReLU passes the gradient: d w = x = 2, d x = w = 0.8, "
           "d b = 1. Make b below −1.6 and ReLU blocks every gradient."),
        Graph((input_node("x", 2), input_node("w", 0.8), input_node("b", -1),
               op_node("wx", "mul", "w", "x"), op_node("z", "add", "wx", "b"),
               op_node("y", "relu", "z")))),
}
