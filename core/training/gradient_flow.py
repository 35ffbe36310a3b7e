"""Gradient flow: does the error signal still reach the early layers, and how strongly?

Per node the *signal* is the RMS of the gradient of its bias (its β with batch norm): ∂L/∂b sums
δ = ∂L/∂z over the batch, so it measures the error arriving at the node, independent of how
large the node's inputs are (the gradient norm of the incoming weights also grows with the
inputs' scale and width, so it cannot tell a vanishing signal from a small input).

Each hidden node's signal is compared with the reference: the strongest signal among the hidden
nodes that feed the output (the layer closest to the loss). A ratio below VANISHING (1/4) is
flagged "vanishing", above EXPLODING (4) — or a gradient that is no longer finite, or a norm
above EXPLODING_NORM — "exploding". The output node is the reference's side: it is not flagged.

Measured (tests/core/training/test_gradient_flow.py: the initialisation lab's set-ups, input
randn(256, 100) → 5 hidden layers of 100 → 10 softmax outputs, random labels, seed 0), the first
hidden layer's ratio is: sigmoid std 1: 0.165 (vanishing), sigmoid std 0.01: 4e-7, sigmoid
Xavier: 2.4e-3, ReLU std 0.01: 3.5e-5 (all vanishing); ReLU He: 0.65, ReLU Xavier: 0.42,
tanh Xavier: 0.50 (not flagged); tanh std 1: about 30 (exploding). Among the bundled examples,
the 6-layer ReLU (He) "overfitting" network's lowest ratio is 0.40 after a few epochs, the
spiral's 0.81; only the book's forward-pass example is flagged — two sigmoid layers with small
hand-set weights pass its first layer 0.16 of the signal, which is the vanishing mechanism.

A limit, measured: the signal is a batch mean, so the ratio depends on the batch size. The same
sigmoid-std-1 network in batches of 32 measures 0.26–0.35 over its first mini-batches and 0.56
by the end of its first epoch (not flagged), ReLU He 0.83–1.03. The rule was set on the lab's
large batches, where the two are far apart.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core.engine.network import Network, build
from core.engine.params import bias_name, param_name
from core.i18n import _
from core.spec import NetworkSpec

VANISHING = 0.25
EXPLODING = 4.0
EXPLODING_NORM = 1e3
PROBE_ROWS = 256


@dataclass(frozen=True)
class NodeFlow:
    """One node's gradient: ``norm`` (√Σg² of its incoming weights, bias, γ and β), ``ratio``
    of its signal to the reference (None for the output and when there is no reference) and
    ``flag``: "", "vanishing" or "exploding"."""

    norm: float
    ratio: float | None
    flag: str

    def describe(self) -> str:
        """The flag in words, for a tooltip."""
        if self.flag == "vanishing":
            return _("Vanishing gradient: the error signal reaching this node is {times} weaker "
                     "than at the layer next to the output, so its weights barely learn. Try "
                     "ReLU with He initialisation, or batch norm.").format(
                times=_times(self.ratio))
        if self.flag == "exploding":
            return _("Exploding gradient: the error signal grows on its way back ({times} the "
                     "layer next to the output) or is huge, so steps overshoot. Lower the "
                     "learning rate or use smaller initial weights.").format(
                times=_times(self.ratio))
        return ""


def _times(ratio: float | None) -> str:
    if ratio is None or not math.isfinite(ratio):
        return _("far")
    return f"{1 / ratio:.3g}×" if ratio < 1 else f"{ratio:.3g}×"


def signals(spec: NetworkSpec, grads: Mapping[str, np.ndarray]) -> dict[str, float]:
    """The RMS of ∂L/∂b (∂L/∂β with batch norm) per non-input node that has one."""
    result = {}
    for node in spec.nodes:
        if node.kind == "input":
            continue
        name = param_name("beta", node.id) if node.batch_norm else bias_name(node.id)
        grad = grads.get(name)
        if grad is not None and grad.size:
            result[node.id] = float(np.sqrt(np.mean(np.square(grad, dtype=np.float64))))
    return result


class SignalProbe:
    """Measures a network's :func:`signals` on fixed rows (the first PROBE_ROWS of ``x``, ``t``)
    with a copy of the network, so the signal depends on the weights only — not on the
    training batch — and the trained network is left exactly as it was (its gradients, the
    batch-norm statistics and the dropout draws of training). The copy draws its dropout masks
    once and keeps them (the same weights always measure the same)."""

    def __init__(self, x: np.ndarray, t: np.ndarray, rows: int = PROBE_ROWS) -> None:
        self.x = np.asarray(x[:rows])
        self.t = np.asarray(t[:rows])
        self._copy: Network | None = None

    def measure(self, network: Network) -> dict[str, float]:
        """The signals of ``network``'s current weights (empty without rows)."""
        if not self.x.shape[0]:
            return {}
        copy = self._copy
        if copy is None or copy.spec is not network.spec or copy.dtype != network.dtype:
            copy = self._copy = build(network.spec, dtype=network.dtype)
            copy.freeze_dropout()
        copy.load_params(network.params, network.state)
        with np.errstate(all="ignore"):
            return signals(copy.spec, copy.gradient(self.x, self.t, train=True))


def assess(spec: NetworkSpec, norms: Mapping[str, float], node_signals: Mapping[str, float]
           ) -> dict[str, NodeFlow]:
    """Every non-input node with a norm, flagged by the rule above."""
    feeding_output = {e.src for e in spec.edges if spec.has_node(e.dst)
                      and spec.node(e.dst).kind == "output"}
    last_hidden = [node_signals[n.id] for n in spec.nodes
                   if n.kind == "hidden" and n.id in feeding_output and n.id in node_signals]
    reference = max(last_hidden, default=0.0)
    flows = {}
    for node in spec.nodes:
        if node.kind == "input" or node.id not in norms:
            continue
        norm = norms[node.id]
        signal = node_signals.get(node.id)
        ratio = None
        if node.kind == "hidden" and signal is not None and reference > 0 and \
                math.isfinite(reference):
            ratio = signal / reference
        flag = ""
        if not math.isfinite(norm) or norm > EXPLODING_NORM or (
                ratio is not None and (not math.isfinite(ratio) or ratio > EXPLODING)):
            flag = "exploding"
        elif ratio is not None and ratio < VANISHING:
            flag = "vanishing"
        flows[node.id] = NodeFlow(norm, ratio, flag)
    return flows
