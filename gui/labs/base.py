"""What every lab window shares: a title, a "what to notice" text, and a body to fill."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext


def say(label: QLabel, text: str, error: bool = False) -> None:
    """Put a status message on ``label``; an error in red (a lab never opens a dialog)."""
    label.setText(f"<span style='color:{theme.ERROR_TEXT}'>{text}</span>" if error else text)


class LabWindow(QWidget):
    """A top-level lab window. Subclasses set ``title`` and ``notice`` (rich text: what the
    student should look for) and lay their controls out in :attr:`body`. Long work goes to a
    :class:`~gui.background.BackgroundJob` child, which is cancelled and joined when the
    window closes. ``context`` is the main window's project, for labs that work on it."""

    title = ""
    notice = ""

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.context = context
        self.setWindowTitle(f"{self.title} — NetCanvas lab")
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        self.notice_label = QLabel(self.notice)
        self.notice_label.setObjectName("labNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.RichText)
        self.notice_label.setStyleSheet(
            f"#labNotice {{ background: {theme.NOTICE_BACKGROUND};"
            f" border: 1px solid {theme.NOTICE_BORDER}; border-radius: 6px;"
            f" padding: 8px; color: {theme.TEXT}; }}")
        layout.addWidget(self.notice_label)
        self.body = QWidget()
        layout.addWidget(self.body, 1)

    def closeEvent(self, event: QCloseEvent) -> None:
        interrupted = False
        for job in self.findChildren(BackgroundJob):
            interrupted |= job.running
            job.shutdown()
        super().closeEvent(event)
        if interrupted:
            self.closed_mid_run()

    def closed_mid_run(self) -> None:
        """Closing stopped a job (a shut-down job sends no ``finished``): say so and show
        what it got. Labs with background work override this."""
