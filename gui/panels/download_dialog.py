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
from core.i18n import _ as core_tr
from gui.background import BackgroundJob, Report
from gui.i18n import on_language_change

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
        self.entry = remote_set(name)
        self.name = name
        self.error = ""
        self.folder: Path | None = None
        self._step: Progress | None = None
        self._cancelling = False
        self.setMinimumWidth(560)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label = QLabel()
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
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Every text from the dialog's state (downloading, cancelling, failed)."""
        title = core_tr(self.entry.title)
        self.intro.setText(self.tr(
            "<b>{title}</b> is downloaded once (about {mb} MB, four files) into<br><code>"
            "{folder}</code><br>and then used offline.").format(
            title=title, mb=f"{self.entry.download_mb:g}", folder=cache_folder(self.name)))
        if self.error:
            self.setWindowTitle(self.tr("Download failed"))
            self.message.setText(self.tr("The download did not work: {error}\n\nYou can still "
                                         "import your own data with Import.").format(
                error=self.error))
            return
        self.setWindowTitle(self.tr("Downloading {title}").format(title=title))
        step = self._step
        if self._cancelling:
            self.file_label.setText(self.tr("Cancelling…"))
        elif step is None:
            self.file_label.setText(self.tr("Connecting…"))
        elif step.total:
            self.file_label.setText(self.tr("{file} ({index} of {count}): {done} of {total}")
                                    .format(file=step.file, index=step.index, count=step.count,
                                            done=size_text(step.done),
                                            total=size_text(step.total)))
        else:
            self.file_label.setText(self.tr("{file} ({index} of {count}): {done}").format(
                file=step.file, index=step.index, count=step.count, done=size_text(step.done)))

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
        self._step = step
        if not self._cancelling:
            self.retranslate()
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
        self.file_label.setVisible(False)
        self.bar.setVisible(False)
        self.retranslate()
        self.message.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.adjustSize()  # room for the whole message

    def reject(self) -> None:
        """Cancel (or Esc, or the window's close button): stop the download; the dialog closes
        when the worker has cleaned up."""
        if self.job.running:
            self._cancelling = True
            self.retranslate()
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
