"""What continuing a run exactly needs besides the weights and the history.

Training 10 epochs, saving, opening and training 10 more must end where 20 epochs in one go
end. Three things carry over besides the weights and history:

- the optimizer's state — momentum velocities, AdaGrad/RMSprop sums, Adam's moments — and its
  step count (Adam's bias correction depends on it; a fresh Adam takes large first steps);
- the shuffling generator: the trainer draws every epoch's order from one stream,
  ``default_rng([seed, 1])`` (the exported scripts replay that stream), so a continued run must
  pick the stream up where it stood instead of repeating the first epochs' orders;
- the network's generator, which draws the dropout masks.

A :class:`Continuation` holds them as plain data. A project file keeps its arrays in
``weights.npz`` as ``optim/<slot>/<parameter>`` (e.g. ``optim/m/W1``) and the rest in
``project.json``'s ``continuation`` object (:meth:`Continuation.to_dict`).

The engine updates one flat vector that every parameter is a view of, so the optimizer's state
is one flat array per slot. Here it is cut into one array per parameter with the engine's own
layout (:func:`core.engine.buffers.flat_views` over :func:`core.engine.params.shapes`), so a
file names what it holds and is checked against the network by name and shape, like the
weights. The padding between parameters never has a gradient, so its state stays zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.engine.buffers import flat_views
from core.engine.network import Network
from core.engine.optimizers import OPTIMIZERS, Optimizer
from core.i18n import _, ngettext
from core.unknown_fields import extra_fields, unknown_fields

PREFIX = "optim/"
FLAT_KEY = "*"  # the name under which the engine hands its flat vector to the optimizer
GENERATOR = "PCG64"  # what np.random.default_rng makes
WORD = 2**128  # PCG64's state and increment are 128-bit numbers
STORED_FIELDS = frozenset({"optimizer", "step", "shuffle_rng", "network_rng"})


@dataclass(frozen=True, eq=False)
class Continuation:
    """``arrays[slot][parameter]``; ``step`` counts the optimizer's updates so far; the two
    generator states are ``bit_generator.state`` dicts."""

    optimizer: str
    step: int
    arrays: dict[str, dict[str, np.ndarray]]
    shuffle_rng: dict[str, Any]
    network_rng: dict[str, Any]

    @classmethod
    def capture(cls, optimizer: Optimizer, network: Network,
                shuffle_rng: np.random.Generator) -> Continuation:
        """Copies of the state a trainer stands in now (call it from the thread that trains,
        or once training has ended)."""
        flat = optimizer.state.get(FLAT_KEY, {})
        shapes = {name: value.shape for name, value in network.params.items()}
        arrays = {slot: _split(values, shapes) for slot, values in flat.items()}
        return cls(optimizer.name, optimizer.t, arrays, _generator_state(shuffle_rng),
                   _generator_state(network.rng))

    def restore(self, optimizer: Optimizer, network: Network,
                shuffle_rng: np.random.Generator) -> None:
        """Put the state into a fresh trainer's optimizer and generators; ValueError in words
        when it belongs to another optimizer or network."""
        if optimizer.name != self.optimizer:
            raise ValueError(_("the saved optimizer state is {saved}'s, not {current}'s").format(
                saved=self.optimizer, current=optimizer.name))
        shapes = {name: value.shape for name, value in network.params.items()}
        _check(self.optimizer, self.step, self.arrays, shapes)
        if self.arrays:
            joined = {slot: _join(values, shapes, network.dtype)
                      for slot, values in self.arrays.items()}
            optimizer.load_state({FLAT_KEY: joined}, self.step)
        else:
            optimizer.load_state({}, self.step)
        shuffle_rng.bit_generator.state = self.shuffle_rng
        network.rng.bit_generator.state = self.network_rng

    @property
    def finite(self) -> bool:
        """Whether every state value is finite (a diverging run's may not be)."""
        return all(np.all(np.isfinite(a)) for values in self.arrays.values()
                   for a in values.values())

    # ------------------------------------------------------------------ files
    def to_dict(self) -> dict[str, Any]:
        """The JSON part: the 128-bit generator words as hexadecimal text, which every JSON
        reader keeps exactly."""
        return {"optimizer": self.optimizer, "step": self.step,
                "shuffle_rng": _words(self.shuffle_rng), "network_rng": _words(self.network_rng)}

    def to_arrays(self) -> dict[str, np.ndarray]:
        return {f"{PREFIX}{slot}/{name}": array
                for slot, values in self.arrays.items() for name, array in values.items()}

    @classmethod
    def from_stored(cls, data: Any, arrays: Mapping[str, np.ndarray],
                    shapes: Mapping[str, tuple[int, ...]]) -> Continuation:
        """Read and check what :meth:`to_dict` and :meth:`to_arrays` wrote, for a network with
        parameter ``shapes``; ValueError in words when anything is missing, extra or bent."""
        unknown = extra_fields(data, STORED_FIELDS)
        if unknown:
            raise ValueError(unknown_fields("'continuation'", unknown))
        if not isinstance(data, dict) or set(data) != STORED_FIELDS:
            raise ValueError(_("'continuation' must hold exactly optimizer, step, shuffle_rng "
                               "and network_rng"))
        name, step = data["optimizer"], data["step"]
        if not isinstance(name, str) or name not in OPTIMIZERS:
            raise ValueError(_("the saved optimizer state names an unknown optimizer {name}"
                               ).format(name=repr(name)))
        if isinstance(step, bool) or not isinstance(step, int) or step < 0:
            raise ValueError(_("the optimizer's step count {step} is not a whole number").format(
                step=repr(step)))
        stored: dict[str, dict[str, np.ndarray]] = {}
        for key, array in arrays.items():
            slot, _slash, param = key.removeprefix(PREFIX).partition("/")
            if not key.startswith(PREFIX) or not param:
                raise ValueError(_("{key} is not an optimizer state array").format(key=repr(key)))
            stored.setdefault(slot, {})[param] = array
        _check(name, step, stored, shapes)
        return cls(name, step, stored, _generator(data["shuffle_rng"], "shuffle_rng"),
                   _generator(data["network_rng"], "network_rng"))


def _check(name: str, step: int, arrays: Mapping[str, Mapping[str, np.ndarray]],
           shapes: Mapping[str, tuple[int, ...]]) -> None:
    """Every slot of optimizer ``name`` holds a finite decimal array for exactly the
    network's parameters (or, before the first update, nothing at all)."""
    slots = OPTIMIZERS[name].slots
    if not arrays and (step == 0 or not slots):
        return
    if set(arrays) != set(slots):
        if arrays:
            message = ngettext("the saved optimizer state holds the slot {held}; {optimizer} "
                               "keeps {slots}",
                               "the saved optimizer state holds the slots {held}; {optimizer} "
                               "keeps {slots}", len(arrays))
        else:
            message = _("the saved optimizer state holds no slots; {optimizer} keeps {slots}")
        raise ValueError(message.format(held=", ".join(sorted(arrays)), optimizer=name,
                                        slots=", ".join(slots)))
    for slot, values in arrays.items():
        problems = [_("missing {name}").format(name=p) for p in shapes if p not in values]
        problems += [_("unexpected {name}").format(name=p) for p in values if p not in shapes]
        for param, array in values.items():
            if array.dtype.kind != "f" or not np.all(np.isfinite(array)):
                problems.append(_("{name} does not hold finite decimals").format(name=param))
            elif param in shapes and array.shape != tuple(shapes[param]):
                problems.append(_("{name} has shape {shape}, the network needs {needed}").format(
                    name=param, shape=array.shape, needed=tuple(shapes[param])))
        if problems:
            raise ValueError(_("the optimizer state '{slot}' does not match the network: "
                               "{problems}").format(slot=slot, problems="; ".join(problems)))


def _split(flat: np.ndarray, shapes: Mapping[str, tuple[int, ...]]) -> dict[str, np.ndarray]:
    layout, views = flat_views(dict(shapes), flat.dtype)
    if layout.shape != flat.shape:
        raise ValueError(_("the optimizer's state does not have the network's layout"))
    layout[...] = flat
    return {name: view.copy() for name, view in views.items()}


def _join(arrays: Mapping[str, np.ndarray], shapes: Mapping[str, tuple[int, ...]],
          dtype: np.dtype) -> np.ndarray:
    flat, views = flat_views(dict(shapes), np.dtype(dtype))
    for name, view in views.items():
        view[...] = arrays[name]
    return flat


def _generator_state(rng: np.random.Generator) -> dict[str, Any]:
    state = rng.bit_generator.state
    return {**state, "state": dict(state["state"])}


def _words(state: dict[str, Any]) -> dict[str, Any]:
    return {"generator": state["bit_generator"], "state": f"{state['state']['state']:x}",
            "inc": f"{state['state']['inc']:x}", "has_uint32": state["has_uint32"],
            "uinteger": state["uinteger"]}


def _generator(data: Any, what: str) -> dict[str, Any]:
    """A ``bit_generator.state`` from :func:`_words`' form, checked by setting it."""
    try:
        if data["generator"] != GENERATOR:
            raise ValueError
        state, inc = int(data["state"], 16), int(data["inc"], 16)
        if not (0 <= state < WORD and 0 <= inc < WORD) or data["has_uint32"] not in (0, 1):
            raise ValueError
        value = {"bit_generator": GENERATOR, "state": {"state": state, "inc": inc},
                 "has_uint32": data["has_uint32"], "uinteger": int(data["uinteger"])}
        np.random.PCG64().state = value
    except (KeyError, TypeError, ValueError, OverflowError):
        raise ValueError(_("'continuation.{what}' is not a saved {generator} generator state"
                           ).format(what=what, generator=GENERATOR)) from None
    return value
