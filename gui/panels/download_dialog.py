"""The download dialog: fetches MNIST or Fashion-MNIST into the cache folder off the GUI thread,
with a progress bar per file and Cancel.

The work is :func:`core.datasets.download.fetch` — the same call as ``netcanvas data fetch``,
so the window and the command line check the same checksums (of files put in the cache folder
by hand too, first) and keep nothing of a failed or cancelled download. When it fails the dialog
says what happened in the core's words and what to do in a window's (choose the set again, put
the four files in the cache folder — created then, with an Open folder button — or import
other data with the import button, quoted by its label); the command line names
``netcanvas data fetch`` instead. It runs as a :class:`~gui.background.BackgroundJob`:
progress arrives in the GUI thread as queued signals, at most every REPORT_INTERVAL seconds.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QCloseEvent, QDesktopServices
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
from core.datasets.remote import MIRROR_ENV, cache_folder, remote_set
from core.i18n import _ as core_tr
from gui import theme
from gui.background import BackgroundJob, Report
from gui.i18n import on_language_change
from gui.panels.data_import import import_button_text

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
        self.error = ""  # the failure as the dialog says it ("" while all goes well)
        self.failure: DataError | None = None
        self.folder: Path | None = None
        self._step: Progress | None = None
        self._cancelling = False
        self.setMinimumWidth(560)
        self.intro = _text_label()
        self.file_label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first file's size is known
        # plain words: a folder with '&' or '<' in its name is shown as it is
        self.message = _text_label(Qt.TextFormat.PlainText)
        self.message.setVisible(False)
        self.details = _text_label(Qt.TextFormat.PlainText)  # what each server answered, small
        self.details.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.details.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setVisible(False)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.file_label, self.bar, self.message, self.details):
            layout.addWidget(widget)
        layout.addStretch(1)  # extra height goes below the texts, not between them
        layout.addWidget(self.buttons)
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
            title=escape(title), mb=f"{self.entry.download_mb:g}",
            folder=escape(str(cache_folder(self.name)), quote=False)))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.open_folder_button.setToolTip(self.tr("Show the cache folder in the file manager"))
        if self.failure is not None:
            self.setWindowTitle(self.tr("Download failed"))
            self.error = self._failure_text(self.failure)
            self.message.setText(self.error)
            details = getattr(self.failure, "details", "")
            self.details.setText(self.tr("What each server answered: {details}").format(
                details=details) if details else "")
            self.details.setVisible(bool(details))
            if self.message.isVisible():
                self.fit_height()  # another language, another length
            return
        self.setWindowTitle(self.tr("Downloading {title}").format(title=title))
        step = self._step
        if self._cancelling:
            self.file_label.setText(self.tr("Cancelling…"))
        elif step is None:
            self.file_label.setText(self.tr("Connecting…"))
        elif step.checking:
            self.file_label.setText(self.tr("Checking {file} ({index} of {count})…").format(
                file=step.file, index=step.index, count=step.count))
        elif step.total:
            self.file_label.setText(self.tr("{file} ({index} of {count}): {done} of {total}")
                                    .format(file=step.file, index=step.index, count=step.count,
                                            done=size_text(step.done),
                                            total=size_text(step.total)))
        else:
            self.file_label.setText(self.tr("{file} ({index} of {count}): {done}").format(
                file=step.file, index=step.index, count=step.count, done=size_text(step.done)))

    def _failure_text(self, failure: DataError) -> str:
        """What happened (the core's words, which the command line prints too) and what a window
        user can do: choose the set again, put the files in the folder by hand, or import."""
        title = core_tr(self.entry.title)
        folder = cache_folder(self.name)
        files = ", ".join(self.entry.files.values())
        reason = failure.reason if isinstance(failure, FetchError) else ""
        by_hand = self.tr(
            "Or put the four files ({files}) in {folder} by hand (Open folder shows it); "
            "NetCanvas checks them when you choose {title} again.").format(
            files=files, folder=folder, title=title)
        if reason == "wrong-file":
            assert isinstance(failure, FetchError)
            todo = (self.tr("Replace it with the original file, or delete it and choose {title} "
                            "again to download it.") if len(failure.file_names) == 1 else
                    self.tr("Replace them with the original files, or delete them and choose "
                            "{title} again to download them.")).format(title=title)
        elif reason == "offline":
            todo = self.tr("Connect to the internet and choose {title} again.").format(
                title=title) + " " + by_hand
        elif reason == "certificate":
            todo = self.tr("Check this computer's date and time, then choose {title} again. On a "
                           "school or company network, ask for its certificate: NetCanvas trusts "
                           "it when the environment variable REQUESTS_CA_BUNDLE names its "
                           "file.").format(title=title) + " " + by_hand
        elif reason == "mirror-down":
            todo = self.tr("Check that the server at {url} is running, or ask whoever set "
                           "NETCANVAS_DATA_MIRROR on this computer; without it, NetCanvas uses "
                           "the public mirrors.").format(url=os.environ.get(MIRROR_ENV, "")) + \
                " " + by_hand
        elif reason in ("checksum", "not-found", "interrupted", "servers-down"):
            todo = self.tr("Choose {title} again to try once more (later, if it fails "
                           "again).").format(title=title) + " " + by_hand
        else:
            return self.tr("The download did not work: {error}\n\nYou can still import your own "
                           "data with “{button}”.").format(error=failure,
                                                          button=import_button_text())
        problem = failure.problem
        if problem.split(" ", 1)[0].isalpha():  # a sentence, here; not a file's name
            problem = problem[:1].upper() + problem[1:]
        problem = problem if problem.endswith(".") else problem + "."
        return self.tr("{problem}\n\n{todo}\n\nYou can still import your own data with "
                       "“{button}”.").format(problem=problem, todo=todo,
                                             button=import_button_text())

    def open_folder(self) -> None:
        """Show the cache folder (created when the download failed) in the file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(cache_folder(self.name))))

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
            self._show_failure(result if isinstance(result, DataError) else DataError(str(result)))

    @Slot(str)
    def _failed(self, text: str) -> None:
        """The job itself failed (not a DataError): say so, the same way."""
        self._show_failure(DataError(text))

    def _show_failure(self, failure: DataError) -> None:
        """Say what went wrong and what to do until closed. A failure keeps nothing, so the
        set's cache folder is created here: the message tells the user to put files in it."""
        self.failure = failure
        with contextlib.suppress(OSError):  # not writable: the core's message says so
            cache_folder(self.name).mkdir(parents=True, exist_ok=True)
        self.file_label.setVisible(False)
        self.bar.setVisible(False)
        self.retranslate()
        self.message.setVisible(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.setVisible(True)
        # the focused Cancel button went with the old buttons, leaving the focus nowhere:
        # Enter did nothing and Tab started from no visible place
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fit_height()

    def fit_height(self) -> None:
        """As tall as the texts need at this width: adjustSize alone sizes wrapped labels for a
        narrower width, which left a blank band in the dialog."""
        self.layout().activate()
        self.resize(self.width(), self.layout().totalHeightForWidth(self.width()))

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


def _text_label(text_format: Qt.TextFormat = Qt.TextFormat.RichText) -> QLabel:
    """A wrapped, selectable text that keeps to the top of the room it is given."""
    label = QLabel()
    label.setTextFormat(text_format)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
