"""The timeline of a run: the network's parameters after each epoch, kept in memory under a
budget, so the window can show the network as it was after epoch k and continue from there.

Recording happens on the training thread at the end of every epoch and reading on the GUI
thread, so the timeline holds a lock and every array in a record is a private copy.

The budget (at most ``max_snapshots`` records and ``max_bytes`` of arrays) is kept by thinning
evenly: when it is exceeded, the spacing between kept epochs doubles and every record off the
new spacing goes (every second one). The first record (the weights the run started from) and
the latest are always kept, so a run of any length keeps its whole span, coarser. A network so
large that two records exceed ``max_bytes`` still keeps those two.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core.engine.params import is_state
from core.i18n import _
from core.training.history import History
from core.training.resume import Continuation

MAX_SNAPSHOTS = 200
MAX_BYTES = 100 * 2**20
#: what a record's gradient signals measure: 2 = on fixed training rows
#: (:class:`core.training.gradient_flow.SignalProbe`); files without it hold version 1's, the
#: last mini-batch's (batch-size dependent), which are dropped on reading
SIGNALS_VERSION = 2


@dataclass(frozen=True, eq=False)
class EpochRecord:
    """The network after ``epoch`` finished epochs: ``params`` (weights, biases, γ, β),
    ``state`` (batch-norm running statistics), the gradient norms of the epoch's last
    mini-batch (by node id, and by :func:`~core.training.snapshot.edge_key` for each edge's
    weights; empty for the starting point) and the gradient signals
    (:mod:`core.training.gradient_flow`) when they were measured: they depend on the weights
    only, so the training worker leaves them out (a pass over 256 rows per epoch) and a replay
    measures them from ``params``. ``continuation`` is what training on from this epoch
    needs besides the weights — the optimizer's state and the shuffling and dropout
    generators — so Continue from here trains the epochs the run trained (None: not known,
    e.g. a timeline read from a file; training on starts the optimizer afresh)."""

    epoch: int
    params: dict[str, np.ndarray]
    state: dict[str, np.ndarray]
    gradient_norms: dict[str, float]
    gradient_signals: dict[str, float]
    continuation: Continuation | None = None

    @property
    def nbytes(self) -> int:
        optimizer = self.continuation.arrays.values() if self.continuation is not None else ()
        return sum(a.nbytes for a in (*self.params.values(), *self.state.values(),
                                      *(a for values in optimizer for a in values.values())))

    @property
    def arrays(self) -> dict[str, np.ndarray]:
        return {**self.params, **self.state}


class Timeline:
    """Per-epoch records of one run (or of runs that continue each other)."""

    def __init__(self, max_snapshots: int = MAX_SNAPSHOTS, max_bytes: int = MAX_BYTES) -> None:
        if max_snapshots < 2:
            message = ("a timeline keeps at least 2 snapshots "  # i18n: not ui
                       "(the first and the latest)")
            raise ValueError(message)
        self.max_snapshots = max_snapshots
        self.max_bytes = max_bytes
        self.stride = 1  # epochs between kept records (the latest excepted)
        self._records: list[EpochRecord] = []
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ reading (any thread)
    @property
    def epochs(self) -> list[int]:
        with self._lock:
            return [r.epoch for r in self._records]

    def __len__(self) -> int:
        with self._lock:
            return len(self._records)

    @property
    def nbytes(self) -> int:
        with self._lock:
            return sum(r.nbytes for r in self._records)

    def records(self) -> list[EpochRecord]:
        with self._lock:
            return list(self._records)

    def latest(self) -> EpochRecord | None:
        with self._lock:
            return self._records[-1] if self._records else None

    def at(self, epoch: int) -> EpochRecord:
        """The record of ``epoch`` (KeyError when it was not kept)."""
        with self._lock:
            for record in self._records:
                if record.epoch == epoch:
                    return record
        raise KeyError(f"epoch {epoch} is not in the timeline")  # i18n: not ui

    # ------------------------------------------------------------------ recording
    def record(self, epoch: int, params: Mapping[str, np.ndarray],
               state: Mapping[str, np.ndarray] | None = None,
               gradient_norms: Mapping[str, float] | None = None,
               gradient_signals: Mapping[str, float] | None = None,
               continuation: Continuation | None = None) -> bool:
        """Keep a copy of the network after ``epoch`` (and ``continuation``, a copy the caller
        no longer changes); False (nothing kept) when ``epoch`` is not after the latest
        record."""
        record = EpochRecord(int(epoch), {k: np.array(v) for k, v in params.items()},
                             {k: np.array(v) for k, v in (state or {}).items()},
                             dict(gradient_norms or {}), dict(gradient_signals or {}),
                             continuation)
        with self._lock:
            return self._add(record)

    def _add(self, record: EpochRecord) -> bool:
        records = self._records
        if records and record.epoch <= records[-1].epoch:
            return False
        if len(records) > 1 and not self._on_stride(records[-1].epoch):
            records.pop()  # kept only while it was the latest
        records.append(record)
        while len(records) > 2 and (len(records) > self.max_snapshots or
                                    sum(r.nbytes for r in records) > self.max_bytes):
            self.stride *= 2
            records[:] = [r for r in records[:-1] if self._on_stride(r.epoch)] + [records[-1]]
        return True

    def _on_stride(self, epoch: int) -> bool:
        return (epoch - self._records[0].epoch) % self.stride == 0

    # ------------------------------------------------------------------ editing
    def truncate(self, epoch: int) -> list[EpochRecord]:
        """Drop the records after ``epoch`` (continue from there); returns them, for
        :meth:`restore`."""
        with self._lock:
            kept = [r for r in self._records if r.epoch <= epoch]
            dropped = self._records[len(kept):]
            self._records = kept
            return dropped

    def restore(self, dropped: list[EpochRecord]) -> None:
        """Put records removed by :meth:`truncate` back (undo)."""
        with self._lock:
            self._records.extend(r for r in dropped
                                 if not self._records or r.epoch > self._records[-1].epoch)

    # ------------------------------------------------------------------ files
    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain arrays for a ``.npz``: ``epochs`` (n,), ``stride`` (), ``params/<name>`` and
        ``state/<name>`` of shape (n, …), ``nodes`` with ``norms``/``signals`` (n, nodes) and
        ``signals_version`` (SIGNALS_VERSION)."""
        records = self.records()
        if not records:
            return {}
        nodes = sorted({k for r in records for k in (*r.gradient_norms, *r.gradient_signals)})
        arrays = {"epochs": np.array([r.epoch for r in records], dtype=np.int64),
                  "stride": np.array(self.stride, dtype=np.int64),
                  "nodes": np.array(nodes, dtype=np.str_),
                  "norms": _table(records, nodes, "gradient_norms"),
                  "signals": _table(records, nodes, "gradient_signals"),
                  "signals_version": np.array(SIGNALS_VERSION, dtype=np.int64)}
        for prefix in ("params", "state"):
            for name in getattr(records[0], prefix):
                arrays[f"{prefix}/{name}"] = np.stack([getattr(r, prefix)[name]
                                                       for r in records])
        return arrays

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray],
                    shapes: Mapping[str, tuple[int, ...]]) -> Timeline:
        """Read :meth:`to_arrays` data, checking it against the network's array ``shapes``
        (by name, parameters and statistics); ValueError says what does not fit. Signals of
        another :data:`SIGNALS_VERSION` are left out (their bars show the norm unflagged)."""
        epochs = arrays.get("epochs")
        if epochs is None or epochs.ndim != 1 or epochs.dtype.kind not in "iu" or not epochs.size:
            raise ValueError(_("the timeline has no list of epochs"))
        if np.any(np.diff(epochs) <= 0) or epochs[0] < 0:
            raise ValueError(_("the timeline's epochs are not increasing"))
        n = epochs.size
        stride = arrays.get("stride")
        if stride is None or stride.shape != () or stride.dtype.kind not in "iu" or stride < 1:
            raise ValueError(_("the timeline has no valid 'stride'"))
        nodes = arrays.get("nodes")
        if nodes is None or nodes.ndim != 1 or nodes.dtype.kind != "U":
            raise ValueError(_("the timeline has no list of nodes"))
        tables = {}
        for key in ("norms", "signals"):
            table = arrays.get(key)
            if table is None or table.shape != (n, nodes.size) or table.dtype.kind != "f":
                raise ValueError(_("the timeline's {key} do not match its epochs and nodes"
                                   ).format(key=repr(key)))
            tables[key] = table
        stored = {k: v for k, v in arrays.items() if k.startswith(("params/", "state/"))}
        wanted = {f"{'state' if is_state(k) else 'params'}/{k}": s for k, s in shapes.items()}
        if set(stored) != set(wanted):
            raise ValueError(_("the timeline's arrays do not match the network's weights"))
        for key, array in stored.items():
            if array.dtype.kind != "f" or array.shape != (n, *wanted[key]):
                raise ValueError(_("the timeline's {key} has shape {shape}, not {needed}").format(
                    key=key, shape=array.shape, needed=(n, *wanted[key])))
        version = arrays.get("signals_version")
        current = version is not None and version.shape == () and version == SIGNALS_VERSION
        timeline = cls(max_snapshots=max(MAX_SNAPSHOTS, n))
        timeline.stride = int(stride)
        names = [str(v) for v in nodes]
        for i, epoch in enumerate(epochs):
            params = {k[7:]: v[i] for k, v in stored.items() if k.startswith("params/")}
            state = {k[6:]: v[i] for k, v in stored.items() if k.startswith("state/")}
            norms = {k: float(v) for k, v in zip(names, tables["norms"][i], strict=True)
                     if math.isfinite(v)}
            signals = {k: float(v) for k, v in zip(names, tables["signals"][i], strict=True)
                       if math.isfinite(v) and current}
            timeline._records.append(EpochRecord(int(epoch), params, state, norms, signals))
        return timeline


def _table(records: list[EpochRecord], nodes: list[str], field: str) -> np.ndarray:
    return np.array([[getattr(r, field).get(k, math.nan) for k in nodes] for r in records],
                    dtype=np.float64).reshape(len(records), len(nodes))


def history_until(history: History, epoch: int, batches_per_epoch: int) -> History:
    """``history`` as it was after ``epoch`` epochs: later epoch rows and per-batch losses
    dropped (continuing from epoch ``epoch`` forgets what came after it)."""
    rows = sum(1 for e in history.epochs["epoch"] if e is not None and e <= epoch)
    batches = epoch * max(batches_per_epoch, 1) // history.batch_stride
    return History(history.task, {k: list(v[:rows]) for k, v in history.epochs.items()},
                   list(history.batch_loss[:batches]), history.batch_stride)
