"""Which code makes the GUI thread's long turns: the MNIST benchmark, watched.

``python packaging/turn_sampler.py [--threshold 40] [--mode wrap|stacks] [benchmark args]``
(offscreen) runs ``python -m gui.training.benchmark --data mnist`` while a 10 ms timer in the
GUI thread notes when each of its ticks comes, and afterwards prints each gap between two
ticks longer than ``threshold`` ms, with the benchmark line that followed it (the step it
belongs to) and what the GUI thread did meanwhile:

- ``wrap`` (default; cheap, so the benchmark runs much as it does alone): the known work of the
  GUI thread — the panels' paints, the canvas's, the Train and end-of-run slots, the live
  refresh, the panels' queue, the predictions — is wrapped in timers, and each gap lists these
  calls (nested ones indented) with their milliseconds; what they do not cover is Qt's own
  C++ work (layout, painting of Qt's widgets) or a wait for the interpreter lock;
- ``stacks``: a thread samples the GUI thread's Python stack (``sys._current_frames``) every
  ``interval`` seconds (the switch interval is lowered to match, so that the sampler gets the
  interpreter lock that often), and each gap lists the stacks, most frequent first. This
  perturbs the run much more; use it to find what ``wrap`` does not name.

Not a test: it prints what it saw. Measure with the benchmark alone.
"""

# i18n: not ui file — a developer's tool: English console output.

from __future__ import annotations

import argparse
import builtins
import collections
import functools
import itertools
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEPTH = 7  # frames shown per sampled stack


class Watch:
    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.marks: list[tuple[float, str]] = []
        #: (start, end, depth, label) of each wrapped call in the GUI thread
        self.calls: list[tuple[float, float, int, str]] = []
        self.samples: list[tuple[float, tuple[str, ...]]] = []
        self._depth = 0

    def tick(self) -> None:
        self.ticks.append(time.perf_counter())

    # ------------------------------------------------------------------ wrap
    def wrap(self, cls: type, name: str, label=None) -> None:
        """Time ``cls.name`` when the GUI thread calls it (before any instance exists: PySide
        finds a virtual's Python override once)."""
        original = cls.__dict__.get(name) or getattr(cls, name)
        main = threading.main_thread()
        watch = self

        @functools.wraps(original)
        def timed(obj, *args, **kwargs):
            if threading.current_thread() is not main:
                return original(obj, *args, **kwargs)
            started = time.perf_counter()
            watch._depth += 1
            try:
                return original(obj, *args, **kwargs)
            finally:
                watch._depth -= 1
                text = f"{cls.__name__}.{name}"
                if label is not None:
                    text += f" [{label(obj)}]"
                watch.calls.append((started, time.perf_counter(), watch._depth, text))

        setattr(cls, name, timed)

    def wrap_known(self) -> None:
        import pyqtgraph as pg
        from PySide6.QtWidgets import QGraphicsView

        from gui.canvas.view import CanvasView
        from gui.document.document import GraphDocument
        from gui.panels.predictions import PredictionModel, PredictionsPanel
        from gui.training import controller, dock, lazy_panel, live, progress, session
        from gui.worker_thread import WorkerRun

        def canvas_paint(view, event):
            QGraphicsView.paintEvent(view, event)

        CanvasView.paintEvent = canvas_paint
        self.wrap(CanvasView, "paintEvent")
        self.wrap(pg.GraphicsView, "paintEvent", owner)
        self.wrap(pg.GraphicsView, "resizeEvent", owner)
        self.wrap(lazy_panel._BuildQueue, "_next")
        self.wrap(lazy_panel.LazyPanel, "_deliver", lambda host: type(host._panel).__name__)
        self.wrap(lazy_panel.LazyPanel, "_build")
        self.wrap(live.LiveRefresh, "tick")
        self.wrap(live.LiveRefresh, "draw_all")
        self.wrap(session.TrainingSession, "train")
        self.wrap(session.TrainingSession, "build_trainer")
        self.wrap(session.TrainingSession, "_finished")
        self.wrap(session.TrainingSession, "reset_weights")
        self.wrap(controller.TrainingController, "start")
        self.wrap(controller.TrainingController, "_join")
        self.wrap(controller._Run, "on_progress")
        self.wrap(controller._Run, "on_frame")
        self.wrap(WorkerRun, "_worker_done")
        self.wrap(dock.TrainingUi, "_run_started")
        self.wrap(GraphDocument, "lock")
        self.wrap(GraphDocument, "unlock")
        self.wrap(PredictionModel, "recompute")
        self.wrap(PredictionsPanel, "show_predictions")
        self.wrap(progress.TrainingProgress, "show_event")

    # ------------------------------------------------------------------ stacks
    def sample_stacks(self, interval: float) -> threading.Event:
        stop = threading.Event()
        main = threading.main_thread().ident

        def run() -> None:
            while not stop.wait(interval):
                frame = sys._current_frames().get(main)
                stack = []
                while frame is not None:
                    code = frame.f_code
                    name = code.co_filename
                    if name.startswith(str(ROOT)) and ".venv" not in name:
                        stack.append(f"{Path(name).relative_to(ROOT)}:{frame.f_lineno} "
                                     f"{code.co_name}")
                    else:
                        stack.append(f"[{Path(name).name}] {code.co_name}")
                    frame = frame.f_back
                self.samples.append((time.perf_counter(), tuple(stack)))

        sys.setswitchinterval(interval)
        threading.Thread(target=run, daemon=True).start()
        return stop


def owner(obj: object) -> str:
    """The nearest project widget class around ``obj`` (a pyqtgraph view inside a panel)."""
    from PySide6.QtWidgets import QWidget

    names = []
    while isinstance(obj, QWidget) and len(names) < 8:
        if type(obj).__module__.startswith("gui."):
            return type(obj).__name__
        names.append(type(obj).__name__)
        obj = obj.parentWidget()
    return "/".join(names[:2]) or "?"


def handler(stack: tuple[str, ...]) -> tuple[str, ...]:
    """A sample's frames below the benchmark's own (outermost first), DEPTH of them and the
    innermost."""
    cut = next((i for i, s in enumerate(stack) if "mnist_bench.py" in s), len(stack))
    inner = tuple(reversed(stack[:cut]))
    if not inner:
        return ("in exec: Qt's C++ work, a wait for the lock, or idle",)
    if len(inner) > DEPTH:
        inner = (*inner[:DEPTH], "…", inner[-1])
    return inner


def report(watch: Watch, threshold_ms: float) -> None:
    ticks = watch.ticks
    print(f"\n{len(ticks):,} ticks; gaps over {threshold_ms:.0f} ms:")
    for a, b in itertools.pairwise(ticks):
        gap = (b - a) * 1000
        if gap < threshold_ms:
            continue
        mark = next((text for t, text in watch.marks if t >= b), "(end)")
        print(f"\n=== gap {gap:.0f} ms at {a - ticks[0]:.2f} s; before: {mark.strip()[:70]}")
        calls = sorted((c for c in watch.calls if c[1] > a and c[0] < b), key=lambda c: c[0])
        if calls:
            top = sum(min(c[1], b) - max(c[0], a) for c in calls if c[2] == 0) * 1000
            print(f"  wrapped calls {top:.0f} ms; the rest (Qt's C++, waits) {gap - top:.0f} ms")
            for start, end, depth, text in calls:
                if end - start >= 0.001 or depth == 0:
                    print(f"    +{1000 * (start - a):4.0f} {'  ' * depth}"
                          f"{1000 * (end - start):5.1f} ms {text}")
        inside = [s for t, s in watch.samples if a <= t < b]
        if inside:
            print(f"  {len(inside)} stack samples:")
            for stack, count in collections.Counter(handler(s) for s in inside).most_common(8):
                print(f"  {count:3d} × " + "\n        → ".join(stack))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=40.0)
    parser.add_argument("--mode", choices=("wrap", "stacks"), default="wrap")
    parser.add_argument("--interval", type=float, default=0.002,
                        help="seconds between stack samples (--mode stacks)")
    args, rest = parser.parse_known_args()
    from PySide6.QtCore import Qt, QTimer

    from gui.training import benchmark, mnist_bench

    watch = Watch()
    if args.mode == "wrap":
        watch.wrap_known()
    real_print = builtins.print

    def marking_print(*a: object, **k: object) -> None:
        watch.marks.append((time.perf_counter(), " ".join(str(x) for x in a)))
        real_print(*a, **k)

    mnist_bench.print = marking_print  # type: ignore[attr-defined]
    real_make = benchmark.make_window
    stop = threading.Event()

    def make_window(*a: object, **k: object):
        nonlocal stop
        app, window = real_make(*a, **k)
        timer = QTimer(window)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(10)
        timer.timeout.connect(watch.tick)
        timer.start()
        if args.mode == "stacks":
            stop = watch.sample_stacks(args.interval)
        return app, window

    benchmark.make_window = make_window
    try:
        code = benchmark.main(["--data", "mnist", *rest])
    finally:
        stop.set()
    report(watch, args.threshold)
    return code


if __name__ == "__main__":
    sys.exit(main())
