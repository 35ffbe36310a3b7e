"""Which weight arrays a spec needs, and fresh values for them (NumPy only, no Qt).

The document keeps the current weights next to the spec so that hand-edited weights are saved,
undone and drawn. Names and shapes follow :mod:`core.engine.network` exactly (``W<edge>`` of shape
(src.units, dst.units), ``b<node>``, ``gamma``/``beta`` for batch norm and the running
``mean``/``var`` statistics), so ``Network.load_params`` accepts them as they are. Trained
parameters and running statistics live in one dict here; :func:`split` separates them.
"""

from __future__ import annotations

import numpy as np

from core import param_name
from core.engine import initializers
from core.spec import EdgeSpec, NetworkSpec, NodeSpec

Params = dict[str, np.ndarray]
STATE_PREFIXES = ("mean", "var")


def weight_name(edge_id: str) -> str:
    return param_name("W", edge_id)


def bias_name(node_id: str) -> str:
    return param_name("b", node_id)


def node_params(node: NodeSpec) -> Params:
    """A node's own arrays at their starting values (biases start at 0)."""
    if node.kind == "input":
        return {}
    params = {bias_name(node.id): np.zeros(max(node.units, 0))}
    if node.batch_norm:
        params[param_name("gamma", node.id)] = np.ones(max(node.units, 0))
        params[param_name("beta", node.id)] = np.zeros(max(node.units, 0))
        params[param_name("mean", node.id)] = np.zeros(max(node.units, 0))
        params[param_name("var", node.id)] = np.ones(max(node.units, 0))
    return params


def edge_weight(spec: NetworkSpec, edge: EdgeSpec, rng: np.random.Generator) -> np.ndarray:
    """A fresh weight matrix for ``edge`` (which must be in ``spec``), drawn as ``build`` would:
    a Gaussian with the receiving node's initialiser and total fan-in."""
    src, dst = spec.node(edge.src), spec.node(edge.dst)
    std = initializers.scale(dst.init, spec.fan_in(dst.id), dst.init_std) if (
        dst.init in initializers.NAMES) else 0.01
    return rng.standard_normal((max(src.units, 0), max(dst.units, 0))) * std


def fresh_params(spec: NetworkSpec, rng: np.random.Generator) -> Params:
    """Every parameter ``spec`` needs, newly initialised."""
    params: Params = {}
    for node in spec.nodes:
        params.update(node_params(node))
    for edge in spec.edges:
        if spec.has_node(edge.src) and spec.has_node(edge.dst):
            params[weight_name(edge.id)] = edge_weight(spec, edge, rng)
    return params


def params_after_node_change(old: NetworkSpec, new: NetworkSpec, node_id: str, params: Params,
                             rng: np.random.Generator) -> tuple[Params, list[str]]:
    """The arrays that change when node ``node_id`` goes from ``old`` to ``new``.

    Returns (new values by name, names to drop). New units reshape the node's own parameters
    and every attached weight matrix; a new initialiser redraws the incoming weights (so a
    student sees what the initialiser does); batch norm adds or drops gamma and beta.
    """
    before, after = old.node(node_id), new.node(node_id)
    changed: Params = {}
    own_old, own_new = node_params(before), node_params(after)
    for name, value in own_new.items():
        if name not in params or params[name].shape != value.shape:
            changed[name] = value
    dropped = [name for name in own_old if name not in own_new]
    redraw_in = (before.units != after.units or before.init != after.init
                 or before.init_std != after.init_std)
    for edge in new.incoming(node_id) if redraw_in else ():
        changed[weight_name(edge.id)] = edge_weight(new, edge, rng)
    for edge in new.outgoing(node_id) if before.units != after.units else ():
        changed[weight_name(edge.id)] = edge_weight(new, edge, rng)
    return changed, dropped


def split(arrays: Params) -> tuple[Params, Params]:
    """(trained parameters, running statistics) — the two dicts ``Network.load_params`` takes."""
    params = {k: v for k, v in arrays.items() if not k.startswith(STATE_PREFIXES)}
    state = {k: v for k, v in arrays.items() if k.startswith(STATE_PREFIXES)}
    return params, state
