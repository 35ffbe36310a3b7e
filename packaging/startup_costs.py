"""Where a source launch spends its time, for ``packaging/startup_time.py``: the imports (from
one launch under ``python -X importtime``) and the timed steps of a start (imports, the
QApplication, ``MainWindow()`` with its costliest calls, the first frame, the front plot panels
made after it). One launch each, so the numbers are rough on a busy machine: look at the shares,
and time changes with the medians.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120
IMPORT_LINE = re.compile(r"import time:\s*(\d+) \|\s*\d+ \|\s*(\S+)")
STEPS = r"""
import cProfile, json, pstats, sys, time
marks = [("start", time.perf_counter())]
from PySide6.QtWidgets import QApplication
from gui.app import application
import gui.main_window
marks.append(("imports (Qt, NumPy, the app's modules)", time.perf_counter()))
app = application()
marks.append(("QApplication", time.perf_counter()))
profile = cProfile.Profile()
profile.enable()
window = gui.main_window.MainWindow()
profile.disable()
marks.append(("MainWindow()", time.perf_counter()))
window.show()
app.processEvents()
marks.append(("show and the first frame", time.perf_counter()))
hosts = getattr(window.training, "hosts", {})
while not all(hosts[n].is_built for n in ("Loss", "Output") if n in hosts):
    app.processEvents()
marks.append(("after it: the Loss and Output panels (pyqtgraph)", time.perf_counter()))
stats = pstats.Stats(profile).stats
calls = sorted(((cum, f"{Path(f).relative_to(ROOT)}:{line}({name})")
                for (f, line, name), (_, _, _, cum, _) in stats.items()
                if f.startswith(str(ROOT / "gui"))
                and not (f.endswith("main_window.py") and name == "__init__")), reverse=True)
steps = [(b[0], b[1] - a[1]) for a, b in zip(marks, marks[1:])]
print(json.dumps({"steps": steps, "calls": calls[:8]}))
window.close()
"""


def import_costs(command: list[str], env: dict[str, str], top: int = 8
                 ) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """:func:`parse_importtime` of one launch of ``command`` (a Python command line) under
    ``-X importtime``."""
    result = subprocess.run([command[0], "-X", "importtime", *command[1:]], cwd=ROOT,
                            env={**env, "NETCANVAS_STARTUP_PROBE": "1"}, capture_output=True,
                            text=True, timeout=TIMEOUT)
    return parse_importtime(result.stderr, top)


def parse_importtime(text: str, top: int = 8
                     ) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """(the ``top`` top-level packages by their modules' self times summed, in seconds; the
    ``top`` single modules by self time) from ``-X importtime`` output; other lines are
    ignored."""
    packages: dict[str, float] = defaultdict(float)
    modules = []
    for line in text.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            own = int(match[1]) / 1e6
            packages[match[2].split(".")[0]] += own
            modules.append((own, match[2]))
    ranked = sorted(((s, name) for name, s in packages.items()), reverse=True)
    return ranked[:top], sorted(modules, reverse=True)[:top]


def step_costs(env: dict[str, str]) -> dict[str, list]:
    """The timed steps of one start, and ``MainWindow()``'s costliest calls in gui/ (cumulative
    seconds under cProfile, which slows them: compare them with each other)."""
    script = f"from pathlib import Path\nROOT = Path({str(ROOT)!r})\n{STEPS}"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT,
                            env={**env, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True, timeout=TIMEOUT)
    if result.returncode != 0:
        raise RuntimeError(f"the timed start failed: {result.stderr[-1000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def report(command: list[str], env: dict[str, str]) -> str:
    """The costs of a source launch (in ``env``), as lines of text."""
    packages, modules = import_costs(command, env)
    steps = step_costs(env)
    lines = ["where a source start spends its time (one launch each; rough):", "  steps:"]
    lines += [f"    {seconds:6.3f} s  {name}" for name, seconds in steps["steps"]]
    lines.append("  MainWindow()'s costliest calls (cProfile, cumulative):")
    lines += [f"    {seconds:6.3f} s  {name}" for seconds, name in steps["calls"]]
    lines.append("  imports by top-level package (self times summed, -X importtime):")
    lines += [f"    {seconds:6.3f} s  {name}" for seconds, name in packages]
    lines.append("  costliest modules (self time):")
    lines += [f"    {seconds:6.3f} s  {name}" for seconds, name in modules]
    return "\n".join(lines)
