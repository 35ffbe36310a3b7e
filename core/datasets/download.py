"""Fetching a remote set's four files with pooch: checked, all-or-nothing, cancellable.

Files already in the cache folder — downloaded before, or put there by hand — are checked
first (:mod:`.cache_check`, which remembers what it hashed): a file whose checksum differs is
never used, replaced or deleted; the fetch stops with a ``"wrong-file"`` error naming it, the
folder, and what to do. Missing files are downloaded into a staging folder beside the cache
and moved into the set's folder only when all have arrived and match their checksums (pooch
checks each one and deletes what does not match), so a failed, cut or cancelled download
never leaves a half-written or unverified file where :mod:`.mnist` reads. Each file is tried
on every mirror in order; what went wrong on each is kept so the error can say whether the
data was missing (404), the network unreachable, the connection cut, or a checksum wrong.

The window calls :func:`fetch` from a worker thread with ``progress`` and ``cancel``; the
command line calls it with a text progress line.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from core.datasets.cache_check import remember, verify
from core.datasets.errors import DataError
from core.datasets.fetch_errors import (
    FetchError,
    cancelled,
    connection_problem,
    failed,
    short,
    wrong_files,
)
from core.datasets.remote import (
    cache_folder,
    cache_root,
    known_hashes,
    mirror_problem,
    mirrors,
    remote_set,
)
from core.file_writes import write_reason
from core.i18n import _

TIMEOUT_SECONDS, CONNECT_TIMEOUT_SECONDS = 20, 5  # bytes that stop; a mirror unreachable
CANCEL_POLL_SECONDS = 0.05  # how soon a cancel reaches a download waiting for bytes


@dataclass(frozen=True)
class Progress:
    """Where a fetch is: ``done`` of ``total`` bytes (None while unknown) of ``file``, the
    ``index``-th (from 1) of ``count`` files still to download — or, with ``checking``, the
    ``index``-th of ``count`` files found in the cache folder, being checked."""

    file: str
    index: int
    count: int
    done: int
    total: int | None
    checking: bool = False


ProgressCallback = Callable[[Progress], None]
__all__ = ["FetchError", "Progress", "fetch", "wrong_files"]


class _CancelledError(Exception):
    """Raised inside pooch's download loop to stop it; pooch then deletes its temporary file."""


class _ProgressAdapter:
    """The progress-bar object pooch's HTTPDownloader drives (``total``, ``update``, ``reset``,
    ``close``), turned into :class:`Progress` calls and a cancel check per chunk.

    A chunk may never come (a server that stalls): while a file downloads, :meth:`watching`
    asks ``cancel`` every :data:`CANCEL_POLL_SECONDS` and, when it says stop, shuts the
    connection (known from :meth:`connected`, requests' response hook, which shuts it itself
    when the cancel came before the headers), so the read waiting for bytes ends at once
    instead of at the network timeout."""

    def __init__(self, file: str, index: int, count: int, progress: ProgressCallback | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.file, self.index, self.count = file, index, count
        self.progress, self.cancel = progress, cancel
        self.total: int | None = None
        self.done = 0
        self._socket: socket.socket | None = None
        self._lock = threading.Lock()

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel()

    def connected(self, response: object, *args: object, **kwargs: object) -> None:
        """requests' response hook: the headers arrived. Keep a duplicate of the connection's
        socket (its own descriptor: never one the system reused for something else once the
        response closed), to shut the connection with on a cancel."""
        fileno = getattr(getattr(response, "raw", None), "fileno", None)
        try:
            sock = socket.fromfd(fileno(), socket.AF_INET, socket.SOCK_STREAM) if fileno else None
        except (OSError, ValueError):  # no socket under it: the cancel is asked per chunk
            sock = None
        self._let_go(sock)
        if self.cancelled():  # cancelled while the headers were awaited: no chunk may come
            self._shut()

    def _let_go(self, sock: socket.socket | None = None) -> None:
        """Close the duplicate socket kept (the connection goes on) and keep ``sock`` instead."""
        with self._lock:
            old, self._socket = self._socket, sock
        if old is not None:
            old.close()

    def _shut(self) -> bool:  # whether there was a connection (known yet) to shut
        with self._lock:
            if self._socket is None:
                return False
            with contextlib.suppress(OSError):  # closed already
                self._socket.shutdown(socket.SHUT_RDWR)  # the read waiting ends now
            return True

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """While the body runs (one file's download), shut its connection on a cancel."""
        if self.cancel is None:
            yield
            return
        finished = threading.Event()

        def watch() -> None:  # a cancel before the headers waits for the connection
            while not finished.wait(CANCEL_POLL_SECONDS):
                if self.cancelled() and self._shut():
                    return

        watcher = threading.Thread(target=watch, name="download cancel watch",  # i18n: not ui
                                   daemon=True)
        watcher.start()
        try:
            yield
        finally:
            finished.set()
            watcher.join()
            self._let_go()

    def update(self, n: int) -> None:
        if self.cancelled():
            raise _CancelledError
        total = self.total or None
        self.done = min(self.done + n, total) if total else self.done + n
        if self.progress is not None:
            self.progress(Progress(self.file, self.index, self.count, self.done, total))

    def reset(self) -> None:
        self.done = 0

    def close(self) -> None:
        """Nothing to release."""


def fetch(name: str, *, progress: ProgressCallback | None = None,
          cancel: Callable[[], bool] | None = None,
          hashes: Mapping[str, str] | None = None) -> Path:
    """Make sure ``name``'s four files are in its cache folder, downloading what is missing
    or damaged, and return that folder.

    ``progress`` is called per chunk; ``cancel`` (e.g. ``threading.Event().is_set``) is asked
    per chunk, between files, and while a download waits for bytes (it then shuts the
    connection, so a stalled server never holds a cancel up). ``hashes`` (file name →
    ``"md5:…"``/``"sha256:…"``) replaces the built-in checksums — for tests serving generated
    files only. Raises :class:`FetchError` (a DataError); on any failure the cache is left as
    it was."""
    entry = remote_set(name)
    expected = dict(known_hashes(name) if hashes is None else hashes)
    if set(expected) != set(entry.files.values()):
        raise DataError(_("checksums must be given for exactly the files of {name}").format(
                            name=name), hint=", ".join(entry.files.values()))
    folder = cache_folder(name)

    def checking(file: str, index: int, count: int) -> None:
        if progress is not None:
            progress(Progress(file, index, count, 0, None, checking=True))

    states = verify(name, expected, cancel=cancel, checking=checking)
    if cancel is not None and cancel():
        raise cancelled(name)
    wrong = tuple(f for f, state in states.items() if state == "wrong")
    if wrong:
        raise wrong_files(name, wrong)
    missing = [f for f, state in states.items() if state != "verified"]
    if not missing:
        return folder
    if mirror_problem():  # (files put by hand are used above whatever it says)
        raise DataError(mirror_problem())
    import pooch  # here, not at the top: a start-up that downloads nothing never loads it

    root = cache_root()
    new_root, new_folder = not root.exists(), not folder.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-download-", dir=root))
    except OSError as exc:
        raise DataError(_cache_unwritable(exc, root),
                        hint=_("set NETCANVAS_CACHE_DIR to a folder you can write to")) from None
    logger = pooch.get_logger()
    level = logger.level
    logger.setLevel(logging.WARNING)  # pooch logs every download at INFO
    try:
        for index, file in enumerate(missing, start=1):
            if cancel is not None and cancel():
                raise cancelled(name)
            _fetch_file(name, file, expected[file], staging,
                        _ProgressAdapter(file, index, len(missing), progress, cancel))
        folder.mkdir(parents=True, exist_ok=True)
        for file in missing:
            os.replace(staging / file, folder / file)  # same file system: atomic
        remember(folder, {file: expected[file] for file in missing})  # pooch checked them
    except OSError as exc:
        raise DataError(_cache_unwritable(exc, root),
                        hint=_("free some disk space or set NETCANVAS_CACHE_DIR")) from None
    finally:
        logger.setLevel(level)
        shutil.rmtree(staging, ignore_errors=True)
        if new_folder and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()  # made for files that could not be moved into it
        if new_root and not any(root.iterdir()):
            root.rmdir()  # a failed first fetch leaves no trace at all
    return folder


def _cache_unwritable(exc: OSError, root: Path) -> str:
    """Why the cache folder ``root`` could not be written, in words (the system's English
    'File exists' said nothing of a cache folder that is a file)."""
    where = Path(os.fsdecode(exc.filename)) if exc.filename else root
    reason = write_reason(exc, where)
    if str(root) in reason:  # the folder is named once, not twice
        return _("the cache folder cannot be used: {reason}").format(reason=reason)
    return _("cannot write to the cache folder {folder}: {reason}").format(
        folder=root, reason=reason)


def _fetch_file(name: str, file: str, expected: str, staging: Path,
                bar: _ProgressAdapter) -> None:
    """Try ``file`` on every mirror until one gives it with the right checksum."""
    import pooch
    import requests

    downloader = pooch.HTTPDownloader(progressbar=bar, chunk_size=65536,
                                      timeout=(CONNECT_TIMEOUT_SECONDS, TIMEOUT_SECONDS),
                                      hooks={"response": bar.connected})
    failures: list[tuple[str, str, str]] = []  # (problem, url, detail)
    for base in mirrors(name):
        url = base + file
        bar.reset()
        try:
            with bar.watching():
                try:
                    pooch.retrieve(url, known_hash=expected, fname=file, path=staging,
                                   downloader=downloader)
                except Exception:
                    if bar.cancelled():  # the connection was shut for it: not a failure
                        raise _CancelledError from None
                    raise
            return
        except _CancelledError:
            raise cancelled(name) from None
        except requests.HTTPError as exc:
            status = exc.response.status_code if exc.response is not None else "?"
            # a server that answers, if only with an error: the network works
            failures.append(("not-found" if status in (404, 410) else "server-error", url,
                             f"HTTP {status}"))
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ReadTimeout,
                requests.exceptions.ContentDecodingError) as exc:
            failures.append(("interrupted", url, _("the connection broke off ({error})").format(
                error=short(exc))))
        except requests.exceptions.SSLError as exc:  # a ConnectionError, but not offline
            failures.append(("certificate", url, _("the secure connection failed ({error})")
                             .format(error=short(exc))))
        except requests.RequestException as exc:
            failures.append((connection_problem(exc), url, _("cannot connect ({error})").format(
                error=short(exc))))
        except ValueError:  # pooch's hash check (its text is English); it deleted the file
            failures.append(("checksum", url, _("the file received has a different checksum")))
    raise failed(name, file, failures)
