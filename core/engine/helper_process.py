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
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing import shared_memory
from typing import Any

import numpy as np

from core.engine import blas, shared_arrays
from core.engine.buffers import divided_bytes, flat_size
from core.engine.network import Network
from core.engine.params import shapes
from core.spec import NetworkSpec

SPIN_SECONDS = 0.002  # how long a wait tries in a loop before it blocks
#: how long a helper may take to answer before it counts as lost (killed; its part is made
#: here): a part takes milliseconds, and an ask or an answer broken off by a second Ctrl+C
#: would otherwise leave this side waiting for an answer that never comes
ANSWER_SECONDS = 10.0
CHECK_SECONDS = 0.5  # while blocked: how often a side looks whether the other one is alive
# control words of a helper, float64: what the next part is, and what the helper did
ROWS_WORD, _TOTAL, _LR, _LOSS, CPU_WORD, _GATHER = range(6)
_CONTROL = 8


class HelperLostError(RuntimeError):
    """A helper process ended (killed, out of memory) while this process waited for it."""


class Helper:
    """This process's end of one helper process (get them from :func:`helpers`)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.go, self.done = context.Semaphore(0), context.Semaphore(0)
        self.pipe, theirs = context.Pipe()
        with blas.single_threaded_in_children(), _ctrl_c_ignored():
            self.process = context.Process(target=_serve, args=(theirs, self.go, self.done),
                                           name="netcanvas-batch-helper", daemon=True)
            self.process.start()
        theirs.close()
        self.memory: shared_memory.SharedMemory | None = None
        self.control = self.grads = self.x = self.t = self.index = np.zeros(0)
        self.cpu_at_build = 0.0
        self.busy = False  # taken by a run (see helpers())
        self.pending = False  # a part given and not yet taken

    def build(self, spec: NetworkSpec, dtype: np.dtype, params: str, rows: int,
              source: shared_arrays.Source | None = None) -> None:
        """Have the helper build ``spec``'s network on the shared parameters ``params`` for
        parts of at most ``rows`` rows (made from ``source`` by :meth:`give_rows`); waits until
        it has. Raises RuntimeError (the helper stays idle, waiting for the next build) or
        HelperLostError."""
        n_params = flat_size(shapes(spec), dtype)
        _, self.grads, self.x, self.t, self.index = self.build_work(
            _parts(n_params, rows, *_widths(spec), dtype), "rows", spec.to_json(None),
            dtype.str, params, rows, source)

    def build_work(self, parts: shared_arrays.Parts, kind: str, *args: Any
                   ) -> tuple[np.ndarray, ...]:
        """Have the helper build a work of ``kind`` (``"rows"``: :class:`_Work`; ``"columns"``:
        :class:`core.engine.unit_split.ColumnWork`) from ``args`` and a block of shared memory
        made here, holding ``parts`` (:func:`~core.engine.shared_arrays.laid_out`), the
        control words first (kept as :attr:`control`). Returns the block's arrays once the
        helper has built; raises as :meth:`build`."""
        for semaphore in (self.go, self.done):  # nothing left over from an earlier run
            while semaphore.acquire(False):
                pass
        self.memory = shared_arrays.created(shared_arrays.laid_out(parts)[1])
        arrays = shared_arrays.views(self.memory.buf, parts)
        self.control = arrays[0]
        self.control.fill(0)
        try:
            self.pipe.send((kind, self.memory.name, *args))
            answer = self._answer()
        except (OSError, ValueError) as error:
            answer = repr(error)
        self.cpu_at_build = self.cpu_seconds()
        if answer != "built":
            self._release()  # nothing to park: the helper waits on its pipe again
            raise RuntimeError(f"a helper could not build the network: {answer}")  # i18n: not ui
        return arrays

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
        self.control[[ROWS_WORD, _TOTAL, _LR, _GATHER]] = (rows, total,
                                                       math.nan if lr is None else lr, gather)
        self.pending = True
        self.go.release()

    def take(self) -> float:
        """Wait for the helper's part; returns its share of the loss (its gradient is in
        :attr:`grads`). HelperLostError when it died, or did not answer in ANSWER_SECONDS (it
        is then killed)."""
        if not wait_for(self.done, self.process.is_alive, ANSWER_SECONDS):
            self.process.kill()
            self.process.join(timeout=2)
            raise HelperLostError("the helper did not answer")  # i18n: not ui
        self.pending = False
        return float(self.control[_LOSS])

    def cpu_seconds(self) -> float:
        """The helper process's processor time so far, as it last told (after every part)."""
        return float(self.control[CPU_WORD]) if self.control.size else 0.0

    def park(self) -> None:
        """End the run: the helper finishes a part it was given (nobody reads it), lets go of
        the network and its memory, and waits on its pipe for the next build. A helper that
        cannot is stopped and forgotten."""
        self.busy = False
        if self.memory is None:
            return
        try:
            if self.pending:
                self.take()
            self.control[ROWS_WORD] = 0
            self.go.release()
            parked = self._answer() == "parked"
        except HelperLostError:
            parked = False
        self._release()
        if not parked:
            forget(self)

    def stop(self) -> None:
        """End the process (asked first, then killed) and give its memory back."""
        if self.memory is not None:  # in a run: leave it first, as park() would
            self.control[ROWS_WORD] = 0
            self.go.release()
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
        self.pending = False

    def _answer(self) -> str:
        while not self.pipe.poll(CHECK_SECONDS):
            if not self.process.is_alive():
                raise HelperLostError("the helper process ended")  # i18n: not ui
        try:
            return str(self.pipe.recv())
        except (EOFError, OSError) as error:
            raise HelperLostError(str(error)) from None


# Only the thread that trains uses these (netcanvas train, the benchmark): no lock.
_pool: list[Helper] = []


def forget(helper: Helper) -> None:
    """Stop ``helper`` and take it out of the pool."""
    if helper in _pool:
        _pool.remove(helper)
    helper.stop()


@atexit.register
def _stop_all() -> None:
    while _pool:
        forget(_pool[-1])
    shared_arrays.release_all()


@contextlib.contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ctrl+C ignored while a helper starts (POSIX, main thread): the new interpreter inherits
    the disposition and never turns a Ctrl+C into a traceback of its own (it ignores Ctrl+C
    itself once running, see _serve). The run's own handler is back at once."""
    if os.name != "posix" or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def helpers(count: int) -> list[Helper]:
    """``count`` helper processes for one run, which has them to itself until it hands them
    back (:meth:`Helper.park`); idle ones are reused (those that died since are forgotten),
    the rest started now."""
    for helper in [h for h in _pool if not h.process.is_alive()]:
        forget(helper)
    chosen = [helper for helper in _pool if not helper.busy][:count]
    for helper in chosen:
        helper.busy = True
    try:
        while len(chosen) < count:
            helper = Helper()  # OSError when a process cannot start
            helper.busy = True
            _pool.append(helper)
            chosen.append(helper)
    except BaseException:
        for helper in chosen:
            helper.busy = False
        raise
    return chosen


def idle() -> int:
    """Helpers running and free to take a run without a start."""
    return sum(not helper.busy and helper.process.is_alive() for helper in _pool)


def _widths(spec: NetworkSpec) -> tuple[int, int]:
    return sum(n.units for n in spec.inputs), spec.output.units


def _parts(n_params: int, rows: int, inputs: int, outputs: int, dtype: np.dtype
           ) -> shared_arrays.Parts:
    """A helper's block: control words, gradients, its rows' x and targets, and which rows of
    the source they are (when the helper makes x itself)."""
    return [((_CONTROL,), np.float64), ((n_params,), dtype), ((rows, inputs), dtype),
            ((rows, outputs), dtype), ((rows,), np.int64)]


def wait_for(semaphore: Any, alive: Callable[[], bool], limit: float | None = None) -> bool:
    """Acquire ``semaphore``: tries in a loop for SPIN_SECONDS, then blocks, looking every
    CHECK_SECONDS whether the other side is still ``alive``. False when ``limit`` seconds
    passed first."""
    started = time.perf_counter()
    while not semaphore.acquire(False):
        if time.perf_counter() - started > SPIN_SECONDS:
            while not semaphore.acquire(timeout=CHECK_SECONDS):
                if not alive():
                    raise HelperLostError("the other process ended")  # i18n: not ui
                if limit is not None and time.perf_counter() - started > limit:
                    return False
            return True
    return True


# ---------------------------------------------------------------------------- a helper process
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
        if message[0] == "rows":
            kind: Callable[..., Any] = _Work
        elif message[0] == "columns":
            from core.engine.unit_split import ColumnWork
            kind = ColumnWork
        else:
            return
        try:
            work = kind(*message[1:])
        except Exception as error:  # told to the other side, which raises it
            pipe.send(repr(error))
            continue
        work.control[CPU_WORD] = time.process_time()
        pipe.send("built")
        try:
            work.train_parts(go, done, alive)
        except HelperLostError:
            return
        work.close()
        pipe.send("parked")


class _Work:
    """A helper's network, built on the memory the other side shares, and the parts it trains."""

    def __init__(self, block_name: str, spec_json: str, dtype_text: str, params_name: str,
                 rows: int, source: shared_arrays.Source | None) -> None:
        dtype = np.dtype(dtype_text)
        spec = NetworkSpec.from_json(spec_json)
        self._memory = [shared_arrays.attach(params_name), shared_arrays.attach(block_name)]
        n_params = flat_size(shapes(spec), dtype)
        self.control, grads, self.x, self.t, self.index = shared_arrays.views(
            self._memory[1].buf, _parts(n_params, rows, *_widths(spec), dtype))
        shared = np.ndarray(n_params, dtype, self._memory[0].buf)
        # the weights are the other side's (new shared memory is zeroed: so are the gradients)
        self.network = Network(spec, dtype=dtype, draw=False, flat=(shared, grads))
        self.source = None
        if source is not None:
            self._memory.append(shared_arrays.attach(source.name))
            self.source = np.ndarray(source.shape, np.uint8, self._memory[-1].buf)
            self.divisor = dtype.type(source.divisor)

    def train_parts(self, go: Any, done: Any, alive: Callable[[], bool]) -> None:
        """Train the parts the other side gives until it gives 0 rows."""
        control, x, t = self.control, self.x, self.t
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while True:
                wait_for(go, alive)
                rows = int(control[ROWS_WORD])
                if rows == 0:
                    control[CPU_WORD] = time.process_time()
                    return
                if control[_GATHER] and self.source is not None:  # as LazyInputs makes them
                    divided_bytes(self.source[self.index[:rows]], self.divisor, x.dtype,
                                  out=x[:rows])
                lr = float(control[_LR])
                # decay=False: the weight decay belongs to the other side's part (and this
                # network has none anyway)
                control[_LOSS] = self.network.part_pass(
                    x[:rows], t[:rows], int(control[_TOTAL]), None if math.isnan(lr) else lr,
                    decay=False)
                control[CPU_WORD] = time.process_time()
                done.release()

    def close(self) -> None:
        del self.network, self.control, self.x, self.t, self.index, self.source
        gc.collect()  # the network's views of the memory, in reference cycles
        for memory in self._memory:
            with contextlib.suppress(BufferError):
                memory.close()
