"""``netcanvas bench``: the engine's training speed against a textbook NumPy implementation
and PyTorch. Kept apart from :mod:`gui.cli` (which registers it), like ``runs``; no Qt, and the
benchmark modules are imported only when it runs."""

from __future__ import annotations

import argparse

from core.i18n import _
from core.numbers import number_problem
from gui.cli_i18n import HelpFormatter


def add_parser(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Register ``bench`` on the ``netcanvas`` subcommands."""
    bench = commands.add_parser(
        "bench", help=_("measure the engine's training speed"),
        description=_("Samples per second for training steps (backprop + SGD update) on "
                      "2-8-8-2, 784-100-100-10 and 784-512-512-10 ReLU nets, against a minimal "
                      "textbook NumPy implementation and, when torch is importable, PyTorch on "
                      "the CPU; with the machine's float32 GEMM rate; then one 784-100-10 epoch "
                      "on MNIST-sized data against PyTorch. Ratios come from one run, medians "
                      "of interleaved rounds."),
        epilog=epilog, formatter_class=HelpFormatter)
    bench.add_argument("--rounds", type=int, default=5,
                       help=_("interleaved rounds (default 5)"))
    bench.add_argument("--seconds", type=float, default=0.4,
                       help=_("seconds per contender per round (default 0.4)"))
    bench.add_argument("--no-torch", action="store_true",
                       help=_("skip PyTorch even if present"))
    bench.add_argument("--epoch-rows", type=int, default=60_000,
                       help=_("rows of the 784-100-10 epoch timed against PyTorch (default "
                              "60,000, MNIST's size; 0 skips it)"))


def run_bench(args: argparse.Namespace, argv: list[str]) -> int:
    """Run it; nonsense options raise ValueError, which :func:`gui.cli.main` reports in one
    line with exit code 2."""
    from core.engine import bench

    too_long = number_problem("--seconds", args.seconds)  # 1e400: a round never ended
    if too_long:
        raise ValueError(too_long)
    if args.rounds < 1 or not args.seconds > 0 or args.epoch_rows < 0:
        raise ValueError(_("--rounds must be at least 1, --seconds above 0 and --epoch-rows "
                           "not negative"))
    code = bench.main(rounds=args.rounds, seconds=args.seconds, include_torch=not args.no_torch)
    if args.epoch_rows:
        from core.training import epoch_bench

        epoch_bench.run(rows=args.epoch_rows, rounds=min(args.rounds, 5),
                        include_torch=not args.no_torch)
    return code
