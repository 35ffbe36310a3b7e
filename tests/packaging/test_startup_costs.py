"""``packaging/startup_time.py`` says where a start spends its time: the ``-X importtime``
lines summed by top-level package, and a launch environment that has compiled bytecode."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

IMPORTTIME = """\
import time: self [us] | cumulative | imported package
import time:       120 |        120 |   numpy._core._exceptions
import time:    300000 |     310000 |     numpy._core._multiarray_umath
import time:     50000 |     480000 |   numpy
import time:    200000 |     900000 | pyqtgraph
import time:     10000 |      10000 |       gui.training.frames
netcanvas: window shown
import time:     40000 |     950000 | gui.training.plots
"""


def test_import_times_are_summed_by_top_level_package(
        packaging_script: Callable[[str], ModuleType]) -> None:
    costs = packaging_script("startup_costs")
    packages, modules = costs.parse_importtime(IMPORTTIME, top=2)
    assert packages == [(pytest.approx(0.35012), "numpy"), (0.2, "pyqtgraph")]
    assert modules == [(0.3, "numpy._core._multiarray_umath"), (0.2, "pyqtgraph")]
    everything, _ = costs.parse_importtime(IMPORTTIME)
    assert dict((name, s) for s, name in everything)["gui"] == pytest.approx(0.05)


def test_timed_launches_use_compiled_bytecode_outside_the_source_tree(
        packaging_script: Callable[[str], ModuleType], monkeypatch) -> None:
    startup = packaging_script("startup_time")
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    env = startup.launch_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env
    assert env["PYTHONPYCACHEPREFIX"] == str(startup.CACHE)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE")
    monkeypatch.delenv("PYTHONPYCACHEPREFIX", raising=False)
    assert "PYTHONPYCACHEPREFIX" not in startup.launch_env()  # bytecode goes where Python puts it


def test_timed_launches_start_as_a_new_user_with_no_work_to_restore(
        packaging_script: Callable[[str], ModuleType], monkeypatch) -> None:
    startup = packaging_script("startup_time")
    monkeypatch.delenv("NETCANVAS_DATA_DIR")
    folder = Path(startup.launch_env()["NETCANVAS_DATA_DIR"])
    assert folder.is_dir() and not any(folder.iterdir())  # no recovery copy to ask about
    monkeypatch.setenv("NETCANVAS_DATA_DIR", "/chosen")
    assert startup.launch_env()["NETCANVAS_DATA_DIR"] == "/chosen"
