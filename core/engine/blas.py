"""Keep NumPy's BLAS from fighting the GUI thread for the processor while a network trains.

Measured on the 2-core reference machine: OpenBLAS runs a matrix product on every core, so
with the GUI thread drawing, three busy threads share two cores and the BLAS threads wait on
each other — the same digits run took 1.3 s or 9 s from one try to the next. Training with
one BLAS thread fewer than there are cores took 1.3–1.6 s every time, and headless it costs
under 10 %. :func:`limit_threads_here` sets that for the calling thread only (OpenBLAS ≥ 0.3.27,
as bundled with NumPy's wheels); elsewhere (Accelerate, MKL, an older OpenBLAS) it does
nothing and says so by returning None.
"""

from __future__ import annotations

import ctypes
import functools
import os
from pathlib import Path

import numpy as np


def gui_friendly_threads() -> int:
    """One BLAS thread fewer than there are cores: one core stays free for drawing."""
    return max(1, (os.cpu_count() or 2) - 1)


@functools.cache
def _set_local() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    here = Path(np.__file__).resolve().parent
    for folder in (here.parent / "numpy.libs", here / ".dylibs"):
        for path in sorted(folder.glob("*openblas*")) if folder.is_dir() else ():
            try:
                function = ctypes.CDLL(str(path)).openblas_set_num_threads_local
            except (OSError, AttributeError):
                continue
            function.argtypes = [ctypes.c_int]
            function.restype = ctypes.c_int
            return function
    return None


def limit_threads_here(count: int) -> int | None:
    """Use at most ``count`` BLAS threads for products computed by the calling thread.

    Returns the previous count (to restore it), or None when this BLAS cannot be told."""
    function = _set_local()
    return None if function is None else int(function(max(1, int(count))))
