"""Reading MNIST's IDX files (raw or gzip): an images file and its labels file."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from core.datasets.dataset import Dataset
from core.datasets.errors import DataError
from core.datasets.files import dataset_name, read_bytes
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


def idx_array(path: str | Path, magic: int, what: str) -> np.ndarray:
    """The unsigned-byte array of an IDX file, after checking magic number and size."""
    path = Path(path)
    data = read_bytes(path)
    n_dims = magic & 0xFF
    header_size = 4 + 4 * n_dims
    found = int.from_bytes(data[:4], "big") if len(data) >= 4 else None
    if found != magic:
        other = {IDX_IMAGES_MAGIC: "images", IDX_LABELS_MAGIC: "labels"}.get(found)
        hint = (_(LOOKS_LIKE[other]) if other else
                _("choose an MNIST-style *-idx{n}-ubyte file (raw or .gz)").format(n=n_dims))
        shown = _("nothing") if found is None else f"0x{found:08X}"
        raise DataError(_(NOT_IDX[what]).format(expected=f"0x{magic:08X}", found=shown),
                        file=path, hint=hint)
    if len(data) < header_size:
        raise DataError(_("the file is truncated inside its {n}-byte header").format(
                            n=header_size), file=path, hint=_("download the file again"))
    dims = tuple(int.from_bytes(data[4 + 4 * k: 8 + 4 * k], "big") for k in range(n_dims))
    expected = header_size + math.prod(dims)
    if len(data) != expected:
        problem = _("the file is truncated: its header promises {shape} values ({expected} "
                    "bytes) but the file has {found} bytes") if len(data) < expected else \
            _("the file is longer than its header says: its header promises {shape} values "
              "({expected} bytes) but the file has {found} bytes")
        raise DataError(problem.format(shape=" × ".join(map(str, dims)), expected=f"{expected:,}",
                                       found=f"{len(data):,}"),
                        file=path, hint=_("download the file again"))
    if dims[0] == 0:
        raise DataError(_(HOLDS_NONE[what]), file=path, hint=_("choose a non-empty file"))
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(dims)


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

