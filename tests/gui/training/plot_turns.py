"""For the panels made in parts: on which turn of the event loop each plot was made."""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QTimer


class PlotTurns:
    """Counts the event loop's turns (a 0 ms timer) and records the turn of each call of the
    ``add_plot`` a panel's module makes its plots with. Stop it before asserting."""

    def __init__(self, monkeypatch, module: ModuleType) -> None:
        self.turns = 0
        self.made_at: list[int] = []
        self._ticker = QTimer()
        self._ticker.timeout.connect(self._tick)
        self._ticker.start(0)
        add_plot = module.add_plot

        def recorded(*args, **kwargs):
            self.made_at.append(self.turns)
            return add_plot(*args, **kwargs)

        monkeypatch.setattr(module, "add_plot", recorded)

    def _tick(self) -> None:
        self.turns += 1

    def stop(self) -> None:
        self._ticker.stop()

    def one_per_turn(self) -> bool:
        """Each plot made on a later turn than the one before."""
        return all(a < b for a, b in zip(self.made_at, self.made_at[1:], strict=False))
