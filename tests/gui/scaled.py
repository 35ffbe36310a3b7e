"""Run a piece of GUI code in a child process on a screen of a given size and display scale.

Qt reads the scale (``QT_SCALE_FACTOR``) and the screen (the offscreen platform's configuration
file) once, when the application starts, so a test of a projector at 150 % or a 2× screen
cannot switch the test process's own application: :func:`run_scaled` starts a child with its
own, runs ``body`` there with ``app`` and ``settings`` (private) defined, and returns what
``body`` put in the dict ``result`` (JSON).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROLOGUE = """
import json, sys
from PySide6.QtCore import QSettings
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
from gui.app import application
from gui.i18n import set_language
app = application()
set_language(sys.argv[2])
settings = QSettings(sys.argv[1] + "/settings.ini", QSettings.Format.IniFormat)
result = {}
"""
EPILOGUE = """
print("RESULT " + json.dumps(result), flush=True)
"""


def run_scaled(body: str, folder: Path, screen: tuple[int, int], scale: float,
               language: str = "en", timeout: float = 120) -> dict:
    """``body`` run on a ``screen`` (physical pixels) shown at ``scale``; its ``result``."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "screen", "x": 0, "y": 0, "width": screen[0], "height": screen[1],  # i18n: not ui
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "QT_SCALE_FACTOR": str(scale), "PYTHONPATH": str(ROOT),
           "NETCANVAS_DATA_DIR": str(folder)}
    script = PROLOGUE + textwrap.dedent(body) + EPILOGUE
    done = subprocess.run([sys.executable, "-c", script, str(folder), language], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])
