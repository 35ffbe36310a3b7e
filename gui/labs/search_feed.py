"""The search lab's trials as they end, drawn at a bounded rate: every trial is counted at
once, but the scatter and the ranked table are redrawn at most every :data:`REDRAW_MS` and
with at most :data:`REDRAW_SHARE` of the GUI thread (a thousand one-epoch trials would
otherwise redraw a growing table a thousand times)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Slot

from core.training.search import Trial, rank
from gui.labs.search_results import ResultsView

REDRAW_MS = 100  # the scatter and table follow the trials at most this often…
REDRAW_SHARE = 0.25  # …and redrawing may take at most this share of the GUI thread


class TrialFeed(QObject):
    """One run's trials so far (:attr:`trials`, in the order they ended), ranked into
    ``results`` when the redraw timer comes."""

    def __init__(self, results: ResultsView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results = results
        self.trials: list[Trial] = []
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.draw)

    def clear(self) -> None:
        """A new run, or the trials no longer belong to the project: none, none drawn."""
        self.trials = []
        self._redraw.stop()
        self.results.show_trials([])

    def add(self, trial: Trial) -> int:
        """Count ``trial`` (drawn with the next redraw); returns how many have ended."""
        self.trials.append(trial)
        if not self._redraw.isActive():
            self._redraw.start()
        return len(self.trials)

    def stop(self) -> None:
        """No redraw comes (the run's result is drawn whole instead)."""
        self._redraw.stop()

    @Slot()
    def draw(self) -> None:
        """Rank and draw the trials so far; the next redraw waits long enough to keep the
        drawing within its share of the GUI thread."""
        started = time.perf_counter()
        self.results.show_trials(rank(self.trials))
        spent_ms = 1000 * (time.perf_counter() - started)
        self._redraw.setInterval(max(REDRAW_MS, round(spent_ms / REDRAW_SHARE)))
