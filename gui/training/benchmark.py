"""How much training the window costs: ``python -m gui.training.benchmark`` (offscreen).

In one run it trains the digits MLP (64-100-10, the bundled digits) for the same number of
epochs headless (``Trainer.run()`` in the main thread) and from the main window with every
live panel on screen, alternating, and reports:

- throughput: samples per second of each, and GUI ÷ headless (goal ≥ 0.9). The best of the
  rounds is compared, because other programs on the machine slow single rounds down; the
  median is printed too. Headless is measured with the BLAS threads the worker uses (one fewer
  than the cores) and with NumPy's default, since on few cores the default swings widely;
- GUI event-loop latency while training: a 10 ms QTimer probe, how late each tick fires
  (p50 / p99 / max; goal p99 ≤ 25 ms);
- what the GUI did meanwhile: frames drawn, the refresh interval it settled on, and the CPU
  time of the GUI thread.

Not a test: timings depend on the machine. ``--layout default`` keeps the window's own layout
(two panels shown, two tabbed behind them) instead of showing all four side by side.

``--data mnist`` measures the 784-100-10 network at MNIST's scale instead, with the GUI stall
of every step a reader takes (:mod:`gui.training.mnist_bench`); ``--soak MINUTES`` trains
without a break and prints the memory growth per hour (:mod:`gui.training.soak`).
"""

# i18n: not ui file — a developer's benchmark: its report is English console output (the
# window it drives speaks the user's language by itself).

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt

from core.engine import blas
from core.project import load_project
from core.training.trainer import Trainer
from gui.training.memory import PROBE_MS, LatencyHistogram
from resources.examples import example_path

EXAMPLE = "digits_mlp"
GOAL_RATIO = 0.9
GOAL_P99_MS = 25.0


@dataclass
class GuiRun:
    seconds: float
    frames: int
    interval: float
    gui_cpu: float


def headless_seconds(project, dataset, threads: int | None, setup: bool = False) -> float:
    """One headless run in a fresh thread holding its own BLAS limit (lifted when it ends,
    so a following "NumPy default" run has the default); ``setup`` counts preparing the data
    too, as the window's run does (it matters at MNIST's size)."""
    result: list[float] = []

    def run() -> None:
        previous = None if threads is None else blas.limit_threads_here(threads)
        try:
            started = time.perf_counter()
            trainer = Trainer(project.spec, dataset, project.settings)
            if not setup:
                started = time.perf_counter()
            trainer.run()
            result.append(time.perf_counter() - started)
        finally:
            if previous is not None:
                blas.limit_threads_here(previous)

    if threads is None:
        run()  # NumPy's default, in the main thread as a script would
    else:
        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    return result[0]


def make_window(epochs: int, layout: str, project_path: str | None = None):
    """The main window on screen with ``project_path`` (default: the digits example) open and
    ``epochs`` per run; ``layout`` "all" shows the four panels side by side."""
    from gui.app import application

    app = application()
    from gui.document.commands import ChangeSettingsCommand
    from gui.main_window import MainWindow

    window = MainWindow()
    window.files.maybe_save = lambda: True  # nothing to ask: the benchmark's edits are throwaway
    window.resize(1600, 1000)
    window.show()
    if project_path is None:
        window.files.open_example(EXAMPLE)
    else:
        window.files.load(project_path, remember=False)
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": epochs}))
    if layout == "all":
        side_by_side(window)
    app.processEvents()
    return app, window


def side_by_side(window) -> None:
    """Untabify: the four panels in a 2 × 2 grid at the bottom, each 280 px high (the Runs
    list keeps a column of its own)."""
    docks = window.training.docks
    loss, weights, output, activations = (docks[n] for n in (
        "Loss", "Weights", "Output", "Activations"))
    for dock in (loss, weights, output, activations):
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, loss)
    window.splitDockWidget(loss, output, Qt.Orientation.Horizontal)
    window.splitDockWidget(loss, weights, Qt.Orientation.Vertical)
    window.splitDockWidget(output, activations, Qt.Orientation.Vertical)
    for dock in (loss, weights, output, activations):
        dock.show()
    window.resizeDocks([loss, weights], [280, 280], Qt.Orientation.Vertical)


def gui_run(window, probe: LatencyHistogram) -> GuiRun:
    """One run from the Train button to the end; ``probe`` adds this run's lateness to its
    counts."""
    training = window.training
    loop = QEventLoop()
    training.session.ended.connect(loop.quit)
    frames = training.live.frames_drawn
    cpu = time.thread_time()
    probe.start()
    started = time.perf_counter()
    training.actions["train"].trigger()
    loop.exec()
    seconds = time.perf_counter() - started
    probe.stop()
    training.session.ended.disconnect(loop.quit)
    run = GuiRun(seconds, training.live.frames_drawn - frames, training.live.interval,
                 time.thread_time() - cpu)
    window.training.session.reset_weights()  # every round trains from the same weights
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.training.benchmark",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int,
                        help="epochs per run (default 600 on digits: a few seconds; 3 on mnist)")
    parser.add_argument("--rounds", type=int, default=5,
                        help="rounds of each (default 5: on a 2-core machine single runs of the "
                        "same work swing by ±15 %%, and the best of 3 with them)")
    parser.add_argument("--layout", choices=("all", "default"), default="all",
                        help="all four panels on screen (default), or the window's layout")
    parser.add_argument("--data", choices=("digits", "mnist"), default="digits",
                        help="digits: the bundled digits example (default); mnist: 784-100-10 "
                        "on MNIST when cached (else a generated MNIST-like set), with the "
                        "stalls of import, switch, Train, Stop, Save, Open and New")
    parser.add_argument("--samples", type=int, default=60_000,
                        help="with --data mnist, when MNIST is not cached: images generated "
                        "(default 60,000)")
    parser.add_argument("--soak", type=float, metavar="MINUTES",
                        help="train without a break for MINUTES and print the memory growth "
                        "per hour and the event loop's p99 instead")
    parser.add_argument("--sample-seconds", type=float, default=5.0,
                        help="with --soak: seconds between memory samples (default 5)")
    args = parser.parse_args(argv)
    if args.epochs is None:
        args.epochs = 3 if args.data == "mnist" and args.soak is None else 600
    if args.data == "mnist" and args.soak is None:
        from gui.training import mnist_bench

        return mnist_bench.main(args.samples, args.epochs, args.rounds, args.layout)
    if args.soak is not None:
        from gui.training.soak import soak

        return soak(args.soak, args.epochs, args.layout, args.sample_seconds)

    project = load_project(example_path(EXAMPLE))
    project.settings = replace(project.settings, epochs=args.epochs)
    dataset = project.data.load()
    n_train = round(dataset.n_samples * project.settings.split[0])
    samples = n_train * args.epochs
    worker_threads = blas.gui_friendly_threads()
    app, window = make_window(args.epochs, args.layout)
    probe = LatencyHistogram()
    print(f"{EXAMPLE}: 64-100-10 MLP, {n_train} training rows, batch "
          f"{project.settings.batch_size}, {args.epochs} epochs per run; {os.cpu_count()} "
          f"cores; layout: {args.layout}; warming up…", flush=True)
    headless_seconds(project, dataset, worker_threads)  # warm-up: caches, first allocations
    gui_run(window, probe)
    probe.reset()  # the rounds' lateness only

    same, default, gui = [], [], []
    for r in range(args.rounds):
        same.append(headless_seconds(project, dataset, worker_threads))
        default.append(headless_seconds(project, dataset, None))
        gui.append(gui_run(window, probe))
        print(f"  round {r + 1}: headless {same[-1]:.2f} s ({worker_threads} BLAS thread(s)), "
              f"{default[-1]:.2f} s (default); window {gui[-1].seconds:.2f} s, "
              f"{gui[-1].frames} frames", flush=True)

    def rate(seconds: float) -> str:
        return f"{samples / seconds:>10,.0f} samples/s"

    best_gui = min(gui, key=lambda g: g.seconds)
    ratio = min(same) / best_gui.seconds
    ratio_default = min(default) / best_gui.seconds
    p50, p99 = probe.percentile(50), probe.percentile(99)
    print()
    print("throughput (best of the rounds; median in brackets)")
    print(f"  headless, {worker_threads} BLAS thread(s): {rate(min(same))} "
          f"({samples / statistics.median(same):,.0f})")
    print(f"  headless, NumPy default:   {rate(min(default))} "
          f"({samples / statistics.median(default):,.0f})")
    print(f"  window, panels live:       {rate(best_gui.seconds)} "
          f"({samples / statistics.median(g.seconds for g in gui):,.0f})")
    print(f"  window ÷ headless: {ratio:.3f} (vs NumPy default: {ratio_default:.3f}) — goal "
          f"≥ {GOAL_RATIO}: {'met' if ratio >= GOAL_RATIO else 'NOT met'}")
    print(f"event-loop latency while training ({probe.ticks} probe ticks of {PROBE_MS} ms)")
    print(f"  p50 {p50:.1f} ms · p99 {p99:.1f} ms · max {probe.max_ms:.1f} ms — goal p99 "
          f"≤ {GOAL_P99_MS:.0f} ms: {'met' if p99 <= GOAL_P99_MS else 'NOT met'}")
    per_second = [g.frames / g.seconds for g in gui]
    print(f"GUI: {statistics.median(per_second):.1f} frames/s drawn (refresh interval "
          f"{best_gui.interval * 1000:.0f} ms), GUI-thread CPU "
          f"{statistics.median(g.gui_cpu / g.seconds for g in gui):.1%} of the run")
    window.close()
    del window
    app.processEvents()
    return 0 if ratio >= GOAL_RATIO and p99 <= GOAL_P99_MS else 1


if __name__ == "__main__":
    sys.exit(main())
