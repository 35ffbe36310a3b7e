"""Gradient flow: does the error signal still reach the early layers, and how strongly?

Per node the *signal* is the RMS over its units of ∂L/∂b (∂L/∂β with batch norm), the mean
over rows of δ = ∂ℓᵢ/∂z: the error arriving at the node, independent of how large the node's
inputs are (the gradient norm of the incoming weights also grows with the inputs' scale and
width, so it cannot tell a vanishing signal from a small input). It is measured by
:class:`SignalProbe` on fixed rows — the first PROBE_ROWS (256) training rows — with a copy of
the network, so it depends on the weights only: not on the batch size, not on which mini-batch
came last, and the trained network is left untouched.

Each hidden node's signal is compared with the reference: the strongest signal among the hidden
nodes that feed the output (the layer closest to the loss). A ratio below VANISHING (0.3) is
flagged "vanishing", above EXPLODING (4) — or a gradient that is no longer finite, or a norm
above EXPLODING_NORM — "exploding". The output node is the reference's side: it is not flagged.

Measured, the initialisation lab's set-ups (input randn(256, 100) → 5 hidden layers of 100 →
10 softmax outputs, random labels, weights of seed 0, plain SGD lr 0.01), first hidden layer's
ratio at the start / after one epoch in batches of 8 (8 steps; 32 steps) / 32 / 128 / 256:

====================  =======  ===============  ======  ======  ======
set-up                start    B8: 8 st.; 32    B32     B128    B256
====================  =======  ===============  ======  ======  ======
sigmoid std 1         0.165    0.184; 0.302     0.195   0.173   0.169
sigmoid std 0.01      3.9e-7   3.4e-7; 3.8e-7   4.1e-7  4.0e-7  4.0e-7
sigmoid Xavier        2.4e-3   2.4e-3; 2.4e-3   2.4e-3  2.4e-3  2.4e-3
ReLU std 0.01         3.5e-5   4.1e-5; 3.1e-5   3.4e-5  3.5e-5  4.0e-5
ReLU He               0.648    0.917; 0.551     0.927   0.737   0.704
ReLU Xavier           0.422    0.438; 0.435     0.440   0.429   0.430
tanh Xavier           0.498    0.490; 0.498     0.497   0.498   0.498
tanh std 1            33       27.6; 23.3       30.1    29.8    29.8
====================  =======  ===============  ======  ======  ======

The start is the same at every batch size; after that the columns differ only by how far the
weights have moved (32 steps of 8 rows taught sigmoid-std-1's first layer enough to reach
0.30; in the window, batches of 32, its first layer reads 0.19, 0.22, 0.27 after epochs 1, 2,
3: as it learns the random labels the flag goes, which is the network changing). Over 24
weight seeds (float32) sigmoid std 1 starts at 0.127–0.262 (median 0.172,
9 in 10 below 0.205) and ReLU He at 0.472–0.927 (median 0.619): VANISHING sits between, about
1.5× from either's usual values. ReLU Xavier (0.195–0.422) is flagged for most seeds — it does
halve the variance per layer — and tanh Xavier (0.313–0.544) for few. Bundled examples, lowest
ratio over 3 steps and 10 epochs at their own batch size / at 8, 32, 128, 256: "overfitting"
(6 ReLU He layers) 0.372 / 0.278, 0.278, 0.371, 0.319 — so in batches of 8 or 32 it is flagged
late in training —, "spiral" 0.866 / 0.62–0.87; the others have at most one hidden layer. Only
the book's forward-pass example is flagged at its own settings: two sigmoid layers with small
hand-set weights pass its first layer 0.159 of the signal, which is the vanishing mechanism.

Two signals that were tried and do not work, measured on the same set-ups:

- the last mini-batch's ∂L/∂b (the signal until SIGNALS_VERSION 2 of
  :mod:`core.training.timeline`): its noise shrinks as 1/√batch, so sigmoid std 1 read
  0.615 / 0.352 / 0.191 / 0.165 in batches of 8 / 32 / 128 / 256 — unflagged at the default;
- the per-sample error, RMS over rows and units of δᵢ: free of the batch size but blind to
  this case — sigmoid std 1 passes its first layer 0.75 of it, ReLU He 1.12, ReLU Xavier 0.28.
  Std-1 weights are large enough to make up for the saturated slopes sample by sample; what
  vanishes is the part the rows agree on, which the mean over enough rows keeps and the mean
  over a few drowns in noise. Hence fixed rows, 256 of them: a frame's probe costs 0.5 ms for
  the digits example, 1.6 ms for a 784-100-10 network (about a quarter and a fifteenth of its
  snapshot and evaluation), 1024 rows would cost 3–8× that.
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

VANISHING = 0.3
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
