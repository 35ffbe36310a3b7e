"""The execution plan of a network: its nodes in forward order, each as a short list of layers
wired to the flat parameter vector, worked out once so a training step only runs it.

Which parameters there are, their names, shapes and starting values come from
:mod:`core.engine.params`, which the canvas uses too, so the engine and the weights a student
edits always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine import activations, params
from core.engine.buffers import ParamDict, flat_views
from core.engine.layers import BatchNorm, Dense, Dropout
from core.engine.params import bias_name, param_name, weight_name
from core.spec import NetworkSpec


@dataclass
class Step:
    """How to compute one non-input node: dense → [batch norm] → activation → [dropout]."""

    node_id: str
    slot: int
    dense: Dense
    activation: activations.Activation
    batch_norm: BatchNorm | None
    gamma: str
    beta: str
    dropout: Dropout | None
    softmax_ce: bool = False  # the output of a softmax + cross-entropy network


@dataclass
class Plan:
    """Everything :class:`~core.engine.network.Network` runs. Nodes are addressed by slot, their
    place in ``order``; ``input_blocks`` are (slot, first column, width) of each input node's
    columns of x. ``weights`` pairs every weight matrix with its gradient, in layout order."""

    order: list[str]
    units: list[int]
    input_blocks: list[tuple[int, int, int]]
    input_slots: set[int]
    steps: list[Step]
    flat_params: np.ndarray
    flat_grads: np.ndarray
    params: ParamDict
    grads: dict[str, np.ndarray]
    state: dict[str, np.ndarray]
    weights: list[tuple[np.ndarray, np.ndarray]]

    @property
    def input_units(self) -> int:
        return sum(units for _, _, units in self.input_blocks)


def make_plan(spec: NetworkSpec, dtype: np.dtype, rng: np.random.Generator,
              draw: bool = True, flat: tuple[np.ndarray, np.ndarray] | None = None) -> Plan:
    """Lay out and initialise the parameters of a checked ``spec`` and wire up its layers.

    Weights are drawn from ``rng`` in layout order, so one seed gives one start; without
    ``draw`` they start at 0 (weights loaded next: drawing millions only to overwrite them took
    a tenth of a second per 2000×2000 matrix) and ``rng`` is left as it was — so only for a
    network that never trains (Explain's): dropout's masks come from ``rng`` after the weights,
    and a network that trains must draw them first to get the seed's masks. ``flat`` gives the
    vectors the parameters and gradients are laid out in (see
    :func:`~core.engine.buffers.flat_views`) instead of new ones: the parameters are the ones
    already there (nothing is drawn or set to a starting value), the gradients should be 0."""
    order = spec.order()
    slot = {node_id: i for i, node_id in enumerate(order)}
    # Input nodes take consecutive column blocks of x, in spec order.
    input_blocks, offset = [], 0
    for node in spec.inputs:
        input_blocks.append((slot[node.id], offset, node.units))
        offset += node.units
    input_slots = {s for s, _, _ in input_blocks}

    shapes = params.shapes(spec)
    into_params, into_grads = flat if flat is not None else (None, None)
    flat_params, views = flat_views(shapes, dtype, into_params)
    flat_grads, grads = flat_views(shapes, dtype, into_grads)
    state: dict[str, np.ndarray] = {}
    steps, weights = [], []
    for node_id in order:
        node = spec.node(node_id)
        if node.kind == "input":
            continue
        incoming = spec.incoming(node_id)
        names = [weight_name(e.id) for e in incoming]
        for edge, name in zip(incoming, names, strict=True):
            if draw and flat is None:
                views[name][...] = params.edge_weight(spec, edge, rng)
            weights.append((views[name], grads[name]))
        own, statistics = params.split(params.node_params(node))
        for name, start in own.items():
            if flat is None:
                views[name][...] = start
        for name, start in statistics.items():
            state[name] = start.astype(dtype)
        dense = Dense([slot[e.src] for e in incoming], [views[w] for w in names],
                      views[bias_name(node_id)], [grads[w] for w in names],
                      grads[bias_name(node_id)],
                      [slot[e.src] not in input_slots for e in incoming])
        bn = None
        if node.batch_norm:
            bn = BatchNorm(state[param_name("mean", node_id)], state[param_name("var", node_id)])
        dropout = Dropout(node.dropout, rng) if node.dropout > 0 else None
        steps.append(Step(node_id, slot[node_id], dense, activations.get(node.activation), bn,
                          param_name("gamma", node_id), param_name("beta", node_id), dropout))
    return Plan(order, [spec.node(i).units for i in order], input_blocks, input_slots, steps,
                flat_params, flat_grads, ParamDict(views), grads, state, weights)
