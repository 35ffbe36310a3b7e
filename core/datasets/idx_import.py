"""Reading MNIST's IDX files (raw or gzip): an images file and its labels file."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from core.datasets.dataset import Dataset
from core.datasets.errors import DataError
from core.datasets.files import dataset_name, read_bytes
from core.datasets.targets import encode_labels

IDX_IMAGES_MAGIC = 0x00000803
IDX_LABELS_MAGIC = 0x00000801


def idx_array(path: str | Path, magic: int, what: str) -> np.ndarray:
    """The unsigned-byte array of an IDX file, after checking magic number and size."""
    path = Path(path)
    data = read_bytes(path)
    n_dims = magic & 0xFF
    header_size = 4 + 4 * n_dims
    found = int.from_bytes(data[:4], "big") if len(data) >= 4 else None
    if found != magic:
        other = {IDX_IMAGES_MAGIC: "images", IDX_LABELS_MAGIC: "labels"}.get(found)
        hint = (f"this looks like the {other} file; give the images file first, the labels "
                "file second" if other else
                f"choose an MNIST-style *-idx{n_dims}-ubyte file (raw or .gz)")
        shown = "nothing" if found is None else f"0x{found:08X}"
        raise DataError(f"this is not an IDX {what} file: it should start with the magic number "
                        f"0x{magic:08X}, found {shown}", file=path, hint=hint)
    if len(data) < header_size:
        raise DataError(f"the file is truncated inside its {header_size}-byte header",
                        file=path, hint="download the file again")
    dims = tuple(int.from_bytes(data[4 + 4 * k: 8 + 4 * k], "big") for k in range(n_dims))
    expected = header_size + math.prod(dims)
    if len(data) != expected:
        state = "truncated" if len(data) < expected else "longer than its header says"
        raise DataError(f"the file is {state}: its header promises {' × '.join(map(str, dims))} "
                        f"values ({expected:,} bytes) but the file has {len(data):,} bytes",
                        file=path, hint="download the file again")
    if dims[0] == 0:
        raise DataError(f"the file holds no {what}", file=path, hint="choose a non-empty file")
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(dims)


def load_idx(images_path: str | Path, labels_path: str | Path) -> Dataset:
    """MNIST-style IDX files (raw or gzip): images N×rows×cols as bytes whose features are
    scaled to [0, 1] (``x_divisor`` 255), labels N."""
    images = idx_array(images_path, IDX_IMAGES_MAGIC, "images")
    labels = idx_array(labels_path, IDX_LABELS_MAGIC, "labels")
    n, rows, cols = images.shape
    if labels.shape[0] != n:
        raise DataError(f"this file holds {labels.shape[0]:,} labels but "
                        f"{Path(images_path).name} holds {n:,} images", file=labels_path,
                        hint="use the labels file that belongs to these images "
                        "(train with train, t10k with t10k)")
    y, class_names = encode_labels(labels, Path(labels_path), None)
    return Dataset(
        name=dataset_name(Path(images_path)),
        x=images.reshape(n, rows * cols),
        x_divisor=255.0,
        y=y,
        task="classification",
        feature_names=tuple(f"pixel_{r}_{c}" for r in range(rows) for c in range(cols)),
        class_names=class_names,
        source=f"{images_path} + {labels_path}",
    )


def labels_beside(images_path: Path) -> Path:
    """MNIST's naming: train-images-idx3-ubyte[.gz] sits next to train-labels-idx1-ubyte[.gz]."""
    name = images_path.name.replace("images", "labels").replace("idx3", "idx1")
    labels_path = images_path.with_name(name)
    if name == images_path.name or not labels_path.exists():
        raise DataError(f"the labels file {name} was not found next to the images",
                        file=images_path, hint="put it in the same folder, or give labels_path")
    return labels_path

