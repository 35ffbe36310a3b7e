"""``python -m gui.training.benchmark --data mnist``: the window at MNIST's scale (offscreen).

With the real MNIST when it is in the cache folder (``netcanvas data fetch mnist``), else with
the generated stand-in of :mod:`gui.training.mnist_like` (the output says which), as the
784-100-10 network of the book:

1. the steps a reader takes — import the IDX files, switch data sets (away and back), Train,
   Stop, Save, Open, New — each through the window's own controls, timed until its result is
   there, with the longest GUI stall meanwhile and in what follows, at least 1 s from the
   step's start (how late a 10 ms timer fires; goal ≤ 100 ms);
2. window ÷ headless throughput over whole runs (goal ≥ 0.9) with the window's own CPU per
   second (steady when other programs skew times), the event loop's p99 and max lateness
   while training (goals ≤ 25 ms and ≤ 100 ms) — the lateness in runs of their own, as the
   10 ms probe costs the GUI thread 3 % of a core (:func:`window_seconds`);
3. peak resident memory while the window works (goal ≤ 800 MB).

Each step waits for what the user waits for (the data set shown, the file on disk, the project
open), not for the call to return, so it measures the same whether the work runs on the GUI
thread or in the background.
"""

# i18n: not ui file — a developer's benchmark: its report is English console output (the
# window it drives speaks the user's language by itself).

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer

from core.datasets.cache_check import verify
from core.datasets.ref import DataRef
from core.datasets.remote import cache_folder
from core.engine import blas
from core.project import Project, save_project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from gui.training.bench_steps import (
    STEP_TIMEOUT,
    DataWatch,
    MessageGuard,
    Step,
    Steps,
    panels_made,
    settle,
    wait_until,
)
from gui.training.controller import IDLE
from gui.training.memory import LatencyHistogram, PeakSampler, peak_rss_mb, rss_mb
from gui.training.mnist_like import generate, write_idx

SIZES = (784, 100, 10)
GOAL_RATIO = 0.9
GOAL_P99_MS = 25.0
GOAL_STALL_MS = 100.0
GOAL_PEAK_MB = 800.0
TRAIN_WATCH = 3.0  # seconds of a run watched after Train, before Stop


def data_source() -> tuple[Path, str]:
    """The IDX images file to import and what it is: the cached MNIST, else the stand-in."""
    if all(state == "verified" for state in verify("mnist").values()):  # hashed once
        folder = cache_folder("mnist")
        return folder / "train-images-idx3-ubyte.gz", f"the real MNIST (from {folder})"
    return Path(), "a generated MNIST-like set (MNIST is not cached)"


def prepare(folder: Path, samples: int, epochs: int) -> tuple[Path, Path, str]:
    """The images file to import, a 784-100-10 project to start from, and the data's name."""
    images, what = data_source()
    if not images.name:
        started = time.perf_counter()
        x, y = generate(samples)
        images = write_idx(folder / "idx", x, y)
        what += (f": {samples:,} seven-segment digits 28×28 (uint8, seed 0), made in "
                 f"{time.perf_counter() - started:.1f} s")
    settings = replace(TrainingSettings(), epochs=epochs)
    project = Project(spec=NetworkSpec.mlp(SIZES), settings=settings,
                      data=DataRef.builtin("xor"), title="784-100-10 benchmark")
    start = folder / "start.ncproj"
    save_project(project, start)
    return images, start, what


def window_seconds(window, probe: LatencyHistogram | None = None,
                   cpu: list[tuple[float, float, float]] | None = None) -> float:
    """One window run from fresh weights (drawn before the clock starts, as a user's
    weights are when they press Train), Train to the session's end, timed in the ``ended``
    slot itself. Nothing polls meanwhile: an idle window takes 0.5 % of a core on its GUI
    thread, a 5 ms poll (``wait_until``) 3.5 % and the 10 ms lateness ``probe`` 3 % more —
    Python callbacks that take the interpreter lock from the training worker 300 times a
    second, in the window's rounds only. ``cpu`` gets the run's seconds, the GUI thread's
    processor seconds and those the worker spent making frames: what training lost to the
    window, counted whatever else the machine runs."""
    session = window.training.session
    session.reset_weights()
    settle(0.5)  # the reset's own work (the predictions and the canvas follow the new weights)
    loop = QEventLoop()
    ended_at: list[float] = []

    def ended(_result: object) -> None:
        ended_at.append(time.perf_counter())
        gui_cpu.append(time.thread_time())
        loop.quit()

    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    session.ended.connect(ended)
    if probe is not None:
        probe.start()
    gui_cpu, frame_cpu = [time.thread_time()], session.controller.frame_cpu
    started = time.perf_counter()
    window.training.actions["train"].trigger()
    if not ended_at:
        guard.start(round(STEP_TIMEOUT * 1000))
        loop.exec()
        guard.stop()
    if probe is not None:
        probe.stop()
    session.ended.disconnect(ended)
    seconds = (ended_at[0] if ended_at else time.perf_counter()) - started
    if cpu is not None and ended_at:
        cpu.append((seconds, gui_cpu[1] - gui_cpu[0], session.controller.frame_cpu - frame_cpu))
    return seconds


def run_rounds(window, rounds: int, probe: LatencyHistogram, memory: PeakSampler,
               cpu: list[tuple[float, float, float]]
               ) -> tuple[list[float], list[float], list[float]]:
    """Per round: a window run, a headless run of the same epochs, and a window run with the
    lateness probe; their seconds. The throughput compares the first two, the lateness is the
    third's: the probe is an instrument the user's window does not have, and it takes 3 % of
    a core on the GUI thread (:func:`window_seconds`). Every timed run starts from a settled
    window (:func:`settle`). The memory sampler is paused for the headless runs: they are not
    the window's."""
    from gui.training.benchmark import headless_seconds

    gui, headless, probed = [], [], []
    threads = blas.gui_friendly_threads()
    settle()
    for r in range(rounds):
        gui.append(window_seconds(window, cpu=cpu))
        settle()
        project, dataset = window.files.project(), window.data.dataset
        memory.active = False
        headless.append(headless_seconds(project, dataset, threads, setup=True))
        memory.active = True
        probed.append(window_seconds(window, probe))
        settle()
        print(f"  round {r + 1}: window {gui[-1]:.2f} s, headless {headless[-1]:.2f} s, "
              f"window with the lateness probe {probed[-1]:.2f} s ({threads} BLAS thread(s); "
              "all with preparing the data)", flush=True)
    return gui, headless, probed


def main(samples: int, epochs: int, rounds: int, layout: str) -> int:
    from gui.training.benchmark import make_window

    with tempfile.TemporaryDirectory(prefix="netcanvas-bench-") as tmp:
        folder = Path(tmp)
        images, start, what = prepare(folder, samples, epochs)
        print(f"data: {what}")
        print(f"network 784-100-10, {epochs} epoch(s) per run, default settings otherwise; "
              f"{os.cpu_count()} cores; layout: {layout}", flush=True)
        base = rss_mb()
        with PeakSampler() as window_memory:
            app, window = make_window(epochs, layout, str(start))
            guard = MessageGuard()
            watch = DataWatch(window)
            result = None
            if wait_until(lambda w=window: len(w.doc.spec.nodes) == len(SIZES)
                          and panels_made(w)):
                result = measure(window, watch, guard, images, rounds, folder,
                                 window_memory)
            window.close()
        del window
        app.processEvents()
    if result is None or guard.messages:
        print("stopped: " + "; ".join(guard.messages or ["a step did not finish"]))
        return 2
    steps, gui, headless, probed, probe, cpu = result
    return report(steps, gui, headless, probed, probe, epochs, base, window_memory.peak, cpu)


def measure(window, watch: DataWatch, guard: MessageGuard, images: Path, rounds: int,
            folder: Path, memory: PeakSampler):
    """The steps and the throughput rounds; None when a step did not finish."""
    steps = Steps(window, watch)
    picker, files, session = window.data_picker, window.files, window.training.session
    actions = window.training.actions
    n = 0

    def imported() -> bool:
        return watch.features() == SIZES[0] and watch.dataset.n_samples >= 1000

    def choose(found: Callable[[Any], bool]) -> Callable[[], None]:
        """Select the first data set whose reference ``found`` accepts (not by its title:
        titles follow the language)."""
        combo = picker.data_combo
        return lambda: combo.setCurrentIndex(next(
            (k for k in range(combo.count()) if found(combo.itemData(k))), -1))

    print("steps (longest GUI stall = latest tick of a 10 ms timer)", flush=True)
    if not steps.run("import the data", lambda: picker.import_path(str(images)), imported):
        return None
    n = watch.dataset.n_samples
    mnist_item = picker.data_combo.currentIndex()
    ok = (steps.run("switch data sets (to digits)",
                    choose(lambda ref: getattr(ref, "name", None) == "digits"),
                    lambda: watch.features() == 64)
          and steps.run("switch data sets (back)", (
                        lambda: picker.data_combo.setCurrentIndex(mnist_item)),
                        imported))
    frames = window.training.live.frames_drawn
    ok = ok and steps.run("Train (the first 3 s)", actions["train"].trigger,
                          lambda: window.training.live.frames_drawn > frames,
                          note=lambda: "to the first frame drawn", min_seconds=TRAIN_WATCH)
    ok = ok and steps.run("Stop", actions["stop"].trigger, lambda: session.state == IDLE)
    if not ok:
        return None
    print(f"throughput: {rounds} round(s) of {window.doc.settings.epochs} epoch(s) on "
          f"{n:,} rows", flush=True)
    probe, cpu = LatencyHistogram(), []
    with guard.relaxed():
        gui, headless, probed = run_rounds(window, rounds, probe, memory, cpu)
    path = folder / "mnist.ncproj"
    ok = steps.run("Save", lambda: files.write(str(path)),
                   lambda: path.exists() and window.doc.undo_stack.isClean(),
                   note=lambda: f"{path.stat().st_size / 1e6:.1f} MB file")
    ok = ok and steps.run("Open", lambda: (setattr(watch, "dataset", None),
                                           files.load(str(path))),
                          lambda: Path(window.doc.path or ".").resolve() == path.resolve()
                          and imported())
    ok = ok and steps.run("New", files.new, lambda: watch.features() == 2)
    return (steps.done, gui, headless, probed, probe, cpu) if ok else None


def report(steps: list[Step], gui: list[float], headless: list[float], probed: list[float],
           probe: LatencyHistogram, epochs: int, base: float, peak: float,
           cpu: list[tuple[float, float, float]]) -> int:
    print()
    print("| step | time | longest GUI stall |")
    print("|---|---|---|")
    for s in steps:
        note = f" ({s.note})" if s.note else ""
        print(f"| {s.name} | {s.seconds:.2f} s{note} | {s.stall_ms:,.0f} ms |")
    worst = max(s.stall_ms for s in steps)
    stalls_met = worst <= GOAL_STALL_MS
    print(f"longest stall of the steps: {worst:,.0f} ms — goal ≤ {GOAL_STALL_MS:.0f} ms: "
          f"{'met' if stalls_met else 'NOT met'}")
    ratio = min(headless) / min(gui)
    p99, worst_late = probe.percentile(99), probe.max_ms
    print(f"throughput (best of {len(gui)}; median in brackets): window {min(gui):.2f} s "
          f"({statistics.median(gui):.2f}), headless {min(headless):.2f} s "
          f"({statistics.median(headless):.2f}) for {epochs} epoch(s)")
    print(f"  window ÷ headless: {ratio:.3f} — goal ≥ {GOAL_RATIO}: "
          f"{'met' if ratio >= GOAL_RATIO else 'NOT met'}; median of the rounds' own ratios "
          f"{statistics.median(h / g for h, g in zip(headless, gui, strict=True)):.3f}")
    if cpu:
        print(f"  the window's own processor time per second of a run (median; what training "
              f"loses, whatever else runs): GUI thread "
              f"{statistics.median(g / s for s, g, _ in cpu):.1%}, frames made "
              f"{statistics.median(f / s for s, _, f in cpu):.1%}")
    print(f"  with the lateness probe running: window {min(probed):.2f} s "
          f"({statistics.median(probed):.2f}), ÷ headless {min(headless) / min(probed):.3f}")
    print(f"event-loop latency while training ({probe.ticks:,} ticks of 10 ms): p50 "
          f"{probe.percentile(50):.1f} ms · p99 {p99:.1f} ms · max {worst_late:.1f} ms — goals "
          f"p99 ≤ {GOAL_P99_MS:.0f} ms: {'met' if p99 <= GOAL_P99_MS else 'NOT met'}, max "
          f"≤ {GOAL_STALL_MS:.0f} ms: {'met' if worst_late <= GOAL_STALL_MS else 'NOT met'}")
    print(f"peak memory (resident): {peak:,.0f} MB while the window worked (before: "
          f"{base:,.0f} MB); process high-water incl. the headless runs {peak_rss_mb():,.0f} "
          f"MB — goal ≤ {GOAL_PEAK_MB:.0f} MB: {'met' if peak <= GOAL_PEAK_MB else 'NOT met'}")
    met = (stalls_met and ratio >= GOAL_RATIO and p99 <= GOAL_P99_MS
           and worst_late <= GOAL_STALL_MS and peak <= GOAL_PEAK_MB)
    return 0 if met else 1
