"""One mini-batch trained by several processes: each computes the gradient of a part of the
rows, and the parts' gradients added up make the batch's, which this process applies.

Why processes: a 100-row mini-batch of 784-100-10 is two 100×784×100 matrix products and
some small NumPy calls, 0.3-0.4 ms in all. OpenBLAS splits such a product between cores
badly, and two threads of one interpreter queue for its lock at every small NumPy call. Two
processes (:mod:`core.engine.helper_process`) do not share that lock: each does the whole
step for 50 rows.

It does not always pay. On a 2-core virtual machine the same code ran at 0.29 ms a step in
one process start and 0.6 ms in the next: the two processes exchange 0.3 MB of weights and
gradients per step, and how fast that crosses between the cores changed from minute to
minute (PyTorch's two threads slowed down alike). So a split run times itself: it trains a
few steps each way, keeps to the faster, and tries the other way again every
:data:`PROBE_EVERY` steps. Either way the arithmetic is the same — the parts one after
another in this process, or side by side — so the result does not depend on which way
the clock chose: the same seed gives the same weights to the last bit.

Only what splits exactly is split: no batch norm (it normalises with the whole batch's
statistics) and no dropout (its masks come from the network's random numbers, drawn in
order). A split run's result equals one process's up to rounding (the rows' sums are added
in another order).

Where the first layer is most of the work and plain SGD trains it on byte images (the book's
MNIST network), a run divides that layer's units instead, which moves 15× fewer bytes between
the processes (:mod:`core.engine.unit_split`); :func:`opened` chooses. :class:`HelpedRun` is
what both ways share.
"""

from __future__ import annotations

import contextlib
import itertools
import statistics
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np

from core.engine import blas, helper_process, optimizers, shared_arrays
from core.engine.helper_process import HelperLostError
from core.engine.network import Network
from core.i18n import _
from core.spec import NetworkSpec

#: rows a part of a mini-batch needs at least: below that a part's products run far below
#: the machine's rate and the hand-over outweighs what the split saves
MIN_PART_ROWS = 32
#: multiply-adds of one mini-batch's forward pass (weights × rows) from which splitting pays:
#: 784-100-10 at 100 rows is 7.9 million; a step far below ~1 ms gains little from a second core
MIN_BATCH_MACS = 2_000_000
#: multiply-adds of a whole run's forward passes that make starting a helper (0.15-0.2 s)
#: worth it; one MNIST epoch of 784-100-10 is 4.8 billion
MIN_RUN_MACS = 2_000_000_000
MAX_PARTS = 4  # parts chosen by helpers_for (cores permitting)
#: the most processes a run may be asked for: more parts than cores only wait for each other
MAX_PROCESSES = 64

PROBE_STEPS = 8  # steps timed each way before choosing, and again at every probe
PROBE_EVERY = 128  # steps between two tries of the parts one after another, while split
#: steps between two tries of the split while the parts go one after another: a slow spell
#: of a few seconds would otherwise keep a run off the split for PROBE_EVERY steps after it
#: ended (seen: 8 slow steps in a row, then 500 steps at the slower way)
PROBE_BACK = 32


def splits_exactly(spec: NetworkSpec) -> bool:
    """Whether a mini-batch of ``spec``'s network can be trained in parts with the same result."""
    return not any(node.batch_norm or node.dropout > 0 for node in spec.nodes)


def one_process_reason(spec: NetworkSpec) -> str:
    """Why a run asked for several processes trained in one, in words."""
    if not splits_exactly(spec):
        return _("note: trained in one process: batch norm and dropout do not split a "
                 "mini-batch exactly")
    return _("note: trained in one process: the helper processes could not start (is there "
             "shared memory, /dev/shm?)")


def helpers_for(network: Network, batch_size: int, steps: int, processes: int | None = None,
                cores: int | None = None) -> int:
    """How many helper processes a run of ``steps`` mini-batches of ``batch_size`` rows gets
    when asked for ``processes`` (0: train in this process alone). None: as many as the
    ``cores`` (this machine's) and the network make worth it."""
    if not splits_exactly(network.spec):
        return 0
    if processes is not None:
        return max(processes, 1) - 1
    if cores is None:
        if not blas.can_limit():  # another BLAS: its threads and the helpers would fight
            return 0
        cores = blas.usable_cores()
    parts = min(cores, MAX_PARTS, batch_size // MIN_PART_ROWS)
    macs = network.weight_count() * batch_size
    if parts < 2 or macs < MIN_BATCH_MACS:
        return 0
    if helper_process.idle() < parts - 1 and macs * steps < MIN_RUN_MACS:
        return 0
    return parts - 1


class Pace:
    """Which way the next step goes — split between the processes, or its parts one after
    another here — chosen by how long each way took lately: a few steps each way first, then
    the faster; the other way again every ``every`` steps while split and every
    PROBE_BACK steps while not, and at once when the way taken has become slower than the other
    was when last tried."""

    def __init__(self, every: int = PROBE_EVERY) -> None:
        self.every = every
        self.split = True
        self.steps = 0
        self.split_steps = 0
        self._took: dict[bool, deque[float]] = {True: deque(maxlen=PROBE_STEPS),
                                                False: deque(maxlen=PROBE_STEPS)}

    def _period(self) -> int:
        """Steps between two tries of the way not taken."""
        return self.every if self.split else PROBE_BACK

    def _probing(self) -> bool:
        return PROBE_STEPS <= self.steps % self._period() < 2 * PROBE_STEPS

    def next_split(self) -> bool:
        """Whether to split the next step."""
        return self.split != self._probing()

    def took(self, split: bool, seconds: float) -> None:
        period, probing = self._period(), self._probing()
        self._took[split].append(seconds)
        self.steps += 1
        self.split_steps += split
        mine, other = self._took[self.split], self._took[not self.split]
        due = self.steps % period == 2 * PROBE_STEPS or not probing
        if due and other and len(mine) == PROBE_STEPS and \
                statistics.median(mine) > statistics.median(other):
            self.split = not self.split


class HelpedRun:
    """What a run trained with helper processes has, however it divides a step: the helpers,
    the :class:`Pace`, their processor time. A context manager: the run trains on one BLAS
    thread, and :meth:`close` hands the helpers back."""

    way = ""  # how a step is divided: "rows" or "units"

    def __init__(self, network: Network, batch_size: int) -> None:
        self.network = network
        self.batch_size = batch_size
        self.pace = Pace()
        self.helper_cpu = 0.0  # processor seconds the helpers spent on this run
        self.helpers: list[helper_process.Helper] = []

    def __enter__(self) -> HelpedRun:
        # one BLAS thread here too: the helpers use the other cores, and a product computed
        # on one thread sums in the same order in every process, which makes a step's result
        # the same whichever way it went
        self._blas = blas.held(1)
        self._blas.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.close()
        finally:
            self._blas.__exit__(*exc)

    @property
    def processes(self) -> int:
        """Processes training now: this one and the helpers still at work."""
        return 1 + len(self.helpers)

    def sync(self) -> None:
        """Bring what the run keeps apart into the network, to be measured or shown."""

    def close(self) -> None:
        """Hand the helpers back (each finishes what it was given)."""
        self._hand_back()

    def _hand_back(self) -> None:
        """The run's helpers let go: living ones back to the pool, dead ones forgotten; the
        rest of the run, if any, trains here."""
        helpers, self.helpers = self.helpers, []
        for helper in helpers:
            self.helper_cpu += helper.cpu_seconds() - helper.cpu_at_build
            try:
                if helper.process.is_alive():
                    helper.park()
                else:
                    helper_process.forget(helper)
            finally:
                helper.busy = False


class BatchSplit(HelpedRun):
    """Trains ``network``'s mini-batches of up to ``batch_size`` rows in ``helpers`` + 1 parts:
    :meth:`train_step` is :meth:`Network.train_step`'s counterpart. If a helper process dies,
    the step is done again here, and the rest of the run does its parts here."""

    way = "rows"

    def __init__(self, network: Network, batch_size: int, helpers: int,
                 source: Any = None) -> None:
        if helpers < 1:
            raise ValueError("a split needs a helper")  # i18n: not ui
        super().__init__(network, batch_size)
        self._parts = helpers + 1
        self._here = [_alongside(network) for _ in range(helpers)]
        self._params: shared_arrays.SharedVector | None = None
        self._source, self._source_of = None, source
        try:
            self._params = shared_arrays.SharedVector(network.flat_params)
            byte_rows = getattr(source, "byte_rows", lambda: None)()
            if byte_rows is not None:
                with contextlib.suppress(OSError, ValueError):  # else: rows handed over
                    self._source = shared_arrays.shared_source(*byte_rows)
            cuts = _cuts(batch_size, self._parts)
            part_rows = max(hi - lo for lo, hi in itertools.pairwise(cuts[1:])) + 1  # rounding
            self.helpers = helper_process.helpers(helpers)
            for helper in self.helpers:
                helper.build(network.spec, network.dtype, self._params.name, part_rows,
                             self._source)
        except BaseException:
            self.close()
            raise

    def train_step(self, x: np.ndarray, t: np.ndarray, optimizer: optimizers.Optimizer) -> float:
        """One optimizer update from the gradient of the whole batch ``x``, ``t`` (same return
        and rules as :meth:`Network.train_step`)."""
        return self._train(x.shape[0], lambda lo, hi: x[lo:hi], None, t, optimizer)

    def train_rows(self, source: Any, rows: np.ndarray, t: np.ndarray,
                   optimizer: optimizers.Optimizer) -> float:
        """:meth:`train_step` on ``source[rows]``, ``t`` — the helpers making their parts'
        inputs themselves when the split was made with this ``source`` of bytes (the same
        numbers, without this process converting and handing over their rows)."""
        if source is not self._source_of:
            self._source = None  # the helpers' copy is of another source: hand rows over
        made = source[rows] if self._source is None else None
        return self._train(len(rows), lambda lo, hi: source[rows[lo:hi]] if made is None
                           else made[lo:hi], rows if made is None else None, t, optimizer)

    def _train(self, rows: int, x: Callable[[int, int], np.ndarray], index: np.ndarray | None,
               t: np.ndarray, optimizer: optimizers.Optimizer) -> float:
        """A step on ``rows`` rows, ``x(lo, hi)`` giving those rows' inputs; the helpers make
        their own from the rows ``index`` of the source when it is given."""
        net = self.network
        if rows > self.batch_size:  # the helpers' buffers hold a part of batch_size rows
            raise ValueError(f"a batch of {rows} rows; the split was made for "
                             f"{self.batch_size}")  # i18n: not ui
        if rows < self._parts:  # a part would be empty
            return net.train_step(x(0, rows), t, optimizer)
        t = net._targets(np.asarray(t), rows)
        cuts = _cuts(rows, self._parts)
        parts = list(itertools.pairwise(cuts[1:]))
        lr = optimizer.lr if optimizers.is_plain_sgd(optimizer) else None
        split = bool(self.helpers) and self.pace.next_split()
        started = time.perf_counter()
        loss = None
        if split:
            try:
                loss = self._side_by_side(x, index, t, cuts[1], parts, lr)
            except HelperLostError:  # the rest of the run does the parts here
                self._hand_back()
        if loss is None:
            whole = x(0, rows)  # converted at once: the same numbers as part by part
            loss = self._one_after_another(whole, t, cuts[1], parts, lr)
        self.pace.took(split, time.perf_counter() - started)
        return net.update(loss + net.regularization(), optimizer)

    def _side_by_side(self, x: Callable[[int, int], np.ndarray], index: np.ndarray | None,
                      t: np.ndarray, first: int, parts: list[tuple[int, int]],
                      lr: float | None) -> float:
        net, rows = self.network, t.shape[0]
        self._params.array[...] = net.flat_params
        for helper, (lo, hi) in zip(self.helpers, parts, strict=True):
            if index is not None:
                helper.give_rows(index[lo:hi], t[lo:hi], rows, lr)
            else:
                helper.give(x(lo, hi), t[lo:hi], rows, lr)
        loss = net.part_pass(x(0, first), t[:first], rows, lr)
        for helper in self.helpers:
            loss += helper.take()
            np.add(net.flat_grads, helper.grads, out=net.flat_grads)
        return loss

    def _one_after_another(self, x: np.ndarray, t: np.ndarray, first: int,
                           parts: list[tuple[int, int]], lr: float | None) -> float:
        """The same sums as :meth:`_side_by_side`, in this process: the helpers' parts first,
        each by a network of its own on this one's weights (as a helper's, without weight
        decay; its gradient in its own vector), then the first part, then their gradients
        added in order."""
        net, rows = self.network, x.shape[0]
        shares = [other.part_pass(x[lo:hi], t[lo:hi], rows, lr, decay=False)
                  for other, (lo, hi) in zip(self._here, parts, strict=True)]
        loss = net.part_pass(x[:first], t[:first], rows, lr)
        for share, other in zip(shares, self._here, strict=True):
            loss += share
            np.add(net.flat_grads, other.flat_grads, out=net.flat_grads)
        return loss

    def close(self) -> None:
        """Hand the helpers back (each finishes what it was given) and the memory."""
        try:
            super().close()
        finally:
            if self._params is not None:
                self._params.close()
                self._params = None


def _alongside(network: Network) -> Network:
    """A second network on ``network``'s own weights (views, not a copy) with gradients of its
    own and no weight decay: a helper's part computed in this process, written where it can
    be added without a copy."""
    return Network(network.spec, dtype=network.dtype, draw=False,
                   flat=(network.flat_params, np.zeros_like(network.flat_grads)))


def _cuts(rows: int, parts: int) -> list[int]:
    """Where a batch of ``rows`` rows is cut into ``parts`` parts of (nearly) equal size.
    Measured on 784-100-10 (2 cores, epochs of 60,000 rows): equal parts 0.24-0.25 s; a first
    part (this process's) of 75 % or 85 % of the others' 0.27 s, of 108 % or 116 % 0.25-0.26 s."""
    return [round(i * rows / parts) for i in range(parts + 1)]


@contextlib.contextmanager
def opened(network: Network, batch_size: int, helpers: int, source: Any = None,
           optimizer: optimizers.Optimizer | None = None) -> Iterator[HelpedRun | None]:
    """The run's way of dividing its steps for the block: its first layer's units between two
    processes where that fits (:mod:`core.engine.unit_split`: plain SGD, and so on), else each
    mini-batch's rows (:class:`BatchSplit`). None for ``helpers`` = 0 — and when the helpers
    cannot be had (no shared memory, as in some containers; a process that will not start):
    the run then trains in this process, as it would have on one core."""
    from core.engine import unit_split  # it builds on this module

    run: HelpedRun | None = None
    if helpers > 0 and optimizer is not None and \
            unit_split.fits(network, optimizer, helpers, source):
        # e.g. no room in /dev/shm for the data set's copy: the rows can still be handed over
        with contextlib.suppress(OSError, RuntimeError):  # HelperLostError is a RuntimeError
            run = unit_split.UnitSplit(network, batch_size, source)
    if helpers > 0 and run is None:
        with contextlib.suppress(OSError, RuntimeError):
            run = BatchSplit(network, batch_size, helpers, source)
    if run is None:
        yield None
        return
    with run:
        yield run
