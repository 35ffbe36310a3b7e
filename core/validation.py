"""Validation of a network spec: every problem at once, each typed and explained.

Kept apart from :mod:`core.spec` so the data classes stay plain; functions take the spec
duck-typed (``nodes``/``edges``) to avoid an import cycle.
"""

from __future__ import annotations

import heapq
import re
from typing import TYPE_CHECKING

from core.engine import activations, initializers, losses
from core.i18n import _
from core.spec_problems import (
    ConnectionProblem,
    CycleProblem,
    DeadEndProblem,
    LossProblem,
    MultipleOutputsProblem,
    NoInputProblem,
    NoOutputProblem,
    OptionProblem,
    SizeProblem,
    SpecError,
    SpecProblem,
    UnitsProblem,
    UnreachableProblem,
)

if TYPE_CHECKING:
    from core.spec import NetworkSpec, NodeSpec

_ID_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")
#: the most units a hidden or output node may have, an input node (a data column each) and the
#: most weights one connection may hold: a hand-edited file asking for 10⁹ units made opening
#: it build weight matrices of 16 GB (a minute and a half, and all the memory, before the
#: stored weights' shapes were found not to match)
MAX_UNITS = 4096
MAX_INPUT_UNITS = 1_000_000
MAX_CONNECTION_WEIGHTS = 20_000_000
KINDS = ("input", "hidden", "output")
#: the largest fixed std of a node's starting weights (the Inspector's box goes to it): a file's
#: 1e300 drew weights a float32 network holds as infinite, and Reset Weights drew them again
MAX_INIT_STD = 10.0


def connection_problem(spec: NetworkSpec, src: str, dst: str) -> SpecProblem | None:
    """Why the edge src → dst may not be added to ``spec``, or None if it may."""
    ids = {n.id: n for n in spec.nodes}
    if src not in ids or dst not in ids:
        missing = src if src not in ids else dst
        return ConnectionProblem(_("there is no node {id}").format(id=repr(missing)), (missing,))
    a, b = ids[src], ids[dst]
    if src == dst:
        return ConnectionProblem(_("{node} cannot feed itself").format(node=a.label), (src,))
    if b.kind == "input":
        return ConnectionProblem(
            _("{node} is an input node: it takes data, not connections").format(node=b.label),
            (dst,))
    if a.kind == "output":
        return ConnectionProblem(
            _("{node} is the output node: nothing comes after it").format(node=a.label), (src,))
    if any(e.src == src and e.dst == dst for e in spec.edges):
        return ConnectionProblem(_("{src} is already connected to {dst}").format(
            src=a.label, dst=b.label), (src, dst))
    if _reaches(spec, dst, src):
        return CycleProblem(
            _("connecting {src} → {dst} would make a loop: {dst} already feeds {src}").format(
                src=a.label, dst=b.label), (src, dst))
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
        _key, node = heapq.heappop(ready)
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
        _("the connections form a loop through {nodes}: a network must flow one way, "
          "from inputs to the output").format(nodes=names), tuple(stuck))


def _node_problems(node: NodeSpec) -> list[SpecProblem]:
    problems: list[SpecProblem] = []
    ids = (node.id,)
    if node.kind not in KINDS:
        problems.append(OptionProblem(
            _("{node}: unknown kind {kind} (input, hidden or output)").format(
                node=node.label, kind=repr(node.kind)), ids))
    if node.units < 1:
        problems.append(UnitsProblem(
            _("{node} has {units} units: a node needs at least 1").format(
                node=node.label, units=node.units), ids))
    elif node.units > _most_units(node):
        problems.append(SizeProblem(
            _("{node} has {units:,} units: a node may have at most {limit:,}").format(
                node=node.label, units=node.units, limit=_most_units(node)), ids))
    if node.kind != "input":
        if node.activation not in activations.NAMES:
            problems.append(OptionProblem(
                _("{node}: unknown activation {name}; choose one of {names}").format(
                    node=node.label, name=repr(node.activation),
                    names=", ".join(activations.NAMES)), ids))
        if node.init not in initializers.NAMES:
            problems.append(OptionProblem(
                _("{node}: unknown initialiser {name}; choose one of {names}").format(
                    node=node.label, name=repr(node.init),
                    names=", ".join(initializers.NAMES)), ids))
        if node.init == "std" and not 0 < node.init_std <= MAX_INIT_STD:
            problems.append(OptionProblem(
                _("{node}: the initial weight std must be above 0 and at most {limit:g}, not "
                  "{std:g}").format(node=node.label, limit=MAX_INIT_STD, std=node.init_std),
                ids))
        if not 0.0 <= node.dropout < 1.0:
            problems.append(OptionProblem(
                _("{node}: dropout rate {rate} must be at least 0 and below 1").format(
                    node=node.label, rate=node.dropout), ids))
    if node.kind == "output":
        problems.extend(_loss_problems(node))
        if node.dropout > 0:
            problems.append(OptionProblem(
                _("{node}: dropout on the output node would drop predictions; use it on hidden "
                  "nodes").format(node=node.label), ids))
    return problems


def _most_units(node: NodeSpec) -> int:
    return MAX_INPUT_UNITS if node.kind == "input" else MAX_UNITS


def _loss_problems(node: NodeSpec) -> list[SpecProblem]:
    ids = (node.id,)
    if node.loss not in losses.NAMES:
        return [LossProblem(
            _("{node}: unknown loss {name}; choose one of {names}").format(
                node=node.label, name=repr(node.loss), names=", ".join(losses.NAMES)), ids)]
    required = losses.REQUIRED_ACTIVATION.get(node.loss)
    if required and node.activation != required:
        return [LossProblem(
            _("{node}: the {loss} loss needs a {required} output, not {activation} (use "
              "{fitting} with {activation})").format(
                node=node.label, loss=node.loss, required=required, activation=node.activation,
                fitting=losses.default_for(node.activation)), ids)]
    if node.activation == "softmax" and node.units < 2:
        return [LossProblem(
            _("{node}: a softmax over 1 unit always outputs 1; use 2+ units or a sigmoid").format(
                node=node.label), ids)]
    return []


def find_problems(spec: NetworkSpec) -> list[SpecProblem]:
    """Every reason ``spec`` cannot be built; an empty list means it can."""
    problems: list[SpecProblem] = []
    seen: set[str] = set()
    for node in spec.nodes:
        if not _ID_PATTERN.match(node.id):
            problems.append(OptionProblem(
                _("node id {id} may hold only letters, digits and _").format(id=repr(node.id)),
                (node.id,)))
        if node.id in seen:
            problems.append(OptionProblem(
                _("two nodes share the id {id}").format(id=repr(node.id)), (node.id,)))
        seen.add(node.id)
        problems.extend(_node_problems(node))

    problems.extend(_edge_problems(spec))

    inputs = [n.id for n in spec.nodes if n.kind == "input"]
    outputs = [n.id for n in spec.nodes if n.kind == "output"]
    if not inputs:
        problems.append(NoInputProblem(
            _("add an input node: nothing feeds data into the network")))
    if not outputs:
        problems.append(NoOutputProblem(
            _("add an output node: the network needs one to make its prediction")))
    elif len(outputs) > 1:
        problems.append(MultipleOutputsProblem(
            _("there are {n} output nodes; keep one (give it more units for more outputs)"
              ).format(n=len(outputs)), tuple(outputs)))

    _order, stuck = _kahn(spec)
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
            problems.append(ConnectionProblem(
                _("edge id {id} is repeated or not valid").format(id=repr(e.id))))
        seen_ids.add(e.id)
        if e.src not in ids or e.dst not in ids:
            problems.append(ConnectionProblem(
                _("edge {id} connects a node that does not exist ({src} → {dst})").format(
                    id=e.id, src=e.src, dst=e.dst)))
            continue
        if (e.src, e.dst) in seen_pairs:
            problems.append(ConnectionProblem(
                _("{src} is connected to {dst} twice").format(
                    src=ids[e.src].label, dst=ids[e.dst].label), (e.src, e.dst)))
        seen_pairs.add((e.src, e.dst))
        if ids[e.dst].kind == "input":
            problems.append(ConnectionProblem(
                _("{node} is an input node: it takes data, not connections").format(
                    node=ids[e.dst].label), (e.dst,)))
        if ids[e.src].kind == "output":
            problems.append(ConnectionProblem(
                _("{node} is the output node: nothing comes after it").format(
                    node=ids[e.src].label), (e.src,)))
        if e.src == e.dst:
            problems.append(ConnectionProblem(
                _("{node} feeds itself").format(node=ids[e.src].label), (e.src,)))
        sized = all(1 <= n.units <= _most_units(n) for n in (ids[e.src], ids[e.dst]))
        if sized and ids[e.src].units * ids[e.dst].units > MAX_CONNECTION_WEIGHTS:
            problems.append(SizeProblem(
                _("{src} → {dst} would hold {count:,} weights: a connection may hold at most "
                  "{limit:,}; give the nodes fewer units").format(
                    src=ids[e.src].label, dst=ids[e.dst].label,
                    count=ids[e.src].units * ids[e.dst].units, limit=MAX_CONNECTION_WEIGHTS),
                (e.src, e.dst)))
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
                _("{node} gets no data: connect an input node (or a node fed by one) to it"
                  ).format(node=node.label), (node.id,)))
        if node.kind != "output" and outputs and node.id not in to_outputs:
            problems.append(DeadEndProblem(
                _("{node} does not lead to the output, so it cannot affect the loss or learn: "
                  "connect it onward").format(node=node.label), (node.id,)))
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
