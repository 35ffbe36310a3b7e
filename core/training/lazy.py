"""Network inputs made when they are read: a part of a large data set, kept as stored.

MNIST's 60,000 images are 47 MB as bytes but 376 MB as float64 features and as much again
standardised. :class:`LazyInputs` keeps the stored rows and turns only the rows asked for —
a mini-batch, an evaluation chunk, a prediction — into the network's input columns. Every step
works row by row (convert, standardise, build the columns, cast), so a batch made here equals
the same rows of the whole matrix made at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from core.datasets.dataset import Dataset
from core.datasets.scaling import FeatureScaling
from core.engine.buffers import divided_bytes

#: rows converted at a time when the whole matrix is asked for after all
CHUNK_ROWS = 4096


class LazyInputs:
    """Array-like (N, columns) network inputs of ``piece``: indexing with an int, a slice or an
    index array gives an ndarray of the network's dtype; ``np.asarray`` makes all of it."""

    def __init__(self, piece: Dataset, scaling: FeatureScaling | None,
                 columns: Callable[[np.ndarray], np.ndarray], n_columns: int,
                 dtype: np.dtype, raw: bool = False) -> None:
        self._piece = piece
        self._scaling = scaling
        self._columns = columns
        self.dtype = np.dtype(dtype)
        self.shape = (piece.n_samples, n_columns)
        self.ndim = 2
        # Bytes going in as they are (``raw``: ``columns`` changes nothing; no scaling):
        # divide straight into the network's dtype. The same numbers as dividing in float64
        # and rounding to float32 — a quotient of two floats rounded twice, through 53 bits
        # then 24, is the quotient rounded once (53 ≥ 2·24 + 2) — at a third of the time:
        # 0.04 ms instead of 0.11 for a batch of 100 MNIST rows.
        divisor = self.dtype.type(piece.x_divisor)
        self._divisor = divisor if (raw and scaling is None and not piece.is_float
                                    and float(divisor) == piece.x_divisor) else None

    def byte_rows(self) -> tuple[np.ndarray, float] | None:
        """The stored rows and their divisor when a batch is nothing but bytes divided (as
        above), else None: what another process can make the same batches from."""
        if self._divisor is None:
            return None
        return self._piece.x, float(self._divisor)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key: Any) -> np.ndarray:
        rows, rest = (key[0], key[1:]) if isinstance(key, tuple) else (key, ())
        if isinstance(rows, int | np.integer):
            made = self._rows(np.array([rows]))[0]
            return made[rest] if rest else made
        made = self._rows(rows)
        return made[(slice(None), *rest)] if rest else made

    def _rows(self, rows: Any) -> np.ndarray:
        if self._divisor is not None:
            return divided_bytes(self._piece.x[rows], self._divisor, self.dtype)
        return self._make(self._piece.features(rows))

    def _make(self, features: np.ndarray) -> np.ndarray:
        # standardised in place when the rows are a fresh array (always, for bytes): the same
        # ufuncs as FeatureScaling.apply, so the same values, without two more temporaries
        if self._scaling is not None:
            out = features if features.flags.writeable else None
            features = np.subtract(features, self._scaling.mean, out=out)
            np.divide(features, self._scaling.std, out=features)
        return np.ascontiguousarray(self._columns(features), dtype=self.dtype)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        whole = np.empty(self.shape, self.dtype)
        for lo in range(0, self.shape[0], CHUNK_ROWS):
            whole[lo:lo + CHUNK_ROWS] = self[lo:lo + CHUNK_ROWS]
        return whole if dtype is None else whole.astype(dtype, copy=False)
