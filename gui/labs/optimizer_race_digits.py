"""The optimizer race's lower half: the book's network trained on the digits by each optimizer
from the same initial weights, in the background, its loss curves and its status line."""

from __future__ import annotations

from collections.abc import Callable, Iterable

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
    # the optimizers the race is to train: the ones shown
    _wanted: tuple[str, ...] = ()
    _stopping = False  # Stop race was clicked: the race ends with what it has
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
            self._stopping = True
            self._say_race(lambda: translate("OptimizerRaceLab", "Stopping…"))
            return
        self.race = {}
        for curve in self.loss_curves.values():
            curve.setData([], [])
        self.fill_loss_legend()
        self._start_race()

    @Slot(bool)
    def race_shown(self, _ticked: bool = False) -> None:
        """The optimizers shown changed: a race running trains the ones now shown (and no
        other it has not started); a finished race goes on to the shown ones it lacks."""
        self._wanted = self.shown_names()
        if not self.job.running and self._race_complete(self.race.keys()) \
                and not self._race_complete(self._wanted):
            self._start_race()

    def _race_complete(self, names: Iterable[str]) -> bool:
        """Has every optimizer in ``names`` (one at least) trained to the last epoch?"""
        names = list(names)
        return bool(names) and all(len(self.race.get(n, ())) == BOOK_RACE_SETTINGS.epochs
                                   for n in names)

    def _start_race(self) -> None:
        """Train, one after the other, each optimizer shown that has no curve yet. What is
        shown is looked at again before each (``_wanted``: set here, read by the thread)."""
        self._wanted = self.shown_names()
        self._stopping = False
        done = set(self.race)

        def todo() -> list[str]:
            return [n for n in optimizers.NAMES if n in self._wanted and n not in done]

        first = todo()[0]

        def work(report, cancel):
            curves: dict[str, list[float]] = {}
            while not cancel.is_set() and todo():
                name = todo()[0]
                done.add(name)
                curves |= book_race(on_epoch=lambda n, curve: report((n, curve)),
                                    cancel=cancel, names=(name,))
            return curves

        self.job.start(work)
        self._say_race(lambda: translate("OptimizerRaceLab", "Training with {title}…").format(
            title=TITLES[first]))

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
        epoch, total = len(losses), BOOK_RACE_SETTINGS.epochs

        def text() -> str:  # (one unticked mid-way is trained to its end, not named)
            if name in self.shown_names():
                return translate("OptimizerRaceLab", "Training with {title}: epoch {n} of "
                                 "{total}").format(title=TITLES[name], n=epoch, total=total)
            return translate("OptimizerRaceLab", "Finishing an optimizer no longer shown: "
                             "epoch {n} of {total}").format(n=epoch, total=total)

        self._say_race(text)

    @Slot(object)
    def _race_finished(self, curves: dict[str, list[float]]) -> None:
        self._show_race(curves)
        if self._race_complete(self.shown_names()):
            self._say_race(lambda: self._ranking(self.race))
        elif not self._stopping and self._race_complete(self.race.keys()):
            self._start_race()  # ticked as the last one ended: the two it now shows
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
