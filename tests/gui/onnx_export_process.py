"""Run as a script: the main window exports its network as ONNX through File ▸ Export ▸ ONNX…
and prints "exported=<bool> onnx_imported=<bool> stall_ms=<n>" — whether the file was written,
whether this (the window's) process imported onnx meanwhile, and the longest a 10 ms timer
waited. A fresh process: in pytest's, another test may have imported onnx already.

Argument: the .onnx file to write; its folder also holds the settings and data folders.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox


def main(target: Path) -> int:
    folder = target.parent
    os.environ["NETCANVAS_DATA_DIR"] = str(folder / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from gui.app import application

    app = application()
    from gui.main_window import MainWindow
    from gui.training.memory import LatencyHistogram

    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.files.maybe_save = lambda: True
    window.show()
    assert window.files.open_example("xor_by_hand")
    QFileDialog.getSaveFileName = staticmethod(lambda *args: (str(target), ""))
    QMessageBox.open = lambda box, *args: None  # the "exported" message: nobody to close it
    refused: list[str] = []
    QMessageBox.warning = staticmethod(lambda parent, title, text, *args: refused.append(text))
    settle = QEventLoop()  # the panels are made after the first frame: not the export's work
    QTimer.singleShot(2000, settle.quit)
    settle.exec()
    before = "onnx" in sys.modules
    probe = LatencyHistogram()
    probe.start()
    probe.mark()
    loop = QEventLoop()
    QTimer.singleShot(120_000, loop.quit)
    window.export_menu.job.running_changed.connect(lambda running: running or loop.quit())
    window.export_menu.actions["onnx"].trigger()
    if window.export_menu.job.running:
        loop.exec()
    stall = probe.window_max()
    probe.stop()
    print(f"exported={target.is_file()} onnx_imported={'onnx' in sys.modules and not before} "
          f"stall_ms={stall:.0f} refused={refused}", flush=True)
    window.close()
    del window
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
