"""Fetching a remote set's four files with pooch: checked, all-or-nothing, cancellable.

Files are downloaded into a staging folder beside the cache and moved into the set's folder
only when all four have arrived and match their checksums (pooch checks each one and deletes
what does not match), so a failed, cut or cancelled download never leaves a half-written or
unverified file where :mod:`.mnist` reads. Each file is tried on every mirror in order; what
went wrong on each is kept so the error can say whether the data was missing (404), the
network unreachable, the connection cut, or a checksum wrong.

The window calls :func:`fetch` from a worker thread with ``progress`` and ``cancel``; the
command line calls it with a text progress line.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from core.datasets.errors import DataError
from core.datasets.remote import cache_folder, cache_root, known_hashes, mirrors, remote_set
from core.i18n import _

TIMEOUT_SECONDS = 20
REASONS = ("checksum", "not-found", "offline", "interrupted", "cancelled")


@dataclass(frozen=True)
class Progress:
    """Where a fetch is: ``done`` of ``total`` bytes (None while unknown) of ``file``, the
    ``index``-th (from 1) of ``count`` files still to download."""

    file: str
    index: int
    count: int
    done: int
    total: int | None


ProgressCallback = Callable[[Progress], None]


class FetchError(DataError):
    """A fetch failed; ``reason`` is one of :data:`REASONS` (``"checksum"``, ``"not-found"``,
    ``"offline"``, ``"interrupted"``, ``"cancelled"``) so callers can react without parsing
    the message."""

    def __init__(self, reason: str, message: str, hint: str) -> None:
        self.reason = reason
        super().__init__(message, hint=hint)


class _CancelledError(Exception):
    """Raised inside pooch's download loop to stop it; pooch then deletes its temporary file."""


class _ProgressAdapter:
    """The progress-bar object pooch's HTTPDownloader drives (``total``, ``update``, ``reset``,
    ``close``), turned into :class:`Progress` calls and a cancel check per chunk."""

    def __init__(self, file: str, index: int, count: int, progress: ProgressCallback | None,
                 cancel: Callable[[], bool] | None) -> None:
        self.file, self.index, self.count = file, index, count
        self.progress, self.cancel = progress, cancel
        self.total: int | None = None
        self.done = 0

    def update(self, n: int) -> None:
        if self.cancel is not None and self.cancel():
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
    per chunk and between files. ``hashes`` (file name → ``"md5:…"``/``"sha256:…"``) replaces
    the built-in checksums — for tests serving generated files only. Raises
    :class:`FetchError` (a DataError); on any failure the cache is left as it was.
    """
    entry = remote_set(name)
    expected = dict(known_hashes(name) if hashes is None else hashes)
    if set(expected) != set(entry.files.values()):
        raise DataError(_("checksums must be given for exactly the files of {name}").format(
                            name=name), hint=", ".join(entry.files.values()))
    folder = cache_folder(name)
    missing = [f for f in entry.files.values() if not _verified(folder / f, expected[f])]
    if not missing:
        return folder
    pooch = _download_tools(name)
    root = cache_root()
    new_root = not root.exists()
    try:
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-download-", dir=root))
    except OSError as exc:
        raise DataError(_("cannot write to the cache folder {folder} ({error})").format(
                            folder=root, error=exc.strerror or exc),
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
    except OSError as exc:
        raise DataError(_("cannot write to the cache folder {folder} ({error})").format(
                            folder=root, error=exc.strerror or exc),
                        hint=_("free some disk space or set NETCANVAS_CACHE_DIR")) from None
    finally:
        logger.setLevel(level)
        shutil.rmtree(staging, ignore_errors=True)
        if new_root and not any(root.iterdir()):
            root.rmdir()  # a failed first fetch leaves no trace at all
    return folder


def _download_tools(name: str) -> ModuleType:
    """pooch (and with it requests), or a DataError: the desktop bundle leaves them out, since
    it has no TLS to reach the mirrors with."""
    try:
        import pooch
        import requests  # noqa: F401  (pooch imports it only when downloading)
    except ImportError as exc:
        raise DataError(_("this copy of NetCanvas cannot download ({module} is not part of it, "
                          "as in the desktop bundle)").format(module=exc.name),
                        hint=_("fetch {name} from a pip installation of NetCanvas, or download "
                               "the four files ({files}) yourself, put them in {folder} and run "
                               "`netcanvas data fetch {name}` to check them").format(
                            **_by_hand(name))) from None
    return pooch


def _verified(path: Path, expected: str) -> bool:
    """The file is there with the expected checksum (hashlib, so files put in by hand are
    checked even where pooch is missing)."""
    if not path.is_file():
        return False
    algorithm, _colon, digest = expected.rpartition(":")
    hasher = hashlib.new(algorithm or "sha256")
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest() == digest.lower()


def _fetch_file(name: str, file: str, expected: str, staging: Path,
                bar: _ProgressAdapter) -> None:
    """Try ``file`` on every mirror until one gives it with the right checksum."""
    import pooch
    import requests

    downloader = pooch.HTTPDownloader(progressbar=bar, timeout=TIMEOUT_SECONDS, chunk_size=65536)
    failures: list[tuple[str, str, str]] = []  # (problem, url, detail)
    for base in mirrors(name):
        url = base + file
        bar.reset()
        try:
            pooch.retrieve(url, known_hash=expected, fname=file, path=staging,
                           downloader=downloader)
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
        except requests.RequestException as exc:
            failures.append(("offline", url, _("cannot connect ({error})").format(
                error=_short(exc))))
        except ValueError as exc:  # pooch's hash check; it has deleted the file
            failures.append(("checksum", url, str(exc).splitlines()[0][:200]))
    raise _failed(name, file, failures)


def _short(exc: Exception) -> str:
    """The useful end of a requests error: "Connection refused", "timed out", …"""
    text = str(exc)
    errno = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if errno:
        return errno.group(1).strip()
    if "timed out" in text.lower():
        return _("timed out")
    return text.splitlines()[0][:120] if text else type(exc).__name__


def _by_hand(name: str) -> dict[str, str]:
    """The placeholders of "or download the four files ({files}) yourself, put them in {folder}
    and run `netcanvas data fetch {name}`", which ends every hint (each a whole message)."""
    entry = remote_set(name)
    return {"name": name, "files": ", ".join(entry.files.values()),
            "folder": str(cache_folder(name))}


def _cancelled(name: str) -> FetchError:
    return FetchError("cancelled",
                      _("the download of {name} was cancelled; nothing was kept").format(
                          name=name),
                      hint=_("fetch it again with `netcanvas data fetch {name}`").format(
                          name=name))


def _failed(name: str, file: str, failures: list[tuple[str, str, str]]) -> FetchError:
    """One error for every mirror's failure, named by the most telling problem."""
    problems = {problem for problem, _url, _detail in failures}
    tried = "; ".join(f"{url}: {detail}" for _problem, url, detail in failures)
    by_hand = _by_hand(name)
    if "checksum" in problems:
        return FetchError(
            "checksum", _("{file} of {name} was downloaded but does not match its checksum, so "
                          "it was thrown away and nothing was kept in the cache ({tried})").format(
                file=file, name=name, tried=tried),
            hint=_("the mirror's copy is damaged or not the official file; try again later, set "
                   "NETCANVAS_DATA_MIRROR to another copy, or download the four files ({files}) "
                   "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                   "check them").format(**by_hand))
    if problems == {"not-found"}:
        return FetchError(
            "not-found", _("{file} of {name} was not found (404) on any mirror ({tried})").format(
                file=file, name=name, tried=tried),
            hint=_("set NETCANVAS_DATA_MIRROR to a server that has it, or download the four "
                   "files ({files}) yourself, put them in {folder} and run `netcanvas data "
                   "fetch {name}` to check them").format(**by_hand))
    if "interrupted" in problems:
        return FetchError(
            "interrupted", _("the download of {file} of {name} was cut off before the end; "
                             "nothing half-written was kept ({tried})").format(
                file=file, name=name, tried=tried),
            hint=_("check the network and try again, or download the four files ({files}) "
                   "yourself, put them in {folder} and run `netcanvas data fetch {name}` to "
                   "check them").format(**by_hand))
    return FetchError(
        "offline", _("cannot download {file} of {name}: no mirror could be reached — this "
                     "computer seems to be offline ({tried})").format(
            file=file, name=name, tried=tried),
        hint=_("connect to the internet and try again, or download the four files ({files}) "
               "yourself, put them in {folder} and run `netcanvas data fetch {name}` to check "
               "them").format(**by_hand))
