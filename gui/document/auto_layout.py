"""Auto-layout: nodes in columns by their depth in the graph (Qt-free)."""

from __future__ import annotations

from collections.abc import Mapping

from core.spec import NetworkSpec
from core.spec_problems import SpecError

COLUMN_GAP = 230.0
ROW_GAP = 40.0


def depths(spec: NetworkSpec) -> dict[str, int]:
    """Longest path from a node without inputs (a file with a loop is laid out in creation
    order). The output node goes to the last column."""
    try:
        order = spec.order()
    except SpecError:
        order = [n.id for n in spec.nodes]
    depth = dict.fromkeys((n.id for n in spec.nodes), 0)
    for node_id in order:
        for edge in spec.outgoing(node_id):
            if edge.dst in depth:
                depth[edge.dst] = max(depth[edge.dst], depth[node_id] + 1)
    last = max(depth.values(), default=0)
    for node in spec.nodes:
        if node.kind == "output" and spec.incoming(node.id):
            depth[node.id] = last
    return depth


def layered_positions(spec: NetworkSpec, heights: Mapping[str, float]
                      ) -> dict[str, tuple[float, float]]:
    """Centre positions: one column per depth, each column stacked and centred on y = 0,
    keeping the nodes' current top-to-bottom order."""
    columns: dict[int, list[str]] = {}
    for node_id, d in depths(spec).items():
        columns.setdefault(d, []).append(node_id)
    positions: dict[str, tuple[float, float]] = {}
    for d, ids in columns.items():
        ids.sort(key=lambda i: spec.node(i).position[1])
        total = sum(heights.get(i, 60.0) for i in ids) + ROW_GAP * (len(ids) - 1)
        y = -total / 2
        for node_id in ids:
            h = heights.get(node_id, 60.0)
            positions[node_id] = (d * COLUMN_GAP, round(y + h / 2, 1))
            y += h + ROW_GAP
    return positions
