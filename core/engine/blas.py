"""Keep NumPy's BLAS from fighting the GUI thread for the processor while a network trains.

Measured on the 2-core reference machine: OpenBLAS runs a matrix product on every core, so
with the GUI thread drawing, three busy threads share two cores and the BLAS threads wait on
each other — the same digits run took 1.3 s or 9 s from one try to the next. Training with
one BLAS thread fewer than there are cores took 1.3–1.6 s every time, and headless it costs
under 10 %. :func:`limit_threads_here` sets that (OpenBLAS ≥ 0.3.27, as bundled with NumPy's
wheels); elsewhere (Accelerate, MKL, an older OpenBLAS) it does nothing and says so by
returning None.

OpenBLAS built with pthreads (NumPy's wheels) keeps one thread count for the whole process:
its ``openblas_set_num_threads_local`` sets the global count, whatever its name says. So a
limit is held per thread here, and the library is given the strictest limit any thread holds.
Before, one worker restoring "its" previous count lifted the limit under another that was
still training: a background job ending a second after Train left the run, or a headless
benchmark measured next to it, on two BLAS threads beside the busy GUI thread (measured:
3× the CPU time on a loaded machine).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np

_lock = threading.Lock()
_limits: dict[int, int] = {}  # thread ident → the count that thread asked for
_unlimited: list[int] = []  # the library's own count, learnt from the first call


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def gui_friendly_threads() -> int:
    """One BLAS thread fewer than there are cores: one core stays free for drawing."""
    return max(1, usable_cores() - 1)


def can_limit() -> bool:
    """Whether this NumPy's BLAS can be told how many threads to use (OpenBLAS ≥ 0.3.27, as
    in NumPy's wheels for Linux and Windows; not Apple's Accelerate)."""
    return _set_local() is not None


@functools.cache
def _library() -> ctypes.CDLL | None:
    """NumPy's OpenBLAS, if it has the call that sets the thread count (≥ 0.3.27)."""
    here = Path(np.__file__).resolve().parent
    for folder in (here.parent / "numpy.libs", here / ".dylibs"):
        for path in sorted(folder.glob("*openblas*")) if folder.is_dir() else ():
            try:
                library = ctypes.CDLL(str(path))
                function = library.openblas_set_num_threads_local
            except (OSError, AttributeError):
                continue
            function.argtypes = [ctypes.c_int]
            function.restype = ctypes.c_int
            return library
    return None


def _set_local() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    library = _library()
    return None if library is None else library.openblas_set_num_threads_local


def library_threads() -> int | None:
    """The thread count OpenBLAS uses now, read from the library (None when it cannot be
    read: another BLAS, or a build without the getter)."""
    library = _library()
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_",
                 "openblas_get_num_threads"):
        getter = getattr(library, name, None) if library is not None else None
        if getter is not None:
            getter.restype = ctypes.c_int
            return int(getter())
    return None


def limit_threads_here(count: int) -> int | None:
    """Use at most ``count`` BLAS threads while the calling thread holds this limit.

    Returns the calling thread's previous limit (the library's own count when it held none),
    to restore it by passing it back; None when this BLAS cannot be told. The library has one
    count for the process, so the smallest limit held by any thread applies to all of them
    until its thread lifts it."""
    function = _set_local()
    if function is None:
        return None
    count = max(1, int(count))
    with _lock:
        ident = threading.get_ident()
        if not _unlimited:
            _unlimited.append(int(function(count)))  # the count before anyone limited it
        unlimited = _unlimited[0]
        previous = _limits.get(ident, unlimited)
        if count >= unlimited:
            _limits.pop(ident, None)
        else:
            _limits[ident] = count
        function(min(_limits.values(), default=unlimited))
    return previous


def current_limit() -> int | None:
    """The count the library has now (None when it cannot be told or nobody limited it)."""
    with _lock:
        if not _unlimited:
            return None
        return min(_limits.values(), default=_unlimited[0])


@contextlib.contextmanager
def held(count: int) -> Iterator[None]:
    """:func:`limit_threads_here` for the ``with`` block: the calling thread's previous limit
    comes back at its end."""
    previous = limit_threads_here(count)
    try:
        yield
    finally:
        if previous is not None:
            limit_threads_here(previous)


@contextlib.contextmanager
def single_threaded_in_children() -> Iterator[None]:
    """Processes started in the block (spawned: a new interpreter) use one BLAS thread each.

    They run one per core already: a multi-threaded BLAS in each oversubscribes the cores, and
    OpenBLAS's spinning threads then slow every process 10–20× (measured on the 2-core
    reference machine). The variables must be set before a child imports NumPy, so they go
    into the environment the children inherit."""
    names = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS")
    saved = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ.setdefault(name, "1")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
