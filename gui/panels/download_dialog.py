"""The download dialog: fetches MNIST or Fashion-MNIST into the cache folder off the GUI thread,
with a progress bar per file and Cancel.

The work is :func:`core.datasets.download.fetch` — the same call as ``netcanvas data fetch``,
so the window and the command line check the same checksums, keep nothing of a failed or
cancelled download, and say the same words when it fails (naming the cache folder where the
four files can be put by hand). It runs as a :class:`~gui.background.BackgroundJob`:
progress arrives in the GUI thread as queued signals, at most every REPORT_INTERVAL seconds.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets.download import FetchError, Progress, fetch
from core.datasets.errors import DataError
from core.datasets.remote import cache_folder, remote_set
from gui.background import BackgroundJob, Report

REPORT_INTERVAL = 0.05


def size_text(n: int) -> str:
    """``840 kB``, ``9.4 MB``."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} kB"


def fetch_job(name: str) -> object:
    """The background work: the set's folder, or the DataError that stopped it (returned, not
    raised, so the dialog can tell a cancel from a failure)."""

    def work(report: Report, cancel: threading.Event) -> Path | DataError:
        last = [0.0]

        def progress(step: Progress) -> None:
            now = time.perf_counter()
            if now - last[0] >= REPORT_INTERVAL or step.done == step.total:
                last[0] = now
                report(step)

        try:
            return fetch(name, progress=progress, cancel=cancel.is_set)
        except DataError as exc:
            return exc

    return work


class DownloadDialog(QDialog):
    """Open it with :meth:`start`; it accepts when the four files are in the cache, rejects
    after Cancel, and after a failure shows the message (:attr:`error`) until closed."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        entry = remote_set(name)
        self.name = name
        self.error = ""
        self.folder: Path | None = None
        self.setWindowTitle(f"Downloading {entry.title}")
        self.setMinimumWidth(560)
        self.intro = QLabel(f"<b>{entry.title}</b> is downloaded once (about "
                            f"{entry.download_mb:g} MB, four files) into<br>"
                            f"<code>{cache_folder(name)}</code><br>and then used offline.")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label = QLabel("Connecting…")
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first file's size is known
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.file_label, self.bar, self.message, self.buttons):
            layout.addWidget(widget)
        self.job = BackgroundJob(self)
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)

    @property
    def cancel_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def start(self) -> None:
        """Show the dialog (window-modal, not blocking) and start downloading."""
        self.open()
        self.job.start(fetch_job(self.name))

    @Slot(object)
    def _progress(self, step: object) -> None:
        assert isinstance(step, Progress)
        total = step.total or 0
        self.file_label.setText(
            f"{step.file} ({step.index} of {step.count}): {size_text(step.done)}"
            + (f" of {size_text(total)}" if total else ""))
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(step.done)
        else:
            self.bar.setRange(0, 0)

    @Slot(object)
    def _finished(self, result: object) -> None:
        if isinstance(result, Path):
            self.folder = result
            self.accept()
        elif isinstance(result, FetchError) and result.reason == "cancelled":
            super().reject()
        else:
            self._failed(str(result))

    @Slot(str)
    def _failed(self, text: str) -> None:
        """Say what went wrong (the core's words, with the cache folder) until closed."""
        self.error = text
        self.setWindowTitle("Download failed")
        self.file_label.setVisible(False)
        self.bar.setVisible(False)
        self.message.setText(f"The download did not work: {text}\n\nYou can still import "
                             "your own data with Import.")
        self.message.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.adjustSize()  # room for the whole message

    def reject(self) -> None:
        """Cancel (or Esc, or the window's close button): stop the download; the dialog closes
        when the worker has cleaned up."""
        if self.job.running:
            self.file_label.setText("Cancelling…")
            self.cancel_button.setEnabled(False)
            self.job.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def done(self, result: int) -> None:
        """Joined before it goes: no download thread outlives the dialog."""
        self.job.shutdown()
        super().done(result)
