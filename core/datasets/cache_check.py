"""Which of a remote set's files in the cache folder are the originals: checked by checksum,
remembered by size and modification time.

Files arrive in the cache folder two ways: :func:`core.datasets.download.fetch` puts them there
after checking them, or a user puts them there by hand (offline, the message tells them to).
Either way a file is used only once its checksum matches the one kept in the code; a file with
another checksum is *wrong* and is never used, overwritten or deleted — the user is told which
file it is and what to do.

Hashing costs about 3 ms per MB (MNIST's four files are 11 MB, Fashion-MNIST's 30 MB), so the
digest NetCanvas computed is remembered in ``.checksums.json`` in the set's folder, keyed by the
file's size and modification time (nanoseconds): a file is hashed again only when it changed.
That memo is written atomically (:func:`core.file_writes.write_atomically`) and is only a shortcut —
when it cannot be read or written, files are simply hashed again.

States: ``"missing"``, ``"unchecked"`` (there, never hashed in this size and time),
``"verified"`` and ``"wrong"``. :func:`cache_states` never hashes (for the GUI thread);
:func:`verify` hashes what it must (worker threads, the command line).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from core.datasets.linked import ReadCancelledError, file_hexdigest
from core.datasets.remote import cache_folder, known_hashes, remote_set
from core.file_writes import write_atomically

MEMO = ".checksums.json"
STATES = ("missing", "unchecked", "verified", "wrong")
_lock = threading.Lock()  # one read-modify-write of a memo at a time in this process


def file_digest(path: Path, algorithm: str, cancel: Callable[[], bool] | None = None) -> str:
    """``"<algorithm>:<hex>"`` of the file's bytes (:func:`~core.datasets.linked.
    file_hexdigest`, the one hashing loop); ``""`` when ``cancel`` stopped it."""
    try:
        return f"{algorithm}:{file_hexdigest(path, algorithm, cancel or (lambda: False))}"
    except ReadCancelledError:
        return ""


def _algorithm(expected: str) -> str:
    algorithm, _colon, _digest = expected.rpartition(":")
    return (algorithm or "sha256").lower()


def _normal(digest: str) -> str:
    algorithm, _colon, hexdigest = digest.rpartition(":")
    return f"{(algorithm or 'sha256').lower()}:{hexdigest.lower()}"


def _read_memo(folder: Path) -> dict[str, dict[str, object]]:
    try:
        memo = json.loads((folder / MEMO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return memo if isinstance(memo, dict) else {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


def _remembered(memo: Mapping[str, object], file: str, stamp: tuple[int, int],
                algorithm: str) -> str:
    """The digest remembered for ``file`` in this size and time with this algorithm, or ""."""
    entry = memo.get(file)
    if not isinstance(entry, dict) or (entry.get("size"), entry.get("mtime_ns")) != stamp:
        return ""
    digest = entry.get("digest")
    return digest if isinstance(digest, str) and _algorithm(digest) == algorithm else ""


def remember(folder: Path, digests: Mapping[str, str]) -> None:
    """Note the digests of files in ``folder`` (name → ``"md5:…"``) under their current size
    and time. Best effort: a folder that cannot be written to is not an error."""
    with _lock:
        memo = _read_memo(folder)
        for file, digest in digests.items():
            stamp = _stamp(folder / file)
            if stamp is not None:
                memo[file] = {"size": stamp[0], "mtime_ns": stamp[1], "digest": digest}
        try:  # atomically: a failed write leaves no temporary file in the cache folder
            write_atomically(folder / MEMO, json.dumps(memo, indent=1, sort_keys=True).encode())
        except OSError:
            return


def cache_states(name: str, hashes: Mapping[str, str] | None = None) -> dict[str, str]:
    """File name → state (``"missing"``, ``"unchecked"``, ``"verified"``, ``"wrong"``) from
    the memo alone: no file is read, so the GUI thread may ask."""
    expected = dict(known_hashes(name) if hashes is None else hashes)
    folder = cache_folder(name)
    memo = _read_memo(folder)
    states = {}
    for file in remote_set(name).files.values():
        stamp = _stamp(folder / file)
        if stamp is None:
            states[file] = "missing"
            continue
        want = _normal(expected[file])
        digest = _remembered(memo, file, stamp, _algorithm(want))
        states[file] = "unchecked" if not digest else (
            "verified" if _normal(digest) == want else "wrong")
    return states


def verify(name: str, hashes: Mapping[str, str] | None = None, *,
           cancel: Callable[[], bool] | None = None,
           checking: Callable[[str, int, int], None] | None = None) -> dict[str, str]:
    """Like :func:`cache_states`, but every unchecked file is hashed (and remembered), so each
    state is ``"missing"``, ``"verified"`` or ``"wrong"`` — unless ``cancel`` stopped it, which
    leaves the rest ``"unchecked"``. ``checking(file, index, count)`` is called before each
    file is hashed."""
    expected = dict(known_hashes(name) if hashes is None else hashes)
    states = cache_states(name, expected)
    folder = cache_folder(name)
    todo = [file for file, state in states.items() if state == "unchecked"]
    found: dict[str, str] = {}
    for index, file in enumerate(todo, start=1):
        if checking is not None:
            checking(file, index, len(todo))
        want = _normal(expected[file])
        try:
            digest = file_digest(folder / file, _algorithm(want), cancel)
        except OSError:
            states[file] = "missing"
            continue
        if not digest:
            break  # cancelled
        found[file] = digest
        states[file] = "verified" if digest == want else "wrong"
    if found:
        remember(folder, found)
    return states
