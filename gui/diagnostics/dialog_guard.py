"""Close any modal dialog that pops up during an unattended run, and remember what it said.

Headless, nobody can click a dialog away: an error box in the self-test would hang it forever
instead of failing it. The guard polls for the active modal widget (its timer still fires
inside the dialog's own event loop), records its title and text, and rejects it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

POLL_MS = 50


class DialogGuard(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialogs: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._close_modal)
        self._timer.start()

    @Slot()
    def _close_modal(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        text = widget.text() if isinstance(widget, QMessageBox) else ""
        self.dialogs.append(f"{widget.windowTitle()}: {text}".rstrip(": "))
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()
