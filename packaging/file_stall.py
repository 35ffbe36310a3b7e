"""How long Save, Open and New stall the window's event loop on a project with big embedded data.

``python packaging/file_stall.py [--rows 60000] [--columns 784] [--rounds 3]`` (offscreen)
builds a 784-100-10 project holding ``rows`` × ``columns`` float64 pixels as embedded data
(MNIST's size by default) and measures, with a 10 ms QTimer's lateness as the GUI-thread stall:

- ``save (GUI thread)`` / ``open (GUI thread)``: ``save_project``/``load_project`` called in the
  GUI thread, as the window did before it wrote and read in the background;
- ``save`` / ``open`` / ``new``: the window's own File commands (``gui.files``), which write and
  read off the GUI thread.

Each step's clock runs until the window has settled (the data panel has reloaded the data set),
so what a step sets off in the GUI thread counts too. The median over rounds is printed per
step: wall time, longest stall and p99 lateness. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from stall_window import scratch_window, settle

from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.project import load_project, save_project
from core.spec import NetworkSpec

SETTLE_MS = 300  # the event loop runs this long after each step, still measured
GOAL_MS = 100.0


def big_dataset(rows: int, columns: int) -> Dataset:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(rows, columns)).astype(np.float64) / 255
    y = rng.integers(0, 10, size=rows).astype(np.int64)
    return Dataset(name="stall test", x=x, y=y, task="classification",
                   feature_names=tuple(f"p{i}" for i in range(columns)),
                   class_names=tuple(str(i) for i in range(10)), source="generated")


def measure(probe: object, step: Callable[[], object]) -> tuple[float, float, float]:
    """Wall seconds, longest and p99 lateness (ms) of ``step`` plus the settling after it."""
    probe.reset()
    probe.start()
    started = time.perf_counter()
    step()
    settle(SETTLE_MS)
    seconds = time.perf_counter() - started - SETTLE_MS / 1000
    probe.stop()
    return seconds, probe.max_ms, probe.percentile(99)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=60_000)
    parser.add_argument("--columns", type=int, default=784)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)

    from gui.training.memory import LatencyHistogram

    with scratch_window("netcanvas-stall-") as (window, folder):
        dataset = big_dataset(args.rows, args.columns)
        spec = NetworkSpec.mlp([args.columns, 100, 10])
        path = folder / "big.netcanvas"

        def fill() -> None:
            window.doc.reset(spec, data=DataRef.embedded(dataset))
            settle(SETTLE_MS)

        def open_in_gui_thread() -> None:
            project = load_project(path)
            window.doc.reset(project.spec, {**(project.params or {})}, data=project.data,
                             settings=project.settings, path=str(path))

        steps: dict[str, Callable[[], object]] = {
            "save (GUI thread)": lambda: save_project(window.files.project(), path),
            "save": lambda: (window.files.write(str(path), wait=False), window.files.saver.wait()),
            "open (GUI thread)": open_in_gui_thread,
            "open": lambda: window.files.load(path),
            "new": window.files.new,
        }
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in steps}
        probe = LatencyHistogram()
        for _ in range(args.rounds):
            for name, step in steps.items():
                if name.startswith("save"):
                    fill()
                results[name].append(measure(probe, step))
    size = path.stat().st_size / 2**20
    print(f"{args.rows:,} × {args.columns} float64 embedded ({dataset.x.nbytes / 2**20:.0f} MB "
          f"in memory, {size:.0f} MB file), {args.rounds} rounds, medians:")
    print(f"{'step':20} {'time':>8} {'longest stall':>14} {'p99 lateness':>13}")
    for name, runs in results.items():
        seconds, longest, p99 = (statistics.median(r[i] for r in runs) for i in range(3))
        flag = "" if longest <= GOAL_MS else f"  (over {GOAL_MS:.0f} ms)"
        print(f"{name:20} {seconds:7.2f}s {longest:11.0f} ms {p99:10.0f} ms{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
