"""Resident memory of a long MNIST session in the window, step by step (offscreen).

``python packaging/session_memory.py [--epochs 10] [--trace STEP,STEP]`` serves MNIST-sized
generated IDX files (60,000 + 10,000 seven-segment digits, ``gui/training/mnist_like.py``)
from 127.0.0.1 as the download mirror (``NETCANVAS_DATA_MIRROR``, a new cache folder in
``NETCANVAS_CACHE_DIR``, their checksums as the test-only table) and walks a real main window
through a session as a reader takes it: open a 784-100-10 project, download MNIST in the data
picker, Train, pull the timeline back and forth, Save, Open, pull it back again, Continue from
here, Train again, tick both runs (compare), Explain (a row, its steps, Check), and the three
exports (ONNX, PyTorch, NumPy script). Each step runs until its result is there plus a
settling time; per step it prints the resident memory before, the step's peak (sampled every
10 ms from /proc) and after, and the process's high-water mark (getrusage ``ru_maxrss``) with
how much the step raised it. ``--trace`` lists, for the named steps, the largest Python and
NumPy allocations (tracemalloc) alive when the step's resident memory was highest.

Not a test: the numbers depend on the machine and its C library. Compare code by running the
same script with ``PYTHONPATH`` set to each tree, alternating.
"""

# i18n: not ui file — a developer's measuring tool: its report is English console output.

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from stall_window import scratch_window, settle

from gui.training.memory import peak_rss_mb, rss_mb  # the window benchmark's readings (MB)

STEP_TIMEOUT = 600.0


class StepPeak:
    """A step's highest resident memory, sampled every 10 ms in a thread; with ``trace``, a
    tracemalloc snapshot taken whenever that peak grew by 4 MB or more."""

    def __init__(self, trace: bool) -> None:
        self.trace = trace
        self.peak = 0.0
        self.snapshot: tracemalloc.Snapshot | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> StepPeak:
        if self.trace:
            tracemalloc.start(30)
        self.peak = rss_mb()
        self._thread.start()
        return self

    def _run(self) -> None:
        snapped = 0.0
        while not self._stop.wait(0.01):
            now = rss_mb()
            self.peak = max(self.peak, now)
            if self.trace and now > snapped + 4:
                snapped = now
                self.snapshot = tracemalloc.take_snapshot()

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())
        if self.trace:
            tracemalloc.stop()


def mirror(folder: Path) -> Path:
    """The four MNIST files, generated and gzip'd into ``folder`` by a child process (making
    them would otherwise set the high-water mark before the window does anything); returns
    their checksum table."""
    subprocess.run([sys.executable, __file__, "--mirror", str(folder)], check=True)
    return folder.parent / "checksums.json"


def make_mirror(folder: Path) -> None:
    from gui.training.mnist_like import generate

    x, y = generate(70_000)
    arrays = {"train-images-idx3-ubyte.gz": x[:60_000].reshape(-1, 28, 28),
              "train-labels-idx1-ubyte.gz": y[:60_000],
              "t10k-images-idx3-ubyte.gz": x[60_000:].reshape(-1, 28, 28),
              "t10k-labels-idx1-ubyte.gz": y[60_000:]}
    folder.mkdir(parents=True)
    table = {}
    for name, array in arrays.items():
        array = np.ascontiguousarray(array, np.uint8)
        header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
            int(d).to_bytes(4, "big") for d in array.shape)
        data = gzip.compress(header + array.tobytes(), mtime=0)
        (folder / name).write_bytes(data)
        table[name] = "sha256:" + hashlib.sha256(data).hexdigest()
    (folder.parent / "checksums.json").write_text(json.dumps(table))


def serve(folder: Path) -> str:
    """``folder`` served on 127.0.0.1 by a daemon thread; its base URL."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            """Quiet: the report stays readable."""

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/"


def wait_until(done: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + STEP_TIMEOUT
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("a step did not finish")
        settle(10)


class Walk:
    """Runs the steps, one at a time, and prints what each cost."""

    def __init__(self, traced: set[str]) -> None:
        self.traced = traced
        self.rows: list[dict[str, float | str]] = []
        self._high = peak_rss_mb()

    def step(self, name: str, act: Callable[[], object],
             done: Callable[[], bool] = lambda: True, after_ms: int = 1500) -> None:
        before = rss_mb()
        with StepPeak(name in self.traced) as sampled:
            act()
            wait_until(done)
            settle(after_ms)
        high = peak_rss_mb()
        row = {"step": name, "before": before, "peak": sampled.peak, "after": rss_mb(),
               "high_water": high, "raised": high - self._high}
        self._high = high
        self.rows.append(row)
        print(f"| {name} | {before:.0f} | {sampled.peak:.0f} (+{sampled.peak - before:.0f}) | "
              f"{row['after']:.0f} | {high:.0f} (+{row['raised']:.0f}) |", flush=True)
        if sampled.snapshot is not None:
            print("  largest allocations at the step's peak:")
            for stat in sampled.snapshot.statistics("traceback")[:6]:
                print(f"  {stat.size / 2**20:7.1f} MB in {stat.count} blocks, from")
                for line in stat.traceback.format(limit=10):
                    print("     " + line)


def session(window, folder: Path, walk: Walk, epochs: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from core.datasets.ref import DataRef
    from core.project import Project, save_project
    from core.spec import NetworkSpec
    from core.training.settings import TrainingSettings
    from gui.training.runs_list import NUMBER

    training, files, step = window.training, window.files, walk.step
    start = folder / "start.netcanvas"
    save_project(Project(spec=NetworkSpec.mlp((784, 100, 10)),
                         settings=TrainingSettings(epochs=epochs),
                         data=DataRef.builtin("xor"), title="MNIST session"), start)
    step("open a 784-100-10 project", lambda: files.load(str(start), remember=False),
         lambda: len(window.doc.spec.nodes) == 3)

    def choose_mnist() -> None:
        combo = window.data_picker.data_combo
        combo.setCurrentIndex(next(k for k in range(combo.count())
                                   if getattr(combo.itemData(k), "name", None) == "mnist"))

    def mnist_shown() -> bool:
        dataset = window.data.dataset
        return dataset is not None and dataset.name == "mnist" and not window.data.loading

    step("download MNIST", choose_mnist, mnist_shown, after_ms=3000)

    def train(name: str) -> None:
        ended: list[object] = []
        training.session.ended.connect(ended.append)
        step(name, training.actions["train"].trigger, lambda: bool(ended), after_ms=3000)
        training.session.ended.disconnect(ended.append)

    timeline, shown = training.timeline, []
    timeline.frame_shown.connect(shown.append)

    def pull_back(name: str) -> None:
        wait_until(lambda: len(timeline.epochs) > 1 and timeline.bar.isEnabled())
        shown.clear()
        step(name, lambda: timeline.bar.slider.setValue(len(timeline.epochs) // 2),
             lambda: bool(shown) and not timeline.runner.busy, after_ms=3000)

    def to_present(name: str) -> None:
        step(name, lambda: timeline.bar.slider.setValue(len(timeline.epochs) - 1))

    train(f"Train ({epochs} epochs)")
    pull_back("timeline: pull back")
    to_present("timeline: back to the present")
    path = folder / "mnist.netcanvas"
    step("Save", lambda: files.write(str(path)), window.doc.undo_stack.isClean)
    step("Open", lambda: files.load(str(path)), mnist_shown, after_ms=3000)
    pull_back("timeline: pull back (after Open)")
    to_present("timeline: back to the present (after Open)")
    pull_back("timeline: pull back again")
    step("Continue from here", timeline.continue_from_here)
    train("Train again (run 2)")

    def tick_runs() -> None:
        training.docks["Runs"].raise_()
        model = training.runs.view.model()
        for row in range(model.rowCount()):
            model.setData(model.index(row, NUMBER), Qt.CheckState.Checked.value,
                          Qt.ItemDataRole.CheckStateRole)

    step("compare runs (tick both)", tick_runs)
    panel = window.explain
    step("Explain (a row traced)", window.explain_action.trigger,
         lambda: panel.explanation is not None)
    step("Explain: to the last step", lambda: panel.go(len(panel.explanation.steps) - 1))
    step("Explain: Check", panel.check)
    for fmt, target in (("onnx", folder / "net.onnx"), ("pytorch", folder / "net_pytorch"),
                        ("numpy", folder / "net.py")):
        QFileDialog.getSaveFileName = staticmethod(lambda *_a, t=target, **_k: (str(t), ""))
        told: list[str] = []

        def answered(told: list[str] = told) -> bool:
            box = window.findChild(QMessageBox, "export_done")
            if box is not None:
                told.append(box.text())
                box.setObjectName("")
                box.close()
            return bool(told)

        step(f"export {fmt}", window.export_menu.actions[fmt].trigger, answered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--trace", default="", help="comma-separated step names to trace")
    parser.add_argument("--json", default="", help="write the rows to this file too")
    parser.add_argument("--mirror", default="", help=argparse.SUPPRESS)  # the child's work
    args = parser.parse_args(argv)
    if args.mirror:
        make_mirror(Path(args.mirror))
        return 0

    from core.datasets.remote import CACHE_ENV, MIRROR_ENV, TEST_CHECKSUMS_ENV

    with scratch_window("netcanvas-session-memory-") as (window, folder):
        os.environ[TEST_CHECKSUMS_ENV] = str(mirror(folder / "mirror"))
        os.environ[MIRROR_ENV] = serve(folder / "mirror")
        os.environ[CACHE_ENV] = str(folder / "cache")
        window.resize(1600, 1000)
        settle(2000)
        walk = Walk(set(filter(None, args.trace.split(","))))
        import core

        print(f"code: {Path(core.__file__).parents[1]}; window shown: {rss_mb():.0f} MB "
              f"resident, high-water {peak_rss_mb():.0f}")
        print("| step | before | step's peak | after | high-water (raised by) |")
        print("|---|---|---|---|---|")
        session(window, folder, walk, args.epochs)
    print(f"peak of the session (ru_maxrss): {peak_rss_mb():.0f} MB")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": walk.rows, "peak": peak_rss_mb()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
