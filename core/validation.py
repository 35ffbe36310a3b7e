"""Validation of a network spec: every problem at once, each typed and explained.

Kept apart from :mod:`core.spec` so the data classes stay plain; functions take the spec
duck-typed (``nodes``/``edges``) to avoid an import cycle.
"""

from __future__ import annotations

import heapq
import re
from typing import TYPE_CHECKING

from core.engine import activations, initializers, losses
from core.spec_problems import (
    ConnectionProblem,
    CycleProblem,
    DeadEndProblem,
    LossProblem,
    MultipleOutputsProblem,
    NoInputProblem,
    NoOutputProblem,
    OptionProblem,
    SpecError,
    SpecProblem,
    UnitsProblem,
    UnreachableProblem,
)

if TYPE_CHECKING:
    from core.spec import NetworkSpec, NodeSpec

_ID_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")
KINDS = ("input", "hidden", "output")


def connection_problem(spec: NetworkSpec, src: str, dst: str) -> SpecProblem | None:
    """Why the edge src → dst may not be added to ``spec``, or None if it may."""
    ids = {n.id: n for n in spec.nodes}
    if src not in ids or dst not in ids:
        missing = src if src not in ids else dst
        return ConnectionProblem(f"there is no node {missing!r}", (missing,))
    a, b = ids[src], ids[dst]
    if src == dst:
        return ConnectionProblem(f"{a.label} cannot feed itself", (src,))
    if b.kind == "input":
        return ConnectionProblem(
            f"{b.label} is an input node: it takes data, not connections", (dst,))
    if a.kind == "output":
        return ConnectionProblem(
            f"{a.label} is the output node: nothing comes after it", (src,))
    if any(e.src == src and e.dst == dst for e in spec.edges):
        return ConnectionProblem(f"{a.label} is already connected to {b.label}", (src, dst))
    if _reaches(spec, dst, src):
        return CycleProblem(
            f"connecting {a.label} → {b.label} would make a loop: {b.label} already feeds "
            f"{a.label}", (src, dst))
    return None


def _reaches(spec: NetworkSpec, start: str, goal: str) -> bool:
    succ = _successors(spec)
    seen = {start}
    todo = [start]
    while todo:
        node = todo.pop()
        if node == goal:
            return True
        for nxt in succ.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def _successors(spec: NetworkSpec) -> dict[str, list[str]]:
    succ: dict[str, list[str]] = {n.id: [] for n in spec.nodes}
    for e in spec.edges:
        if e.src in succ and e.dst in succ:
            succ[e.src].append(e.dst)
    return succ


def topological_order(spec: NetworkSpec) -> list[str]:
    """Node ids so that every edge goes forward; ties keep the spec's node order.

    Raises SpecError with a CycleProblem naming the nodes on loops."""
    order, stuck = _kahn(spec)
    if stuck:
        raise SpecError([_cycle_problem(spec, stuck)])
    return order


def _kahn(spec: NetworkSpec) -> tuple[list[str], list[str]]:
    """Kahn's algorithm; ties go to the node created first, so the order is stable."""
    succ = _successors(spec)
    indegree = {n.id: 0 for n in spec.nodes}
    for targets in succ.values():
        for t in targets:
            indegree[t] += 1
    position = {n.id: i for i, n in enumerate(spec.nodes)}
    ready = [(position[i], i) for i, d in indegree.items() if d == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        order.append(node)
        for nxt in succ[node]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(ready, (position[nxt], nxt))
    done = set(order)
    stuck = [n.id for n in spec.nodes if n.id not in done]
    return order, _trim_downstream(stuck, succ)


def _trim_downstream(stuck: list[str], succ: dict[str, list[str]]) -> list[str]:
    """Of the nodes Kahn could not order, drop those merely fed by a loop (peel sinks off), so
    the problem names the nodes on the loop itself."""
    remaining = set(stuck)
    changed = True
    while changed:
        sinks = {n for n in remaining if not any(m in remaining for m in succ[n])}
        remaining -= sinks
        changed = bool(sinks)
    return [n for n in stuck if n in remaining]


def _cycle_problem(spec: NetworkSpec, stuck: list[str]) -> CycleProblem:
    labels = {n.id: n.label for n in spec.nodes}
    names = ", ".join(labels[i] for i in stuck)
    return CycleProblem(
        f"the connections form a loop through {names}: a network must flow one way, "
        "from inputs to the output", tuple(stuck))


def _node_problems(node: NodeSpec) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    ids = (node.id,)
    if node.kind not in KINDS:
        problems.append(OptionProblem(
            f"{node.label}: unknown kind {node.kind!r} (input, hidden or output)", ids))
    if node.units < 1:
        problems.append(UnitsProblem(
            f"{node.label} has {node.units} units: a node needs at least 1", ids))
    if node.kind != "input":
        if node.activation not in activations.NAMES:
            problems.append(OptionProblem(
                f"{node.label}: unknown activation {node.activation!r}; choose one of "
                f"{', '.join(activations.NAMES)}", ids))
        if node.init not in initializers.NAMES:
            problems.append(OptionProblem(
                f"{node.label}: unknown initialiser {node.init!r}; choose one of "
                f"{', '.join(initializers.NAMES)}", ids))
        if node.init == "std" and not node.init_std > 0:
            problems.append(OptionProblem(
                f"{node.label}: the initial weight std must be above 0", ids))
        if not 0.0 <= node.dropout < 1.0:
            problems.append(OptionProblem(
                f"{node.label}: dropout rate {node.dropout} must be at least 0 and below 1", ids))
    if node.kind == "output":
        problems.extend(_loss_problems(node))
        if node.dropout > 0:
            problems.append(OptionProblem(
                f"{node.label}: dropout on the output node would drop predictions; "
                "use it on hidden nodes", ids))
    return problems


def _loss_problems(node: NodeSpec) -> list[SpecProblem]:
    ids = (node.id,)
    if node.loss not in losses.NAMES:
        return [LossProblem(
            f"{node.label}: unknown loss {node.loss!r}; choose one of {', '.join(losses.NAMES)}",
            ids)]
    required = losses.REQUIRED_ACTIVATION.get(node.loss)
    if required and node.activation != required:
        return [LossProblem(
            f"{node.label}: the {node.loss} loss needs a {required} output, not "
            f"{node.activation} (use {losses.default_for(node.activation)} with {node.activation})",
            ids)]
    if node.activation == "softmax" and node.units < 2:
        return [LossProblem(
            f"{node.label}: a softmax over 1 unit always outputs 1; use 2+ units or a sigmoid",
            ids)]
    return []


def find_problems(spec: NetworkSpec) -> list[SpecProblem]:
    """Every reason ``spec`` cannot be built; an empty list means it can."""
    problems: list[SpecProblem] = []
    seen: set[str] = set()
    for node in spec.nodes:
        if not _ID_PATTERN.match(node.id):
            problems.append(OptionProblem(
                f"node id {node.id!r} may hold only letters, digits and _", (node.id,)))
        if node.id in seen:
            problems.append(OptionProblem(f"two nodes share the id {node.id!r}", (node.id,)))
        seen.add(node.id)
        problems.extend(_node_problems(node))

    problems.extend(_edge_problems(spec))

    inputs = [n.id for n in spec.nodes if n.kind == "input"]
    outputs = [n.id for n in spec.nodes if n.kind == "output"]
    if not inputs:
        problems.append(NoInputProblem("add an input node: nothing feeds data into the network"))
    if not outputs:
        problems.append(NoOutputProblem(
            "add an output node: the network needs one to make its prediction"))
    elif len(outputs) > 1:
        problems.append(MultipleOutputsProblem(
            f"there are {len(outputs)} output nodes; keep one (give it more units for "
            "more outputs)", tuple(outputs)))

    _, stuck = _kahn(spec)
    if stuck:
        problems.append(_cycle_problem(spec, stuck))
        return problems
    problems.extend(_reachability_problems(spec, inputs, outputs))
    return problems


def _edge_problems(spec: NetworkSpec) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    ids = {n.id: n for n in spec.nodes}
    seen_ids: set[str] = set()
    seen_pairs: set[tuple[str, str]] = set()
    for e in spec.edges:
        if e.id in seen_ids or not _ID_PATTERN.match(e.id):
            problems.append(ConnectionProblem(f"edge id {e.id!r} is repeated or not valid"))
        seen_ids.add(e.id)
        if e.src not in ids or e.dst not in ids:
            problems.append(ConnectionProblem(
                f"edge {e.id} connects a node that does not exist ({e.src} → {e.dst})"))
            continue
        if (e.src, e.dst) in seen_pairs:
            problems.append(ConnectionProblem(
                f"{ids[e.src].label} is connected to {ids[e.dst].label} twice", (e.src, e.dst)))
        seen_pairs.add((e.src, e.dst))
        if ids[e.dst].kind == "input":
            problems.append(ConnectionProblem(
                f"{ids[e.dst].label} is an input node: it takes data, not connections", (e.dst,)))
        if ids[e.src].kind == "output":
            problems.append(ConnectionProblem(
                f"{ids[e.src].label} is the output node: nothing comes after it", (e.src,)))
        if e.src == e.dst:
            problems.append(ConnectionProblem(f"{ids[e.src].label} feeds itself", (e.src,)))
    return problems


def _reachability_problems(spec: NetworkSpec, inputs: list[str], outputs: list[str]
                           ) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    succ = _successors(spec)
    pred: dict[str, list[str]] = {n.id: [] for n in spec.nodes}
    for src, targets in succ.items():
        for dst in targets:
            pred[dst].append(src)
    from_inputs = _closure(inputs, succ)
    to_outputs = _closure(outputs, pred)
    for node in spec.nodes:
        if node.kind != "input" and inputs and node.id not in from_inputs:
            problems.append(UnreachableProblem(
                f"{node.label} gets no data: connect an input node (or a node fed by one) to it",
                (node.id,)))
        if node.kind != "output" and outputs and node.id not in to_outputs:
            problems.append(DeadEndProblem(
                f"{node.label} does not lead to the output, so it cannot affect the loss or "
                "learn: connect it onward", (node.id,)))
    return problems


def _closure(starts: list[str], step: dict[str, list[str]]) -> set[str]:
    seen = set(starts)
    todo = list(starts)
    while todo:
        for nxt in step[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
