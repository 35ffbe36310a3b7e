"""The layers a node is made of: the dense sum of its inputs, then batch normalisation and
dropout (the two per-node options that carry state between passes).

Book style (one class per operation, ``forward``/``backward``, caches on self), but working on
the network's own arrays (parameters and gradients are views into its flat vectors, outputs go
into buffers it reuses) and without editing ``dout`` in place.
"""

from __future__ import annotations

import numpy as np

BN_EPSILON = 1e-6  # the book's 10e-7; docs/book.md §9's numbers are computed with it
BN_MOMENTUM = 0.9


class Dense:
    """z = Σₖ xₖ·Wₖ + b: the book's Affine, with one weight matrix per incoming edge (a node of
    a DAG may have several inputs; with one it is exactly Affine).

    ``sources`` are the slots of the input nodes in the network's per-node lists; the weights,
    bias and their gradients are views into the network's flat vectors, so backward writes
    dL/dW and dL/db where the optimizer reads them. ``needs_dx[k]`` is False for an input node:
    nothing upstream wants dL/dx there, and it saves a matrix product.
    """

    def __init__(self, sources: list[int], weights: list[np.ndarray], bias: np.ndarray,
                 weight_grads: list[np.ndarray], bias_grad: np.ndarray,
                 needs_dx: list[bool]) -> None:
        self.bias = bias
        self.bias_grad = bias_grad
        self._first = (sources[0], weights[0])
        self._more = tuple(zip(sources[1:], weights[1:], strict=True))
        self._backprop = tuple(zip(sources, weights, weight_grads, needs_dx, strict=True))
        self._values: list[np.ndarray | None] = []

    def forward(self, values: list[np.ndarray | None], out: np.ndarray) -> np.ndarray:
        """z from the current node values (by slot), written into ``out``.

        np.dot rather than matmul: half the call overhead on the tiny arrays of small nets."""
        self._values = values
        src, w = self._first
        np.dot(values[src], w, out=out)
        for src, w in self._more:
            out += values[src] @ w
        out += self.bias
        return out

    def backward(self, dout: np.ndarray, ones: np.ndarray, dvalues: list[np.ndarray | None],
                 dx_buffers: list[np.ndarray]) -> None:
        """Write dL/dW and dL/db, and add dL/dx into ``dvalues[src]`` for every source that
        needs it: a node feeding several others sums what each sends back (the first one to
        arrive is written into ``dx_buffers[src]``). ``ones`` has a 1 per row: ones·dout is
        the column sum as one BLAS call."""
        values = self._values
        np.dot(ones, dout, out=self.bias_grad)
        for src, w, dw, needs_dx in self._backprop:
            np.dot(values[src].T, dout, out=dw)
            if not needs_dx:
                continue
            if dvalues[src] is None:
                dvalues[src] = np.dot(dout, w.T, out=dx_buffers[src])
            else:
                dvalues[src] += dout @ w.T


class BatchNorm:
    """Per-feature normalisation over the batch: y = γ·(x − μ)/√(σ² + ε) + β.

    Training uses the batch's μ and (biased) σ² and updates running averages
    (r = 0.9·r + 0.1·batch); inference uses the running averages. The last training pass's
    μ, σ² and x̂ stay readable as :attr:`batch_mean`, :attr:`batch_var` and
    :attr:`normalised` (the batch-norm lab shows them).
    """

    def __init__(self, running_mean: np.ndarray, running_var: np.ndarray) -> None:
        self.running_mean = running_mean
        self.running_var = running_var
        self.update_running = True
        self._xn: np.ndarray | None = None
        self._inv_std: np.ndarray | None = None
        self.batch_mean: np.ndarray | None = None
        self.batch_var: np.ndarray | None = None

    def forward(self, x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, train: bool,
                out: np.ndarray | None = None) -> np.ndarray:
        if train:
            mu = x.mean(axis=0)
            xc = np.subtract(x, mu, out=out)
            var = np.mean(xc * xc, axis=0)
            inv_std = 1.0 / np.sqrt(var + BN_EPSILON)
            xn = np.multiply(xc, inv_std, out=xc)
            self._xn = xn.copy()
            self._inv_std = inv_std
            self.batch_mean, self.batch_var = mu, var
            if self.update_running:
                self.running_mean *= BN_MOMENTUM
                self.running_mean += (1 - BN_MOMENTUM) * mu
                self.running_var *= BN_MOMENTUM
                self.running_var += (1 - BN_MOMENTUM) * var
        else:
            inv_std = 1.0 / np.sqrt(self.running_var + BN_EPSILON)
            xn = np.subtract(x, self.running_mean, out=out)
            xn *= inv_std
        xn *= gamma
        xn += beta
        return xn

    @property
    def normalised(self) -> np.ndarray | None:
        """x̂ = (x − μ)/√(σ² + ε) of the last training pass (before γ and β)."""
        return self._xn

    def backward(self, dout: np.ndarray, gamma: np.ndarray, dgamma: np.ndarray,
                 dbeta: np.ndarray) -> np.ndarray:
        """dL/dx for the last training forward; writes dL/dγ and dL/dβ into the given arrays."""
        xn, inv_std = self._xn, self._inv_std
        if xn is None or inv_std is None:
            message = "BatchNorm.backward needs a training forward pass first"  # i18n: not ui
            raise RuntimeError(message)
        n = dout.shape[0]
        np.sum(dout, axis=0, out=dbeta)
        np.sum(dout * xn, axis=0, out=dgamma)
        dxn = dout * gamma
        # dx = (1/N)·inv_std·(N·dxn − Σdxn − xn·Σ(dxn·xn))
        dx = dxn * n
        dx -= dxn.sum(axis=0)
        dx -= xn * (dxn * xn).sum(axis=0)
        dx *= inv_std / n
        return dx


class Dropout:
    """Inverted dropout: while training each unit is kept with probability 1 − rate and scaled
    by 1/(1 − rate), so inference (which keeps every unit) needs no rescaling.

    With ``frozen`` set the last mask is reused (numerical gradient checks need that)."""

    def __init__(self, rate: float, rng: np.random.Generator) -> None:
        self.rate = float(rate)
        self.rng = rng
        self.frozen = False
        self.mask: np.ndarray | None = None

    def forward(self, x: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        reuse = self.frozen and self.mask is not None and self.mask.shape == x.shape
        if not reuse:
            keep = self.rng.random(x.shape) >= self.rate
            self.mask = keep.astype(x.dtype) * x.dtype.type(1.0 / (1.0 - self.rate))
        return np.multiply(x, self.mask, out=out)

    def backward(self, dout: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        return np.multiply(dout, self.mask, out=out)
