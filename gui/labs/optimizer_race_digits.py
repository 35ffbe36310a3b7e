"""The optimizer race's lower half: the book's network trained on the digits by each optimizer
from the same initial weights, in the background, its loss curves and its status line."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QPushButton

from core.engine import optimizers
from core.labs.optimizer_race import BOOK_RACE_SETTINGS, TITLES, book_race
from gui.background import BackgroundJob
from gui.i18n import translate
from gui.labs.base import say
from gui.labs.optimizer_race_plots import SideLegend


class RaceOnDigits:
    """Mixed into the lab, which builds ``job``, ``race_button``, ``race_status``,
    ``loss_curves`` and ``loss_legend``, and says which optimizers are shown."""

    job: BackgroundJob
    race_button: QPushButton
    race_status: QLabel
    loss_curves: dict[str, pg.PlotDataItem]
    loss_legend: SideLegend
    race: dict[str, list[float]]
    _race_text: tuple[Callable[[], str], bool]

    def shown_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _name_buttons(self) -> None:
        raise NotImplementedError

    def _say_race(self, text: Callable[[], str], error: bool = False) -> None:
        """The race's status: what ``text()`` says (said again in a new language)."""
        self._race_text = (text, error)
        say(self.race_status, text(), error)

    def fill_loss_legend(self) -> None:
        """The shown optimizers' loss curves, each with its final loss once it has one."""
        self.loss_legend.fill({n: self.loss_curves[n] for n in self.shown_names()},
                              {name: f"{losses[-1]:.3f}" for name, losses in self.race.items()
                               if losses})

    @Slot()
    def toggle_race(self) -> None:
        """Start the race on digits in the background, or stop the one running."""
        if self.job.running:
            self.job.cancel()
            self._say_race(lambda: translate("OptimizerRaceLab", "Stopping…"))
            return
        self.race = {}
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.fill_loss_legend()

        def work(report, cancel):
            return book_race(on_epoch=lambda name, curve: report((name, curve)), cancel=cancel)

        self.job.start(work)
        self._say_race(lambda: translate("OptimizerRaceLab", "Training with {title}…").format(
            title=TITLES[optimizers.NAMES[0]]))

    @Slot(bool)
    def _race_running(self, running: bool) -> None:
        self._name_buttons()

    def _show_race(self, curves: dict[str, list[float]]) -> None:
        for name, losses in curves.items():
            self.race[name] = losses
            self.loss_curves[name].setData(np.arange(1, len(losses) + 1), losses)
        self.fill_loss_legend()

    @Slot(object)
    def _race_progress(self, payload: tuple[str, list[float]]) -> None:
        name, losses = payload
        self._show_race({name: losses})
        epoch = len(losses)
        self._say_race(lambda: translate(
            "OptimizerRaceLab", "Training with {title}: epoch {n} of {total}").format(
            title=TITLES[name], n=epoch, total=BOOK_RACE_SETTINGS.epochs))

    @Slot(object)
    def _race_finished(self, curves: dict[str, list[float]]) -> None:
        self._show_race(curves)
        complete = len(curves) == len(optimizers.NAMES) and all(
            len(c) == BOOK_RACE_SETTINGS.epochs for c in curves.values())
        if complete:
            self._say_race(lambda: self._ranking(curves))
        else:
            self._say_race(lambda: translate("OptimizerRaceLab",
                                             "Stopped: the curves so far are shown."))

    def _ranking(self, curves: dict[str, list[float]]) -> str:
        """The lowest and the highest final loss among the optimizers shown."""
        shown = [name for name in self.shown_names() if name in curves]
        best = min(shown, key=lambda n: curves[n][-1])
        slowest = max(shown, key=lambda n: curves[n][-1])
        return translate(
            "OptimizerRaceLab",
            "Lowest final loss: {best} ({best_loss}); slowest: {slowest} ({slowest_loss})"
        ).format(best=TITLES[best], best_loss=f"{curves[best][-1]:.3f}",
                 slowest=TITLES[slowest], slowest_loss=f"{curves[slowest][-1]:.3f}")

    @Slot(str)
    def _race_failed(self, message: str) -> None:
        self._say_race(lambda: translate("OptimizerRaceLab", "The race failed: {message}")
                       .format(message=message), error=True)

    def closed_mid_run(self) -> None:
        self._say_race(lambda: translate(
            "OptimizerRaceLab", "Stopped when the window closed: the curves so far are "
            "shown. Race on digits runs it again."))
