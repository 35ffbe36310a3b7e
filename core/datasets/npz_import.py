"""Reading NumPy ``.npz`` archives of X and y. Nothing is ever unpickled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from core.datasets import files
from core.datasets.dataset import Dataset, Task
from core.datasets.errors import DataError
from core.datasets.files import (
    DAMAGED_ARCHIVE_ERRORS,
    check_file,
    dataset_name,
    megabytes,
    npy_header,
    promised_bytes,
)
from core.datasets.targets import check_task, encode_labels, infer_task
from core.file_writes import read_reason
from core.i18n import N_, _

ZIP_MAGIC = b"PK\x03\x04"
NPY_MAGIC = b"\x93NUMPY"
NPZ_X_KEYS = ("X", "x")
NPZ_Y_KEYS = ("y", "Y", "t")
SAVEZ_HINT = N_("save the data with numpy.savez(path, X=features, y=targets)")


def _npz_member(archive: Any, keys: tuple[str, ...], path: Path) -> tuple[str, np.ndarray]:
    key = next((k for k in keys if k in archive.files), None)
    if key is None:
        found = ", ".join(archive.files) or _("nothing")
        raise DataError(_("the archive has no array named {names} (it holds: {found})").format(
                            names=_(" or ").join(keys), found=found),
                        file=path, hint=_(SAVEZ_HINT))
    try:
        check_header(archive, key, path)
        array = archive[key]
    except ValueError as exc:
        if "pickle" not in str(exc).lower():
            raise DataError(_('array "{key}" cannot be read ({error})').format(key=key, error=exc),
                            file=path,
                            hint=_(SAVEZ_HINT)) from None
        raise DataError(_('array "{key}" holds Python objects, and NetCanvas never unpickles '
                          "data (it could run code)").format(key=key), file=path,
                        hint=_("save plain numeric arrays, e.g. {key}.astype(float)").format(
                            key=key)) from None
    except (OSError, *DAMAGED_ARCHIVE_ERRORS):
        raise DataError(_('array "{key}" is damaged or incomplete').format(key=key), file=path,
                        hint=_(SAVEZ_HINT)) from None
    return key, array


def check_header(archive: Any, key: str, path: Path) -> None:
    """Refuse a member whose header promises more data than it stores (NumPy would allocate
    what a damaged header says first), or that is no .npy array at all (np.load would hand
    back its raw bytes)."""
    name = key if key in archive.zip.namelist() else f"{key}.npy"
    info = archive.zip.getinfo(name)
    with archive.zip.open(info) as member:
        header = npy_header(member)
    if header is None or promised_bytes(header) > info.file_size:
        raise DataError(_('array "{key}" is damaged or incomplete').format(key=key), file=path,
                        hint=_(SAVEZ_HINT))


def _first_non_finite(name: str, a: np.ndarray) -> str:
    index = tuple(int(i) for i in np.argwhere(~np.isfinite(a))[0])
    return _("{name}[{index}] is {value}").format(
        name=name, index=", ".join(map(str, index)), value=a[index])


def _npz_features(key: str, x: np.ndarray, path: Path) -> np.ndarray:
    if x.dtype.kind not in "biuf" or x.ndim == 0 or x.shape[0] == 0 or x.size == 0:
        raise DataError(_('array "{key}" must be a non-empty numeric array (samples × features), '
                          "not {dtype} with shape {shape}").format(key=key, dtype=x.dtype,
                                                                    shape=x.shape),
                        file=path, hint=_(SAVEZ_HINT))
    # Bytes stay bytes (a quarter of the memory); the Dataset converts them when used.
    x = x.reshape(x.shape[0], -1) if x.dtype == np.uint8 else \
        x.astype(np.float64).reshape(x.shape[0], -1)
    if x.dtype == np.float64 and not np.isfinite(x).all():
        raise DataError(_first_non_finite(key, x), file=path,
                        hint=_("features must be ordinary numbers; remove or fix that sample"))
    return x


def _npz_targets(key: str, y: np.ndarray, task: str | None,
                 path: Path) -> tuple[np.ndarray, Task, tuple[str, ...]]:
    numeric = y.dtype.kind in "biuf"
    text_labels = y.dtype.kind in "US" and y.ndim == 1
    if not (numeric or text_labels) or y.ndim not in (1, 2) or not y.size:
        raise DataError(_('targets "{key}" must be a 1-D array of labels or values, or a 2-D '
                          "array (samples × outputs), not {dtype} with shape {shape}").format(
                            key=key, dtype=y.dtype, shape=y.shape),
                        file=path, hint=_(SAVEZ_HINT))
    if numeric and not np.isfinite(y).all():
        raise DataError(_first_non_finite(key, y), file=path,
                        hint=_("targets must be ordinary numbers; remove or fix that sample"))
    if y.ndim == 2 and y.shape[1] > 1:
        one_hot = np.isin(y, (0, 1)).all() and (y.sum(axis=1) == 1).all()
        if task == "regression" or (task is None and not one_hot):
            return y.astype(np.float64), "regression", ()
        if not one_hot:
            raise DataError(_('targets "{key}" are 2-D but not one-hot (a single 1 per row)')
                            .format(key=key), file=path,
                            hint=_("store class labels as a 1-D array"))
        return y.argmax(axis=1).astype(np.int64), "classification", tuple(
            str(k) for k in range(y.shape[1]))
    values = y.reshape(-1)
    if (task or infer_task(values)) == "regression":
        if values.dtype.kind in "US":
            raise DataError(_('targets "{key}" are text, which cannot be a regression target')
                            .format(key=key), file=path,
                            hint=_("load with task='classification'"))
        return values.astype(np.float64)[:, None], "regression", ()
    labels, class_names = encode_labels(values, path, None)
    return labels, "classification", class_names


def load_npz(path: str | Path, task: str | None = None) -> Dataset:
    """Features from array ``X`` (or ``x``) and targets from ``y``, ``Y`` or ``t``.

    X of more than two dimensions (e.g. N×28×28 images) is flattened per sample. y may be
    labels (1-D, numbers or text), one-hot rows (the book's ``t``) or (N, K) regression targets;
    ``task`` works as in :func:`load_csv`. Arrays of Python objects are refused, never unpickled.
    """
    check_task(task)
    path = check_file(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(6)
    except OSError as exc:
        raise DataError(_("the file cannot be read ({error})").format(error=read_reason(exc)),
                        file=path, hint=_("check that the file is readable")) from None
    if not magic.startswith(ZIP_MAGIC):
        problem = (_("this file is a single .npy array") if magic == NPY_MAGIC else
                   _("this file is pickled Python data, which NetCanvas never loads (it could "
                     "run code)") if magic.startswith(b"\x80") else
                   _("this file is not a NumPy .npz archive"))
        raise DataError(problem, file=path, hint=_(SAVEZ_HINT))
    try:
        archive = np.load(path, allow_pickle=False)
    except (OSError, *DAMAGED_ARCHIVE_ERRORS):
        raise DataError(_("the .npz archive is damaged or incomplete"), file=path,
                        hint=_(SAVEZ_HINT)) from None
    with archive:
        unpacked = sum(info.file_size for info in archive.zip.infolist())
        if unpacked > files.MAX_FILE_BYTES:
            raise DataError(_("unpacked, the archive is {size}, more than the {limit} NetCanvas "
                              "loads").format(size=megabytes(unpacked),
                                              limit=megabytes(files.MAX_FILE_BYTES)),
                            file=path, hint=_("use a smaller sample of the data"))
        x_key, x = _npz_member(archive, NPZ_X_KEYS, path)
        y_key, y = _npz_member(archive, NPZ_Y_KEYS, path)
    x = _npz_features(x_key, x, path)
    if y.ndim == 0 or y.shape[0] != x.shape[0]:
        problem = _('"{x}" has {n} samples but "{y}" has {targets} targets') if y.ndim else \
            _('"{x}" has {n} samples but "{y}" has no targets')
        raise DataError(problem.format(x=x_key, n=x.shape[0], y=y_key,
                                       targets=y.shape[0] if y.ndim else 0), file=path,
                        hint=_("give exactly one target per sample"))
    labels, resolved_task, class_names = _npz_targets(y_key, y, task, path)
    return Dataset(name=dataset_name(path), x=x, y=labels, task=resolved_task,
                   feature_names=tuple(f"x{k + 1}" for k in range(x.shape[1])),
                   class_names=class_names, source=str(path))
