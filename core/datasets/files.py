"""Opening a data file safely: existence, size limit and gzip, before any format is parsed.

Files (also once unzipped) over :data:`MAX_FILE_BYTES` are refused. The limit lives here only:
every reader looks it up as ``files.MAX_FILE_BYTES`` when it runs.
"""

from __future__ import annotations

import gzip
import io
import math
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import numpy as np

from core.datasets.errors import DataError
from core.file_writes import read_reason, streamed
from core.i18n import _

MAX_FILE_BYTES = 1 << 30
GZIP_MAGIC = b"\x1f\x8b"
#: What zipfile, zlib and NumPy's .npy reader raise on a damaged archive, besides OSError:
#: broken structure (BadZipFile, zlib.error, struct.error, EOFError, ValueError), an unknown
#: compression method, zip version or flag (NotImplementedError), a member flagged as
#: encrypted (RuntimeError), a listed member that is not there (KeyError), sizes past C
#: limits (OverflowError). Readers catch these around archive access only, and say "damaged".
DAMAGED_ARCHIVE_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error,
                          EOFError, ValueError, NotImplementedError, RuntimeError, KeyError,
                          OverflowError)
NPY_HEADER_READERS = {(1, 0): np.lib.format.read_array_header_1_0,
                      (2, 0): np.lib.format.read_array_header_2_0}


def megabytes(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.1f} MB"


def check_file(path: str | Path) -> Path:
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError(_("the file does not exist"), file=path,
                        hint=_("check the file name and folder")) from None
    except OSError as exc:
        raise DataError(_("the file cannot be opened ({error})").format(error=read_reason(exc)),
                        file=path, hint=_("check that the file is readable")) from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(_("this is a folder, not a file"), file=path,
                        hint=_("choose a data file inside it"))
    if streamed(path):  # reading it would wait
        raise DataError(_("this is a pipe or a device, not a file"), file=path,  # for ever
                        hint=_("choose a data file"))
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(
            _("the file is {size}, more than the {limit} NetCanvas loads").format(
                size=megabytes(info.st_size), limit=megabytes(MAX_FILE_BYTES)), file=path,
            hint=_("use a smaller sample of the data"))
    return path


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, unzipped when it starts with the gzip magic number."""
    path = check_file(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _read_error(exc, path) from None
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            data = packed.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise _damaged_gzip(path) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_large_unpacked(path)
    return data


@contextmanager
def unpacked(path: str | Path) -> Iterator[IO[bytes]]:
    """The file opened for reading — unzipped as it is read when it starts with the gzip magic
    number — for a reader that puts what it reads straight where it belongs: neither the
    file's bytes nor the unzipped bytes are ever held whole (MNIST's images are 47 MB
    unzipped). Failures while the block reads are said as :func:`read_bytes` says them; the
    reader checks the unzipped size (:func:`too_large_unpacked`)."""
    path = check_file(path)
    try:
        with open(path, "rb") as handle:
            packed = handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC
            handle.seek(0)
            if not packed:
                yield handle
                return
            try:
                with gzip.GzipFile(fileobj=handle) as stream:
                    yield stream
            except (gzip.BadGzipFile, EOFError, zlib.error):
                raise _damaged_gzip(path) from None
    except OSError as exc:
        raise _read_error(exc, path) from None


def too_large_unpacked(path: Path) -> DataError:
    return DataError(_("unpacked, the file is more than {limit}").format(
                         limit=megabytes(MAX_FILE_BYTES)),
                     file=path, hint=_("use a smaller sample of the data"))


def _read_error(exc: OSError, path: Path) -> DataError:
    if isinstance(exc, PermissionError):
        return DataError(_("permission to read the file was denied"), file=path,
                         hint=_("check its permissions, or copy it to your own folder"))
    return DataError(_("the file cannot be read ({error})").format(error=read_reason(exc)),
                     file=path, hint=_("check that the file is readable"))


def _damaged_gzip(path: Path) -> DataError:
    return DataError(_("the gzip-compressed file is damaged or incomplete"), file=path,
                     hint=_("download or compress the file again"))


def dataset_name(path: Path) -> str:
    return path.name.split(".")[0] or path.name


def npy_header(member: IO[bytes]) -> tuple[tuple[int, ...], np.dtype] | None:
    """The shape and dtype a ``.npy`` member's header promises, without reading its data, so
    that a damaged header promising terabytes is refused before NumPy allocates them (callers
    compare with the member's stored size). None for a format version NetCanvas does not read.
    """
    reader = NPY_HEADER_READERS.get(np.lib.format.read_magic(member))
    if reader is None:
        return None
    shape, _fortran, dtype = reader(member)
    return shape, dtype


def promised_bytes(header: tuple[tuple[int, ...], np.dtype]) -> int:
    shape, dtype = header
    return math.prod(shape) * dtype.itemsize
