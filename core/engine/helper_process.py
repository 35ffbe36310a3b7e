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
from collections.abc import Callable
from multiprocessing import shared_memory
from typing import Any

import numpy as np

from core.engine import blas
from core.engine.buffers import flat_size
from core.engine.network import Network
from core.engine.params import shapes
from core.spec import NetworkSpec

SPIN_SECONDS = 0.002  # how long a wait tries in a loop before it blocks
CHECK_SECONDS = 0.5  # while blocked: how often a side looks whether the other one is alive
# control words of a helper, float64: what the next part is, and what the helper did
_ROWS, _TOTAL, _LR, _LOSS, _CPU = range(5)
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
        self.control = self.grads = self.x = self.t = np.zeros(0)
        self.cpu_at_build = 0.0
        self.busy = False  # taken by a run (see helpers())

    def build(self, spec: NetworkSpec, dtype: np.dtype, params: str, rows: int) -> None:
        """Have the helper build ``spec``'s network on the shared parameters ``params`` for
        parts of at most ``rows`` rows; waits until it has."""
        n_params = flat_size(shapes(spec), dtype)
        inputs, outputs = _widths(spec)
        layout = _layout(n_params, rows, inputs, outputs, dtype)
        self.memory = shared_memory.SharedMemory(create=True, size=layout["size"])
        self.control, self.grads, self.x, self.t = _views(self.memory, layout, dtype)
        self.control.fill(0)
        self.pipe.send(("build", spec.to_json(None), dtype.str, params, self.memory.name, rows))
        answer = self._answer()
        self.cpu_at_build = self.cpu_seconds()
        if answer != "built":
            raise RuntimeError(f"a helper could not build the network: {answer}")  # i18n: not ui

    def give(self, x: np.ndarray, t: np.ndarray, total: int, lr: float | None) -> None:
        rows = x.shape[0]
        self.x[:rows] = x
        self.t[:rows] = t
        self.control[[_ROWS, _TOTAL, _LR]] = rows, total, math.nan if lr is None else lr
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
            self.control = self.grads = self.x = self.t = np.zeros(0)
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
    """Byte offsets of a helper's block: control words, gradients, its rows' x and targets."""
    offsets, size = {}, 0
    for name, nbytes in (("control", _CONTROL * 8), ("grads", n_params * dtype.itemsize),
                         ("x", rows * inputs * dtype.itemsize),
                         ("t", rows * outputs * dtype.itemsize)):
        offsets[name] = size
        size += -(-nbytes // 64) * 64
    offsets.update(size=max(size, 1), n_params=n_params, rows=rows, inputs=inputs,
                   outputs=outputs)
    return offsets


def _views(memory: shared_memory.SharedMemory, layout: dict[str, int], dtype: np.dtype
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    buf = memory.buf
    rows = layout["rows"]
    return (np.ndarray(_CONTROL, np.float64, buf, layout["control"]),
            np.ndarray(layout["n_params"], dtype, buf, layout["grads"]),
            np.ndarray((rows, layout["inputs"]), dtype, buf, layout["x"]),
            np.ndarray((rows, layout["outputs"]), dtype, buf, layout["t"]))


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
            _, spec_json, dtype_text, params_name, block_name, rows = message
            dtype = np.dtype(dtype_text)
            spec = NetworkSpec.from_json(spec_json)
            params, block = _attach(params_name), _attach(block_name)
            n_params = flat_size(shapes(spec), dtype)
            layout = _layout(n_params, rows, *_widths(spec), dtype)
            control, grads, x, t = _views(block, layout, dtype)
            shared = np.ndarray(n_params, dtype, params.buf)
            # the weights are the other side's: it writes them in before every part
            network = Network(spec, dtype=dtype, draw=False, flat=(shared, grads))
        except Exception as error:
            pipe.send(repr(error))
            continue
        control[_CPU] = time.process_time()
        pipe.send("built")
        try:
            _train_parts(network, control, x, t, go, done, alive)
        except HelperLostError:
            return
        del network, control, grads, x, t, shared
        gc.collect()  # the network's views of the memory, in reference cycles
        for memory in (params, block):
            with contextlib.suppress(BufferError):
                memory.close()
        pipe.send("parked")


def _train_parts(network: Network, control: np.ndarray, x: np.ndarray, t: np.ndarray,
                 go: Any, done: Any, alive: Callable[[], bool]) -> None:
    """Train the parts the other side gives until it gives 0 rows."""
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        while True:
            _wait(go, alive)
            rows = int(control[_ROWS])
            if rows == 0:
                control[_CPU] = time.process_time()
                return
            lr = float(control[_LR])
            control[_LOSS] = network.part_pass(x[:rows], t[:rows], int(control[_TOTAL]),
                                               None if math.isnan(lr) else lr)
            control[_CPU] = time.process_time()
            done.release()
