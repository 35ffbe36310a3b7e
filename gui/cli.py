"""The ``netcanvas`` command: the window by default, and headless subcommands for scripts.

Qt is imported only when the window is opened, so ``netcanvas train`` and ``netcanvas check``
run on machines without a display (and start fast). A subcommand is a parser built in
:func:`build_parser` plus a handler in :data:`HANDLERS`; add new ones the same way.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Callable
from contextlib import nullcontext, suppress
from pathlib import Path

import numpy as np

from core.datasets import DataError
from core.error_words import own_words
from core.export import ExportError
from core.i18n import N_, _
from core.project import ProjectError
from core.spec_problems import SpecError
from core.training.settings import MAX_LR, MIN_LR
from gui import cli_bench, cli_check, cli_data, cli_export, cli_runs, cli_train
from gui.cli_examples import add_examples
from gui.cli_explain import add_parser as add_explain_parser
from gui.cli_explain import run_explain
from gui.cli_i18n import HelpFormatter, Parser, use_catalogue
from gui.cli_problems import (
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    CommandError,
    os_error_words,
    refuse_empty_names,
    tolerant_output,
)
from gui.cli_version import VersionAction
from resources.examples import example_names

TOP_OPTIONS = ("-h", "--help", "--version")  # netcanvas's own, not the window's

EXIT_CODES = N_("""\
exit codes:
  0    success
  1    training failed (the loss became NaN or infinite), the window could not start, or
       the self-test found a problem
  2    bad input: unreadable or invalid project file, data, settings or weights, a target
       that exists (without --force) or cannot be written, or wrong usage; a data set
       that cannot be downloaded (not found, offline, cut off, wrong checksum)
  130  interrupted (Ctrl+C)
  141  the output's reader stopped early (for example | head): the rest was not printed
""")
SEE_EXIT_CODES = N_("Exit codes: see netcanvas --help.")


def build_parser() -> argparse.ArgumentParser:
    """The ``netcanvas`` parser in the current language (argparse's own words included: see
    :mod:`gui.cli_i18n`); build it after the language is chosen."""
    use_catalogue()
    epilog = _(SEE_EXIT_CODES)  # each command's last line: the table is netcanvas --help's
    raw = HelpFormatter  # wraps Hangul help by terminal columns
    parser = Parser(
        prog="netcanvas",
        description=_("Build neural networks by hand and watch them learn. Without a command, "
                      "opens the window."),
        epilog=_(EXIT_CODES), formatter_class=raw)
    parser.add_argument("--version", action=VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    window = commands.add_parser("gui", help=_("open the window (the default)"),
                                 description=_("Open the window, on a project or an example "
                                               "if one is named."),
                                 epilog=epilog, formatter_class=raw)
    window.add_argument("project", nargs="?", help=_("a .netcanvas project to open"))
    window.add_argument("--example", metavar="NAME", help=_(
        "open a bundled example project: {names}").format(names=", ".join(example_names())))

    train = commands.add_parser(
        "train", help=_("train a project without the window"),
        description=_("Train a project headless, with a progress bar on stderr, and print the "
                      "final metrics. Training continues from the weights saved in the "
                      "project. Ctrl+C stops it as the window's Stop does: the epochs trained "
                      "so far are kept by --out and --log (exit code 130); a second Ctrl+C "
                      "quits at once, saving nothing."),
        epilog=epilog, formatter_class=raw)
    train.add_argument("project", help=_("the .netcanvas project to train"))
    train.add_argument("--epochs", type=int, metavar="N",
                       help=_("train N epochs (default: the project's setting)"))
    train.add_argument("--lr", type=float, metavar="RATE",
                       help=_("train with this learning rate, from {low} to {high} (default: "
                              "the project's setting)").format(low=f"{MIN_LR:g}",
                                                                high=f"{MAX_LR:g}"))
    train.add_argument("--out", metavar="FILE",
                       help=_("save the trained project here, with this run added to its runs "
                              "(the project itself, to update it in place)"))
    train.add_argument("--force", action="store_true",
                       help=_("replace the --out FILE or the --log CSV if it exists already "
                              "(--out naming the project updates it without --force)"))
    train.add_argument("--log", metavar="CSV",
                       help=_("write the per-epoch metrics to a CSV file"))
    train.add_argument("--fresh", action="store_true",
                       help=_("start from new random weights and an empty history"))
    train.add_argument("--quiet", action="store_true", help=_("no progress bar"))
    train.add_argument("--processes", type=int, metavar="N",
                       help=_("split every mini-batch between N processes, one per core "
                              "(default: as many as the cores and the network make worth it; "
                              "1 for a small network, a short run, batch norm or dropout)"))

    check = commands.add_parser(
        "check", help=_("check that a project file is valid"),
        description=_("Read a project, its network and its data, and say whether they fit "
                      "together; then print teaching warnings (they never change the exit "
                      "code)."),
        epilog=epilog, formatter_class=raw)
    check.add_argument("project", help=_("the .netcanvas project to check"))

    add_explain_parser(commands, epilog)
    cli_runs.add_parser(commands, epilog)

    cli_bench.add_parser(commands, epilog)

    cli_export.add_parsers(commands, epilog)
    cli_data.add_parsers(commands, epilog)

    commands.add_parser(
        "self-test", help=_("check this installation headless (also: netcanvas --self-test)"),
        description=_("Offscreen: open the window on the XOR example, train it to 100 % (and "
                      "again with its mini-batches split between two processes), run "
                      "two search trials in their own processes, open every lab, switch to "
                      "Korean and back, export the network as ONNX and run it, and check "
                      "every resource file, the Qt platform plugins, pyqtgraph and what "
                      "downloads MNIST over HTTPS (without connecting). "
                      "Prints one line (exit 0) or names what is missing (exit 1). Works from "
                      "source and in the bundle."),
        epilog=epilog, formatter_class=raw)
    add_examples(parser)
    return parser


# ----------------------------------------------------------------------------- commands
def run_gui(args: argparse.Namespace, argv: list[str]) -> int:
    if args.example is not None and args.example not in example_names():  # said before Qt:
        # the window's dialog for it waited for a click, deaf to Ctrl+C and kill
        raise CommandError(_("there is no example called {name}; the examples are: {names}")
                           .format(name=repr(args.example), names=", ".join(example_names())))
    try:
        from gui.app import main as gui_main
    except ImportError as exc:
        print(_("netcanvas: the window cannot start: {reason}").format(reason=exc),
              file=sys.stderr)
        return EXIT_FAILED
    from gui.diagnostics import startup_probe

    if startup_probe.requested():  # packaging/startup_time.py times the launch
        startup_probe.install()
    return gui_main(argv)


def run_self_test(args: argparse.Namespace, argv: list[str]) -> int:
    from gui.diagnostics.self_test import main as self_test

    return self_test()


HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {
    "gui": run_gui,
    "train": cli_train.run_train,
    "check": cli_check.run_check,
    "bench": cli_bench.run_bench,
    "explain": run_explain,
    "runs": cli_runs.run_runs,
    "self-test": run_self_test,
    **cli_export.HANDLERS,
    **cli_data.HANDLERS,
}


# ----------------------------------------------------------------------------- entry point
def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it).

    It speaks the language :mod:`core.i18n` chose when it was imported (``NETCANVAS_LANG``,
    else the system locale), argparse's own words included."""
    argv = list(sys.argv[1:] if argv is None else argv)
    tolerant_output()
    parser = build_parser()
    if argv[:1] == ["--self-test"]:
        argv[0] = "self-test"
    if not argv or _opens_the_window(argv[0]):
        argv = ["gui", *argv]
    elif argv[0] not in HANDLERS and argv[0] not in TOP_OPTIONS:
        print(_unknown_command(argv[0]), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        args = _parse(parser, argv)
        if isinstance(args, int):  # --help, --version or a usage error, printed
            sys.stdout.flush()  # (a reader gone before the help: noticed below)
            return args
        refuse_empty_names(args)
        # NaN weights (a diverged run saved): the output says nan, numpy's warnings (a file
        # and line of NetCanvas's code) are not for the user; the window is left as it is
        quiet = np.errstate(all="ignore") if args.command != "gui" else nullcontext()
        with quiet:
            code = HANDLERS[args.command](args, argv[1:])
        sys.stdout.flush()  # here, so a reader that has gone is noticed here (below)
        return code
    except (ProjectError, DataError, SpecError, CommandError, ExportError, ValueError) as exc:
        print(_("netcanvas: error: {message}").format(message=own_words(exc)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:  # Ctrl+C in any command: one line, no traceback
        print(_("netcanvas: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # the reader stopped early (| head): stop quietly, as cat does
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # output redirected to a full disk, mostly: in words, not a traceback
        with suppress(OSError):  # (stderr may be on the same disk)
            print(_("netcanvas: error: {message}").format(message=os_error_words(exc)),
                  file=sys.stderr)
        with suppress(OSError):
            sys.stdout.flush()  # what was printed before, if it can still go
        _drop_stdout()
        return EXIT_BAD_INPUT


def _drop_stdout() -> None:
    """stdout to the void, so that Python's own flush at exit finds nothing to fail on."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    """The arguments, or the exit code once argparse has printed the help, the version or a
    usage error."""
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:  # said with the command's own usage line, not netcanvas's
            _command_parser(parser, args).error(
                _("unrecognized arguments: %s") % " ".join(extra))
    except SystemExit as exc:
        return EXIT_OK if exc.code in (0, None) else EXIT_BAD_INPUT
    return args


def _command_parser(parser: argparse.ArgumentParser, args: argparse.Namespace
                    ) -> argparse.ArgumentParser:
    """The parser of the command (and action: ``data fetch``) ``args`` chose."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = getattr(args, action.dest, None)
            if chosen in action.choices:
                return _command_parser(action.choices[chosen], args)
    return parser


def _opens_the_window(first: str) -> bool:
    """Whether ``netcanvas FIRST …`` means the window: an option of ``gui`` (``--example``),
    or a project to open — a file that exists, a .netcanvas name, or anything with a folder
    in it (the window says if it is missing). A command name is never a path here."""
    if first in HANDLERS or first in TOP_OPTIONS:
        return False
    return first.startswith("-") or first.lower().endswith(".netcanvas") \
        or "/" in first or os.sep in first or Path(first).exists()


def _unknown_command(word: str) -> str:
    """One line for a first word that is neither a command nor a project (a typo, mostly)."""
    close = difflib.get_close_matches(word, list(HANDLERS), n=1)
    if close:
        return _("netcanvas: unknown command '{word}' (did you mean '{command}'?)").format(
            word=word, command=close[0])
    return _("netcanvas: unknown command '{word}' (see netcanvas --help)").format(word=word)


if __name__ == "__main__":
    sys.exit(main())
