"""The Labs menu: one action per registered lab; a lab opens once and is raised afterwards."""

from __future__ import annotations

import sys
import traceback

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from core.error_words import own_words
from gui.context import ProjectContext
from gui.i18n import on_language_change
from gui.labs import LABS, lab_info
from gui.labs.base import LabWindow


class LabsMenu(QMenu):
    """Keeps the open lab windows (so they are not collected) and brings them back. Each lab
    gets ``context``, the project it may work on, and ``parent``'s window as its owner."""

    def __init__(self, context: ProjectContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.windows: dict[str, LabWindow] = {}
        self.lab_actions: dict[str, QAction] = {}
        for info in LABS:
            action = QAction(self)
            action.setData(info.key)
            action.triggered.connect(self._triggered)
            self.addAction(action)
            self.lab_actions[info.key] = action
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Labs"))
        # numbered access keys, the same in every language: Alt+L, 4 opens the fourth lab
        # (the titles had none, so a lab could only be reached with the arrow keys)
        for number, info in enumerate(LABS, 1):
            self.lab_actions[info.key].setText(f"&{number} {info.shown_title}")  # i18n: not ui

    def _triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_lab(action.data())

    def show_lab(self, key: str) -> None:
        """Open lab ``key`` as its menu action does (for "Show me" links elsewhere); a lab
        that cannot be built says so in a dialog, in words (the traceback goes to the error
        output for a bug report), instead of taking the window down."""
        try:
            self.open_lab(key)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            QMessageBox.critical(
                self.parentWidget(), self.tr("Cannot open the lab"),
                self.tr("The lab “{title}” could not be opened. {why}\n\nYour project is "
                        "not affected.").format(title=lab_info(key).shown_title,
                                                why=self._why(exc)))

    def _why(self, exc: Exception) -> str:
        """What a student can make of ``exc``: a sentence, never the exception's class name."""
        if isinstance(exc, ImportError):
            return self.tr("A part of NetCanvas that the lab needs is missing from this "
                           "installation ({part}); installing NetCanvas again should bring it "
                           "back.").format(part=exc.name or own_words(exc))
        if isinstance(exc, MemoryError):
            return self.tr("There is not enough memory for it; close other programs or labs "
                           "and try again.")
        return self.tr("This is a fault in NetCanvas, not in your work: {error}.").format(
            error=own_words(exc).rstrip("."))  # its own full stop, not two

    def open_lab(self, key: str) -> LabWindow:
        """Show lab ``key`` (created on first use) and return its window."""
        window = self.windows.get(key)
        if window is None:
            window = lab_info(key).load()(self.context, self.parentWidget())
            self.windows[key] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def close_all(self) -> None:
        for window in self.windows.values():
            window.close()
