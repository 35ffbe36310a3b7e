"""argparse's own words ("usage:", "options", "the following arguments are required: …") in
NetCanvas's language.

argparse translates its messages with ``gettext`` from Python's own ``argparse`` text domain,
for which no Korean catalogue is installed anywhere — so without this, ``netcanvas --help`` in
Korean would still say "usage:", "positional arguments" and "show this help message and exit",
and a usage error would still read "the following arguments are required". argparse looks its
``_`` and ``ngettext`` up as module globals each time it writes a message, so
:func:`use_catalogue` points them at :mod:`core.i18n`, and the messages below (argparse's exact
msgids, copied from Python 3.10–3.13's ``argparse.py``, which differ between versions, and the
one 3.14 adds for a mistyped choice) are marked with ``N_`` so they are extracted into
NetCanvas's own catalogue (``gui.po``) and translated there like every other command-line
message.

Some of them ("positional arguments", "options") are translated when a parser is built, the rest
when help or an error is printed: so :func:`use_catalogue` must run, and the language must be
chosen, before the parsers are built (:func:`gui.cli.build_parser` does both).

argparse wraps help text by counting characters, but a Hangul syllable takes two columns of a
terminal: :class:`HelpFormatter` wraps text that holds such wide characters by columns instead
(English help is wrapped exactly as argparse does it).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import unicodedata
from typing import IO

from core import i18n
from core.i18n import N_, ngettext

#: argparse's singular messages, all versions from 3.10 to 3.13 (argparse writes them itself),
#: and 3.14's suggestion for a mistyped choice (``suggest_on_error``).
MESSAGES: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("%(heading)s:"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_(" (default: %(default)s)"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("%(prog)s: warning: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("argument \"-\" with mode %r"),
    N_("command '%(parser_name)s' is deprecated"),
    N_("option '%(option)s' is deprecated"),
    N_("argument '%(argument_name)s' is deprecated"),
    # Mistakes in a program's own parser, not in what the user typed; kept for completeness.
    N_(".__call__() not defined"),
    N_("'required' is an invalid argument for positionals"),
    N_("mutually exclusive arguments must be optional"),
    N_("%r is not callable"),
    N_("cannot merge actions - two groups are named %r"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("cannot have multiple subparser arguments"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
)


def plural_messages(n: int) -> tuple[str, ...]:
    """argparse's plural messages for the count ``n`` (written out so the catalogue has them)."""
    return (ngettext("expected %s argument", "expected %s arguments", n),
            ngettext("conflicting option string: %s", "conflicting option strings: %s", n))


def argparse_gettext(message: str) -> str:
    """argparse's ``_``: its message in the current language. argparse also passes a parser's
    own titles through it, and gettext maps "" to the catalogue's header, so anything but a
    non-empty string comes back unchanged."""
    if not isinstance(message, str) or not message:
        return message
    return i18n._(message)


def use_catalogue() -> None:
    """Make argparse speak NetCanvas's current language from now on (it follows later
    switches too: each message is looked up when it is written)."""
    argparse._ = argparse_gettext  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class Parser(argparse.ArgumentParser):
    """argparse's parser, except that a reader gone before the help or a usage error is
    written (``netcanvas --help | head -0``) raises BrokenPipeError, which
    :func:`gui.cli.main` turns into exit code 141 as for any output; argparse let it pass
    unseen, exiting 0 (unbuffered) or with Python's "Exception ignored" and 120."""

    def _print_message(self, message: str, file: IO[str] | None = None) -> None:
        # no stream at all (a windowed Python) is passed over, as argparse does
        with contextlib.suppress(AttributeError):
            if message:
                (file or sys.stderr).write(message)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter for NetCanvas: descriptions and epilogs are wrapped to the terminal
    by columns (a Hangul syllable takes two), each line under its own start — a table row
    ("  name  text…") under its text, its hand-broken continuation lines joined back in first —
    and their line breaks and indentation are kept; a command line (``netcanvas …``) is kept
    whole. Options' help in English is wrapped exactly as argparse does it."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        if display_width(text) == len(text):
            return super()._split_lines(text, width)
        return wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines = []
        for head, body in _table_rows(text):
            if body is None:  # kept as written: an empty line or a command line
                lines.append(indent + head)
                continue
            hang = " " * display_width(head)
            pieces = wrap_columns(body, width - len(hang))
            lines += [indent + (head if k == 0 else hang) + piece
                      for k, piece in enumerate(pieces)] or [indent]
        return "\n".join(lines)


def _table_rows(text: str) -> list[tuple[str, str | None]]:
    """``text``'s lines as (head, body): a table row's head is its indent and term ("  2    "),
    any other line's its indent; a line indented as far as the row above's text is that row's
    continuation, joined to it. An empty line and a command line come as (line, None)."""
    rows: list[tuple[str, str | None]] = []
    for line in text.splitlines():
        body = line.strip()
        if not body or body.startswith("netcanvas "):
            rows.append((line if body else "", None))
            continue
        start = len(line) - len(line.lstrip())
        if rows and rows[-1][1] is not None and start > 0 \
                and start == display_width(rows[-1][0]) and rows[-1][0].strip():
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {body}")
            continue
        term = _TERM.match(line)
        head = term.group() if term else line[:start]
        rows.append((head, line[len(head):].rstrip()))
    return rows


_TERM = re.compile(r"\s*\S+ {2,}(?=\S)")


def wrap_columns(text: str, width: int) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` terminal columns (a word wider
    than that keeps a line of its own); [] for an empty text."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and display_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif word or lines:
            lines.append(word)
    return lines
