"""Checks of a project file's parts, kept apart from :mod:`core.project` to keep it short:
each failure is a :class:`ProjectError` sentence a student can act on."""

from __future__ import annotations

import errno
import os
import stat
import struct
from pathlib import Path
from typing import Any

import numpy as np

from core.engine.network import build
from core.i18n import _
from core.spec import NetworkSpec
from core.spec_problems import SpecError

PROJECT_JSON = "project.json"
WEIGHTS_NPZ = "weights.npz"


class ProjectError(Exception):
    """A project file cannot be written or read; the message says which file and why."""


class PlaceError(ProjectError):
    """The file system refused to write where the file was to go: another folder may work."""


#: errors of the place a file goes (the folder, the disk, the name), not of what is written
PLACE_ERRORS = {errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS,
                errno.ENOSPC, errno.ENAMETOOLONG}
#: bytes of a file's name kept in the name of the temporary file written beside it: the
#: temporary's own additions (".", random letters, ".tmp") must fit in the 255 bytes a name
#: may have, or a name that fits could not be written
TEMPORARY_NAME_BYTES = 200


def temporary_prefix(name: str) -> str:
    """The ``prefix`` for ``tempfile.mkstemp``/``mkdtemp`` of a file written beside ``name``
    and then renamed onto it: hidden, recognisable, and short enough for any name that fits."""
    while len(name.encode("utf-8", "surrogateescape")) > TEMPORARY_NAME_BYTES:
        name = name[:-1]
    return f".{name}."


def read_only_file(path: Path) -> bool:
    """Whether ``path`` is an existing file marked read-only (by its owner, another program or
    a teacher handing it out). Replacing it by a rename would work where the folder may be
    written, yet overwrite what someone protected; on Windows the rename fails."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def refuse_read_only(path: Path) -> None:
    """PermissionError (said by :func:`write_reason`) when ``path`` is a read-only file: a
    rename onto it would replace it all the same (on Windows the rename fails)."""
    if read_only_file(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))


def write_reason(exc: OSError, path: Path) -> str:
    """Why ``path`` could not be written, in words for the common causes and the system's
    own text for the others."""
    folder = path.parent
    if exc.errno == errno.ENOENT:
        return _("the folder {folder} does not exist").format(folder=folder)
    if exc.errno == errno.ENOTDIR:
        return _("{path} is inside a file, not a folder").format(path=path)
    if exc.errno in (errno.EACCES, errno.EPERM) and read_only_file(path):
        return _("{name} is read-only, so it is not replaced").format(name=path.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("{folder} cannot be written to (it is read-only or you have no "
                 "permission)").format(folder=folder)
    if exc.errno == errno.ENOSPC:
        return _("the disk is full")
    if exc.errno == errno.ENAMETOOLONG:
        return _("the name is too long for the file system (at most 255 bytes; a Hangul "
                 "letter takes 3)")
    return exc.strerror or str(exc)


def place_error(path: Path) -> OSError | None:
    """The error a write of ``path`` would meet because of where it goes (its folder missing,
    a file, or read-only; the file itself read-only), found before any work is done; None when
    the place looks fine. Say it with :func:`write_reason` or :func:`save_error`."""
    folder = path.absolute().parent
    if not folder.exists():
        code = errno.ENOENT
    elif not folder.is_dir():
        code = errno.ENOTDIR
    elif not os.access(folder, os.W_OK) or read_only_file(path):
        code = errno.EACCES
    else:
        return None
    return OSError(code, os.strerror(code), str(path))


def save_error(exc: OSError, path: Path) -> ProjectError:
    """The error for a save of ``path`` that failed with ``exc``."""
    kind = PlaceError if exc.errno in PLACE_ERRORS else ProjectError
    return kind(_("cannot save {file}: {reason}").format(file=path.name,
                                                         reason=write_reason(exc, path)))


def dismissed(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProjectError(_("'dismissed_warnings' in {member} must be a list of names").format(
            member=PROJECT_JSON))
    return tuple(dict.fromkeys(value))


def starts_like_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def reason(exc: BaseException) -> str:
    """The library's own words when it has some (a KeyError or struct.error alone says little
    to a student, so its kind is named too)."""
    text = str(exc).strip("'\"")
    if isinstance(exc, (KeyError, struct.error)) or not text:
        return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text


def check_weights(spec: NetworkSpec, params: dict[str, np.ndarray],
                  state: dict[str, np.ndarray]) -> None:
    """Stored weights must be float arrays with exactly the names and shapes the spec needs."""
    try:
        network = build(spec)
    except SpecError as exc:
        raise ProjectError(_("the network has weights but cannot be built: {reason}").format(
            reason=exc)) from None
    for stored, needed, message in (
            (params, network.params, _("the weights in {member} do not match the network: "
                                       "{problems}")),
            (state, network.state, _("the batch-norm statistics in {member} do not match the "
                                     "network: {problems}"))):
        problems = [_("missing {name}").format(name=name) for name in needed if name not in stored]
        problems += [_("unexpected {name}").format(name=name)
                     for name in stored if name not in needed]
        for name, array in stored.items():
            if array.dtype.kind != "f":
                problems.append(_("{name} holds {dtype} values, not decimals").format(
                    name=name, dtype=array.dtype))
            elif name in needed and array.shape != needed[name].shape:
                problems.append(_("{name} has shape {shape}, the network needs {needed}").format(
                    name=name, shape=array.shape, needed=needed[name].shape))
        if problems:
            raise ProjectError(message.format(member=WEIGHTS_NPZ, problems="; ".join(problems)))


def text_field(document: dict[str, Any], key: str) -> str:
    value = document.get(key, "")
    if not isinstance(value, str):
        raise ProjectError(_("{member}: {key} must be text, not {kind}").format(
            member=PROJECT_JSON, key=repr(key), kind=type(value).__name__))
    return value
