"""Start-up measurement: with ``NETCANVAS_STARTUP_PROBE=1`` the window announces on stdout the
moment it is first shown (once the event loop has run, so it is laid out and painted) and the
app quits. ``packaging/startup_time.py`` times launches against that line, for the source install
and the bundle alike, so both are measured from the outside in the same way.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow

ENV = "NETCANVAS_STARTUP_PROBE"
MARKER = "netcanvas: window shown"  # i18n: not ui (read by packaging/startup_time.py)


def requested() -> bool:
    return os.environ.get(ENV, "") not in ("", "0")


class StartupProbe(QObject):
    """Watches the application for the first main window's Show event."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMainWindow):
            self._app.removeEventFilter(self)
            QTimer.singleShot(0, self, self._report)
        return False

    @Slot()
    def _report(self) -> None:
        print(MARKER, flush=True)
        sys.stdout.flush()
        self._app.quit()


def install() -> StartupProbe:
    """Create (or take) the application and watch it; call before the window is made."""
    from gui.app import application

    return StartupProbe(application())
