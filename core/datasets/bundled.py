"""Real data shipped with NetCanvas: Fisher's Iris and the UCI 8×8 handwritten digits.

The files are byte-for-byte the copies distributed with scikit-learn (see
``resources/datasets/SOURCES.md``) and are found through :mod:`importlib.resources`, so they
load from a source checkout, an installed wheel or a frozen app alike.
"""

from __future__ import annotations

import gzip
import io
from importlib.resources import files

import numpy as np

from core.datasets.dataset import Dataset
from core.datasets.errors import DataError
from core.datasets.images import pixel_names
from core.file_writes import read_reason
from core.i18n import N_, _

IRIS_FILE = "iris.csv"
DIGITS_FILE = "digits.csv.gz"
#: English, marked for the catalogue: show them through core.i18n._() (projects store them as is)
IRIS_FEATURES = (N_("sepal length (cm)"), N_("sepal width (cm)"), N_("petal length (cm)"),
                 N_("petal width (cm)"))
IRIS_CLASSES = ("setosa", "versicolor", "virginica")
DIGITS_SHAPE = (1797, 64)
REINSTALL = N_("the bundled file is damaged; reinstall NetCanvas")


def _read_text(name: str) -> str:
    try:
        data = (files("resources") / "datasets" / name).read_bytes()
        return (gzip.decompress(data) if name.endswith(".gz") else data).decode("ascii")
    except (OSError, EOFError, UnicodeDecodeError) as exc:  # a system error's text is English
        error = read_reason(exc) if isinstance(exc, OSError) and exc.errno else exc
        raise DataError(_("cannot read the bundled data ({error})").format(error=error),
                        file=name, hint=_(REINSTALL)) from exc


def _parse(name: str, text: str, skip_rows: int, shape: tuple[int, int]) -> np.ndarray:
    try:
        table = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=skip_rows, ndmin=2)
    except ValueError as exc:
        raise DataError(_("the bundled data is not a numeric table ({error})").format(error=exc),
                        file=name,
                        hint=_(REINSTALL)) from exc
    if table.shape != shape or not np.isfinite(table).all():
        raise DataError(_("expected a {rows} × {columns} table of numbers, found "
                          "{found_rows} × {found_columns}").format(
                            rows=shape[0], columns=shape[1], found_rows=table.shape[0],
                            found_columns=table.shape[1]), file=name, hint=_(REINSTALL))
    return table


def _labels(name: str, column: np.ndarray, n_classes: int) -> np.ndarray:
    labels = column.astype(np.int64)
    if (labels != column).any() or labels.min() < 0 or labels.max() >= n_classes:
        raise DataError(_("the class column holds values outside 0..{last}").format(
                            last=n_classes - 1), file=name, hint=_(REINSTALL))
    return labels


def load_iris() -> Dataset:
    """150 irises, 4 measurements in cm, 3 species (50 each) — Fisher (1936)."""
    text = _read_text(IRIS_FILE)
    header = text.partition("\n")[0].strip().split(",")
    if header != ["150", "4", *IRIS_CLASSES]:
        raise DataError(_("unexpected header {header}").format(header=repr(",".join(header))),
                        file=IRIS_FILE, row=1,
                        hint=_(REINSTALL))
    table = _parse(IRIS_FILE, text, 1, (150, 5))
    return Dataset(
        name="iris",
        x=np.ascontiguousarray(table[:, :4]),
        y=_labels(IRIS_FILE, table[:, 4], 3),
        task="classification",
        feature_names=IRIS_FEATURES,
        class_names=IRIS_CLASSES,
        source="bundled Iris data (R.A. Fisher 1936; UCI ML repository, CC BY 4.0)",  # i18n: not ui
    )


def load_digits() -> Dataset:
    """1,797 handwritten digits as 8×8 images, pixels 0..16 (row by row), classes 0..9."""
    table = _parse(DIGITS_FILE, _read_text(DIGITS_FILE), 0, (DIGITS_SHAPE[0], DIGITS_SHAPE[1] + 1))
    pixels = np.ascontiguousarray(table[:, :-1])
    if pixels.min() < 0 or pixels.max() > 16:
        raise DataError(_("pixel values lie outside 0..16"), file=DIGITS_FILE, hint=_(REINSTALL))
    return Dataset(
        name="digits",
        x=pixels,
        y=_labels(DIGITS_FILE, table[:, -1], 10),
        task="classification",
        feature_names=pixel_names(8, 8),
        class_names=tuple(str(d) for d in range(10)),
        source="bundled UCI optical handwritten digits, test set "  # i18n: not ui (stored)
        "(Alpaydin & Kaynak 1998; CC BY 4.0)",  # i18n: not ui
    )
