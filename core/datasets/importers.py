"""Reading a student's own data: CSV tables, NumPy ``.npz`` archives and MNIST's IDX files.

Every way a file can be wrong ends in a :class:`DataError` that names the file, the row and
column when there is one, and what to do — never a raw traceback. Rows are counted like a
spreadsheet counts them: line numbers in the file, header included, from 1. Nothing is ever
unpickled, and files (also once unzipped) over :data:`MAX_FILE_BYTES` are refused.

This is the front door: :func:`load_any` picks the reader by file name. The readers live in
``csv_import``, ``npz_import`` and ``idx_import``; file checks in ``files``, targets in
``targets``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.datasets.csv_import import load_csv
from core.datasets.dataset import Dataset
from core.datasets.errors import DataError
from core.datasets.files import MAX_FILE_BYTES
from core.datasets.idx_import import images_beside_name, load_idx
from core.datasets.npz_import import load_npz
from core.i18n import _

__all__ = ["MAX_FILE_BYTES", "load_any", "load_csv", "load_idx", "load_npz"]


def load_any(path: str | Path, **kw: Any) -> Dataset:
    """Pick the reader by file name: .csv/.tsv/.txt (also .gz), .npz, or *idx3-ubyte images
    (the labels file is ``labels_path`` or found next to them by MNIST's naming)."""
    path = Path(path)
    name = path.name.lower().removesuffix(".gz")
    if name.endswith((".csv", ".tsv", ".txt")):
        return load_csv(path, **kw)
    if name.endswith(".npz"):
        return load_npz(path, **kw)
    if "idx3" in name:
        return load_idx(path, kw.pop("labels_path", None), **kw)
    if "idx1" in name:
        raise DataError(_("this is an IDX labels file: NetCanvas reads it with its images"),
                        file=path, hint=_("choose the images file beside it ({name}); its "
                                          "labels are found next to it").format(
                            name=images_beside_name(path)))
    raise DataError(_("NetCanvas cannot tell what kind of data file this is"), file=path,
                    hint=_("use a .csv/.tsv/.txt table (from Excel: Save As › CSV UTF-8), a .npz "
                           "archive with X and y, or MNIST IDX files (*-images-idx3-ubyte)"))
