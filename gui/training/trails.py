"""Weight histograms over training, recorded in the worker (no Qt).

The "weights over time" image needs one histogram per moment of the run. Recorded from the
frames the window happens to draw, a fast run gets a handful of columns; recorded here, at the
end of epochs (at most RECORD_INTERVAL apart, so a tiny network's thousands of epochs a second
cost nothing), it gets an even sampling of the whole run. A trail keeps at most MAX_COLUMNS:
when full, every other older column goes, so a long run keeps its whole span, coarser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from core.engine.params import weight_name
from core.spec import NetworkSpec
from core.training.snapshot import Histogram
from core.training.timeline import EpochRecord

MAX_COLUMNS = 400
RECORD_INTERVAL = 0.05  # seconds: at most 20 columns a second


@dataclass(frozen=True, eq=False)
class TrailImage:
    """A trail drawn as an image: ``image[row, column]`` is the share of the weights in value
    row ``row`` at sample ``column`` (each column scaled to its peak); rows span ``low`` to
    ``high``, columns the epochs ``x[0]`` … ``x[-1]``."""

    image: np.ndarray
    low: float
    high: float
    x: np.ndarray


class HistogramTrail:
    """One edge's weight histograms over training: x (epochs), value ranges and counts."""

    def __init__(self) -> None:
        self.x: list[float] = []
        self.lo: list[float] = []
        self.hi: list[float] = []
        self.counts: list[np.ndarray] = []

    def add(self, x: float, histogram: Histogram) -> None:
        if self.x and x <= self.x[-1]:
            return
        self.x.append(x)
        self.lo.append(float(histogram.edges[0]))
        self.hi.append(float(histogram.edges[-1]))
        self.counts.append(histogram.counts)
        if len(self.x) > MAX_COLUMNS:  # keep the newest, drop every other older one
            for column in (self.x, self.lo, self.hi, self.counts):
                column[:] = column[-1::-2][::-1]

    def image(self) -> TrailImage | None:
        """The columns rebinned onto one value axis with a single ``np.bincount``.

        No more rows than bins: a histogram spanning the whole range then fills every row
        (more rows would leave empty stripes between its bins)."""
        if not self.x:
            return None
        counts = np.array(self.counts, dtype=np.float64)  # (n, bins)
        n, rows = counts.shape
        lo, hi = np.array(self.lo), np.array(self.hi)
        low, high = float(lo.min()), float(hi.max())
        if high <= low:
            high = low + 1.0
        centers = lo[:, None] + (hi - lo)[:, None] * (np.arange(rows) + 0.5) / rows
        row = np.clip(((centers - low) / (high - low) * rows).astype(np.intp), 0, rows - 1)
        column = np.broadcast_to(np.arange(n)[:, None], row.shape)
        image = np.bincount((row * n + column).ravel(), weights=counts.ravel(),
                            minlength=rows * n).reshape(rows, n)
        peak = image.max(axis=0, keepdims=True)
        return TrailImage(image / np.where(peak > 0, peak, 1.0), low, high, np.array(self.x))


def trails_of(spec: NetworkSpec, records: Iterable[EpochRecord]) -> dict[str, TrailImage]:
    """Each edge's trail from the weights of a timeline's records: a project reopened with its
    timeline showed an empty "Weights over time" (the run's own trails are not saved)."""
    names = {edge.id: weight_name(edge.id) for edge in spec.edges}
    found = {edge_id: HistogramTrail() for edge_id in names}
    with np.errstate(all="ignore"):
        for record in records:
            for edge_id, name in names.items():
                if name in record.params:
                    found[edge_id].add(record.epoch, Histogram.of(record.params[name]))
    return {edge_id: image for edge_id, trail in found.items()
            if (image := trail.image()) is not None}


class SavedTrails:
    """:func:`trails_of` a saved timeline, made on the first call and kept. The replay worker
    calls it (one frame at a time): on the GUI thread the first slider move after reopening a
    784-100-10 project with 200 records stalled it 48–61 ms."""

    def __init__(self, spec: NetworkSpec, records: Iterable[EpochRecord]) -> None:
        self._spec = spec
        self._records = list(records)
        self._trails: dict[str, TrailImage] | None = None

    def __call__(self) -> dict[str, TrailImage]:
        if self._trails is None:
            self._trails = trails_of(self._spec, self._records)
            self._records = []
        return self._trails


#: a frame's weight trails: made already, or made when the worker needs them
Trails = dict[str, TrailImage] | Callable[[], dict[str, TrailImage]] | None
