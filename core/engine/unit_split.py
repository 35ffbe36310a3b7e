"""A mini-batch trained by two processes that divide the first layer's units between them: each
computes the values of its half of the first node's units and, once the rest of the network
(here) has said how the loss changes with them, its half of that layer's update.

Why not :mod:`core.engine.batch_split`'s rows: a step divided by rows hands the helper all the
weights and takes back a whole gradient, 0.6 MB for 784-100-10, and on a 2-core virtual
machine what crosses between the cores slowed 5-8× for minutes at a time (a 0.3 MB copy took
133 µs instead of 16), which ate the gain. Divided by units, each process keeps its own half
of the first layer's weights — the product that costs nearly all of the step — and only the
half's values and what comes back for them cross: 2 × 20 KB a step. Measured on 784-100-10,
epochs of 60,000 rows: one process 0.265 s, rows divided 0.20-0.21 s, units divided
0.18-0.19 s.

Only for what it computes exactly and where that part is most of the work: plain SGD without
weight decay (each process updates its own weights), a first node fed by the one input node
alone and holding at least :data:`HEAD_SHARE` of the weights, an activation of one unit at a
time (not softmax), no batch norm or dropout, and data kept as bytes (the helper makes its rows
from a shared copy). Else the rows are divided.

The same bits whichever way a step goes: side by side, or both halves here (when the helper is
slower or has died) — the same code on the same arrays. Each half keeps two copies of its
weights and switches to the other only when an update is complete, so a helper that dies
mid-step leaves its last whole weights, and the step is made again here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from core.engine import activations, helper_process, optimizers, shared_arrays
from core.engine.batch_split import HelpedRun, Pace
from core.engine.buffers import divided_bytes, flat_size
from core.engine.helper_process import CPU_WORD, ROWS_WORD, HelperLostError, wait_for
from core.engine.network import Network
from core.engine.params import bias_name, weight_name
from core.spec import NetworkSpec

MIN_PART_UNITS = 16  # units each process computes at least
#: steps between two tries of the way not taken (see :class:`~core.engine.batch_split.Pace`):
#: both halves here cost 60 % more than side by side (0.31 s an epoch against 0.19), a try
#: every 128 steps as the rows' split makes would cost 4 % of every epoch; the pace still
#: leaves a way as soon as it is slower than the other was, and off the split it tries it
#: again every PROBE_BACK (32) steps
PROBE_EVERY = 512
HEAD_SHARE = 2 / 3  # the first layer's share of the weights from which dividing it pays
# What the helper is asked to do: its half's values (FORWARD), an answer once it has done all
# it was asked (SYNC) — in control word _PHASE, answered before the next ask — or the update
# of the last rows it computed, counted in control word _UPDATES and never answered: this side
# asks the next step's values while the helper may still be updating, and a word of their own
# keeps the two asks apart. _STATE: which copy of its weights is current.
FORWARD, SYNC = 1.0, 3.0
_PHASE, _STATE, _UPDATES = 1, 2, 5
_CONTROL = 8


def head(spec: NetworkSpec) -> tuple[str, str] | None:
    """The edge and node of ``spec``'s first layer when it can be divided by units (see the
    module's text), else None."""
    if len(spec.inputs) != 1 or any(n.batch_norm or n.dropout > 0 for n in spec.nodes):
        return None
    leaving = [e for e in spec.edges if e.src == spec.inputs[0].id]
    if len(leaving) != 1:
        return None
    node = spec.node(leaving[0].dst)
    first = next(i for i in spec.order() if spec.node(i).kind != "input")
    if node.id == spec.output.id or node.id != first or node.activation == "softmax" or \
            len(spec.incoming(node.id)) != 1:
        return None
    return leaving[0].id, node.id


def fits(network: Network, optimizer: optimizers.Optimizer, helpers: int, source: Any) -> bool:
    """Whether a run of ``network`` with ``helpers`` helper processes divides its first layer
    by units instead of its mini-batches by rows."""
    if helpers != 1 or not optimizers.is_plain_sgd(optimizer) or network.weight_decay or \
            network.l1 or getattr(source, "byte_rows", lambda: None)() is None:
        return False
    found = head(network.spec)
    if found is None:
        return False
    weights = network.params[weight_name(found[0])]
    return weights.shape[1] >= 2 * MIN_PART_UNITS and \
        weights.size >= HEAD_SHARE * network.weight_count()


class ColumnPart:
    """Some units of the first node — columns of its weight matrix: their values for a batch
    (:meth:`forward`) and, given lr·dL/d(values), their plain-SGD update (:meth:`backward`),
    as :class:`~core.engine.layers.Dense` computes them. Two copies of the weights and bias
    (``weights`` of shape (2, inputs, units)): an update writes the other one, then
    ``state[0]`` — one word, written at once — says which copy is current."""

    def __init__(self, activation: str, weights: np.ndarray, bias: np.ndarray,
                 state: np.ndarray, grads: tuple[np.ndarray, np.ndarray], rows: int) -> None:
        self.weights, self.bias, self.state = weights, bias, state
        self.weight_grad, self.bias_grad = grads
        self.activation = activation
        self._activation = activations.get(activation)
        units, dtype = weights.shape[2], weights.dtype
        self._z = np.empty((rows, units), dtype)
        self._dz = np.empty((rows, units), dtype)
        self._ones = np.ones(rows, dtype)
        self._x: np.ndarray | None = None
        self._a: np.ndarray | None = None

    @classmethod
    def private(cls, activation: str, weights: np.ndarray, bias: np.ndarray, rows: int,
                state: np.ndarray | None = None) -> ColumnPart:
        """A part in this process's own memory, starting from ``weights`` and ``bias``."""
        two = np.empty((2, *weights.shape), weights.dtype)
        two[0] = weights
        biases = np.empty((2, *bias.shape), bias.dtype)
        biases[0] = bias
        grads = (np.zeros(weights.shape, weights.dtype), np.zeros(bias.shape, bias.dtype))
        return cls(activation, two, biases, np.zeros(1) if state is None else state, grads,
                   rows)

    def copied(self) -> ColumnPart:
        """This part in this process's memory (its current weights, last gradients)."""
        weights, bias = self.current()
        part = ColumnPart.private(self.activation, weights, bias, self._z.shape[0])
        part.weight_grad[...], part.bias_grad[...] = self.weight_grad, self.bias_grad
        return part

    def current(self) -> tuple[np.ndarray, np.ndarray]:
        k = int(self.state[0])
        return self.weights[k], self.bias[k]

    def forward(self, x: np.ndarray, out: np.ndarray) -> None:
        """The part's activations for the rows ``x``, into ``out``."""
        weights, bias = self.current()
        z = np.dot(x, weights, out=self._z[:x.shape[0]])
        z += bias
        a = self._activation.forward(z, out=out)
        if a is not out:  # the identity gives z itself
            out[...] = a
        self._x, self._a = x, out

    def gradient(self, da: np.ndarray) -> None:
        """lr·gradient of the weights and bias from lr·dL/d(activations) ``da`` of the last
        forward pass's rows, into :attr:`weight_grad` and :attr:`bias_grad`."""
        assert self._x is not None and self._a is not None
        rows = da.shape[0]
        dz = self._activation.backward(da, self._z[:rows], self._a, out=self._dz[:rows])
        np.dot(self._ones[:rows], dz, out=self.bias_grad)
        np.dot(self._x.T, dz, out=self.weight_grad)

    def backward(self, da: np.ndarray) -> None:
        """:meth:`gradient`, then the update: into the other copy, which then becomes current."""
        self.gradient(da)
        k = int(self.state[0])
        np.subtract(self.weights[k], self.weight_grad, out=self.weights[1 - k])
        np.subtract(self.bias[k], self.bias_grad, out=self.bias[1 - k])
        self.state[0] = 1 - k  # last: the other copy is whole now


class UnitSplit(HelpedRun):
    """Trains ``network``'s mini-batches (of up to ``batch_size`` rows of ``source``, a data
    set kept as bytes) with its first layer's units divided between this process and one
    helper (see the module's text and :func:`fits`). :meth:`train_rows` is
    :meth:`Network.train_step`'s counterpart. The first layer's weights live in the two
    halves while the run trains: :meth:`sync` brings them into the network."""

    way = "units"

    def __init__(self, network: Network, batch_size: int, source: Any) -> None:
        super().__init__(network, batch_size)
        self.pace = Pace(PROBE_EVERY)
        found = head(network.spec)
        if found is None:
            raise ValueError("the first layer cannot be divided by units")  # i18n: not ui
        self._names = weight_name(found[0]), bias_name(found[1])
        weights, bias = (network.params[name] for name in self._names)
        inputs, units = weights.shape
        self._cut = cut = units // 2
        activation = network.spec.node(found[1]).activation
        self._mine = ColumnPart.private(activation, weights[:, :cut], bias[:cut], batch_size)
        self._head = np.empty((batch_size, units), network.dtype)
        # where the parameters after the first node's start (its come first: node by node in
        # forward order): the rest of the network, updated here
        assert tuple(network.params)[:2] == self._names
        self._rest = flat_size({name: network.params[name].shape for name in self._names},
                               network.dtype)
        self._source_of = source
        # the copy of the helper's half that the update handed to it last starts from, and
        # that update's rows: made again here if the helper dies before switching copies
        self._handed_copy, self._handed_x = 0, np.zeros(0)
        self._unanswered = False
        shared = shared_arrays.shared_source(*source.byte_rows())
        try:
            self.helpers = helper_process.helpers(1)
            (self._control, self._index, self._a, self._da, two, biases, weight_grad,
             bias_grad) = self.helpers[0].build_work(
                _parts(batch_size, inputs, units - cut, network.dtype), "columns",
                activation, network.dtype.str, inputs, units - cut, batch_size, shared)
        except BaseException:
            self.close()
            raise
        two[0], biases[0] = weights[:, cut:], bias[cut:]
        self._theirs = ColumnPart(activation, two, biases, self._control[_STATE:_STATE + 1],
                                  (weight_grad, bias_grad), batch_size)

    def train_rows(self, source: Any, rows: np.ndarray, t: np.ndarray,
                   optimizer: optimizers.Optimizer) -> float:
        """One plain-SGD update from the mini-batch ``source[rows]``, targets ``t``; returns
        its loss (no update when it is not finite, as :meth:`Network.train_step`)."""
        net, n, cut = self.network, len(rows), self._cut
        if n > self.batch_size:
            raise ValueError(f"a batch of {n} rows; the split was made for "
                             f"{self.batch_size}")  # i18n: not ui
        if n == 0:  # as one process does with it (0 rows would tell the helper to stop)
            return net.train_step(source[rows], t, optimizer)
        split = bool(self.helpers) and source is self._source_of and self.pace.next_split()
        started = time.perf_counter()
        if split:
            self._index[:n] = rows
            self._ask(FORWARD, n)
        x = source[rows]
        head = self._head[:n]
        self._mine.forward(x, head[:, :cut])
        if split and not self._answered():
            split = False
        if not split:
            self._settle()  # the helper's last update made before its half is used here
            self._theirs.forward(x, self._a[:n])
        head[:, cut:] = self._a[:n]
        loss = net.tail_pass(head, t, optimizer.lr)
        self._da[:n] = net.head_gradient[:, cut:]
        if not math.isfinite(loss):  # no update, as one process: the gradients only
            if split:  # the helper's values again, here (it has nothing else to do)
                self._theirs.forward(x, self._a[:n])
            self._theirs.gradient(self._da[:n])
            self._mine.gradient(net.head_gradient[:, :cut])
        else:
            if split:
                self._handed_copy, self._handed_x = int(self._theirs.state[0]), x
                self._ask_update()
            else:
                self._theirs.backward(self._da[:n])
            self._mine.backward(net.head_gradient[:, :cut])
            rest = self._rest
            np.subtract(net.flat_params[rest:], net.flat_grads[rest:],
                        out=net.flat_params[rest:])
            optimizer.t += 1  # what its own update would count
        self.pace.took(split, time.perf_counter() - started)
        return loss

    def _ask(self, phase: float, rows: int = 1) -> None:
        """Ask the helper for its half's values (FORWARD) or an answer (SYNC)."""
        self._control[_PHASE], self._control[ROWS_WORD] = phase, rows
        self.helpers[0].pending = True
        self.helpers[0].go.release()

    def _ask_update(self) -> None:
        """Ask the helper to update its half from the rows of its last values."""
        self._control[_UPDATES] += 1
        self._unanswered = True  # until the next ask is answered
        self.helpers[0].go.release()

    def _settle(self) -> None:
        """Wait until the helper has done all it was asked: its half can be read here then."""
        if not self.helpers or not (self.helpers[0].pending or self._unanswered):
            return
        if not self.helpers[0].pending:
            self._ask(SYNC)
        self._answered()

    def _answered(self) -> bool:
        """Wait for the helper's answer; False when it died (its half is then made here)."""
        try:
            self.helpers[0].take()
            self._unanswered = False  # it answers after making what it was asked before
            return True
        except HelperLostError:
            self._lose_helper()
            return False

    def _lose_helper(self) -> None:
        """The helper died: an update handed to it and not made is made here (on the rows it
        was for, from the weights they were computed with), and its half moves here."""
        theirs = self._theirs
        if self._unanswered and int(theirs.state[0]) == self._handed_copy:
            rows = self._handed_x.shape[0]
            theirs.forward(self._handed_x, self._a[:rows])
            theirs.backward(self._da[:rows])
        self._unanswered = False
        self._detach()

    def sync(self) -> None:
        """Put the first node's weights — and their last gradients, lr·g — into the network."""
        self._settle()
        net, cut = self.network, self._cut
        for part, columns in ((self._mine, slice(None, cut)), (self._theirs, slice(cut, None))):
            weights, bias = part.current()
            for name, value, grad in ((self._names[0], weights, part.weight_grad),
                                      (self._names[1], bias, part.bias_grad)):
                net.params[name][..., columns] = value
                net._grads[name][..., columns] = grad

    def _detach(self) -> None:
        """The helper's half and what is exchanged with it into this process's memory, then
        the helper back to the pool (its block goes with it)."""
        self._theirs = self._theirs.copied()
        self._control, self._index = np.zeros(_CONTROL), np.zeros_like(self._index)
        self._a, self._da = np.empty_like(self._a), self._da.copy()
        self._hand_back()

    def close(self) -> None:
        """The weights into the network, then the helper back to the pool (again: nothing)."""
        if not hasattr(self, "_theirs"):  # it never built
            super().close()
            return
        try:
            self.sync()
        finally:
            if self.helpers:
                self._detach()


def _parts(rows: int, inputs: int, units: int, dtype: np.dtype) -> shared_arrays.Parts:
    """The helper's block: its control words, the rows' numbers, its units' activations and
    what comes back for them, two copies of its weights and bias, and its last gradients."""
    return [((_CONTROL,), np.float64), ((rows,), np.int64), ((rows, units), dtype),
            ((rows, units), dtype), ((2, inputs, units), dtype), ((2, units), dtype),
            ((inputs, units), dtype), ((units,), dtype)]


class ColumnWork:
    """A helper's half of the first layer (run by :mod:`core.engine.helper_process`), on the
    block the other side made and the data set's shared bytes."""

    def __init__(self, block_name: str, activation: str, dtype_text: str, inputs: int,
                 units: int, rows: int, source: shared_arrays.Source) -> None:
        dtype = np.dtype(dtype_text)
        self._memory = [shared_arrays.attach(block_name), shared_arrays.attach(source.name)]
        (self.control, self.index, self.a, self.da, weights, bias, weight_grad,
         bias_grad) = shared_arrays.views(self._memory[0].buf, _parts(rows, inputs, units, dtype))
        self.part = ColumnPart(activation, weights, bias, self.control[_STATE:_STATE + 1],
                               (weight_grad, bias_grad), rows)
        self.source = np.ndarray(source.shape, np.uint8, self._memory[1].buf)
        self.divisor = dtype.type(source.divisor)
        self.x = np.empty((rows, inputs), dtype)
        self.rows = self.updates = 0  # of the last values computed; updates asked and made

    def train_parts(self, go: Any, done: Any, alive: Callable[[], bool]) -> None:
        """Do what the other side asks until it asks with 0 rows."""
        control = self.control
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while True:
                wait_for(go, alive)
                if control[_UPDATES] > self.updates:  # asked before anything now waiting
                    self.updates += 1
                    self.part.backward(self.da[:self.rows])
                    control[CPU_WORD] = time.process_time()
                    continue
                rows = int(control[ROWS_WORD])
                if rows == 0:
                    control[CPU_WORD] = time.process_time()
                    return
                if control[_PHASE] == FORWARD:  # the inputs made as LazyInputs makes them
                    self.rows = rows
                    x = divided_bytes(self.source[self.index[:rows]], self.divisor,
                                      self.x.dtype, out=self.x[:rows])
                    self.part.forward(x, self.a[:rows])
                control[CPU_WORD] = time.process_time()
                done.release()

    def close(self) -> None:
        del self.part, self.control, self.index, self.a, self.da, self.source
        for memory in self._memory:
            memory.close()
