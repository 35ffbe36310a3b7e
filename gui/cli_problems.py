"""Problems the ``netcanvas`` commands share, in words: an empty file name given, an
OSError no command turned into words (the output redirected to a full disk, mostly), and an
output whose encoding lacks characters NetCanvas prints. Kept apart so gui/cli.py stays short;
no Qt."""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from core.file_writes import system_reason, write_reason
from core.i18n import _

#: the file and folder arguments, as their usage names them
NAMED_PATHS = {"project": "project", "weights": "weights", "out": "--out", "log": "--log"}


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `cat … | head`


class CommandError(Exception):
    """A problem with the user's input, reported as one line with exit code 2."""


def refuse_empty_names(args: argparse.Namespace) -> None:
    """ValueError (exit 2) for an empty name: ``--out "$OUT"`` with OUT unset, in a script,
    trained and saved nothing with exit 0, or came back as Python's "PosixPath('.') has an
    empty name"."""
    for attribute, shown in NAMED_PATHS.items():
        value = getattr(args, attribute, None)
        if value is not None and not value.strip():
            raise ValueError(_("{option} is empty; give a name").format(option=shown))


def os_error_words(exc: OSError) -> str:
    """An OSError no command turned into words: a file's (named), else the output's (stdout
    on a full disk: ``netcanvas runs P > out.txt`` printed a traceback)."""
    if exc.filename:
        return f"{exc.filename}: {write_reason(exc, Path(exc.filename))}"
    return _("cannot write the output: {reason}").format(reason=system_reason(exc))


def tolerant_output() -> None:
    """stdout writes a character its encoding lacks as "?" instead of failing: ``netcanvas
    data list > list.txt`` where files are not UTF-8 (a Western Windows' cp1252,
    ``PYTHONIOENCODING=ascii``) stopped half-way at the × of "28×28" with Python's "'ascii' codec
    can't encode character" as its error, exit 2; ``explain`` at its first → or δ. (stderr
    already writes such characters as escapes, Python's own choice.)"""
    stream = sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        utf = codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        utf = False
    if not utf and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="replace")
