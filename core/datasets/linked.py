"""Imported files a project refers to by path and checksum instead of holding them.

A 47 MB MNIST import embedded in a project makes every save and open slow; above
:data:`EMBED_LIMIT_BYTES` NetCanvas stores where the file is and its SHA-256 instead, and checks
both when the project opens: a file that has moved, or whose bytes changed since (so the
project would silently train on other data), is a :class:`LinkedFileError` that says which
file, what happened and what to do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.datasets.errors import DataError
from core.file_writes import read_reason
from core.i18n import N_, _
from core.unknown_fields import extra_fields, unknown_fields

#: imports larger than this are referred to, not embedded (unless the user asks to embed)
EMBED_LIMIT_BYTES = 20 << 20
HASH_BLOCK = 1 << 20
#: true both on the command line and in the window (which shows the same message)
LOCATE_HINT = N_("put the original file back at that path, or locate the file in the window, "
                 "where the project also opens without its data (`netcanvas gui PROJECT`; the "
                 "Data set part of the Build panel offers to look for it)")


class LinkedFileError(DataError):
    """A referenced data file is missing (``reason`` "moved"), different ("changed") or there
    but not readable ("unreadable", ``why`` in words: :func:`core.file_writes.read_reason`)."""

    def __init__(self, linked: LinkedFile, reason: str, why: str = "") -> None:
        self.linked = linked
        self.reason = reason
        hint = _(LOCATE_HINT)
        if reason == "moved":
            problem = _("the data file {path} is no longer there: it has been moved, renamed or "
                        "deleted since the project was saved")
        elif reason == "unreadable":  # not "changed": its bytes were never read
            problem = _("the data file {path} cannot be read ({why})")
            hint = _("make it readable, or locate a copy of it in the window, where the project "
                     "also opens without its data (`netcanvas gui PROJECT`; the Data set part "
                     "of the Build panel offers to look for it)")
        else:
            problem = _("the data file {path} has changed since the project was saved (its "
                        "SHA-256 checksum differs), so it is not the data this project was made "
                        "with")
        super().__init__(problem.format(path=linked.path, why=why), hint=hint)


@dataclass(frozen=True)
class LinkedFile:
    """One referenced file: its absolute ``path``, SHA-256 (hex) and size in bytes."""

    path: str
    sha256: str
    size: int

    @classmethod
    def of(cls, path: str | Path, cancelled: Callable[[], bool] = lambda: False) -> LinkedFile:
        path = Path(path).resolve()
        return cls(str(path), sha256_of(path, cancelled), path.stat().st_size)

    def check(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """LinkedFileError unless the file is at its path with the same bytes."""
        if not Path(self.path).is_file():
            raise LinkedFileError(self, "moved")
        try:
            same = self.held_by(self.path, cancelled)
        except OSError as exc:
            raise LinkedFileError(self, "unreadable", read_reason(exc)) from None
        if not same:
            raise LinkedFileError(self, "changed")

    def held_by(self, path: str | Path, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Whether ``path`` holds this file's bytes; OSError when it cannot be read."""
        return Path(path).stat().st_size == self.size and sha256_of(path, cancelled) == self.sha256

    def matches(self, path: str | Path, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Whether ``path`` holds this file's bytes (False when it cannot be read)."""
        try:
            return self.held_by(path, cancelled)
        except OSError:
            return False

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "bytes": self.size}

    @classmethod
    def from_dict(cls, data: Any) -> LinkedFile:
        unknown = extra_fields(data, ("path", "sha256", "bytes"))
        if unknown:
            raise ValueError(unknown_fields(_("data: a referenced file"), unknown))
        if not isinstance(data, dict) or set(data) != {"path", "sha256", "bytes"}:
            raise ValueError(_("data: each referenced file needs exactly 'path', 'sha256' and "
                               "'bytes'"))
        path, digest, size = data["path"], data["sha256"], data["bytes"]
        if not isinstance(path, str) or not path:
            raise ValueError(_("data: a referenced file's 'path' must be text"))
        if not isinstance(digest, str) or len(digest) != 64 or \
                not all(c in "0123456789abcdef" for c in digest):
            raise ValueError(_("data: 'sha256' must be 64 lowercase hexadecimal digits"))
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ValueError(_("data: 'bytes' must be a whole number of bytes"))
        return cls(path, digest, size)


class ReadCancelledError(Exception):
    """Reading was stopped by the user."""


def file_hexdigest(path: str | Path, algorithm: str = "sha256",
                   cancelled: Callable[[], bool] = lambda: False) -> str:
    """The file's digest (any :mod:`hashlib` algorithm) in hex, read a megabyte at a time
    (``cancelled`` is asked between blocks and raises :class:`ReadCancelledError`); OSError
    when it cannot be read."""
    digest = hashlib.new(algorithm)
    with open(path, "rb") as handle:
        while block := handle.read(HASH_BLOCK):
            if cancelled():
                raise ReadCancelledError
            digest.update(block)
    return digest.hexdigest()


def sha256_of(path: str | Path, cancelled: Callable[[], bool] = lambda: False) -> str:
    """The file's SHA-256 in hex (:func:`file_hexdigest`)."""
    return file_hexdigest(path, "sha256", cancelled)

