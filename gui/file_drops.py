"""Files dropped on the window, as a desktop app takes them: a project opens (as File ▸ Open
does, asking first to save unsaved changes), a data file is imported (as Import CSV / NPZ /
IDX… does: the reader by its name, or why it cannot be read, in words).

MNIST's IDX files come in pairs; dropping both imports the images with the labels beside
them. Several other files at once are refused with a word on the status bar, never guessed
at. The canvas takes only node drags from the palette and lets a file drag through to here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from core.project import SUFFIX
from gui.i18n import translate
from gui.widgets import status_line

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MESSAGE_MS = 10000


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (links to web pages and the like are not files)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] \
        if mime.hasUrls() else []


def _is_project(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIX)


def chosen(paths: list[Path]) -> Path | None:
    """The one file a drop means: the only file, or the images of an IDX pair."""
    if len(paths) == 1:
        return paths[0]
    images = [p for p in paths if "idx3" in p.name.lower()]
    labels = [p for p in paths if "idx1" in p.name.lower()]
    if len(paths) == 2 and len(images) == 1 and len(labels) == 1:
        return images[0]  # its labels are read from beside it (or the import says where)
    return None


class FileDrops(QObject):
    """Lets ``window`` take file drops (installed as an event filter on it)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                # after the drop has returned: Save-first questions and the busy loop of an
                # opening must not hold the drag's source (a file manager) waiting
                QTimer.singleShot(0, self, lambda: self.take(paths))
                return True
        return False

    def take(self, paths: list[Path]) -> bool:
        """Open or import what was dropped; False (and a word on the status bar) if nothing."""
        window = self._window
        path = chosen(paths)
        if path is None:
            self._say(lambda: translate("FileDrops", "Drop one file at a time: a project to open "
                                                     "it, a data file to import it."))
            return False
        if _is_project(path):
            return window.files.maybe_save() and window.files.load(path)
        picker, reason = window.data_picker, window.doc.locked_reason
        if reason:  # training: the data picker is locked too
            self._say(lambda: translate("FileDrops", "{name} was not imported: {reason}").format(
                name=path.name, reason=window.doc.locked_reason or reason))
            return False
        if picker.importing:
            self._say(lambda: translate("FileDrops", "{name} was not imported: another import "
                                                     "is still running.").format(name=path.name))
            return False
        picker.import_path(str(path))
        return True

    def _say(self, make: Callable[[], str]) -> None:
        status_line(self._window).say(make, MESSAGE_MS)  # said again in a new language
