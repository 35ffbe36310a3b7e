"""``netcanvas data list`` and ``netcanvas data fetch NAME``: the command-line side of
:mod:`core.datasets.download`, kept apart so gui/cli.py stays short. No Qt here either.

A failed fetch is a DataError, which ``netcanvas`` turns into one line and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from typing import TextIO

from core.datasets.cache_check import verify
from core.datasets.download import Progress, fetch, wrong_files
from core.datasets.files import megabytes
from core.datasets.remote import (
    CACHE_ENV,
    MIRROR_ENV,
    REMOTE,
    cache_folder,
    cache_root,
    cache_root_problem,
    cached_files,
)
from core.i18n import _
from gui.cli_i18n import HelpFormatter
from gui.cli_output import RedrawnLine
from gui.cli_problems import EXIT_OK


def add_parsers(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Add ``data`` (with ``list`` and ``fetch``) to the ``netcanvas`` parser."""
    env = _("environment:\n  {mirror}  a base URL used instead of the public mirrors "
            "($URL/<file name>)\n  {cache}    the cache folder to use instead of the "
            "user's cache folder").format(mirror=MIRROR_ENV, cache=CACHE_ENV)
    data = commands.add_parser(
        "data", help=_("list and download the larger data sets (MNIST, Fashion-MNIST)"),
        description=_("MNIST and Fashion-MNIST are too large to ship: they are downloaded once, "
                      "checked against checksums kept in NetCanvas, and kept in the user's "
                      "cache folder."),
        epilog=f"{env}\n\n{epilog}", formatter_class=HelpFormatter)
    actions = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    actions.add_parser(
        "list", help=_("what can be downloaded, and what is cached (with sizes)"),
        description=_("Print the cache folder, then each data set that can be downloaded: "
                      "cached (its files checked against the checksums) with its size, or how "
                      "much a download is."),
        epilog=f"{env}\n\n{epilog}", formatter_class=HelpFormatter)
    get = actions.add_parser(
        "fetch", help=_("download a data set into the cache (if it is not there yet)"),
        description=_("Download the four files of a data set, check their checksums and keep "
                      "them in the cache folder, then print that folder. Nothing is kept if "
                      "anything fails."),
        epilog=f"{env}\n\n{epilog}", formatter_class=HelpFormatter)
    get.add_argument("name", choices=list(REMOTE), help=_("the data set"))
    get.add_argument("--quiet", action="store_true", help=_("no progress line"))


def run_data(args: argparse.Namespace, argv: list[str]) -> int:
    if args.data_command == "list":
        return _list()
    bar = None if args.quiet else FetchProgress(sys.stderr)
    try:
        folder = fetch(args.name, progress=bar.update if bar else None)
    finally:
        if bar:
            bar.close()
    print(folder)
    return EXIT_OK


def _list() -> int:
    """Each set's state; files in the cache folder are checked (hashed once, then remembered)
    so that files put there by hand are called cached only when they are the originals."""
    print(_("cache folder: {folder}").format(folder=cache_root()))
    problem = cache_root_problem()
    if problem:  # else every set reads "not cached", and only a fetch would say why
        print(f"  {problem}")
    for name, entry in REMOTE.items():
        states = verify(name)
        sizes = cached_files(name)
        good = {f: size for f, size in sizes.items() if states[f] == "verified"}
        wrong = tuple(f for f, state in states.items() if state == "wrong")
        if wrong:
            state = str(wrong_files(name, wrong))
        elif len(good) == len(entry.files):
            state = _("cached, {size} in {folder}").format(
                size=megabytes(sum(good.values())), folder=cache_folder(name))
        elif good:
            state = _("partly cached ({n} of {total} files, {size}); run `netcanvas data fetch "
                      "{name}`").format(n=len(good), total=len(entry.files),
                                        size=megabytes(sum(good.values())), name=name)
        elif problem:  # a fetch would fail: not offered
            state = _("not cached")
        else:
            state = _("not cached; `netcanvas data fetch {name}` downloads about {size} MB"
                      ).format(name=name, size=f"{entry.download_mb:g}")
        print(f"{name:14} {_(entry.title)}: {state}")
    return EXIT_OK


class FetchProgress:
    """``train-images-idx3-ubyte.gz (1/4)  3.2 MB of 9.5 MB`` redrawn on one terminal line at
    most 10 times a second, or one line per file when the output is piped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._shown = 0.0
        self._file = ""
        self._line = RedrawnLine(stream)

    def update(self, p: Progress) -> None:
        if p.checking:
            line = _("checking {file} ({index}/{count})").format(
                file=p.file, index=p.index, count=p.count)
            if self.tty:
                self._shown = time.monotonic()
                self._line.draw(line)
            else:
                self.stream.write(line + "\n")
            self.stream.flush()
            return
        if p.total:
            done = _("{done} of {total}").format(done=megabytes(p.done), total=megabytes(p.total))
        else:
            done = megabytes(p.done)
        line = f"{p.file} ({p.index}/{p.count})  {done}"
        if self.tty:
            now = time.monotonic()
            if now - self._shown >= 0.1 or p.done == p.total:
                self._shown = now
                self._line.draw(line)
                self.stream.flush()
        elif p.file != self._file:
            self._file = p.file
            self.stream.write(_("downloading {file} ({index}/{count})").format(
                file=p.file, index=p.index, count=p.count) + "\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self._shown:
            self.stream.write("\n")
            self.stream.flush()


HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {"data": run_data}
