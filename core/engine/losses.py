"""Losses. The output node's activation and its loss are computed together ("fused") where that
is both exact and stable: softmax + cross-entropy and sigmoid + binary cross-entropy both have
the gradient (y − t)/N with respect to the pre-activation z.

For every loss here dL/dy (and, for the fused ones, dL/dz) is (y − t)/N: the network computes
that itself in its backward pass. All losses are averaged over the batch (N rows):
- ``mse``: the book's sum of squares, E = 1/(2N)·Σ(y − t)² (for one sample: 0.5·Σ(y − t)²).
- ``cross_entropy``: E = −1/N·Σ t·log softmax(z), computed as logsumexp(z) − z[t].
- ``binary_cross_entropy``: E = −1/N·Σ [t·log σ(z) + (1−t)·log(1−σ(z))], per output unit.
"""

from __future__ import annotations

import numpy as np

from core.i18n import N_, _

#: Tooltips, marked only: show them with ``_()`` (:func:`describe` does)
DESCRIPTIONS: dict[str, str] = {
    "mse": N_("Sum of squares ½·Σ(y−t)², averaged over the batch: for regression."),
    "cross_entropy": N_("−Σ t·log y with a softmax output: for choosing one class out of "
                        "several."),
    "binary_cross_entropy": N_("−[t·log y + (1−t)·log(1−y)] with a sigmoid output: yes/no "
                               "outputs."),
}
NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)
#: The names the window shows (``_()`` where shown: :func:`title`); CEE stays Latin. "mse" is
#: the book's mean squared error ½Σ(y−t)²; its name carries the formula, because in English
#: "MSE" says mean((y−t)²) (the metric the Loss panel shows as MSE), not this
TITLES: dict[str, str] = {
    "mse": N_("Mean squared error ½Σ(y−t)²"),
    "cross_entropy": N_("Cross-entropy error (CEE)"),
    "binary_cross_entropy": N_("Binary cross-entropy"),
}


def title(name: str) -> str:
    """The loss's display name in the current language (``name`` itself if unknown)."""
    return _(TITLES[name]) if name in TITLES else name


def describe(name: str) -> str:
    """The one-line tooltip of loss ``name`` in the current language ("" if unknown)."""
    return _(DESCRIPTIONS[name]) if name in DESCRIPTIONS else ""

# The activation each fused loss requires.
REQUIRED_ACTIVATION: dict[str, str] = {
    "cross_entropy": "softmax",
    "binary_cross_entropy": "sigmoid",
}


def default_for(activation: str) -> str:
    """The loss a student most likely wants with this output activation."""
    for loss, act in REQUIRED_ACTIVATION.items():
        if act == activation:
            return loss
    return "mse"


def fits(loss: str, activation: str) -> bool:
    return REQUIRED_ACTIVATION.get(loss, activation) == activation


def is_fused(loss: str) -> bool:
    return loss in REQUIRED_ACTIVATION


# ------------------------------------------------------------------------- book functions
def targets(t: np.ndarray, n: int, eye: np.ndarray) -> np.ndarray:
    """Targets ``t`` for ``n`` rows shaped like a network's output, of ``eye``'s dtype and width
    (its identity matrix): values as they are, class indices made one-hot. ValueError in words
    for anything else."""
    t = np.asarray(t)
    units = eye.shape[0]
    if t.ndim == 2 and t.shape == (n, units):
        return t.astype(eye.dtype, copy=False)
    if t.shape in ((n,), (n, 1)):
        if units == 1:
            return t.reshape(n, 1).astype(eye.dtype, copy=False)
        labels = t.reshape(n)
        try:
            if labels.dtype.kind not in "iu" or np.minimum.reduce(labels) < 0:
                raise IndexError
            return eye.take(labels, axis=0)
        except IndexError:
            raise ValueError(_("class labels must be whole numbers 0..{last}").format(
                last=units - 1)) from None
    raise ValueError(_("targets of shape {shape} do not fit {n} rows × {units} outputs").format(
        shape=t.shape, n=n, units=units))


def softmax_keeping_logsumexp(z: np.ndarray, out: np.ndarray
                              ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Softmax of the output ``z`` into ``out``, and logsumexp(z) per row as max(z) and
    log Σ exp(z − max), for the cross-entropy value (:func:`softmax_cross_entropy`)."""
    zmax = np.maximum.reduce(z, axis=1, keepdims=True)
    np.subtract(z, zmax, out=out)
    np.exp(out, out=out)
    total = np.add.reduce(out, axis=1, keepdims=True)
    out /= total
    np.log(total, out=total)
    return out, (zmax, total)


def sum_squares_error(y: np.ndarray, t: np.ndarray) -> float:
    """The book's 0.5·Σ(y − t)² (per batch row, averaged when y is 2-D)."""
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    n = y.shape[0] if y.ndim == 2 else 1
    return float(0.5 * np.sum((y - t) ** 2) / n)


def cross_entropy_error(y: np.ndarray, t: np.ndarray) -> float:
    """The book's −Σ t·log(y + 1e-7), averaged over the batch; t one-hot or class indices."""
    y = np.atleast_2d(np.asarray(y, dtype=np.float64))
    t = np.asarray(t)
    if t.size == y.size:
        t = t.reshape(y.shape).argmax(axis=1)
    t = t.reshape(-1).astype(np.intp)
    n = y.shape[0]
    return float(-np.sum(np.log(y[np.arange(n), t] + 1e-7)) / n)


# ------------------------------------------------------------------------- engine losses
#: a mean cross-entropy below this is counted again in float64: float32's log Σexp(z − max)
#: is 0 once the other classes' share of a row is below 6e-8, and coarse just above
TINY_CROSS_ENTROPY = 1e-3


def softmax_cross_entropy(z: np.ndarray, t: np.ndarray, zmax: np.ndarray,
                          log_total: np.ndarray) -> float:
    """Mean −Σ t·log softmax(z) over the rows, from what the softmax kept: each row's max(z)
    and log Σ exp(z − max) (``zmax``, ``log_total``: shape (N, 1)). ``t``: one-hot or class
    probabilities, of z's shape.

    Written Σ t·(log Σexp(z − max) + (max − z)), one sum of terms ≥ 0: it never goes below 0
    and stays accurate relative to the loss itself (logsumexp·Σt − Σ t·z, two large float32
    sums, cancelled to 0 or −4e-05 near the end of a long run), in one product with t (two
    cost 0.7 µs more on the 2-8-8-2 benchmark's step of 31). A tiny value is counted again in
    float64, so a nearly perfect batch has a small loss, not 0."""
    n = z.shape[0]
    gap = np.subtract(zmax, z)
    value = float(np.vdot(t, np.add(gap, log_total))) / n
    if value < TINY_CROSS_ENTROPY and log_total.dtype != np.float64:
        total = np.add.reduce(np.exp(np.negative(gap, dtype=np.float64)), axis=1,
                              keepdims=True)
        value = float(np.vdot(t, np.add(gap, np.log(total)))) / n
    return value


def value(loss: str, z: np.ndarray, y: np.ndarray, t: np.ndarray) -> float:
    """Loss of the output node. ``z``: pre-activation, ``y``: activation, ``t``: targets of y's
    shape (the network turns class indices into one-hot first)."""
    n = y.shape[0]
    if loss == "mse":
        diff = y - t
        return float(0.5 * np.vdot(diff, diff) / n)
    if loss == "cross_entropy":
        zmax = z.max(axis=1, keepdims=True)
        logsumexp = np.log(np.exp(z - zmax).sum(axis=1, keepdims=True)) + zmax
        return float(np.sum(t * (logsumexp - z)) / n)
    if loss == "binary_cross_entropy":
        # −[t·log σ(z) + (1−t)·log(1−σ(z))] = max(z, 0) − t·z + log(1 + e^−|z|)
        per = np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))
        return float(per.sum() / n)
    raise ValueError(_("unknown loss {name}; choose one of {names}").format(
        name=repr(loss), names=", ".join(NAMES)))
