"""When a run ends, its outcome comes into view: the Training dock shares its place with the
Inspector as a tab, so after Train from the toolbar the sentence saying how the run went (and on
a gate or toy set, the verdict) sat behind the Inspector, unseen.

The user's choice wins: if they brought a tab of that group to the front themselves while the
run went on (clicked the Inspector tab to look at a node, or the Training tab and back), the
tab they chose stays in front. A Training dock the user closed is not opened again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

from gui.training.session import TrainingSession


class OutcomeInView(QObject):
    """Brings ``dock`` (holding ``label``, the outcome, maybe inside a scroll area) to the front
    of its tab group when a run of ``session`` ends, unless the user chose a tab of that group
    during the run."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, label: QWidget,
                 session: TrainingSession) -> None:
        super().__init__(window)
        self.window = window
        self.dock = dock
        self.label = label
        self.running = False
        #: the user brought a tab of the Training dock's group to the front during this run
        self.user_chose = False
        self._raising = False
        window.tabifiedDockWidgetActivated.connect(self._activated)
        session.started.connect(self._started)
        session.ended.connect(self._ended)

    @Slot()
    def _started(self, *_args: Any) -> None:
        self.running, self.user_chose = True, False

    @Slot(QDockWidget)
    def _activated(self, dock: QDockWidget) -> None:
        """A tab was brought to the front (Qt says so only for a tab clicked or raised)."""
        group = [self.dock, *self.window.tabifiedDockWidgets(self.dock)]
        if self.running and not self._raising and dock in group:
            self.user_chose = True

    @Slot(object)
    def _ended(self, _result: object) -> None:
        self.running = False
        if self.user_chose or self.dock.isHidden():  # their tab; or they closed the dock
            return
        self._raising = True
        try:
            self.dock.raise_()
        finally:
            self._raising = False
        area = self.dock.widget()
        if isinstance(area, QScrollArea) and area.isAncestorOf(self.label):
            # down to it only: the outcome is as wide as the form, and on a narrow screen (the
            # dock scrolls sideways) Qt's margin beside it scrolled the dock 50 px right, the
            # left side of the Train and Step buttons and of every sentence out of sight
            sideways = area.horizontalScrollBar()
            left = sideways.value()
            area.ensureWidgetVisible(self.label)
            sideways.setValue(left)
