"""What the benchmarks measure besides time: resident memory and event-loop lateness.

Both are kept in constant memory, so that measuring for an hour does not itself look like a
leak: the lateness of the 10 ms probe goes into a fixed histogram (0.1 ms bins), not a list.
"""

# i18n: not ui file — a developer's benchmark: its report is English console output (the
# window it drives speaks the user's language by itself).

from __future__ import annotations

import os
import resource
import sys
import threading
import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Slot

PROBE_MS = 10
BIN_MS = 0.1
MAX_MS = 2000.0

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_mb() -> float:
    """The process's resident memory now, in MB (Linux: /proc; elsewhere the peak so far)."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[1]) * _PAGE / 1e6
    except OSError:
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """The process's resident-memory high-water mark (getrusage), in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6  # bytes vs KiB


class PeakSampler:
    """Samples the resident memory every ``interval`` seconds in a thread while it is on, so
    the peak of one phase is known apart from the process's high-water mark."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0.0
        self.active = True  # False: not sampled meanwhile
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> PeakSampler:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join()
        self.peak = max(self.peak, rss_mb())

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if self.active:
                self.peak = max(self.peak, rss_mb())


class LatencyHistogram(QObject):
    """A precise 10 ms timer; how late each tick comes (the GUI event loop's latency), counted
    in 0.1 ms bins. The counts add up over every :meth:`start`/:meth:`stop` until
    :meth:`reset`; :meth:`mark` starts a new window for :meth:`window_max` (the longest stall
    of one step) without touching the totals."""

    def __init__(self, interval_ms: int = PROBE_MS) -> None:
        super().__init__()
        self.interval = interval_ms / 1000
        self.counts = np.zeros(int(MAX_MS / BIN_MS) + 1, np.int64)
        self.max_ms = 0.0
        self._window_max = 0.0
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def reset(self) -> None:
        """Forget every tick so far (a warm-up's, or the previous step's)."""
        self.counts[:] = 0
        self.max_ms = 0.0
        self._window_max = 0.0

    def stop(self) -> None:
        self._timer.stop()

    def mark(self) -> None:
        """Start a new step: its longest stall counts from now."""
        self._window_max = 0.0
        self._last = time.perf_counter()

    def window_max(self) -> float:
        """The longest stall (ms) since :meth:`mark`, including the one going on now."""
        return max(self._window_max, (time.perf_counter() - self._last - self.interval) * 1000)

    @property
    def ticks(self) -> int:
        return int(self.counts.sum())

    def at_least(self, ms: float) -> int:
        """How many ticks came ``ms`` or more late (to the bin's width)."""
        return int(self.counts[min(int(ms / BIN_MS), self.counts.size - 1):].sum())

    def percentile(self, q: float) -> float:
        """The q-th percentile of the lateness (ms), to the bin's width."""
        total = self.counts.sum()
        if not total:
            return 0.0
        index = int(np.searchsorted(np.cumsum(self.counts), q / 100 * total))
        return min(index * BIN_MS, self.max_ms)

    @Slot()
    def _tick(self) -> None:
        now = time.perf_counter()
        late = max(now - self._last - self.interval, 0.0) * 1000
        self._last = now
        self.counts[min(int(late / BIN_MS), self.counts.size - 1)] += 1
        self.max_ms = max(self.max_ms, late)
        self._window_max = max(self._window_max, late)


def growth_per_hour(seconds: np.ndarray, mb: np.ndarray, warm_up: float) -> float:
    """Least-squares slope of resident memory (MB) over time, in MB per hour, fitted to the
    samples after ``warm_up`` seconds (first-vs-last would measure noise and warm-up)."""
    keep = seconds >= warm_up
    if keep.sum() < 2:
        raise ValueError("too few samples after the warm-up to fit a line")
    slope = np.polyfit(seconds[keep] / 3600, mb[keep], 1)[0]
    return float(slope)
