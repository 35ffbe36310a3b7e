"""How long training a deep chain of small nodes stalls the window's event loop.

``python packaging/deep_stall.py [--depth 300] [--units 1] [--seconds 8] [--rounds 3]``
(offscreen) opens a chain input → ``depth`` hidden nodes of ``units`` units → output on the
spiral data in a real :class:`~gui.main_window.MainWindow`, presses Train, lets it train for
``seconds`` and presses Stop, while a 10 ms timer measures the GUI thread's stalls (the
lateness of its ticks, counted from the press of Train until the window has settled after
Stop). Per round it prints the longest stall, the p99 lateness, the turns at least 100 ms
late and the epochs trained; then the medians. Not a test: timings depend on the machine.
"""

# i18n: not ui file — a developer's tool: English console output.

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stall_window import scratch_window, settle

from core.datasets.ref import DataRef
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings

SETTLE_MS = 1500  # after opening the network, and after Stop (still measured)
GOAL_MS = 100.0


def one_round(depth: int, units: int, seconds: float, shown: list[str], select: bool
               ) -> tuple[float, float, int, int]:
    """(longest stall ms, p99 lateness ms, turns at least GOAL_MS late, epochs trained), with the
    training docks named in ``shown`` raised and, with ``select``, the middle hidden node
    selected (the Inspector shows it)."""
    from gui.training.memory import LatencyHistogram

    with scratch_window("netcanvas-deep-") as (window, _folder):
        spec = NetworkSpec.mlp([2] + [units] * depth + [2])
        window.doc.reset(spec, data=DataRef.builtin("spiral"),
                         settings=TrainingSettings(epochs=1_000_000))
        for name in shown:
            window.training.docks[name].raise_()
        if select:
            window.scene.select_only([str(depth // 2)])
        settle(SETTLE_MS)
        probe = LatencyHistogram()  # the window benchmark's 10 ms lateness probe
        probe.start()
        buttons = window.training.settings_panel.buttons
        buttons["train"].click()
        settle(round(seconds * 1000))
        buttons["stop"].click()
        settle(SETTLE_MS)
        probe.stop()
        history = window.doc.history or {}
        epochs = max((len(v) for v in history.get("epochs", {}).values()), default=0)
    return probe.max_ms, probe.percentile(99), probe.at_least(GOAL_MS), epochs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--depth", type=int, default=300)
    parser.add_argument("--units", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--show", default="", help="training docks to raise, e.g. "
                        "Activations,Weights")
    parser.add_argument("--select", action="store_true", help="select a hidden node")
    args = parser.parse_args(argv)
    results = []
    print(f"chain 2 → {args.depth} × {args.units} → 2, spiral, {args.seconds:g} s of training; "
          f"shown: {args.show or 'the first docks'}{', a node selected' * args.select}")
    print(f"{'round':>5} {'longest stall':>14} {'p99 lateness':>13} {'turns ≥ 100 ms':>15} "
          f"{'epochs':>7}")
    for k in range(args.rounds):
        results.append(one_round(args.depth, args.units, args.seconds,
                                 [n for n in args.show.split(",") if n], args.select))
        longest, p99, over, epochs = results[-1]
        print(f"{k + 1:5} {longest:11.0f} ms {p99:10.0f} ms {over:15} {epochs:7}")
    longest, p99, over, epochs = (statistics.median(r[i] for r in results) for i in range(4))
    print(f"{'median':>5} {longest:11.0f} ms {p99:10.0f} ms {over:15g} {epochs:7g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
