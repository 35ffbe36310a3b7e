"""Optimizers: one small class per update rule, each changing name-keyed parameter arrays in place.

The rules are the book's (docs/book.md §7), kept exact so the classic comparison on
f(x, y) = x²/20 + y² reproduces. ``update`` runs every training step, so it works in place with
``out=`` and one reusable scratch buffer per parameter: no temporaries are allocated once the
state exists. The state (velocities, squared-gradient sums) is created lazily as zeros the first
time a parameter name is seen, like the book's ``common/optimizer.py``, and has the parameter's
dtype, so float32 training stays float32.

Hyperparameters are plain attributes (``lr``, ``momentum``, ...): the GUI may change them between
steps and the next ``update`` uses the new values.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Mapping
from typing import ClassVar

import numpy as np

from core.i18n import N_, _, ngettext

#: Added to √h / √v before dividing, so a weight that never had a gradient does not divide by 0.
EPSILON = 1e-7
#: Every this many updates, state values too small for a normal float become 0 (see update).
FLUSH_EVERY = 16


class Optimizer:
    """Base class: ``update(params, grads)`` in place, live ``lr``, ``reset()``, introspection.

    Subclasses name their per-parameter state in ``slots`` and implement ``_step`` for one array.
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    slots: ClassVar[tuple[str, ...]] = ()

    def __init__(self, lr: float) -> None:
        self.lr = lr
        self.t = 0  # update calls so far (Adam's bias correction reads it)
        # Per parameter name: (scratch, *slots). The scratch buffer is reused every step.
        self._buffers: dict[str, tuple[np.ndarray, ...]] = {}

    def update(self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Move every array in ``params`` one step against ``grads[name]``, in place.

        The arrays are modified, never replaced, so layers holding references see the new values.

        Every FLUSH_EVERY updates, state values below the smallest normal float become 0.
        A weight whose gradient stays 0 (a dead ReLU's, a pixel that is always blank) has its
        velocity decay geometrically into subnormal numbers and stick there: a step of
        0.9·m rounds back to m at a few units of the last place, so it never reaches 0. The
        processor works on subnormals about 10× slower, and on MNIST with Adam 86 % of m was
        stuck so — Adam's update took 2 ms instead of 0.2. Nothing else changes: such a value
        moves a weight by less than 10⁻³⁰.
        """
        self.t += 1
        self._begin_update()
        for key, param in params.items():
            scratch, *state = self._buffers_for(key, param)
            self._step(param, grads[key], scratch, *state)
        if self.slots and self.t % FLUSH_EVERY == 0:
            for scratch, *state in self._buffers.values():
                for values in state:
                    flush_subnormals(values, scratch)

    def reset(self) -> None:
        """Forget all state (velocities, sums, step count), as if freshly created."""
        self._buffers.clear()
        self.t = 0

    def load_state(self, state: Mapping[str, Mapping[str, np.ndarray]], t: int) -> None:
        """Continue from an earlier optimizer's :attr:`state` and step count ``t`` (copies are
        taken), so the next ``update`` is the one that optimizer would have made.

        ValueError in words when a parameter lacks one of this optimizer's slots or has others,
        when its slots differ in shape, or when ``t`` is not a whole number of at least 0."""
        if isinstance(t, bool) or not isinstance(t, int) or t < 0:
            message = f"the step count {t!r} is not a whole number of at least 0"  # i18n: not ui
            raise ValueError(message)
        buffers = {}
        for key, slots in state.items():
            if set(slots) != set(self.slots):
                held, kept = ", ".join(sorted(slots)) or "none", ", ".join(self.slots) or "none"
                message = f"{key} has state {held}; {self.name} keeps {kept}"  # i18n: not ui
                raise ValueError(message)
            if not self.slots:  # plain SGD: only its scratch, made on the next update
                continue
            arrays = [np.array(slots[slot]) for slot in self.slots]
            if len({a.shape for a in arrays}) > 1 or len({a.dtype for a in arrays}) > 1:
                message = f"the state arrays of {key} differ in shape or type"  # i18n: not ui
                raise ValueError(message)
            buffers[key] = (np.zeros_like(arrays[0]), *arrays)
        self._buffers = buffers
        self.t = t

    @property
    def state(self) -> dict[str, dict[str, np.ndarray]]:
        """The live state arrays by parameter name and slot (e.g. ``state["W1"]["v"]``); read only.

        Empty until the first ``update``: state is created lazily, as zeros, per parameter name.
        """
        return {
            key: dict(zip(self.slots, buffers[1:], strict=True))
            for key, buffers in self._buffers.items()
        }

    @classmethod
    def hyperparameter_names(cls) -> tuple[str, ...]:
        """The constructor's keyword names, which are also the attribute names."""
        return tuple(inspect.signature(cls).parameters)

    def hyperparameters(self) -> dict[str, float]:
        """Current hyperparameter values, e.g. ``{"lr": 0.01, "momentum": 0.9}``."""
        return {name: float(getattr(self, name)) for name in self.hyperparameter_names()}

    def __repr__(self) -> str:
        args = ", ".join(f"{name}={value!r}" for name, value in self.hyperparameters().items())
        return f"{type(self).__name__}({args})"

    def _buffers_for(self, key: str, param: np.ndarray) -> tuple[np.ndarray, ...]:
        """Scratch and state for ``key``, created as zeros on first sight.

        Also recreated when the array's shape or dtype changed (the user edited the network):
        the old velocities belong to weights that no longer exist.
        """
        buffers = self._buffers.get(key)
        if buffers is None or buffers[0].shape != param.shape or buffers[0].dtype != param.dtype:
            buffers = tuple(np.zeros_like(param) for _ in range(len(self.slots) + 1))
            self._buffers[key] = buffers
        return buffers

    def _begin_update(self) -> None:
        """Hook run once per ``update`` call, before any parameter (Adam counts steps here)."""

    def _step(self, param: np.ndarray, grad: np.ndarray, scratch: np.ndarray, *state) -> None:
        raise NotImplementedError


def flush_subnormals(values: np.ndarray, scratch: np.ndarray) -> None:
    """Set the entries of ``values`` whose magnitude is below the dtype's smallest normal
    number to 0, in place (``scratch``: an array like it, overwritten). NaN and ±inf stay."""
    np.abs(values, out=scratch)
    tiny = np.finfo(values.dtype).tiny
    np.multiply(values, ~(scratch < tiny), out=values)


def _adaptive_step(
    param: np.ndarray, numerator: np.ndarray, squares: np.ndarray, lr: float, scratch: np.ndarray
) -> None:
    """p −= lr·numerator / (√squares + ε), the shared tail of AdaGrad, RMSprop and Adam."""
    np.sqrt(squares, out=scratch)
    scratch += EPSILON
    np.divide(numerator, scratch, out=scratch)
    scratch *= lr
    param -= scratch


class SGD(Optimizer):
    name = "sgd"
    description = N_("Step straight downhill: p −= lr·g. Simple, but zig-zags across narrow "
                     "valleys.")

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _step(self, param, grad, scratch):
        np.multiply(grad, self.lr, out=scratch)
        param -= scratch


class Momentum(Optimizer):
    name = "momentum"
    description = N_(
        "A ball rolling downhill: velocity v = m·v − lr·g builds up, p += v; damps zig-zags."
    )
    slots = ("v",)

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum

    def _step(self, param, grad, scratch, v):
        v *= self.momentum
        np.multiply(grad, self.lr, out=scratch)
        v -= scratch
        param += v


class Nesterov(Optimizer):
    name = "nesterov"
    description = N_("Momentum that looks ahead before it steps, so it brakes earlier near a "
                     "minimum.")
    slots = ("v",)

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum

    def _step(self, param, grad, scratch, v):
        # p += m²·v (the old v); p −= (1+m)·lr·g; then v = m·v − lr·g.
        m = self.momentum
        np.multiply(v, m * m, out=scratch)
        param += scratch
        np.multiply(grad, (1 + m) * self.lr, out=scratch)
        param -= scratch
        v *= m
        np.multiply(grad, self.lr, out=scratch)
        v -= scratch


class AdaGrad(Optimizer):
    name = "adagrad"
    description = N_(
        "Each weight gets its own step size, shrinking as its squared gradients add up (h += g²)."
    )
    slots = ("h",)

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr)

    def _step(self, param, grad, scratch, h):
        np.multiply(grad, grad, out=scratch)
        h += scratch
        _adaptive_step(param, grad, h, self.lr, scratch)


class RMSprop(Optimizer):
    name = "rmsprop"
    description = N_(
        "AdaGrad that forgets old gradients (h = d·h + (1−d)·g²), so steps never shrink to zero."
    )
    slots = ("h",)

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99) -> None:
        super().__init__(lr)
        self.decay_rate = decay_rate

    def _step(self, param, grad, scratch, h):
        h *= self.decay_rate
        np.multiply(grad, grad, out=scratch)
        scratch *= 1 - self.decay_rate
        h += scratch
        _adaptive_step(param, grad, h, self.lr, scratch)


class Adam(Optimizer):
    name = "adam"
    description = N_(
        "Momentum plus RMSprop-style per-weight step sizes, bias-corrected for the first steps."
    )
    slots = ("m", "v")

    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        super().__init__(lr)
        self.beta1 = beta1
        self.beta2 = beta2
        self._lr_t = 0.0

    def _begin_update(self) -> None:
        # Once per call, not per parameter: lr_t = lr·√(1−β2^t) / (1−β1^t).
        self._lr_t = self.lr * math.sqrt(1 - self.beta2**self.t) / (1 - self.beta1**self.t)

    def _step(self, param, grad, scratch, m, v):
        np.subtract(grad, m, out=scratch)  # m += (1−β1)(g − m)
        scratch *= 1 - self.beta1
        m += scratch
        np.multiply(grad, grad, out=scratch)  # v += (1−β2)(g² − v)
        scratch -= v
        scratch *= 1 - self.beta2
        v += scratch
        _adaptive_step(param, m, v, self._lr_t, scratch)


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)
}
NAMES: tuple[str, ...] = tuple(OPTIMIZERS)
#: The names the window shows (``_()`` where shown: :func:`title`); all are kept in Latin, as
#: the seed writes them
TITLES: dict[str, str] = {"sgd": N_("SGD"), "momentum": N_("Momentum"),
                          "nesterov": N_("Nesterov"), "adagrad": N_("AdaGrad"),
                          "rmsprop": N_("RMSprop"), "adam": N_("Adam")}


def title(name: str) -> str:
    """The optimizer's display name in the current language (``name`` itself if unknown)."""
    return _(TITLES[name]) if name in TITLES else name


def _lookup(name: str) -> type[Optimizer]:
    try:
        return OPTIMIZERS[name.lower()]
    except KeyError:
        raise ValueError(_("unknown optimizer {name}; choose one of {names}").format(
            name=repr(name), names=", ".join(NAMES))) from None


def is_plain_sgd(optimizer: Optimizer) -> bool:
    """Whether backprop should yield lr·gradient for ``optimizer``: plain SGD's update is then
    one subtraction (see :meth:`core.engine.network.Network.update`)."""
    return type(optimizer) is SGD


def create(name: str, **hyperparameters: float) -> Optimizer:
    """A new optimizer by case-insensitive name; unspecified hyperparameters keep their defaults.

    ValueError lists the valid names, or the valid hyperparameters of that optimizer.
    """
    cls = _lookup(name)
    allowed = cls.hyperparameter_names()
    unknown = [key for key in hyperparameters if key not in allowed]
    if unknown:
        raise ValueError(ngettext("unknown hyperparameter {names} for {optimizer}; choose from "
                                  "{allowed}",
                                  "unknown hyperparameters {names} for {optimizer}; choose "
                                  "from {allowed}", len(unknown)).format(
            names=", ".join(unknown), optimizer=cls.name, allowed=", ".join(allowed)))
    return cls(**hyperparameters)


def describe(name: str) -> str:
    """One line that teaches what the optimizer does (GUI tooltips), in the current language."""
    return _(_lookup(name).description)
