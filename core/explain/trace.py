"""One data row through the user's own network, forward then backward, every number kept.

The numbers come from the engine itself (:meth:`Network.activations`, :meth:`Network.loss`,
:meth:`Network.gradient`), in float64 and in inference mode — batch norm with its running
statistics, no dropout — so what Explain shows is what the network answers, not a training
pass with random masks.

The engine's backward pass is written for training (batch norm's backward differentiates
through the batch's own mean and variance), so inference mode is obtained without a second
backprop: at inference batch norm is a fixed per-unit affine map, γ·(z − μ)/s + β with
s = √(σ² + ε), which folds exactly into the incoming weights and the bias (W' = W·γ/s,
b' = (b − μ)·γ/s + β). The engine runs on that folded network; the chain rule through the
fold gives the gradients of the user's own parameters back (∂L/∂W = ∂L/∂W'·γ/s, ∂L/∂b = δ·γ/s,
∂L/∂γ = δ·x̂, ∂L/∂β = δ).

Conventions (what a node's numbers mean):
- ``z`` is the pre-activation *after* batch norm when the node has it (the engine's
  :class:`~core.engine.network.NodeValues` ``pre``); ``z_raw`` is Σ a·W + b before it.
- ``delta`` is δ = ∂L/∂z for that same ``z``. With one row, δ is exactly ∂L/∂b of the folded
  network, which is how it is read from the engine.
- ``d_a`` is ∂L/∂a, the sum of what comes back over the node's outgoing connections.
- An input node's ``a`` is what the network is fed (after standardisation and derived
  features); its ``z`` is the same and its ``delta`` is ∂L/∂x.
- ``loss`` is the row's data loss, without weight decay or L1.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from core import count_words
from core.engine.layers import BN_EPSILON
from core.engine.network import Network, build
from core.engine.params import param_name
from core.i18n import _
from core.spec import NetworkSpec


@dataclass(frozen=True, eq=False)
class NodeTrace:
    """One node's numbers for the row (1-D float64 arrays, one value per unit)."""

    node_id: str
    z: np.ndarray
    a: np.ndarray
    delta: np.ndarray
    d_a: np.ndarray
    z_raw: np.ndarray | None = None  # before batch norm; None without it
    bn_scale: np.ndarray | None = None  # γ/√(σ² + ε): how batch norm scales δ on its way back


@dataclass(frozen=True, eq=False)
class RowTrace:
    """Forward and backward values of one row: ``nodes`` in forward order, ``gradients``
    keyed and ordered like ``network.params``; ``target`` shaped like the output."""

    spec: NetworkSpec
    loss_name: str
    x: np.ndarray
    target: np.ndarray
    loss: float
    nodes: dict[str, NodeTrace]
    gradients: dict[str, np.ndarray]

    @property
    def output(self) -> NodeTrace:
        return self.nodes[self.spec.output.id]


def trace_row(network: Network, x: np.ndarray, t: np.ndarray) -> RowTrace:
    """Every node's z, a and δ, the data loss and ∂loss/∂parameter for one row.

    ``x`` is one row of network input columns and ``t`` its target shaped like the output
    (one-hot or values), as :func:`core.training.prepare.prepare` makes both.
    ``network`` is left untouched (any dtype; its weights and batch-norm statistics are read).
    """
    spec = network.spec
    x = np.asarray(x, dtype=np.float64).reshape(1, -1)
    folded_spec, folded_params, scales = _fold(network)
    folded = build(folded_spec, dtype=np.float64, draw=False)  # no dropout: nothing is drawn
    folded.load_params(folded_params)
    # Its gradients' memory is new (mapped on first write): written here, in a call that lets
    # other threads run, not first by the backward pass's matrix products, which hold Python's
    # lock while the pages come in — 70–200 ms of the window's thread frozen on 2-2000-2000-2
    # while a worker traced the row.
    folded.flat_grads[...] = 0
    target = _target_row(network, t)

    values = folded.activations(x, train=False)
    loss = folded.loss(x, target[None], train=False)  # weight decay is 0 here: data loss only
    grads = {k: np.array(v) for k, v in folded.gradient(x, target[None], train=False).items()}

    deltas = {node.id: grads[param_name("b", node.id)][None]
              for node in spec.nodes if node.kind != "input"}
    d_a = _upstream(spec, folded.params, deltas, values[spec.output.id].post - target[None])

    nodes: dict[str, NodeTrace] = {}
    for node_id in spec.order():
        node = spec.node(node_id)
        value = values[node_id]
        if node.kind == "input":
            nodes[node_id] = NodeTrace(node_id, value.pre[0], value.post[0], d_a[node_id][0],
                                       d_a[node_id][0])
            continue
        z_raw = None
        if node_id in scales:
            z_raw = sum(values[e.src].post @ _param(network, "W", e.id)
                        for e in spec.incoming(node_id)) + _param(network, "b", node_id)
            z_raw = z_raw[0]
        nodes[node_id] = NodeTrace(node_id, value.pre[0], value.post[0], deltas[node_id][0],
                                   d_a[node_id][0], z_raw, scales.get(node_id))
    return RowTrace(spec, network.loss_name, x[0], target, float(loss), nodes,
                    _unfold(network, grads, nodes))


def _param(network: Network, prefix: str, ident: str) -> np.ndarray:
    return np.asarray(network.params[param_name(prefix, ident)], dtype=np.float64)


def _fold(network: Network) -> tuple[NetworkSpec, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """The same network at inference without batch norm or dropout: batch norm folded into the
    weights. Returns the spec, its parameters and γ/s for every node that had batch norm."""
    spec = network.spec
    nodes = tuple(replace(n, batch_norm=False, dropout=0.0) for n in spec.nodes)
    # not copied (the folded network loads them into its own arrays); changed ones are new
    params = {k: np.asarray(v, dtype=np.float64) for k, v in network.params.items()}
    scales: dict[str, np.ndarray] = {}
    for node in spec.nodes:
        if not node.batch_norm:
            continue
        mean = np.asarray(network.state[param_name("mean", node.id)], dtype=np.float64)
        var = np.asarray(network.state[param_name("var", node.id)], dtype=np.float64)
        gamma = params.pop(param_name("gamma", node.id))
        beta = params.pop(param_name("beta", node.id))
        scale = scales[node.id] = gamma / np.sqrt(var + BN_EPSILON)
        for edge in spec.incoming(node.id):
            params[param_name("W", edge.id)] = params[param_name("W", edge.id)] * scale
        bias = param_name("b", node.id)
        params[bias] = (params[bias] - mean) * scale + beta
    return replace(spec, nodes=nodes), params, scales


def _unfold(network: Network, grads: dict[str, np.ndarray], nodes: dict[str, NodeTrace]
            ) -> dict[str, np.ndarray]:
    """Gradients of the user's parameters from the folded network's (chain rule through the
    fold; identical where a node has no batch norm)."""
    spec = network.spec
    result = {}
    for name in network.params:
        result[name] = grads.get(name)
    for node in spec.nodes:
        trace = nodes.get(node.id)
        if trace is None or trace.bn_scale is None:
            continue
        scale = trace.bn_scale
        for edge in spec.incoming(node.id):
            result[param_name("W", edge.id)] = grads[param_name("W", edge.id)] * scale
        result[param_name("b", node.id)] = trace.delta * scale
        mean = np.asarray(network.state[param_name("mean", node.id)], dtype=np.float64)
        var = np.asarray(network.state[param_name("var", node.id)], dtype=np.float64)
        x_hat = (trace.z_raw - mean) / np.sqrt(var + BN_EPSILON)
        # + 0.0: a δ of 0 times a negative x̂ is −0, which a student would read as a sign
        result[param_name("gamma", node.id)] = trace.delta * x_hat + 0.0
        result[param_name("beta", node.id)] = trace.delta.copy()
    return result


def _upstream(spec: NetworkSpec, params: dict[str, np.ndarray], deltas: dict[str, np.ndarray],
              output_error: np.ndarray) -> dict[str, np.ndarray]:
    """∂L/∂a per node: the δ of every destination sent back through its weights and summed.

    This is the one step of backprop the engine does not report (it keeps ∂L/∂a internal and
    skips it for input nodes); it is shown, and the tests check it against the engine's δ.
    For the output node it is the error y − t: ∂L/∂y for MSE, and δ itself for the fused
    softmax/sigmoid + cross-entropy pairs (whose ∂L/∂y alone is never formed)."""
    result = {}
    for node in spec.nodes:
        if node.kind == "output":
            result[node.id] = output_error
            continue
        back = [deltas[e.dst] @ params[param_name("W", e.id)].T for e in spec.outgoing(node.id)]
        result[node.id] = np.sum(back, axis=0) if back else np.zeros((1, node.units))
    return result


def _target_row(network: Network, t: np.ndarray) -> np.ndarray:
    """The target as a 1-D float64 row shaped like the output."""
    t = np.asarray(t, dtype=np.float64)
    if t.size != network.output_units:
        raise ValueError(_("the target has {values} but the output has {units}: give it "
                           "one-hot or as values").format(
            values=count_words.values(t.size), units=count_words.units(network.output_units)))
    return t.reshape(network.output_units)
