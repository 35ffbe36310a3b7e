"""MNIST and Fashion-MNIST from the cache folder, as one :class:`Dataset` with its own test part.

The 60,000 training images come first and the 10,000 test images last, marked as the data
set's ``fixed_test`` part, so every project is judged on the same test images as the
literature; validation is carved from the training images by the project's split. Nothing is
downloaded here: a set not yet fetched is a DataError naming ``netcanvas data fetch NAME``.
Files put in the cache folder by hand are checked against their checksums before they are read
(once: :mod:`.cache_check` remembers); a file that differs is an error naming it, never used.
"""

from __future__ import annotations

import numpy as np

from core.datasets.cache_check import verify
from core.datasets.dataset import Dataset
from core.datasets.download import wrong_files
from core.datasets.errors import DataError
from core.datasets.idx_import import IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC, idx_array
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
    parts = []
    for prefix in ("train", "test"):
        images_path = folder / entry.files[f"{prefix}_images"]
        labels_path = folder / entry.files[f"{prefix}_labels"]
        images = idx_array(images_path, IDX_IMAGES_MAGIC, "images")
        labels = idx_array(labels_path, IDX_LABELS_MAGIC, "labels")
        if labels.ndim != 1 or labels.shape[0] != images.shape[0]:
            raise DataError(_("{labels} labels for {images} images").format(
                                labels=f"{labels.shape[0]:,}", images=f"{images.shape[0]:,}"),
                            file=labels_path, hint=_(REFETCH).format(name=name))
        if labels.max() >= len(entry.class_names):
            raise DataError(_("labels must be 0..{last}").format(last=len(entry.class_names) - 1),
                            file=labels_path,
                            hint=_(REFETCH).format(name=name))
        parts.append((images, labels))
    (train_x, train_y), (test_x, test_y) = parts
    if train_x.shape[1:] != test_x.shape[1:]:
        raise DataError(_("the test images are {test} but the training images {train}").format(
                            test=f"{test_x.shape[1]}×{test_x.shape[2]}",
                            train=f"{train_x.shape[1]}×{train_x.shape[2]}"),
                        file=folder / entry.files["test_images"], hint=_(REFETCH).format(name=name))
    n_train, rows, cols = train_x.shape
    return Dataset(
        name=name,
        x=np.concatenate([train_x.reshape(n_train, -1), test_x.reshape(test_x.shape[0], -1)]),
        x_divisor=255.0,
        y=np.concatenate([train_y, test_y]).astype(np.int64),
        task="classification",
        feature_names=pixel_names(rows, cols),
        class_names=entry.class_names,
        source=f"{entry.credit}, {n_train:,} train + {test_x.shape[0]:,} test images, "
        f"from {folder}",  # i18n: not ui (stored)
        fixed_test=int(test_x.shape[0]),
    )
