"""Writing files safely and saying in words why a write failed — for every writer (projects,
exports, recovery copies, the data cache), so a full disk or a read-only folder is said the same
way everywhere — and why a read failed (:func:`read_reason`). A leaf module: it imports nothing
of NetCanvas but :mod:`core.i18n`."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from core.i18n import _

#: errors of the place a file goes (the folder, the disk, the name), not of what is written
PLACE_ERRORS = {errno.ENOENT, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EROFS,
                errno.ENOSPC, errno.ENAMETOOLONG, errno.EISDIR}
#: bytes of a file's name kept in the name of the temporary file written beside it: the
#: temporary's own additions (".", random letters, ".tmp") must fit in the 255 bytes a name
#: may have, or a name that fits could not be written
TEMPORARY_NAME_BYTES = 200


def _umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux);
    elsewhere set to a private 077 for an instant and put back, so a file another thread
    makes meanwhile is too private rather than open to everyone."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


#: a new file's and folder's permissions: as any program's (mkstemp's and mkdtemp's are
#: private), so a user whose umask keeps files private (077) gets private ones, others
#: ordinary ones
UMASK = _umask()
NEW_FILE_MODE, NEW_FOLDER_MODE = 0o666 & ~UMASK, 0o777 & ~UMASK


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
    folder = landing(path).parent  # a link's: where the file goes
    if exc.errno == errno.ENOENT:
        return _("the folder {folder} does not exist").format(folder=folder)
    if exc.errno == errno.ENOTDIR:
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:  # the one to move or rename: name it
            return _("{path} is a file, not a folder").format(path=blocker)
        return _("{path} is inside a file, not a folder").format(path=path)
    if exc.errno == errno.EISDIR:
        return _("{path} is a folder; give a file name").format(path=path)
    if exc.errno == errno.EEXIST and path.is_file():  # a folder was to be made there
        return _("{path} is a file, not a folder").format(path=path)
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
    return system_reason(exc)


def read_reason(exc: OSError) -> str:
    """Why a file could not be read, in words for the common causes (the caller names the
    file) and the system's own text, said as such, for the others."""
    if exc.errno == errno.ENOENT:
        return _("it does not exist")
    if exc.errno == errno.EISDIR:
        return _("it is a folder, not a file")
    if exc.errno == errno.ENOTDIR:
        return _("a folder in its path is a file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("you have no permission to read it")
    if exc.errno == errno.EIO:
        return _("the disk could not read it (a damaged disk, or a drive removed)")
    return system_reason(exc)


def system_reason(exc: OSError) -> str:
    """Why the file system refused, in words, when there is no file to name (a write in the
    background, the output redirected to a full disk) — and the last resort of
    :func:`write_reason` and :func:`read_reason`: the system's own text (English, as a rule)
    is quoted as the system's, never passed off as NetCanvas's sentence."""
    if exc.errno == errno.ENOSPC:
        return _("the disk is full")
    if exc.errno == errno.EROFS:
        return _("the disk is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("you have no permission")
    if exc.errno == errno.EIO:
        return _("the disk failed — it may be damaged, or a drive was removed")
    if exc.errno == errno.ENXIO:  # a pipe opened for writing without waiting
        return _("nothing is reading from that pipe")
    return _("the system said: {detail}").format(detail=exc.strerror or exc)


def place_error(path: Path) -> OSError | None:
    """The error a write of ``path`` would meet because of where it goes (its folder missing,
    a file, or read-only; the file itself read-only), found before any work is done; None when
    the place looks fine. Say it with :func:`write_reason` or :func:`save_error`."""
    if streamed(path):  # a device or a pipe: written in place, its folder does not matter
        return None if os.access(path, os.W_OK) else OSError(
            errno.EACCES, os.strerror(errno.EACCES), str(path))
    folder = landing(path).absolute().parent
    if not folder.exists():
        code = errno.ENOENT
    elif not folder.is_dir():
        code = errno.ENOTDIR
    elif not os.access(folder, os.W_OK) or read_only_file(path):
        code = errno.EACCES
    else:
        return None
    return OSError(code, os.strerror(code), str(path))


def landing(path: Path) -> Path:
    """Where a write of ``path`` lands: the file a symbolic link points at (followed to the
    end), else ``path``. A rename onto the link itself replaced the link by a file and left the
    file it pointed at, the one the user keeps, as it was."""
    try:
        linked = path.is_symlink()
    except OSError:  # a name too long for the file system: the write says so
        return path
    return Path(os.path.realpath(path)) if linked else path


def streamed(path: Path) -> bool:
    """Whether ``path`` is a device or a pipe (``/dev/null``, a FIFO), or reaches through its
    links a file a process holds open (``/dev/stdout``: :func:`_descriptor`): it is written in
    place, as a stream, never replaced by a rename — a rename replaced the device itself by a
    file (as root, ``/dev/null``), and ``--log /dev/stdout > run.txt`` followed the links to
    run.txt and replaced it, so the shell's file lost everything else the command printed."""
    if _descriptor(path) is not None:
        return True
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _descriptor(path: Path) -> tuple[str, int] | None:
    """(the process — "self" or a number —, the descriptor) when ``path`` reaches, through
    its links, ``/proc/<pid>/fd/N`` or ``/dev/fd/N``; else None."""
    current = os.path.abspath(path)
    for _hop in range(40):  # the system's own limit on links in a row
        parts = Path(current).parts
        if parts[:3] == ("/", "dev", "fd") and len(parts) == 4 and parts[3].isdigit():
            return "self", int(parts[3])
        if (parts[:2] == ("/", "proc") and len(parts) == 5 and parts[3] == "fd"
                and parts[4].isdigit()):
            return parts[2], int(parts[4])
        try:
            target = os.readlink(current)
        except OSError:  # not a link (or not there): the chain ends
            return None
        current = os.path.abspath(os.path.join(os.path.dirname(current), target))
    return None


def _write_in_place(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write a device, a pipe or an open file as a stream. One of this process's own
    (``/dev/stdout``) is written through that very descriptor, after what Python holds for it:
    opened again, the file's own position would write over what the command printed. A pipe
    nobody reads from is refused at once (ENXIO) instead of waiting for a reader for ever."""
    own = _descriptor(path)
    if own is not None and own[0] in ("self", str(os.getpid())):
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        descriptor = os.dup(own[1])
    else:
        try:
            fifo = stat.S_ISFIFO(path.stat().st_mode)
        except OSError:
            fifo = False
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | (os.O_NONBLOCK if fifo else 0))
        os.set_blocking(descriptor, True)  # a reader is there: write as to any file
    with os.fdopen(descriptor, "wb") as handle:
        _put(handle, data)


def _put(handle: BinaryIO, data: bytes | Callable[[BinaryIO], None]) -> None:
    if callable(data):
        data(handle)
    else:
        handle.write(data)


def write_atomically(path: str | Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (the bytes, or a function writing them into the open file) to ``path``
    through a temporary file beside it and a rename, so a failed write (a full disk) leaves
    the old file as it was and never half a new one; a file replaced keeps its permissions.
    A symbolic link's file is written (:func:`landing`), a device or a pipe in place
    (:func:`streamed`). OSError (say it with :func:`write_reason`) when it cannot be written."""
    path = Path(path)
    if streamed(path):  # (before following links: /dev/stdout links to what it writes to)
        _write_in_place(path, data)
        return
    path = landing(path)
    refuse_read_only(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.absolute().parent,
                                             prefix=temporary_prefix(path.name), suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            _put(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
