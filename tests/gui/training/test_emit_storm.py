"""Regression test for docs/qt-notes.md §1: a cross-thread signal storm must not crash PySide6."""

import subprocess
import sys
from pathlib import Path

import PySide6

SCRIPT = Path(__file__).with_name("emit_storm.py")


def test_installed_pyside6_is_not_the_release_that_crashes():
    assert PySide6.__version__ != "6.12.0"


def test_hundred_thousand_cross_thread_emits_arrive_in_the_gui_thread():
    result = subprocess.run([sys.executable, str(SCRIPT), "100000"], capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr[-2000:])
    assert "received=100000 wrong_thread=0 payload_errors=0" in result.stdout
