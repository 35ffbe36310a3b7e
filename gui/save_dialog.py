"""The save dialog of the exports, pictures and tables: where to write, checked before anyone is
asked about replacing a file.

Qt's save dialog asks "… already exists. Do you want to replace it?" itself, before NetCanvas
sees the name: a read-only file was asked about and, after Yes, refused (a question with no good
answer). Here the dialog is told not to ask; the place is checked first (by default
:func:`core.file_writes.place_error`, the check every write makes) and a refusal said without
the question; only an existing file that can be replaced is asked about.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.file_writes import place_error, write_reason
from gui.i18n import translate


def place_refusal(path: Path) -> str:
    """Why the file system would refuse a write of ``path`` (its folder missing or read-only,
    the file read-only), in words; "" when the place looks fine."""
    problem = place_error(path)
    return "" if problem is None else write_reason(problem, path.absolute())


def png_path(name: str) -> Path:
    """``name`` as a PNG file's path (``.png`` added unless it ends so, in any case)."""
    return Path(name if name.lower().endswith(".png") else f"{name}.png")


def choose_target(parent: QWidget, caption: str, start: str, file_filter: str,
                  named: Callable[[str], Path] = Path,
                  check: Callable[[Path], str] = place_refusal) -> tuple[Path, str] | None:
    """Ask where to write: the path (``named`` makes it from the name chosen, e.g. adding the
    suffix) and why it is refused ("" when it is not: an existing file was asked about and may
    be replaced). None when the dialog was cancelled or the file is not to be replaced."""
    name, _filter = QFileDialog.getSaveFileName(parent, caption, start, file_filter, "",
                                                QFileDialog.Option.DontConfirmOverwrite)
    if not name:
        return None
    path = named(name)
    refusal = check(path)
    if not refusal and not may_replace(parent, path):
        return None
    return path, refusal


def may_replace(parent: QWidget, path: Path) -> bool:
    """True when ``path`` is no file yet, or the user says to replace it."""
    if not path.is_file():
        return True
    answer = QMessageBox.question(
        parent, translate("SaveDialog", "Replace file?"),
        translate("SaveDialog", "{name} exists already in {folder}. Replace it?").format(
            name=path.name, folder=path.absolute().parent),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
