"""One data row through a NetCanvas network, recomputed by PyTorch autograd: the independent
oracle the Explain tests compare z, a, δ, ∂L/∂a, every gradient, the loss and an SGD step with.

Built from the spec alone (its nodes, edges and activations, the weights and batch-norm
running statistics given), in float64 and in inference mode, like Explain."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
from torch.nn import functional

from core.engine.activations import LEAKY_SLOPE
from core.engine.layers import BN_EPSILON
from core.engine.params import param_name
from core.spec import NetworkSpec


@dataclass
class Reference:
    loss: float
    z: dict[str, np.ndarray]  # after batch norm, by node id
    z_raw: dict[str, np.ndarray]  # before batch norm, for nodes that have it
    a: dict[str, np.ndarray]
    delta: dict[str, np.ndarray]  # ∂L/∂z
    d_a: dict[str, np.ndarray]  # ∂L/∂a (∂L/∂x for input nodes)
    gradients: dict[str, np.ndarray]

    def stepped(self, params: dict[str, np.ndarray], lr: float) -> dict[str, np.ndarray]:
        """The parameters after one plain SGD step on this row."""
        return {k: np.asarray(v, dtype=np.float64) - lr * self.gradients[k]
                for k, v in params.items()}


def activation(name: str, z: torch.Tensor) -> torch.Tensor:
    if name == "identity":
        return z
    if name == "step":
        return (z > 0).to(z.dtype) + 0 * z  # slope 0 everywhere, as its derivative
    if name == "leaky_relu":
        return functional.leaky_relu(z, LEAKY_SLOPE)
    if name == "softmax":
        return torch.softmax(z, dim=-1)
    return {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[name](z)


def reference(spec: NetworkSpec, params: dict, state: dict, x: np.ndarray, t: np.ndarray,
              loss_name: str) -> Reference:
    """Autograd's numbers for row ``x`` (network input columns) with target ``t`` (shaped like
    the output)."""
    def tensor(value: np.ndarray, grad: bool = False) -> torch.Tensor:
        return torch.tensor(np.asarray(value, dtype=np.float64), requires_grad=grad)

    p = {k: tensor(v, grad=True) for k, v in params.items()}
    x_in = tensor(np.reshape(x, (1, -1)), grad=True)
    target = tensor(np.reshape(t, (1, -1)))
    a, z, z_raw, offset = {}, {}, {}, 0
    for node in spec.inputs:
        a[node.id] = x_in[:, offset:offset + node.units]
        a[node.id].retain_grad()
        offset += node.units
    for node_id in spec.order():
        node = spec.node(node_id)
        if node.kind == "input":
            continue
        s = sum(a[e.src] @ p[param_name("W", e.id)] for e in spec.incoming(node_id)) \
            + p[param_name("b", node_id)]
        if node.batch_norm:
            z_raw[node_id] = s
            mean = tensor(state[param_name("mean", node_id)])
            var = tensor(state[param_name("var", node_id)])
            s = p[param_name("gamma", node_id)] * (s - mean) / torch.sqrt(var + BN_EPSILON) \
                + p[param_name("beta", node_id)]
        s.retain_grad()
        z[node_id] = s
        a[node_id] = activation(node.activation, s)
        a[node_id].retain_grad()
    out = spec.output.id
    if loss_name == "mse":
        loss = 0.5 * ((a[out] - target) ** 2).sum()
    elif loss_name == "cross_entropy":
        loss = -(target * torch.log_softmax(z[out], -1)).sum()
    else:
        loss = functional.binary_cross_entropy_with_logits(z[out], target, reduction="sum")
    loss.backward()

    def row(values: dict[str, torch.Tensor], grad: bool = False) -> dict[str, np.ndarray]:
        return {k: (v.grad if grad else v.detach()).numpy()[0] for k, v in values.items()
                if not grad or v.grad is not None}

    return Reference(float(loss.detach()), row(z), row(z_raw), row(a), row(z, grad=True),
                     row(a, grad=True), {k: v.grad.numpy() for k, v in p.items()})
