"""Parameter names, shapes and starting values: which arrays a spec needs.

The engine lays its flat parameter vector out from :func:`shapes` and the canvas keeps its
hand-edited weights under the same names, so ``Network.load_params`` takes the document's
arrays as they are and the two cannot disagree.

Names are tied to ids: ``W<edge>`` of shape (src.units, dst.units), ``b<node>``, and with batch
norm the trained ``gamma<node>``/``beta<node>`` and the running statistics ``mean<node>``/
``var<node>`` (moved by forward passes, never by gradients). An id that is not all digits gets an
underscore (``W_skip``) so that no two names collide. A :meth:`NetworkSpec.mlp` has edges and
nodes "1".."L", so its parameters are the book's W1, b1, W2, b2, …

A spec on the canvas is often half-built, so everything here accepts one: an edge whose end is
missing has no weight, negative units count as 0, an unknown initialiser draws with the book's
0.01, and a cycle falls back to the spec's node order.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from core.engine import initializers
from core.i18n import _
from core.spec import EdgeSpec, NetworkSpec, NodeSpec
from core.spec_problems import SpecError

Params = dict[str, np.ndarray]
STATE_PREFIXES = ("mean", "var")
HALF_BUILT_STD = 0.01
#: The largest weight, bias, γ or β (in size) NetCanvas takes from a user, typed on the canvas
#: or imported. float32, the dtype networks compute in, holds numbers up to about 3.4e38; each
#: layer multiplies its inputs by weights and sums up to a few hundred of them, so with weights
#: of 1e6 a value grows by some 1e8 per layer and overflows to infinity within four or five
#: layers — the first forward pass would give NaN. Training never makes weights anywhere near
#: that size (a network that learns keeps them within about ±100).
MAX_MAGNITUDE = 1e6


def param_name(prefix: str, ident: str) -> str:
    """``W`` + ``3`` → ``W3``; ``W`` + ``skip`` → ``W_skip`` (so names can never collide)."""
    return f"{prefix}{ident}" if ident.isdigit() else f"{prefix}_{ident}"


def weight_name(edge_id: str) -> str:
    return param_name("W", edge_id)


def bias_name(node_id: str) -> str:
    return param_name("b", node_id)


def is_state(name: str) -> bool:
    """Whether ``name`` is a running statistic rather than a parameter gradients train."""
    return name.startswith(STATE_PREFIXES)


def node_params(node: NodeSpec) -> Params:
    """A node's own arrays at their starting values, trained ones first.

    Biases and β start at 0 and γ at 1; the running mean at 0 and variance at 1, so batch norm
    in inference mode passes values through until training has measured them."""
    if node.kind == "input":
        return {}
    units = max(node.units, 0)
    params = {bias_name(node.id): np.zeros(units)}
    if node.batch_norm:
        params[param_name("gamma", node.id)] = np.ones(units)
        params[param_name("beta", node.id)] = np.zeros(units)
        params[param_name("mean", node.id)] = np.zeros(units)
        params[param_name("var", node.id)] = np.ones(units)
    return params


def feeding(spec: NetworkSpec, node_id: str) -> list[str]:
    """The trained parameters a node's value depends on directly: its incoming weights, bias,
    γ and β (what a per-node gradient norm or a "which node broke" check sums over)."""
    names = [weight_name(e.id) for e in spec.incoming(node_id) if _connected(spec, e)]
    names += [name for name in node_params(spec.node(node_id)) if not is_state(name)]
    return names


def weight_shape(spec: NetworkSpec, edge: EdgeSpec) -> tuple[int, int]:
    """(source units, destination units) of a connected edge."""
    return max(spec.node(edge.src).units, 0), max(spec.node(edge.dst).units, 0)


def init_std(spec: NetworkSpec, node: NodeSpec) -> float:
    """The std of the Gaussian the node's incoming weights are drawn from: its initialiser over
    its total fan-in."""
    if node.init not in initializers.NAMES:
        return HALF_BUILT_STD
    return initializers.scale(node.init, spec.fan_in(node.id), node.init_std)


def edge_weight(spec: NetworkSpec, edge: EdgeSpec, rng: np.random.Generator) -> np.ndarray:
    """A fresh float64 weight matrix for a connected ``edge`` of ``spec``.

    Drawn in float64 whatever the network's dtype, so float32 and float64 networks built from
    one seed start alike."""
    std = init_std(spec, spec.node(edge.dst))
    return rng.standard_normal(weight_shape(spec, edge)) * std


def forward_order(spec: NetworkSpec) -> list[str]:
    """Node ids in execution order, or in spec order while a cycle makes that undefined."""
    try:
        return spec.order()
    except SpecError:
        return [node.id for node in spec.nodes]


def shapes(spec: NetworkSpec) -> dict[str, tuple[int, ...]]:
    """Every trained parameter's shape in the engine's layout order: node by node in forward
    order, each node's incoming weights (in edge order), then its bias, γ and β."""
    result: dict[str, tuple[int, ...]] = {}
    for node_id in forward_order(spec):
        node = spec.node(node_id)
        for edge in spec.incoming(node_id):
            if _connected(spec, edge):
                result[weight_name(edge.id)] = weight_shape(spec, edge)
        result.update((name, value.shape) for name, value in node_params(node).items()
                      if not is_state(name))
    return result


def fresh_params(spec: NetworkSpec, rng: np.random.Generator,
                 keep: Params | None = None) -> Params:
    """Every array ``spec`` needs (parameters and statistics), newly initialised; weights are
    drawn in edge order. An array of ``keep`` with the name and shape of one is used instead
    (no weights are drawn for it: a trained 784-100-10 network opened would draw 79,000)."""
    keep = keep or {}

    def kept(name: str, shape: tuple[int, ...]) -> np.ndarray | None:
        array = keep.get(name)
        return array if array is not None and array.shape == shape else None

    params: Params = {}
    for node in spec.nodes:
        for name, value in node_params(node).items():
            found = kept(name, value.shape)
            params[name] = value if found is None else found
    for edge in spec.edges:
        if _connected(spec, edge):
            name = weight_name(edge.id)
            found = kept(name, weight_shape(spec, edge))
            params[name] = edge_weight(spec, edge, rng) if found is None else found
    return params


def params_after_node_change(old: NetworkSpec, new: NetworkSpec, node_id: str, params: Params,
                             rng: np.random.Generator) -> tuple[Params, list[str]]:
    """The arrays that change when node ``node_id`` goes from ``old`` to ``new``.

    Returns (new values by name, names to drop). New units reshape the node's own parameters
    and every attached weight matrix; a new initialiser redraws the incoming weights (so a
    student sees what the initialiser does); batch norm adds or drops γ, β and the statistics.
    """
    before, after = old.node(node_id), new.node(node_id)
    changed: Params = {}
    own_old, own_new = node_params(before), node_params(after)
    for name, value in own_new.items():
        if name not in params or params[name].shape != value.shape:
            changed[name] = value
    dropped = [name for name in own_old if name not in own_new]
    for edge in redrawn_edges(old, new, node_id):
        changed[weight_name(edge.id)] = edge_weight(new, edge, rng)
    return changed, dropped


def redrawn_edges(old: NetworkSpec, new: NetworkSpec, node_id: str) -> list[EdgeSpec]:
    """The connections whose weights :func:`params_after_node_change` draws afresh, in the
    order it draws them: the incoming ones for new units or a new initialiser, then the
    outgoing ones for new units."""
    before, after = old.node(node_id), new.node(node_id)
    redraw_in = (before.units != after.units or before.init != after.init
                 or before.init_std != after.init_std)
    edges = list(new.incoming(node_id)) if redraw_in else []
    return edges + (list(new.outgoing(node_id)) if before.units != after.units else [])


def split(arrays: Params) -> tuple[Params, Params]:
    """(trained parameters, running statistics) — the two dicts ``Network.load_params`` takes."""
    params = {k: v for k, v in arrays.items() if not is_state(k)}
    state = {k: v for k, v in arrays.items() if is_state(k)}
    return params, state


def _connected(spec: NetworkSpec, edge: EdgeSpec) -> bool:
    return spec.has_node(edge.src) and spec.has_node(edge.dst)


def checked_saved(target: Params, source: Mapping[str, np.ndarray], statistics: bool = False
                  ) -> Params:
    """``source``'s arrays, checked to fit ``target`` (a network's parameters, or with
    ``statistics`` its batch-norm statistics): names and shapes must match exactly, else a
    ValueError names what does not. Copy them in only once every part is checked."""
    if statistics:
        names_wrong = _("saved statistics do not match the network: missing {missing}, "
                        "unexpected {extra}")
        shape_wrong = _("saved statistic {name} has shape {shape}, the network needs {needed}")
    else:
        names_wrong = _("saved parameters do not match the network: missing {missing}, "
                        "unexpected {extra}")
        shape_wrong = _("saved parameter {name} has shape {shape}, the network needs {needed}")
    missing, extra = set(target) - set(source), set(source) - set(target)
    if missing or extra:
        raise ValueError(names_wrong.format(missing=sorted(missing), extra=sorted(extra)))
    arrays = {name: np.asarray(array) for name, array in source.items()}
    for name, array in arrays.items():
        if array.shape != target[name].shape:
            raise ValueError(shape_wrong.format(name=name, shape=array.shape,
                                                needed=target[name].shape))
    return arrays
