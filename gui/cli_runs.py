"""``netcanvas runs PROJECT``: the project's training runs, one line each.

Kept apart from :mod:`gui.cli` (which registers it), like ``explain``; it needs no display and
imports no Qt.
"""

from __future__ import annotations

import argparse

from core.i18n import _, ngettext
from core.project import load_project
from core.training.reasons import PLAIN
from core.training.runs import Run, Runs, ending_title, local_time
from gui.cli_i18n import HelpFormatter


def add_parser(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Register ``runs`` on the ``netcanvas`` subcommands."""
    parser = commands.add_parser(
        "runs", help=_("list the training runs recorded in a project"),
        description=_("One line per training run, oldest first: its number (and name), when "
                      "it started, what it changed since the run before, the epochs it "
                      "trained (and the run it went on from), how it ended and its final "
                      "training (and test) loss and accuracy or R²."),
        epilog=epilog, formatter_class=HelpFormatter)
    parser.add_argument("project", help=_("the .netcanvas project"))


def run_line(runs: Runs, run: Run) -> str:
    """``2  2026-12-03 01:02  lr 0.1 → 0.01  20 epochs (21–40), goes on from run 1  finished
    loss 0.123 accuracy 95.0%`` (the run it went on from and how it ended in the words the
    Runs list uses), then why when that says more: ``(stopped by the user)`` — in the current
    language, or a stored free text as it is."""
    first = run.first_epoch
    epochs = ngettext("{n} epoch", "{n} epochs", run.epochs).format(n=run.epochs)
    if first and run.epochs == 1:  # a range of one epoch read "(3–3)"
        epochs = _("1 epoch (epoch {epoch})").format(epoch=first + 1)
    elif first and run.epochs:
        epochs = ngettext("{n} epoch ({first}–{last})", "{n} epochs ({first}–{last})",
                          run.epochs).format(n=run.epochs, first=first + 1,
                                             last=first + run.epochs)
    elif first:
        epochs = ngettext("{n} epoch (after {first})", "{n} epochs (after {first})",
                          run.epochs).format(n=run.epochs, first=first)
    pieces = [str(run.number)]
    if run.name:
        pieces.append(_("“{name}”").format(name=run.name))
    pieces += [local_time(run.started_at) or _("time not recorded"),
               runs.describe_changes(run.number), run.epochs_going_on(epochs),
               ending_title(run.ended),
               run.metrics_words()]
    if run.reason and run.reason_key not in PLAIN:  # "finished 20 epochs" says nothing more
        pieces.append(_("({reason})").format(reason=run.reason_words))
    if run.hidden:
        pieces.append(_("(hidden)"))
    return "  ".join(pieces)


def run_runs(args: argparse.Namespace, argv: list[str]) -> int:
    """Print the runs; a bad file raises ProjectError, which :func:`gui.cli.main` reports in
    one line with exit code 2."""
    runs = load_project(args.project).runs
    if not runs:
        print(_("no training runs recorded yet"))
    for run in runs:
        print(run_line(runs, run))
    return 0
