"""The soak test: ``python -m gui.training.benchmark --soak MINUTES`` (offscreen).

Trains in the main window, every panel live, for MINUTES without a break: each run is undone
when it ends (Ctrl+Z: its weights and history go back to where they were) and Train is
pressed again, so every run does the same work and the undo history stays one entry long —
whatever memory still grows is held by the window, the panels or the worker, not by the
project. Meanwhile it samples the resident memory every few seconds and a 10 ms probe timer's
lateness, and prints the memory growth per hour (least-squares line after a warm-up, not
first-vs-last) and the event loop's p99 (goals ≤ 20 MB/h and ≤ 25 ms).
"""

# i18n: not ui file — a developer's benchmark: its report is English console output (the
# window it drives speaks the user's language by itself).

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot

from gui.training.controller import IDLE
from gui.training.memory import LatencyHistogram, growth_per_hour, peak_rss_mb, rss_mb

GOAL_GROWTH_MB_H = 20.0
GOAL_P99_MS = 25.0
WARM_UP_FRACTION = 0.25
MAX_WARM_UP = 180.0
REPORT_EVERY = 60.0


class SoakRunner(QObject):
    """Presses Train, and when a run ends undoes it and presses Train again, until ``stop``."""

    def __init__(self, window, sample_seconds: float) -> None:
        super().__init__()
        self.window = window
        self.runs = 0
        self.failed = ""
        self.times: list[float] = []
        self.rss: list[float] = []
        self._stopping = False
        self._started = 0.0
        self._last_report = 0.0
        self.probe = LatencyHistogram()
        self.loop = QEventLoop()
        self._sampler = QTimer(self)
        self._sampler.setInterval(round(sample_seconds * 1000))
        self._sampler.timeout.connect(self._sample)
        window.training.session.ended.connect(self._ended)

    def run(self, seconds: float) -> float:
        """Train for ``seconds``; returns the seconds it really took."""
        self._started = self._last_report = time.perf_counter()
        self._sample()
        self._sampler.start()
        self.probe.start()
        QTimer.singleShot(round(seconds * 1000), self, self._finish)
        self._train()
        if not self.failed:
            self.loop.exec()
        self.probe.stop()
        self._sampler.stop()
        self._sample()
        self.window.training.session.ended.disconnect(self._ended)
        return time.perf_counter() - self._started

    def _train(self) -> None:
        self.window.training.actions["train"].trigger()
        if self.window.training.session.state == IDLE:
            self.failed = "Train did not start (is the network complete and the data loaded?)"
            self.loop.quit()

    @Slot()
    def _finish(self) -> None:
        self._stopping = True
        self.window.training.actions["stop"].trigger()

    @Slot(object)
    def _ended(self, result) -> None:
        if result.error:
            self.failed = f"a run failed: {result.error}"
            self.loop.quit()
            return
        if self._stopping:
            self.loop.quit()
            return
        self.runs += 1
        QTimer.singleShot(0, self, self._again)

    @Slot()
    def _again(self) -> None:
        self.window.doc.undo_stack.undo()  # the run's weights and history go back
        if self._stopping:  # the time ran out between two runs: Stop found none to stop
            self.loop.quit()
        else:
            self._train()

    @Slot()
    def _sample(self) -> None:
        now = time.perf_counter()
        self.times.append(now - self._started)
        self.rss.append(rss_mb())
        if now - self._last_report >= REPORT_EVERY:
            self._last_report = now
            print(f"  {self.times[-1] / 60:5.1f} min: {self.runs} runs, RSS {self.rss[-1]:.1f} "
                  f"MB, p99 so far {self.probe.percentile(99):.1f} ms", flush=True)


def soak(minutes: float, epochs: int, layout: str, sample_seconds: float) -> int:
    """Print the soak's report; exit code 0 when both goals are met, 1 when not, 2 on error."""
    from gui.training.benchmark import EXAMPLE, make_window

    seconds = minutes * 60
    warm_up = min(WARM_UP_FRACTION * seconds, MAX_WARM_UP)
    app, window = make_window(epochs, layout)
    print(f"soak: {EXAMPLE} (64-100-10 MLP), {epochs} epochs per run, each run undone and "
          f"Train pressed again; layout: {layout}; {minutes:g} min; RSS every "
          f"{sample_seconds:g} s; growth fitted after a {warm_up:.0f} s warm-up", flush=True)
    runner = SoakRunner(window, sample_seconds)
    took = runner.run(seconds)
    window.close()
    del window
    app.processEvents()
    if runner.failed:
        print(f"soak stopped: {runner.failed}")
        return 2
    times, rss = np.array(runner.times), np.array(runner.rss)
    probe = runner.probe
    p50, p99 = probe.percentile(50), probe.percentile(99)
    print("result")
    print(f"  runs: {runner.runs} finished in {took / 60:.1f} min "
          f"({runner.runs * epochs:,} epochs)")
    peak = max(peak_rss_mb(), rss.max())
    print(f"  RSS: start {rss[0]:.1f} MB, after warm-up {np.interp(warm_up, times, rss):.1f} MB, "
          f"end {rss[-1]:.1f} MB, peak {peak:.1f} MB ({rss.size} samples)")
    try:
        growth = growth_per_hour(times, rss, warm_up)
    except ValueError as exc:
        print(f"  memory growth: not measured ({exc})")
        growth = float("inf")
    else:
        verdict = "met" if growth <= GOAL_GROWTH_MB_H else "NOT met"
        print(f"  memory growth: {growth:+.1f} MB/h (least-squares line over "
              f"{int((times >= warm_up).sum())} samples after the warm-up) — goal "
              f"≤ {GOAL_GROWTH_MB_H:.0f} MB/h: {verdict}")
    verdict = "met" if p99 <= GOAL_P99_MS else "NOT met"
    print(f"  event-loop latency ({probe.ticks:,} ticks of 10 ms): p50 {p50:.1f} ms · p99 "
          f"{p99:.1f} ms · max {probe.max_ms:.1f} ms — goal p99 ≤ {GOAL_P99_MS:.0f} ms: "
          f"{verdict}")
    return 0 if growth <= GOAL_GROWTH_MB_H and p99 <= GOAL_P99_MS else 1
