"""Importing a data file off the GUI thread, with progress in the status bar and a Cancel.

Reading MNIST's IDX files, checking them and taking their SHA-256 takes about a second; done in
the GUI thread it froze the window for that long. :func:`import_run` does it on a worker thread
(:mod:`gui.background`) and hands back a :class:`core.datasets.ref.DataRef`; the
:class:`BusyIndicator` shows a busy bar in the window's status bar at once and a Cancel
button once the work has taken longer than a second.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer, Slot
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar, QPushButton, QWidget

from core.datasets.ref import DataRef, import_file
from core.training.prepare import prepare_ahead
from core.training.settings import TrainingSettings
from gui.background import JobRun
from gui.i18n import on_language_change, translate

CANCEL_AFTER_MS = 1000
#: the data picker's import button; messages that send users to it quote this same label
IMPORT_BUTTON = QT_TRANSLATE_NOOP("DataPicker", "Import CSV / NPZ / IDX…")


def import_button_text() -> str:
    """The import button's label in the current language."""
    return translate("DataPicker", IMPORT_BUTTON)


def import_run(owner: QObject, path: str, embed: bool | None,
               settings: TrainingSettings) -> JobRun:
    """A started import of ``path`` (see :func:`core.datasets.ref.import_file`), split and
    standardised ahead as ``settings`` say (:func:`core.training.prepare.prepare_ahead`)."""

    def job(cancelled: Callable[[], bool]) -> DataRef:
        ref = import_file(path, embed, cancelled)
        if ref.dataset is not None and not cancelled():
            prepare_ahead(ref.dataset, settings.split, settings.seed, settings.standardize)
        return ref

    run = JobRun(owner, job, "data import")  # i18n: not ui
    run.start()
    return run


class BusyIndicator(QObject):
    """A busy bar and text in ``window``'s status bar while a job runs, and a Cancel button
    after a second. ``cancel`` asks the job to stop."""

    def __init__(self, window: QWidget, text: str, cancel: Callable[[], None]) -> None:
        super().__init__(window)
        self._cancel = cancel
        self.label = QLabel(text)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # how long it takes is not known: a moving bar
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.cancel_button.hide()
        self._status = window.statusBar() if isinstance(window, QMainWindow) else None
        if self._status is not None:
            for widget in (self.label, self.bar, self.cancel_button):
                self._status.addPermanentWidget(widget)  # a message cannot hide it
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.cancel_button.show)
        self._timer.start(CANCEL_AFTER_MS)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop and keep the data set as it was"))
        if not self.cancel_button.isEnabled():
            self.label.setText(self.tr("Cancelling…"))

    @Slot()
    def _cancel_clicked(self) -> None:
        self.cancel_button.setEnabled(False)
        self.retranslate()
        self._cancel()

    def close(self) -> None:
        self._timer.stop()
        for widget in (self.label, self.bar, self.cancel_button):
            if self._status is not None:
                self._status.removeWidget(widget)
            widget.deleteLater()
        self.setParent(None)


def import_text(path: str) -> str:
    return translate("BusyIndicator", "Importing {name}…").format(name=Path(path).name)
