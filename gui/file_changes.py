"""Noticing that the document's file was changed on disk by someone else before Save replaces it.

Two NetCanvas windows (or NetCanvas and another program, a sync folder, a classmate on a shared
drive) with the same project open: each Save replaced the whole file, so the second window's
Save silently threw away what the first had saved. A :class:`DiskStamp` remembers the file's
size and modification time as this window last read or wrote it; Save (to the document's own
file) asks first when the file is no longer that one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from gui.i18n import translate

Stamp = tuple[int, int]  # (size in bytes, modification time in ns)


def stamp_of(path: str | Path) -> Stamp | None:
    """The file's size and modification time; None when there is no file (or it is unreadable)."""
    try:
        info = Path(path).stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


class DiskStamp:
    """The file this window last read or wrote and how it was then."""

    def __init__(self) -> None:
        self._path = ""
        self._stamp: Stamp | None = None
        self._writing: dict[str, int] = {}  # this window's writes under way, by path

    def remember(self, path: str | Path, stamp: Stamp | None) -> None:
        """``path`` is as this window read or wrote it (``stamp``; None: forget)."""
        self._path, self._stamp = (str(path), stamp) if stamp else ("", None)

    def forget(self) -> None:
        self.remember("", None)

    def writing(self, path: str) -> None:
        """A write of ``path`` by this window is under way: until it ends the file changes
        because of this window, so it is not asked about."""
        self._writing[path] = self._writing.get(path, 0) + 1

    def written(self, path: str, stamp: Stamp | None) -> None:
        """That write ended: ``stamp`` is the file as written (None: failed, the old file is
        as it was, or it belongs to a document since closed)."""
        left = self._writing.pop(path, 1) - 1
        if left > 0:
            self._writing[path] = left
        if stamp is not None:
            self.remember(path, stamp)

    def changed(self, path: str) -> bool:
        """Whether ``path`` is the file remembered and it has been changed since. A file that
        is gone is not "changed": saving puts it back and replaces nobody's work."""
        if not self._path or path != self._path or self._writing.get(path):
            return False
        now = stamp_of(path)
        return now is not None and now != self._stamp

    def may_replace(self, parent: QWidget, path: str, save_as: str) -> bool:
        """True when ``path`` may be written: unchanged since, or the user says to replace it
        (``save_as``: how the Save As command is reached, to keep both instead)."""
        if not self.changed(path):
            return True
        answer = QMessageBox.question(
            parent, translate("DiskStamp", "File changed on disk"),
            translate("DiskStamp", "“{name}” was changed on disk after this window opened or "
                      "saved it — by another NetCanvas window or another program. Saving "
                      "replaces those changes with yours.\n\nSave anyway? To keep both, cancel "
                      "and use {save_as}.").format(name=Path(path).name, save_as=save_as),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Save
