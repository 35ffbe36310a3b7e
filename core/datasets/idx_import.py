"""Reading MNIST's IDX files (raw or gzip): an images file and its labels file."""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, NoReturn

import numpy as np

from core.datasets import files
from core.datasets.dataset import Dataset
from core.datasets.errors import DataError
from core.datasets.files import dataset_name
from core.datasets.images import pixel_names
from core.datasets.targets import encode_labels
from core.i18n import N_, _

IDX_IMAGES_MAGIC = 0x00000803
IDX_LABELS_MAGIC = 0x00000801
#: Sentences naming what an IDX file should hold ("images" or "labels"), one each so that every
#: one translates whole.
NOT_IDX = {"images": N_("this is not an IDX images file: it should start with the magic number "
                        "{expected}, found {found}"),
           "labels": N_("this is not an IDX labels file: it should start with the magic number "
                        "{expected}, found {found}")}
LOOKS_LIKE = {"images": N_("this looks like the images file; give the images file first, the "
                           "labels file second"),
              "labels": N_("this looks like the labels file; give the images file first, the "
                           "labels file second")}
HOLDS_NONE = {"images": N_("the file holds no images"), "labels": N_("the file holds no labels")}


#: bytes read from an IDX file at a time: what is read goes straight into its array
CHUNK_BYTES = 1 << 20


class IdxFile:
    """An IDX file being read, its header checked: ``dims`` is the shape of its array.
    :meth:`read_into` puts the values into an array of that shape as they are unzipped, so
    they exist once — MNIST's training images were held three times over for a moment (the
    packed file, the unzipped bytes, and the array the training and test images are joined
    in). Made by :func:`open_idx`."""

    def __init__(self, stream: IO[bytes], path: Path, magic: int, what: str) -> None:
        self._stream, self.path = stream, path
        n_dims = magic & 0xFF
        self.header_size = 4 + 4 * n_dims
        head = stream.read(self.header_size)
        found = int.from_bytes(head[:4], "big") if len(head) >= 4 else None
        if found != magic:
            other = {IDX_IMAGES_MAGIC: "images", IDX_LABELS_MAGIC: "labels"}.get(found)
            hint = (_(LOOKS_LIKE[other]) if other else
                    _("choose an MNIST-style *-idx{n}-ubyte file (raw or .gz)").format(n=n_dims))
            shown = _("nothing") if found is None else f"0x{found:08X}"
            raise DataError(_(NOT_IDX[what]).format(expected=f"0x{magic:08X}", found=shown),
                            file=path, hint=hint)
        if len(head) < self.header_size:
            raise DataError(_("the file is truncated inside its {n}-byte header").format(
                                n=self.header_size), file=path, hint=_("download the file again"))
        self.dims = tuple(int.from_bytes(head[4 + 4 * k: 8 + 4 * k], "big")
                          for k in range(n_dims))
        self.what = what
        if self.expected > files.MAX_FILE_BYTES:  # a header no file NetCanvas reads can hold
            self._refuse_length(self.header_size + self._rest())

    @property
    def expected(self) -> int:
        """The file's length (unzipped) that its header promises."""
        return self.header_size + math.prod(self.dims)

    def read(self) -> np.ndarray:
        """The file's values as a new array of shape ``dims``."""
        out = np.empty(self.dims, np.uint8)
        self.read_into(out)
        return out

    def read_into(self, out: np.ndarray) -> None:
        """Fill ``out`` (C-contiguous bytes, as many as the header promises) with the file's
        values; DataError when the file is shorter or longer than that, or holds none."""
        view = memoryview(out).cast("B")
        if len(view) != self.expected - self.header_size:
            raise ValueError(f"{out.shape} does not hold {self.dims}")  # i18n: not ui
        filled = 0
        while filled < len(view):
            got = self._stream.readinto(view[filled:filled + CHUNK_BYTES])
            if not got:
                break
            filled += got
        length = self.header_size + filled
        if filled == len(view):
            length += self._rest()
        if length != self.expected:
            self._refuse_length(length)
        if self.dims[0] == 0:
            raise DataError(_(HOLDS_NONE[self.what]), file=self.path,
                            hint=_("choose a non-empty file"))

    def _rest(self) -> int:
        """How many bytes are left, counted up to just past the size limit."""
        counted = 0
        while counted <= files.MAX_FILE_BYTES:
            chunk = self._stream.read(CHUNK_BYTES)
            if not chunk:
                break
            counted += len(chunk)
        return counted

    def _refuse_length(self, length: int) -> NoReturn:
        if length > files.MAX_FILE_BYTES:
            raise files.too_large_unpacked(self.path)
        problem = _("the file is truncated: its header promises {shape} values ({expected} "
                    "bytes) but the file has {found} bytes") if length < self.expected else \
            _("the file is longer than its header says: its header promises {shape} values "
              "({expected} bytes) but the file has {found} bytes")
        raise DataError(problem.format(shape=" × ".join(map(str, self.dims)),
                                       expected=f"{self.expected:,}", found=f"{length:,}"),
                        file=self.path, hint=_("download the file again"))


@contextmanager
def open_idx(path: str | Path, magic: int, what: str) -> Iterator[IdxFile]:
    """``path`` opened as an IDX file of ``magic`` ("images" or "labels": ``what``), its
    header checked (raw or gzip)."""
    path = Path(path)
    with files.unpacked(path) as stream:
        yield IdxFile(stream, path, magic, what)


def idx_array(path: str | Path, magic: int, what: str) -> np.ndarray:
    """The unsigned-byte array of an IDX file, after checking magic number and size."""
    with open_idx(path, magic, what) as idx:
        return idx.read()


def load_idx(images_path: str | Path, labels_path: str | Path | None = None) -> Dataset:
    """MNIST-style IDX files (raw or gzip): images N×rows×cols as bytes whose features are
    scaled to [0, 1] (``x_divisor`` 255), labels N — from ``labels_path``, else the labels
    file beside the images (:func:`labels_beside`, looked for once the images file has proved
    to be one)."""
    images = idx_array(images_path, IDX_IMAGES_MAGIC, "images")
    if labels_path is None:
        labels_path = labels_beside(Path(images_path))
    labels = idx_array(labels_path, IDX_LABELS_MAGIC, "labels")
    n, rows, cols = images.shape
    if labels.shape[0] != n:
        raise DataError(_("this file holds {labels} labels but {images_file} holds {images} "
                          "images").format(labels=f"{labels.shape[0]:,}",
                                           images_file=Path(images_path).name, images=f"{n:,}"),
                        file=labels_path,
                        hint=_("use the labels file that belongs to these images "
                               "(train with train, t10k with t10k)"))
    y, class_names = encode_labels(labels, Path(labels_path), None)
    return Dataset(
        name=dataset_name(Path(images_path)),
        x=images.reshape(n, rows * cols),
        x_divisor=255.0,
        y=y,
        task="classification",
        feature_names=pixel_names(rows, cols),
        class_names=class_names,
        source=f"{images_path} + {labels_path}",  # i18n: not ui
    )


def labels_beside(images_path: Path) -> Path:
    """MNIST's naming: train-images-idx3-ubyte[.gz] sits next to train-labels-idx1-ubyte[.gz]."""
    name = images_path.name.replace("images", "labels").replace("idx3", "idx1")
    labels_path = images_path.with_name(name)
    if name == images_path.name or not labels_path.exists():
        raise DataError(_("the labels file {name} was not found next to the images").format(
                            name=name),
                        file=images_path,
                        hint=_("put the labels file in the same folder as the images file, "
                               "named {name}").format(name=name))
    return labels_path


def images_beside_name(labels_path: Path) -> str:
    """The images file's name that MNIST's naming pairs with ``labels_path``."""
    return labels_path.name.replace("labels", "images").replace("idx1", "idx3")

