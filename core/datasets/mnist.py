"""MNIST and Fashion-MNIST from the cache folder, as one :class:`Dataset` with its own test part.

The 60,000 training images come first and the 10,000 test images last, marked as the data
set's ``fixed_test`` part, so every project is judged on the same test images as the
literature; validation is carved from the training images by the project's split. Nothing is
downloaded here: a set not yet fetched is a DataError naming ``netcanvas data fetch NAME``.
Files put in the cache folder by hand are checked against their checksums before they are read
(once: :mod:`.cache_check` remembers); a file that differs is an error naming it, never used.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.datasets.cache_check import verify
from core.datasets.dataset import Dataset
from core.datasets.download import wrong_files
from core.datasets.errors import DataError
from core.datasets.idx_import import IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, idx_array, open_idx
from core.datasets.images import pixel_names
from core.datasets.remote import cache_folder, not_cached_error, remote_set
from core.i18n import N_, _

REFETCH = N_("delete the file and run `netcanvas data fetch {name}` again")


def load_mnist(name: str = "mnist") -> Dataset:
    """``mnist`` or ``fashion-mnist`` from the cache: pixels kept as bytes, scaled to [0, 1]
    when used (``x_divisor`` 255), labels 0..9, train rows then the fixed test rows."""
    entry = remote_set(name)
    states = verify(name)
    wrong = tuple(file for file, state in states.items() if state == "wrong")
    if wrong:
        raise wrong_files(name, wrong, loading=True)
    if any(state != "verified" for state in states.values()):
        raise not_cached_error(name)
    folder = cache_folder(name)
    path = {role: folder / file for role, file in entry.files.items()}
    with open_idx(path["train_images"], IDX_IMAGES_MAGIC, "images") as train, \
            open_idx(path["test_images"], IDX_IMAGES_MAGIC, "images") as test:
        n_train, rows, cols = train.dims
        if test.dims[1:] != train.dims[1:]:
            raise DataError(_("the test images are {test} but the training images {train}"
                              ).format(test=f"{test.dims[1]}×{test.dims[2]}",
                                       train=f"{rows}×{cols}"),
                            file=path["test_images"], hint=_(REFETCH).format(name=name))
        # the training rows, then the test rows, unzipped straight into the one array
        x = np.empty((n_train + test.dims[0], rows * cols), np.uint8)
        train.read_into(x[:n_train])
        test.read_into(x[n_train:])
    y = [_labels(path[f"{part}_labels"], idx.dims[0], entry.class_names, name)
         for part, idx in (("train", train), ("test", test))]
    return Dataset(
        name=name,
        x=x,
        x_divisor=255.0,
        y=np.concatenate(y).astype(np.int64),
        task="classification",
        feature_names=pixel_names(rows, cols),
        class_names=entry.class_names,
        source=f"{entry.credit}, {n_train:,} train + {test.dims[0]:,} test images, "
        f"from {folder}",  # i18n: not ui (stored)
        fixed_test=int(test.dims[0]),
    )


def _labels(path: Path, n_images: int, class_names: tuple[str, ...], name: str) -> np.ndarray:
    """The labels file of ``n_images`` images, checked."""
    labels = idx_array(path, IDX_LABELS_MAGIC, "labels")
    if labels.ndim != 1 or labels.shape[0] != n_images:
        raise DataError(_("{labels} labels for {images} images").format(
                            labels=f"{labels.shape[0]:,}", images=f"{n_images:,}"),
                        file=path, hint=_(REFETCH).format(name=name))
    if labels.max() >= len(class_names):
        raise DataError(_("labels must be 0..{last}").format(last=len(class_names) - 1),
                        file=path, hint=_(REFETCH).format(name=name))
    return labels
