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
import re
import shutil
import socket
import tempfile
import textwrap
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from core.datasets.cache_check import remember, verify
from core.datasets.errors import DataError
from core.datasets.remote import cache_folder, cache_root, known_hashes, mirrors, remote_set
from core.file_writes import write_reason
from core.i18n import _, ngettext

TIMEOUT_SECONDS, CONNECT_TIMEOUT_SECONDS = 20, 5  # bytes that stop; a mirror unreachable
CANCEL_POLL_SECONDS = 0.05  # how soon a cancel reaches a download waiting for bytes
REASONS = ("checksum", "wrong-file", "not-found", "offline", "certificate", "interrupted",
           "cancelled")


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


class FetchError(DataError):
    """A fetch failed; ``reason`` is one of :data:`REASONS` (``"checksum"``, ``"wrong-file"``,
    ``"not-found"``, ``"offline"``, ``"certificate"`` (HTTPS could not be verified),
    ``"interrupted"``, ``"cancelled"``) so callers can react
    without parsing the message. ``problem`` says what happened to whom reads it in a window or
    a terminal alike; ``hint`` (what to do) names ``netcanvas data fetch``, so the window words
    its own from ``reason``, ``set_name``, ``file_names`` (the files concerned), ``folder`` and
    ``details`` (what each mirror answered)."""

    def __init__(self, reason: str, problem: str, hint: str, *, set_name: str = "",
                 file_names: tuple[str, ...] = (), details: str = "") -> None:
        self.reason = reason
        self.set_name = set_name
        self.file_names = file_names
        self.folder = cache_folder(set_name) if set_name else None
        self.details = details
        shown = _("{problem} ({details})").format(problem=problem, details=details) \
            if details else problem
        super().__init__(shown, hint=hint)
        self.problem = problem


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
        raise _cancelled(name)
    wrong = tuple(f for f, state in states.items() if state == "wrong")
    if wrong:
        raise wrong_files(name, wrong)
    missing = [f for f, state in states.items() if state != "verified"]
    if not missing:
        return folder
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
                raise _cancelled(name)
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
            raise _cancelled(name) from None
        except requests.HTTPError as exc:
            status = exc.response.status_code if exc.response is not None else "?"
            failures.append(("not-found" if status in (404, 410) else "offline", url,
                             f"HTTP {status}"))
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ReadTimeout,
                requests.exceptions.ContentDecodingError) as exc:
            failures.append(("interrupted", url, _("the connection broke off ({error})").format(
                error=_short(exc))))
        except requests.exceptions.SSLError as exc:  # a ConnectionError, but not offline
            failures.append(("certificate", url, _("the secure connection failed ({error})")
                             .format(error=_short(exc))))
        except requests.RequestException as exc:
            failures.append(("offline", url, _("cannot connect ({error})").format(
                error=_short(exc))))
        except ValueError:  # pooch's hash check (its text is English); it deleted the file
            failures.append(("checksum", url, _("the file received has a different checksum")))
    raise _failed(name, file, failures)


def _short(exc: Exception) -> str:
    """The useful end of a requests error: "Connection refused", "timed out", "certificate
    verify failed: self-signed certificate", …"""
    text = str(exc)
    reason = re.search(r"\[(?:Errno -?\d+|SSL: \w+)\] ([^'\"()\]]+)", text)
    if reason:
        return reason.group(1).strip()
    if "timed out" in text.lower():
        return _("timed out")
    return textwrap.shorten(text.splitlines()[0], 120, placeholder=" …") if text else \
        type(exc).__name__  # cut between words, never inside one


def _by_hand(name: str) -> dict[str, str]:
    """The placeholders of "or download the four files ({files}) yourself, put them in {folder}
    and run `netcanvas data fetch {name}`", which ends every hint (each a whole message)."""
    entry = remote_set(name)
    return {"name": name, "files": ", ".join(entry.files.values()),
            "folder": str(cache_folder(name))}


def wrong_files(name: str, files: tuple[str, ...], *, loading: bool = False) -> FetchError:
    """Files in the cache folder whose checksum differs: never used, never deleted. The hint
    names ``netcanvas data fetch``, or (``loading``, for whoever reads the data: the window
    or the command line) both ways to download again."""
    folder = cache_folder(name)
    problem = ngettext(
        "{files} in the cache folder {folder} is not the original file of {title}: its "
        "checksum differs from the one NetCanvas keeps, so it is not used",
        "{files} in the cache folder {folder} are not the original files of {title}: their "
        "checksums differ from those NetCanvas keeps, so they are not used", len(files)).format(
        files=", ".join(files), folder=folder, title=_(remote_set(name).title))
    if loading:
        hint = ngettext(
            "replace it with the original file, or delete it and download it again (choose "
            "the data set again in the Data panel, or run `netcanvas data fetch {name}`)",
            "replace them with the original files, or delete them and download them again "
            "(choose the data set again in the Data panel, or run `netcanvas data fetch "
            "{name}`)", len(files)).format(name=name)
    else:
        hint = ngettext(
            "replace it with the original file, or delete it and run `netcanvas data fetch "
            "{name}` to download it again",
            "replace them with the original files, or delete them and run `netcanvas data "
            "fetch {name}` to download them again", len(files)).format(name=name)
    return FetchError("wrong-file", problem, hint, set_name=name, file_names=files)


def _cancelled(name: str) -> FetchError:
    return FetchError("cancelled",
                      _("the download of {name} was cancelled; nothing was kept").format(
                          name=name),
                      hint=_("fetch it again with `netcanvas data fetch {name}`").format(
                          name=name), set_name=name)


def _failed(name: str, file: str, failures: list[tuple[str, str, str]]) -> FetchError:
    """One error for every mirror's failure, named by the most telling problem."""
    problems = {problem for problem, _url, _detail in failures}
    tried = "; ".join(f"{url}: {detail}" for _problem, url, detail in failures)
    by_hand = _by_hand(name)
    title = _(remote_set(name).title)
    if "checksum" in problems:
        reason = "checksum"
        problem = _("{file} of {title} was downloaded, but it is not the original file: its "
                    "checksum differs from the one NetCanvas keeps, so the server sent a "
                    "different file (damaged, or another version). It was thrown away and "
                    "nothing was kept in the cache").format(file=file, title=title)
        hint = _("try again later, set NETCANVAS_DATA_MIRROR to another copy, or download the "
                 "four files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    elif problems == {"not-found"}:
        reason = "not-found"
        problem = _("{file} of {title} was not found (404) on any mirror").format(
            file=file, title=title)
        hint = _("set NETCANVAS_DATA_MIRROR to a server that has it, or download the four "
                 "files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    elif "interrupted" in problems:
        reason = "interrupted"
        problem = _("the download of {file} of {title} was cut off before the end; nothing "
                    "half-written was kept").format(file=file, title=title)
        hint = _("check the network and try again, or download the four files ({files}) "
                 "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                 "check them").format(**by_hand)
    elif "certificate" in problems:
        reason = "certificate"
        problem = _("cannot download {file} of {title}: the mirror's secure (HTTPS) connection "
                    "could not be verified, as happens on a network that inspects secure "
                    "connections (at a school or a company) or when this computer's date and "
                    "time are wrong").format(file=file, title=title)
        hint = _("check this computer's date and time; on a school or company network, ask "
                 "for its certificate and set REQUESTS_CA_BUNDLE to that file; or download the "
                 "four files ({files}) yourself, put them in {folder} and run `netcanvas data "
                 "fetch {name}` to check them").format(**by_hand)
    else:
        reason = "offline"
        problem = _("cannot download {file} of {title}: no mirror could be reached — this "
                    "computer seems to be offline").format(file=file, title=title)
        hint = _("connect to the internet and try again, or download the four files ({files}) "
                 "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                 "check them").format(**by_hand)
    return FetchError(reason, problem, hint, set_name=name, file_names=(file,), details=tried)
