"""Activation functions: one small class per function, forward and backward on arrays.

``forward(z, out)`` writes into ``out`` when the function allows it (the engine passes
preallocated buffers on its hot path) and returns the result; ``backward(da, z, a, out)`` returns
dL/dz given dL/da, the input ``z`` and the output ``a``. Nothing here edits ``da`` in place.
"""

from __future__ import annotations

import numpy as np

from core.i18n import N_, _

LEAKY_SLOPE = 0.01
# Below this many elements an array op costs mostly call overhead: ReLU's backward then uses
# sign(a) (same dtypes, no bool cast) instead of a bool mask (cheaper per element).
SMALL = 4096


def const(value: float, dtype: np.dtype) -> np.ndarray:
    """A 0-d array constant: NumPy handles it far faster than a Python or NumPy scalar on the
    tiny arrays of small nets (≈ 0.35 µs against 0.7 µs a call, measured)."""
    made = _CONSTANTS.get((value, dtype))
    if made is None:  # (setdefault would make a new array on every call, only to drop it)
        made = _CONSTANTS[(value, dtype)] = np.full((), value, dtype)
    return made


_CONSTANTS: dict[tuple[float, np.dtype], np.ndarray] = {}


class Activation:
    """Base class: ``name``, a one-line ``description`` for tooltips, forward and backward."""

    name = ""
    description = ""

    def forward(self, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        raise NotImplementedError

    def backward(
        self, da: np.ndarray, z: np.ndarray, a: np.ndarray, out: np.ndarray | None = None
    ) -> np.ndarray:
        raise NotImplementedError


class Identity(Activation):
    name = "identity"
    description = N_("y = x. Used on regression outputs; as a hidden activation it adds nothing.")

    def forward(self, z, out=None):
        return z

    def backward(self, da, z, a, out=None):
        return da


class Step(Activation):
    name = "step"
    description = N_("y = 1 if x > 0 else 0: the perceptron's rule. Slope 0, so it cannot learn.")

    def forward(self, z, out=None):
        return np.greater(z, 0, out=out if out is not None else np.empty_like(z))

    def backward(self, da, z, a, out=None):
        out = np.empty_like(da) if out is None else out
        out.fill(0)
        return out


class Sigmoid(Activation):
    name = "sigmoid"
    description = N_("y = 1/(1+e^-x), between 0 and 1. Its slope vanishes for large |x| "
                     "(saturation).")

    def forward(self, z, out=None):
        # 1/(1+e^-x) == 0.5 + 0.5·tanh(x/2), and the tanh form never overflows.
        half = const(0.5, z.dtype)
        out = np.multiply(z, half, out=out)
        np.tanh(out, out=out)
        np.multiply(out, half, out=out)
        np.add(out, half, out=out)
        return out

    def backward(self, da, z, a, out=None):
        out = np.subtract(const(1.0, a.dtype), a, out=out)
        np.multiply(out, a, out=out)
        np.multiply(out, da, out=out)
        return out


class Tanh(Activation):
    name = "tanh"
    description = N_("y = tanh(x), between -1 and 1 and centred on 0; saturates like the "
                     "sigmoid.")

    def forward(self, z, out=None):
        return np.tanh(z, out=out)

    def backward(self, da, z, a, out=None):
        out = np.multiply(a, a, out=out)
        np.subtract(1, out, out=out)
        out *= da
        return out


class ReLU(Activation):
    name = "relu"
    description = N_("y = max(0, x). Cheap, does not saturate for x > 0; a unit stuck below "
                     "0 is dead.")

    def forward(self, z, out=None):
        return np.maximum(z, const(0.0, z.dtype), out=out)

    def backward(self, da, z, a, out=None):
        if da.size < SMALL:
            out = np.sign(a, out=out)  # a = max(z, 0): sign(a) is the 0/1 slope
            return np.multiply(da, out, out=out)
        return np.multiply(da, z > 0, out=out)


class LeakyReLU(Activation):
    name = "leaky_relu"

    @property
    def description(self) -> str:  # type: ignore[override]
        """Translated already (it holds the slope); ``_()`` of it changes nothing."""
        return _("y = x if x > 0 else {slope}·x: a ReLU whose units cannot die.").format(
            slope=LEAKY_SLOPE)

    def forward(self, z, out=None):
        out = np.multiply(z, LEAKY_SLOPE, out=out)
        return np.maximum(z, out, out=out)

    def backward(self, da, z, a, out=None):
        slope = np.where(z > 0, 1.0, LEAKY_SLOPE).astype(da.dtype, copy=False)
        return np.multiply(da, slope, out=out)


class Softmax(Activation):
    name = "softmax"
    description = N_("Turns scores into probabilities that sum to 1 (row max subtracted: no "
                     "overflow).")

    def forward(self, z, out=None):
        out = np.subtract(z, z.max(axis=-1, keepdims=True), out=out)
        np.exp(out, out=out)
        out /= out.sum(axis=-1, keepdims=True)
        return out

    def backward(self, da, z, a, out=None):
        dot = (da * a).sum(axis=-1, keepdims=True)
        out = np.subtract(da, dot, out=out)
        out *= a
        return out


ACTIVATIONS: dict[str, Activation] = {
    cls.name: cls() for cls in (Identity, Step, Sigmoid, Tanh, ReLU, LeakyReLU, Softmax)
}
NAMES: tuple[str, ...] = tuple(ACTIVATIONS)
#: The names the window shows (translated with ``_()`` where shown: :func:`title`). The seed
#: keeps ReLU and Softmax in Latin; tanh is a symbol.
TITLES: dict[str, str] = {
    "identity": N_("Identity"), "step": N_("Step"), "sigmoid": N_("Sigmoid"), "tanh": N_("tanh"),
    "relu": N_("ReLU"), "leaky_relu": N_("Leaky ReLU"), "softmax": N_("Softmax"),
}


#: activations whose one output unit reads as the probability of class 1 (split at a half)
PROBABILITY_OUTPUTS = ("sigmoid", "step")


def class_threshold(name: str) -> float:
    """Where one output unit of activation ``name`` splits class 0 from class 1: the middle
    of its range, 0.5 for a probability (:data:`PROBABILITY_OUTPUTS`), else 0."""
    return 0.5 if name in PROBABILITY_OUTPUTS else 0.0


def title(name: str) -> str:
    """The activation's display name in the current language (``name`` itself if unknown)."""
    return _(TITLES[name]) if name in TITLES else name


def describe(name: str) -> str:
    """The one-line tooltip of activation ``name`` in the current language."""
    return _(get(name).description)


def get(name: str) -> Activation:
    """The activation called ``name``; ValueError listing the choices otherwise."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(_("unknown activation {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(NAMES))) from None


def apply(name: str, x: np.ndarray) -> np.ndarray:
    """The activation of ``x`` as a new float64 array (softmax works along the last axis)."""
    z = np.array(x, dtype=np.float64, ndmin=1)
    return get(name).forward(z, out=np.empty_like(z)).copy()


def derivative(name: str, x: np.ndarray) -> np.ndarray:
    """Element-wise slope dy/dx, for plots (softmax: the diagonal of its Jacobian)."""
    z = np.array(x, dtype=np.float64, ndmin=1)
    act = get(name)
    a = act.forward(z, out=np.empty_like(z)).copy()
    if name == "softmax":
        return a * (1 - a)
    return act.backward(np.ones_like(z), z, a, out=np.empty_like(z))
