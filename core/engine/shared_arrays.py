"""Arrays in shared memory that helper processes map (see :mod:`core.engine.helper_process`):
a vector the parameters are copied into, and a data set's bytes, shared once for as long as
the array lives.

Only the thread that trains uses these (netcanvas train, the benchmark): no lock.
"""

from __future__ import annotations

import os
import weakref
from multiprocessing import shared_memory
from typing import Any, NamedTuple

import numpy as np

from core.engine.buffers import ALIGN_BYTES

#: the arrays of a block of shared memory, one after another: (shape, dtype) each
Parts = list[tuple[tuple[int, ...], Any]]


def created(size: int) -> shared_memory.SharedMemory:
    """New shared memory of ``size`` bytes, its pages reserved now where the system can
    (Linux): a full /dev/shm (64 MB in a default Docker container) raises OSError here instead
    of killing the process with SIGBUS at the first write."""
    memory = shared_memory.SharedMemory(create=True, size=max(size, 1))
    descriptor = getattr(memory, "_fd", -1)
    if hasattr(os, "posix_fallocate") and descriptor >= 0:
        try:
            os.posix_fallocate(descriptor, 0, max(size, 1))
        except OSError:
            memory.close()
            memory.unlink()
            raise
    return memory


def laid_out(parts: Parts) -> tuple[list[int], int]:
    """Where each of ``parts`` starts in its block, each on a cache line, and the block's
    size in bytes."""
    offsets, size = [], 0
    for shape, dtype in parts:
        offsets.append(size)
        nbytes = int(np.prod(shape)) * np.dtype(dtype).itemsize
        size += -(-nbytes // ALIGN_BYTES) * ALIGN_BYTES
    return offsets, size


def views(buffer: Any, parts: Parts) -> tuple[np.ndarray, ...]:
    """The arrays of ``parts`` in ``buffer``, a block laid out by :func:`laid_out`."""
    offsets, _ = laid_out(parts)
    return tuple(np.ndarray(shape, dtype, buffer, offset)
                 for (shape, dtype), offset in zip(parts, offsets, strict=True))


class SharedVector:
    """A copy of ``like`` in shared memory (:attr:`array`), for helpers to map by
    :attr:`name`; :meth:`close` gives the memory back."""

    def __init__(self, like: np.ndarray) -> None:
        self._memory: shared_memory.SharedMemory | None = created(like.nbytes)
        self.name = self._memory.name
        self.array = np.ndarray(like.shape, like.dtype, self._memory.buf)
        self.array[...] = like

    def close(self) -> None:
        if self._memory is not None:
            self.array = np.zeros(0)
            self._memory.close()
            self._memory.unlink()
            self._memory = None


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
    if rows.dtype != np.uint8 or rows.ndim != 2:
        message = f"shared rows are 2-D bytes, not {rows.dtype} {rows.shape}"  # i18n: not ui
        raise ValueError(message)
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


def release_all() -> None:
    """Give back every shared copy of a data set (at exit)."""
    for key in list(_sources):
        _drop_source(key)


def attach(name: str) -> shared_memory.SharedMemory:
    """Shared memory the other side made and unlinks (the resource tracker is the other
    side's too, as this process was spawned by it: registering the name again here changes
    nothing)."""
    return shared_memory.SharedMemory(name=name)
