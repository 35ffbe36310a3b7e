"""The scratch window the stall scripts (``file_stall.py``, ``settings_stall.py``) measure: a
real :class:`~gui.main_window.MainWindow`, offscreen, with its settings and data folder in a
new temporary folder, that never asks to save its throwaway edits and is closed and deleted at
the end; and :func:`settle`, which lets the event loop run for a while."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer


def settle(ms: int) -> None:
    """Run the event loop for ``ms`` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


@contextmanager
def scratch_window(prefix: str) -> Iterator[tuple[object, Path]]:
    """(a shown main window, its temporary folder); closed and deleted when the block ends."""
    from gui.app import application
    from gui.main_window import MainWindow

    app = application()
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ.setdefault("NETCANVAS_DATA_DIR", str(folder / "data"))
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.files.maybe_save = lambda: True  # nothing to ask: the edits are throwaway
    window.show()
    try:
        yield window, folder
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
