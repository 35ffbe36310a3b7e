"""Where a network keeps its numbers: one flat vector the parameters are views of, and arrays
reused by every pass with the same batch size.

One flat vector lets an optimizer update every parameter with a couple of NumPy calls; reused
buffers keep allocation off the hot path, so a tiny network costs little more than its matrix
products.
"""

from __future__ import annotations

import numpy as np

ALIGN_BYTES = 64  # a cache line: every view starts on one, so BLAS sees aligned rows


class ParamDict(dict):
    """Name → array, where assigning copies *into* the existing array.

    Every parameter is a view into one flat vector, so ``params["W1"] = new`` must keep that
    link, hence the copy. Shapes must match; new names cannot be added."""

    def __setitem__(self, name: str, value: np.ndarray) -> None:
        if name not in self:
            raise KeyError(f"the network has no parameter {name!r}")  # i18n: not ui
        target = self[name]
        value = np.asarray(value)
        if value.shape != target.shape:
            raise ValueError(f"{name} has shape {target.shape}, got {value.shape}")  # i18n: not ui
        target[...] = value


def flat_size(shapes: dict[str, tuple[int, ...]], dtype: np.dtype) -> int:
    """Elements of the flat vector :func:`flat_views` lays ``shapes`` out in."""
    return _layout(shapes, dtype)[1]


def flat_views(shapes: dict[str, tuple[int, ...]], dtype: np.dtype,
               into: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """A vector and a C-contiguous view into it per name, in ``shapes`` order: a new zeroed one,
    or ``into`` (of :func:`flat_size` elements and ``dtype``: memory another process shares,
    say) with the values it holds."""
    offsets, total = _layout(shapes, dtype)
    if into is None:
        flat = np.zeros(total, dtype)
    elif into.shape != (total,) or into.dtype != dtype:
        raise ValueError(f"a flat vector of {total} {dtype} is needed, got {into.shape} "
                         f"{into.dtype}")  # i18n: not ui
    else:
        flat = into
    views = {name: flat[o:o + int(np.prod(shapes[name]))].reshape(shapes[name])
             for name, o in offsets.items()}
    return flat, views


def _layout(shapes: dict[str, tuple[int, ...]], dtype: np.dtype
            ) -> tuple[dict[str, int], int]:
    """Where each name starts in the flat vector, and its length: every view begins on a
    cache line."""
    align = ALIGN_BYTES // dtype.itemsize
    offsets, total = {}, 0
    for name, shape in shapes.items():
        offsets[name] = total
        total += -(-int(np.prod(shape)) // align) * align
    return offsets, total


def divided_bytes(rows: np.ndarray, divisor: np.floating, dtype: np.dtype,
                  out: np.ndarray | None = None) -> np.ndarray:
    """Byte rows as network inputs: each byte divided by ``divisor`` (of ``dtype``) straight
    into ``dtype`` — MNIST's pixels / 255. The one way it is done, so that a batch made in
    another process (:mod:`core.engine.batch_split`) has the same bits as one made here
    (:class:`~core.training.lazy.LazyInputs`)."""
    return np.divide(rows, divisor, out=out, dtype=dtype)


def touched(shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """A zeroed array whose memory is in place already. ``np.dot(…, out=z)`` zeroes ``z``
    first while it holds the interpreter lock: into fresh memory, the page faults kept every
    other thread waiting — 50-100 ms of the window's, when a worker first ran 2-2000-2000-2 on
    the output grid. ``fill`` lets the lock go while it writes."""
    array = np.empty(shape, dtype)
    array.fill(0)
    return array


class Buffers:
    """Per-node arrays for one batch size, indexed by the node's slot in forward order."""

    def __init__(self, n: int, units: list[int], dtype: np.dtype) -> None:
        self.z = [touched((n, u), dtype) for u in units]  # what np.dot writes into
        self.a = [np.empty((n, u), dtype) for u in units]
        self.d = [np.empty((n, u), dtype) for u in units]  # dropout output
        self.da = [np.empty((n, u), dtype) for u in units]
        self.dz = [np.empty((n, u), dtype) for u in units]
        self.ones = np.ones(n, dtype)  # column sums as a BLAS call: ones @ dz
        self.inv_n = np.full((), 1.0 / n, dtype)


class BufferCache:
    """The buffers of the last few batch sizes: training batches, a short last batch, the
    evaluation chunks, the probe batch and the output grid each have their own."""

    def __init__(self, units: list[int], dtype: np.dtype, keep: int = 8) -> None:
        self._units = units
        self._dtype = dtype
        self._keep = keep
        self._by_size: dict[int, Buffers] = {}

    def get(self, n: int) -> Buffers:
        buffers = self._by_size.get(n)
        if buffers is None:
            if len(self._by_size) >= self._keep:
                self._by_size.pop(next(iter(self._by_size)))
            buffers = self._by_size[n] = Buffers(n, self._units, self._dtype)
        return buffers
