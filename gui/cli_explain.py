"""``netcanvas explain PROJECT [--sample I] [--json]``: one data row through the network.

Kept apart from :mod:`gui.cli` (which registers it) so the command line's module stays about
running commands; like every subcommand it needs no display and imports no Qt.
"""

from __future__ import annotations

import argparse

from core.explain import explain, format_table, json_text
from core.i18n import N_, _
from core.project import load_project
from gui.cli_i18n import HelpFormatter

DESCRIPTION = N_(
    "Step one row of the project's data set through its network in inference mode (batch norm "
    "with its running averages, no dropout), float64: every node's z (after batch norm), "
    "activation a and δ = ∂L/∂z, the row's loss without weight decay, and ∂L/∂parameter for "
    "every parameter, each step with its local rule in words. The row goes in as training sees "
    "it: split, standardised and with derived features as the project says.")


def add_parser(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Register ``explain`` on the ``netcanvas`` subcommands."""
    parser = commands.add_parser(
        "explain", help=_("step one data row forward and backward through the network"),
        description=_(DESCRIPTION), epilog=epilog,
        formatter_class=HelpFormatter)
    parser.add_argument("project", help=_("the .netcanvas project"))
    parser.add_argument("--sample", default="0", metavar="I",
                        help=_("row I of the project's data set (default 0)"))
    parser.add_argument("--json", action="store_true",
                        help=_('print one JSON object: {"loss", "nodes": {id: {"z", "a", '
                               '"delta"}}, "gradients": {name: nested lists}} (NaN and '
                               'infinite values as null)'))


def run_explain(args: argparse.Namespace, argv: list[str]) -> int:
    """Print the table (or the JSON); a bad row number or file raises ValueError or
    ProjectError, which :func:`gui.cli.main` reports in one line with exit code 2."""
    try:
        sample = int(args.sample)
    except ValueError:
        raise ValueError(_("--sample must be a row number, not {value}").format(
            value=repr(args.sample))) from None
    project = load_project(args.project)
    dataset = project.data.load()
    explanation = explain(project, sample, dataset)
    print(json_text(explanation) if args.json else format_table(explanation, dataset))
    return 0
