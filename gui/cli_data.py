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

from core.datasets.download import Progress, fetch
from core.datasets.files import megabytes
from core.datasets.remote import (
    CACHE_ENV,
    MIRROR_ENV,
    REMOTE,
    cache_folder,
    cache_root,
    cached_files,
    is_cached,
)

EXIT_OK = 0


def add_parsers(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Add ``data`` (with ``list`` and ``fetch``) to the ``netcanvas`` parser."""
    env = (f"environment:\n  {MIRROR_ENV}  a base URL used instead of the public mirrors "
           f"($URL/<file name>)\n  {CACHE_ENV}    the cache folder to use instead of the "
           "user's cache folder")
    data = commands.add_parser(
        "data", help="list and download the larger data sets (MNIST, Fashion-MNIST)",
        description="MNIST and Fashion-MNIST are too large to ship: they are downloaded once, "
        "checked against checksums kept in NetCanvas, and kept in the user's cache folder.",
        epilog=f"{env}\n\n{epilog}", formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = data.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="what can be downloaded, and what is cached (with sizes)")
    get = actions.add_parser(
        "fetch", help="download a data set into the cache (if it is not there yet)",
        description="Download the four files of a data set, check their checksums and keep "
        "them in the cache folder, then print that folder. Nothing is kept if anything fails.",
        epilog=f"{env}\n\n{epilog}", formatter_class=argparse.RawDescriptionHelpFormatter)
    get.add_argument("name", choices=list(REMOTE), help="the data set")
    get.add_argument("--quiet", action="store_true", help="no progress line")


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
    print(f"cache folder: {cache_root()}")
    for name, entry in REMOTE.items():
        sizes = cached_files(name)
        if is_cached(name):
            state = f"cached, {megabytes(sum(sizes.values()))} in {cache_folder(name)}"
        elif sizes:
            state = (f"partly cached ({len(sizes)} of {len(entry.files)} files, "
                     f"{megabytes(sum(sizes.values()))}); run `netcanvas data fetch {name}`")
        else:
            state = f"not cached; `netcanvas data fetch {name}` downloads about " \
                    f"{entry.download_mb:g} MB"
        print(f"{name:14} {entry.title}: {state}")
    return EXIT_OK


class FetchProgress:
    """``train-images-idx3-ubyte.gz (1/4)  3.2 MB of 9.5 MB`` redrawn on one terminal line at
    most 10 times a second, or one line per file when the output is piped."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._shown = 0.0
        self._file = ""

    def update(self, p: Progress) -> None:
        of = f" of {megabytes(p.total)}" if p.total else ""
        line = f"{p.file} ({p.index}/{p.count})  {megabytes(p.done)}{of}"
        if self.tty:
            now = time.monotonic()
            if now - self._shown >= 0.1 or p.done == p.total:
                self._shown = now
                self.stream.write(f"\r{line:<60}")
                self.stream.flush()
        elif p.file != self._file:
            self._file = p.file
            self.stream.write(f"downloading {p.file} ({p.index}/{p.count})\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty and self._shown:
            self.stream.write("\n")
            self.stream.flush()


HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {"data": run_data}
