"""Time from launch to the main window shown, for the source install and the bundle.

``python packaging/startup_time.py [--runs 7] [--bundle dist/NetCanvas/netcanvas] [--no-costs]
[-- ARGS]`` launches the app offscreen with ``NETCANVAS_STARTUP_PROBE=1``
(gui/diagnostics/startup_probe.py): the window prints a marker once it is shown and quits. Each
launch is timed from here, from the process start to that line, after one untimed launch that
warms the disk cache; the median is reported. Both kinds of launch are measured the same way, so
the numbers compare. Then it prints where a source start spends its time
(packaging/startup_costs.py): the steps, ``MainWindow()``'s costliest calls and the imports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = "netcanvas: window shown"  # gui.diagnostics.startup_probe.MARKER (no Qt import here)
GOAL_SECONDS = 1.5
TIMEOUT = 60
SOURCE_COMMAND = [sys.executable, "-c", "import sys; from gui.cli import main; sys.exit(main())"]


CACHE = Path(tempfile.gettempdir()) / "netcanvas-startup-pycache"


def launch_env() -> dict[str, str]:
    """The environment of a timed launch: offscreen, and with compiled bytecode as an installed
    copy has — with ``PYTHONDONTWRITEBYTECODE`` set, every launch would compile every module
    (the bytecode then goes to a folder of its own, not into the source tree)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # a start as a new user's: unsaved work of the user's own would ask to be restored first
    env.setdefault("NETCANVAS_DATA_DIR", tempfile.mkdtemp(prefix="netcanvas-startup-data-"))
    if env.pop("PYTHONDONTWRITEBYTECODE", ""):
        env["PYTHONPYCACHEPREFIX"] = str(CACHE)
    return env


def launch_seconds(command: list[str], cwd: Path = ROOT) -> float:
    """Seconds from starting ``command`` to the window's marker on its stdout."""
    env = {**launch_env(), "NETCANVAS_STARTUP_PROBE": "1"}
    started = time.perf_counter()
    with subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if MARKER in line:
                seconds = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"{command[0]} exited ({process.wait()}) without showing a window")
        process.wait(timeout=TIMEOUT)
    return seconds


def median_launch(command: list[str], runs: int, cwd: Path = ROOT) -> tuple[float, list[float]]:
    """(median, every run) over ``runs`` launches after one warm-up launch."""
    launch_seconds(command, cwd)
    times = [launch_seconds(command, cwd) for _ in range(runs)]
    return statistics.median(times), times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed launches (default 7)")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "NetCanvas" / "netcanvas",
                        help="the bundle's executable (default: dist/NetCanvas/netcanvas)")
    parser.add_argument("--no-costs", action="store_true",
                        help="only the medians, not where a source start spends its time")
    parser.add_argument("args", nargs="*", help="arguments for netcanvas, e.g. --example spiral")
    args = parser.parse_args(argv)
    commands = {"source": SOURCE_COMMAND + args.args}
    if args.bundle.exists():
        commands["bundle"] = [str(args.bundle.resolve()), *args.args]
    else:
        print(f"(no bundle at {args.bundle}: build it with python packaging/build.py)")
    worst = 0.0
    for name, command in commands.items():
        median, times = median_launch(command, args.runs,
                                      ROOT if name == "source" else args.bundle.parent)
        worst = max(worst, median)
        print(f"{name}: median {median:.2f} s to the window shown over {args.runs} launches "
              f"({', '.join(f'{t:.2f}' for t in times)})")
    if not args.no_costs:
        sys.path.insert(0, str(ROOT / "packaging"))
        from startup_costs import report

        print(report(commands["source"], launch_env()))
    return 0 if worst <= GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
