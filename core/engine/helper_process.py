"""Helper processes that train parts of a mini-batch (see :mod:`core.engine.batch_split`).

A helper is a spawned Python (a fresh interpreter: 0.15-0.2 s to start with NumPy) that builds
the network it is sent, its parameters and gradients laid out in shared memory
(:func:`~core.engine.buffers.flat_views`): it reads this process's weights without a copy of
its own, and this process adds the helper's gradient straight from where it was written. Each
part is handed over with two semaphores (their operations order the memory writes on every
processor), waited on by trying in a loop for a few milliseconds — a blocked wait takes tens
of microseconds to wake from, a tenth of a step — then blocking. Between runs helpers wait on
their pipe without using the processor; they end with this process, or when it ends.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import math
import multiprocessing
import signal
import time
import weakref
from collections.abc import Callable
from multiprocessing import shared_memory
from typing import Any, NamedTuple

import numpy as np

from core.engine import blas
from core.engine.buffers import flat_size
from core.engine.network import Network
from core.engine.params import shapes
from core.spec import NetworkSpec

SPIN_SECONDS = 0.002  # how long a wait tries in a loop before it blocks
CHECK_SECONDS = 0.5  # while blocked: how often a side looks whether the other one is alive
# control words of a helper, float64: what the next part is, and what the helper did
_ROWS, _TOTAL, _LR, _LOSS, _CPU, _GATHER = range(6)
_CONTROL = 8


class HelperLostError(RuntimeError):
    """A helper process ended (killed, out of memory) while this process waited for it."""


class Helper:
    """This process's end of one helper process (get them from :func:`helpers`)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.go, self.done = context.Semaphore(0), context.Semaphore(0)
        self.pipe, theirs = context.Pipe()
        with blas.single_threaded_in_children():
            self.process = context.Process(target=_serve, args=(theirs, self.go, self.done),
                                           name="netcanvas-batch-helper", daemon=True)
            self.process.start()
        theirs.close()
        self.memory: shared_memory.SharedMemory | None = None
        self.control = self.grads = self.x = self.t = self.index = np.zeros(0)
        self.cpu_at_build = 0.0
        self.busy = False  # taken by a run (see helpers())

    def build(self, spec: NetworkSpec, dtype: np.dtype, params: str, rows: int,
              source: Source | None = None) -> None:
        """Have the helper build ``spec``'s network on the shared parameters ``params`` for
        parts of at most ``rows`` rows (made from ``source`` by :meth:`give_rows`); waits until
        it has."""
        n_params = flat_size(shapes(spec), dtype)
        layout = _layout(n_params, rows, *_widths(spec), dtype)
        self.memory = shared_memory.SharedMemory(create=True, size=layout["size"])
        self.control, self.grads, self.x, self.t, self.index = _views(self.memory, layout,
                                                                       dtype)
        self.control.fill(0)
        self.pipe.send(("build", spec.to_json(None), dtype.str, params, self.memory.name, rows,
                        source))
        answer = self._answer()
        self.cpu_at_build = self.cpu_seconds()
        if answer != "built":
            raise RuntimeError(f"a helper could not build the network: {answer}")  # i18n: not ui

    def give(self, x: np.ndarray, t: np.ndarray, total: int, lr: float | None) -> None:
        """Start the part of rows ``x``, targets ``t``, of a batch of ``total`` rows."""
        self.x[:x.shape[0]] = x
        self._start(t, total, lr, 0.0)

    def give_rows(self, rows: np.ndarray, t: np.ndarray, total: int, lr: float | None) -> None:
        """Start the part of the source's ``rows`` (the helper makes their inputs itself)."""
        self.index[:rows.shape[0]] = rows
        self._start(t, total, lr, 1.0)

    def _start(self, t: np.ndarray, total: int, lr: float | None, gather: float) -> None:
        rows = t.shape[0]
        self.t[:rows] = t
        self.control[[_ROWS, _TOTAL, _LR, _GATHER]] = (rows, total,
                                                       math.nan if lr is None else lr, gather)
        self.go.release()

    def take(self) -> float:
        """Wait for the helper's part; returns its share of the loss (its gradient is in
        :attr:`grads`)."""
        _wait(self.done, self.process.is_alive)
        return float(self.control[_LOSS])

    def cpu_seconds(self) -> float:
        """The helper process's processor time so far, as it last told (after every part)."""
        return float(self.control[_CPU]) if self.control.size else 0.0

    def park(self) -> None:
        """End the run: the helper lets go of the network and its memory and waits on its pipe
        for the next."""
        self.busy = False
        if self.memory is None:
            return
        self.control[_ROWS] = 0
        self.go.release()
        try:
            answer = self._answer()
        except HelperLostError:
            answer = "lost"
        self._release()
        if answer != "parked":
            forget(self)

    def stop(self) -> None:
        """End the process (asked first, then killed) and give its memory back."""
        with contextlib.suppress(OSError, ValueError):
            self.pipe.send(("quit",))
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=2)
        self._release()

    def _release(self) -> None:
        if self.memory is not None:
            self.control = self.grads = self.x = self.t = self.index = np.zeros(0)
            self.memory.close()
            self.memory.unlink()
            self.memory = None

    def _answer(self) -> str:
        while not self.pipe.poll(CHECK_SECONDS):
            if not self.process.is_alive():
                raise HelperLostError("the helper process ended")  # i18n: not ui
        try:
            return str(self.pipe.recv())
        except (EOFError, OSError) as error:
            raise HelperLostError(str(error)) from None


_pool: list[Helper] = []


def forget(helper: Helper) -> None:
    if helper in _pool:
        _pool.remove(helper)
    helper.stop()


@atexit.register
def _stop_all() -> None:
    while _pool:
        forget(_pool[-1])
    for key in list(_sources):
        _drop_source(key)


class Source(NamedTuple):
    """Byte rows in shared memory that a helper makes its inputs from, dividing by
    ``divisor`` (MNIST's pixels: :class:`~core.training.lazy.LazyInputs` without scaling)."""

    name: str
    shape: tuple[int, ...]
    divisor: float


_sources: dict[int, tuple[weakref.ref, SharedVector]] = {}


def shared_source(rows: np.ndarray, divisor: float) -> Source:
    """``rows`` (uint8) copied to shared memory once for as long as the array lives: 47 MB
    for MNIST's training part, copied in some 20 ms, kept for every later run on it."""
    key = id(rows)
    kept = _sources.get(key)
    if kept is None or kept[0]() is not rows:
        if kept is not None:  # another array, now at the address of one gone
            _drop_source(key)
        # the callback must not hold the array itself: it would never go
        kept = _sources[key] = (weakref.ref(rows, lambda _: _drop_source(key)),
                                SharedVector(rows))
    return Source(kept[1].name, rows.shape, float(divisor))


def _drop_source(key: int) -> None:
    kept = _sources.pop(key, None)
    if kept is not None:
        kept[1].close()


class SharedVector:
    """A copy of ``like`` in shared memory (:attr:`array`), for helpers to map by
    :attr:`name`; :meth:`close` gives the memory back."""

    def __init__(self, like: np.ndarray) -> None:
        self._memory: shared_memory.SharedMemory | None = shared_memory.SharedMemory(
            create=True, size=max(like.nbytes, 1))
        self.name = self._memory.name
        self.array = np.ndarray(like.shape, like.dtype, self._memory.buf)
        self.array[...] = like

    def close(self) -> None:
        if self._memory is not None:
            self.array = np.zeros(0)
            self._memory.close()
            self._memory.unlink()
            self._memory = None


def helpers(count: int) -> list[Helper]:
    """``count`` helper processes for one run, which has them to itself until it hands them
    back (:meth:`Helper.park`); idle ones are reused, the rest started now."""
    idle = [helper for helper in _pool if not helper.busy][:count]
    while len(idle) < count:
        idle.append(Helper())
        _pool.append(idle[-1])
    for helper in idle:
        helper.busy = True
    return idle


def idle() -> int:
    """Helpers running and free to take a run without a start."""
    return sum(not helper.busy for helper in _pool)


def _widths(spec: NetworkSpec) -> tuple[int, int]:
    return sum(n.units for n in spec.inputs), spec.output.units


def _layout(n_params: int, rows: int, inputs: int, outputs: int, dtype: np.dtype
            ) -> dict[str, int]:
    """Byte offsets of a helper's block: control words, gradients, its rows' x and targets,
    and which rows of the source they are (when the helper makes x itself)."""
    offsets, size = {}, 0
    for name, nbytes in (("control", _CONTROL * 8), ("grads", n_params * dtype.itemsize),
                         ("x", rows * inputs * dtype.itemsize),
                         ("t", rows * outputs * dtype.itemsize), ("index", rows * 8)):
        offsets[name] = size
        size += -(-nbytes // 64) * 64
    offsets.update(size=max(size, 1), n_params=n_params, rows=rows, inputs=inputs,
                   outputs=outputs)
    return offsets


def _views(memory: shared_memory.SharedMemory, layout: dict[str, int], dtype: np.dtype
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    buf = memory.buf
    rows = layout["rows"]
    return (np.ndarray(_CONTROL, np.float64, buf, layout["control"]),
            np.ndarray(layout["n_params"], dtype, buf, layout["grads"]),
            np.ndarray((rows, layout["inputs"]), dtype, buf, layout["x"]),
            np.ndarray((rows, layout["outputs"]), dtype, buf, layout["t"]),
            np.ndarray(rows, np.int64, buf, layout["index"]))


def _wait(semaphore: Any, alive: Callable[[], bool]) -> None:
    """Acquire ``semaphore``: tries in a loop for SPIN_SECONDS, then blocks, looking every
    CHECK_SECONDS whether the other side is still ``alive``."""
    until = time.perf_counter() + SPIN_SECONDS
    while not semaphore.acquire(False):
        if time.perf_counter() > until:
            while not semaphore.acquire(timeout=CHECK_SECONDS):
                if not alive():
                    raise HelperLostError("the other process ended")  # i18n: not ui
            return


# ---------------------------------------------------------------------------- a helper process
def _attach(name: str) -> shared_memory.SharedMemory:
    """Shared memory the other side made and unlinks (the resource tracker is the other
    side's too, as this process was spawned by it: registering the name again here changes
    nothing)."""
    return shared_memory.SharedMemory(name=name)


def _serve(pipe: Any, go: Any, done: Any) -> None:
    """A helper process: builds networks when asked, trains their parts, until told to quit
    or the process that started it ends."""
    # Ctrl+C in a terminal reaches every process of the command: the run that started this
    # one decides what it means (netcanvas train: stop after the epoch), not a traceback here
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    blas.limit_threads_here(1)
    parent = multiprocessing.parent_process()
    alive = parent.is_alive if parent is not None else (lambda: True)
    while True:
        try:
            message = pipe.recv()
        except (EOFError, OSError):
            return
        if message[0] != "build":
            return
        try:
            work = _Work(*message[1:])
        except Exception as error:  # told to the other side, which raises it
            pipe.send(repr(error))
            continue
        work.control[_CPU] = time.process_time()
        pipe.send("built")
        try:
            work.train_parts(go, done, alive)
        except HelperLostError:
            return
        work.close()
        pipe.send("parked")


class _Work:
    """A helper's network, built on the memory the other side shares, and the parts it trains."""

    def __init__(self, spec_json: str, dtype_text: str, params_name: str, block_name: str,
                 rows: int, source: Source | None) -> None:
        dtype = np.dtype(dtype_text)
        spec = NetworkSpec.from_json(spec_json)
        self._memory = [_attach(params_name), _attach(block_name)]
        n_params = flat_size(shapes(spec), dtype)
        layout = _layout(n_params, rows, *_widths(spec), dtype)
        self.control, grads, self.x, self.t, self.index = _views(self._memory[1], layout, dtype)
        shared = np.ndarray(n_params, dtype, self._memory[0].buf)
        # the weights are the other side's: it writes them in before every part
        self.network = Network(spec, dtype=dtype, draw=False, flat=(shared, grads))
        self.source = None
        if source is not None:
            self._memory.append(_attach(source.name))
            self.source = np.ndarray(source.shape, np.uint8, self._memory[-1].buf)
            self.divisor = dtype.type(source.divisor)

    def train_parts(self, go: Any, done: Any, alive: Callable[[], bool]) -> None:
        """Train the parts the other side gives until it gives 0 rows."""
        control, x, t = self.control, self.x, self.t
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while True:
                _wait(go, alive)
                rows = int(control[_ROWS])
                if rows == 0:
                    control[_CPU] = time.process_time()
                    return
                if control[_GATHER] and self.source is not None:  # as LazyInputs makes them
                    np.divide(self.source[self.index[:rows]], self.divisor, out=x[:rows],
                              dtype=x.dtype)
                lr = float(control[_LR])
                control[_LOSS] = self.network.part_pass(
                    x[:rows], t[:rows], int(control[_TOTAL]), None if math.isnan(lr) else lr)
                control[_CPU] = time.process_time()
                done.release()

    def close(self) -> None:
        del self.network, self.control, self.x, self.t, self.index, self.source
        gc.collect()  # the network's views of the memory, in reference cycles
        for memory in self._memory:
            with contextlib.suppress(BufferError):
                memory.close()
