"""A network built in NetCanvas, as a PyTorch module (needs only torch and numpy).

    from model import load_model
    net = load_model()               # eval mode, holding the weights of weights.npz
    y = net(torch.tensor(raw_rows, dtype=torch.float32))

``forward`` takes rows of the data set's raw columns (for images the pixel bytes, 0 to 255):
the module scales them and computes the derived input features (x1², x1·x2, sin x1, …) itself,
exactly as NetCanvas did, and returns what NetCanvas's network outputs (probabilities for
softmax and sigmoid outputs, values for identity ones). Parameters keep NetCanvas's names
(``W<edge>``, ``b<node>``, ``gamma<node>``, ``beta<node>``; running statistics ``mean<node>``,
``var<node>``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 - torch's usual name
from torch import nn

# The network as drawn on the canvas: input nodes with their features, then every other node
# in the order data flows through them, with its parameters' names.
# <netcanvas:config>
NETWORK: dict = {}
# </netcanvas:config>

HERE = Path(__file__).resolve().parent
BN_EPSILON = 1e-6
BN_MOMENTUM = 0.9  # running = 0.9·running + 0.1·batch (NetCanvas's, not torch's, convention)
LEAKY_SLOPE = 0.01


def activate(name: str, z: torch.Tensor) -> torch.Tensor:
    """The node's activation function."""
    if name == "relu":
        return torch.relu(z)
    if name == "leaky_relu":
        return F.leaky_relu(z, LEAKY_SLOPE)
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "softmax":
        return torch.softmax(z, dim=1)
    if name == "step":  # the perceptron's rule; its slope is 0
        return (z > 0).to(z.dtype)
    return z


class NetCanvasNet(nn.Module):
    """The DAG of the canvas; ``forward(x)`` → outputs, :meth:`output_logits` → the output
    node's pre-activation (after batch norm), which the fused losses use.

    ``arrays``: the weights by NetCanvas's names; ``dtype``: of the parameters (train.py uses
    the project's, float32 or float64). Scaling always runs in float64, as in NetCanvas."""

    def __init__(self, arrays: dict[str, np.ndarray], network: dict = NETWORK,
                 dtype: torch.dtype = torch.float32) -> None:
        super().__init__()
        self.network = network
        self.raw_columns = network["raw_columns"]
        self.params = nn.ParameterDict()
        for layer in network["layers"]:
            names = [w for _, w in layer["inputs"]] + [layer["bias"]]
            if layer["batch_norm"]:
                names += [layer["batch_norm"]["gamma"], layer["batch_norm"]["beta"]]
                for key in ("mean", "var"):
                    name = layer["batch_norm"][key]
                    self.register_buffer(name, torch.tensor(arrays[name], dtype=dtype))
            for name in names:
                self.params[name] = nn.Parameter(torch.tensor(arrays[name], dtype=dtype))
        # Standardisation with the training rows' mean and std, in float64 as in NetCanvas.
        scaling = network["scaling"] or {"mean": [0.0] * self.raw_columns,
                                         "std": [1.0] * self.raw_columns}
        self.scaled = network["scaling"] is not None
        self.register_buffer("scaling_mean", torch.tensor(scaling["mean"], dtype=torch.float64))
        self.register_buffer("scaling_std", torch.tensor(scaling["std"], dtype=torch.float64))

    def input_values(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        """Raw rows → each input node's columns: pixel bytes to values from 0 to 1 (for
        images), scale, then compute its features."""
        x = x.reshape(-1, self.raw_columns).to(torch.float64)
        if self.network["x_divisor"] != 1:
            x = x / self.network["x_divisor"]
        if self.scaled:
            x = (x - self.scaling_mean) / self.scaling_std
        dtype = next(iter(self.params.values())).dtype
        features = {"x1^2": lambda: x[:, 0] ** 2, "x2^2": lambda: x[:, 1] ** 2,
                    "x1*x2": lambda: x[:, 0] * x[:, 1], "sin(x1)": lambda: torch.sin(x[:, 0]),
                    "sin(x2)": lambda: torch.sin(x[:, 1])}
        values = {}
        for node in self.network["inputs"]:
            columns = [features[f]() if f in features else x[:, int(f[1:]) - 1]
                       for f in node["features"]]
            values[node["id"]] = torch.stack(columns, dim=1).to(dtype)
        return values

    def output_logits(self, x: torch.Tensor) -> torch.Tensor:
        """Run every node; returns the output node's z (before its activation)."""
        values = self.input_values(x)
        for layer in self.network["layers"]:
            z = self.params[layer["bias"]]
            for source, weight in layer["inputs"]:
                z = z + values[source] @ self.params[weight]
            if layer["batch_norm"]:
                z = self._batch_norm(z, layer["batch_norm"])
            if layer["id"] == self.network["output"]:
                return z
            a = activate(layer["activation"], z)
            if layer["dropout"] > 0:  # inverted dropout: scaled while training, off in eval
                a = F.dropout(a, layer["dropout"], self.training)
            values[layer["id"]] = a
        raise AssertionError("the output node is computed last")

    def _batch_norm(self, z: torch.Tensor, names: dict[str, str]) -> torch.Tensor:
        mean, var = getattr(self, names["mean"]), getattr(self, names["var"])
        if self.training:
            mu = z.mean(dim=0)
            var_batch = ((z - mu) ** 2).mean(dim=0)  # the biased variance, as NetCanvas
            with torch.no_grad():
                mean.mul_(BN_MOMENTUM).add_((1 - BN_MOMENTUM) * mu)
                var.mul_(BN_MOMENTUM).add_((1 - BN_MOMENTUM) * var_batch)
            zn = (z - mu) / torch.sqrt(var_batch + BN_EPSILON)
        else:
            zn = (z - mean) * (1.0 / torch.sqrt(var + BN_EPSILON))
        return zn * self.params[names["gamma"]] + self.params[names["beta"]]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        output = self.network["layers"][-1]
        return activate(output["activation"], self.output_logits(x))

    def arrays(self) -> dict[str, np.ndarray]:
        """Parameters and running statistics under NetCanvas's names (for import-weights)."""
        arrays = {name: p.detach().cpu().numpy() for name, p in self.params.items()}
        for layer in self.network["layers"]:
            if layer["batch_norm"]:
                for key in ("mean", "var"):
                    name = layer["batch_norm"][key]
                    arrays[name] = getattr(self, name).detach().cpu().numpy()
        return arrays


def load_arrays(path: str | Path = HERE / "weights.npz") -> dict[str, np.ndarray]:
    """The arrays of an .npz file; never unpickles."""
    with np.load(path, allow_pickle=False) as archive:
        return {key: archive[key] for key in archive.files}


def load_model(path: str | Path = HERE / "weights.npz") -> NetCanvasNet:
    """The network holding the exported weights, in eval mode (no dropout, running BN stats)."""
    return NetCanvasNet(load_arrays(path)).eval()
