"""What pulling the timeline back costs the window: ``python -m gui.training.timeline_bench``.

For each example (spiral, digits MLP, the six-layer "overfitting" network) it trains a short
run in the main window (offscreen), then moves the slider to earlier epochs one at a time and,
for each move, from the move until the replayed frame has reached the panels and the window has
repainted, measures the wall-clock time spent in the timeline's own slots (the frame handed to
the panels, which draw it, and to the canvas; before frames were made on a worker, the making
too), how long the GUI thread was busy handling events (wall clock: the window
answers nothing meanwhile), its longest single stretch, and its CPU time (``time.thread_time``:
NumPy's BLAS threads are not in it), and the wall-clock time from the move to the frame on the
panels. Medians over the moves.

Not a test: timings depend on the machine.
"""

# i18n: not ui file — a developer's benchmark: its report is English console output.

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXAMPLES = {"spiral": 20, "digits_mlp": 20, "overfitting": 20}  # example: epochs trained
#: the timeline's slots a slider move runs (the last one only once frames are made on a worker)
HANDLERS = ("_moved", "_show_pending", "_frame_arrived")


def time_handlers(spent: list[float]) -> None:
    """Add the wall-clock time of each of the timeline's :data:`HANDLERS` to ``spent[0]``
    (before the window is made, so that its connections reach the timed versions)."""
    from gui.training.timeline import TimelineUi

    for name in HANDLERS:
        original = getattr(TimelineUi, name, None)
        if original is None:
            continue

        def timed(self, *args, _original=original):
            started = time.perf_counter()
            try:
                return _original(self, *args)
            finally:
                spent[0] += time.perf_counter() - started
        setattr(TimelineUi, name, timed)


class Busy:
    """The wall-clock time the GUI thread spent handling events (the window is frozen while
    it does), in total and at the longest."""

    def __init__(self) -> None:
        self.total = self.longest = 0.0

    def events(self, app) -> None:
        started = time.perf_counter()
        app.processEvents()
        spent = time.perf_counter() - started
        self.total += spent
        self.longest = max(self.longest, spent)


def _wait(app, until, busy: Busy | None = None, timeout: float = 60.0) -> None:
    busy = busy or Busy()
    end = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > end:
            raise TimeoutError("the window did not get there in time")  # i18n: not ui
        busy.events(app)
        time.sleep(0.001)


def _settle(app, seconds: float, busy: Busy | None = None) -> None:
    busy = busy or Busy()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        busy.events(app)
        time.sleep(0.001)


def measure(app, window, name: str, epochs: int, moves: int, spent: list[float]
            ) -> dict[str, list[float]]:
    """Per slider move (``moves`` of them on example ``name``), in ms: the timeline's slots
    (``spent``, see :func:`time_handlers`), the GUI thread busy (wall clock), its longest
    single stretch, its CPU time, and move → frame on the panels."""
    from gui.document.commands import ChangeSettingsCommand

    window.files.open_example(name)
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": epochs}))
    session = window.training.session
    ended = []
    session.ended.connect(lambda result: ended.append(result))
    window.training.settings_panel.buttons["train"].click()
    _wait(app, lambda: bool(ended), timeout=600)
    _settle(app, 0.3)
    ui = window.training.timeline
    sent = []
    send = ui._send
    ui._send = lambda frame: (sent.append(frame), send(frame))
    slider = ui.bar.slider
    found: dict[str, list[float]] = {"slots": [], "busy": [], "longest": [], "cpu": [],
                                     "wall": []}
    for i in range(moves):
        target = (slider.maximum() - 1 - 3 * i) % slider.maximum()  # never the right end
        if target == slider.value():
            target = (target + 1) % slider.maximum()
        count = len(sent)
        busy = Busy()
        spent[0] = 0.0
        started, started_cpu = time.perf_counter(), time.thread_time()
        slider.setValue(target)  # what a key press or a drag's step does
        busy.total += time.perf_counter() - started
        _wait(app, lambda c=count: len(sent) > c, busy)
        found["wall"].append((time.perf_counter() - started) * 1000)
        _settle(app, 0.05, busy)  # the repaints the frame asked for
        found["cpu"].append((time.thread_time() - started_cpu) * 1000)
        found["slots"].append(spent[0] * 1000)
        found["busy"].append(busy.total * 1000)
        found["longest"].append(busy.longest * 1000)
    ui._send = send
    runner = getattr(ui, "runner", None)  # the worker's own time per frame (not the GUI's)
    found["compute"] = list(runner.compute_ms[-moves:]) if runner is not None else [0.0]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=15)
    parser.add_argument("examples", nargs="*", default=list(EXAMPLES))
    args = parser.parse_args(argv)
    from gui.app import application

    app = application()
    from gui.main_window import MainWindow

    spent = [0.0]
    time_handlers(spent)
    window = MainWindow()
    window.files.maybe_save = lambda: True  # the benchmark's edits are throwaway
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    for name in args.examples:
        found = measure(app, window, name, EXAMPLES.get(name, 20), args.moves, spent)
        slots, busy, longest, cpu, wall = (statistics.median(found[k]) for k in (
            "slots", "busy", "longest", "cpu", "wall"))
        print(f"{name:12s} per move (medians of {args.moves}): timeline slots {slots:6.1f} ms · "
              f"GUI thread busy {busy:6.1f} ms "
              f"(longest stretch {longest:5.1f} ms, its CPU {cpu:5.1f} ms) · move → frame on "
              f"the panels {wall:6.1f} ms (the worker made it in "
              f"{statistics.median(found['compute']):.1f} ms)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    window.close()
    del window
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
