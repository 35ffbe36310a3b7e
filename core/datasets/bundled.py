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

IRIS_FILE = "iris.csv"
DIGITS_FILE = "digits.csv.gz"
IRIS_FEATURES = ("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)")
IRIS_CLASSES = ("setosa", "versicolor", "virginica")
DIGITS_SHAPE = (1797, 64)
REINSTALL = "the bundled file is damaged; reinstall NetCanvas"


def _read_text(name: str) -> str:
    try:
        data = (files("resources") / "datasets" / name).read_bytes()
        return (gzip.decompress(data) if name.endswith(".gz") else data).decode("ascii")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the bundled data ({exc})", file=name,
                        hint=REINSTALL) from exc


def _parse(name: str, text: str, skip_rows: int, shape: tuple[int, int]) -> np.ndarray:
    try:
        table = np.loadtxt(io.StringIO(text), delimiter=",", skiprows=skip_rows, ndmin=2)
    except ValueError as exc:
        raise DataError(f"the bundled data is not a numeric table ({exc})", file=name,
                        hint=REINSTALL) from exc
    if table.shape != shape or not np.isfinite(table).all():
        raise DataError(f"expected a {shape[0]} × {shape[1]} table of numbers, found "
                        f"{table.shape[0]} × {table.shape[1]}", file=name, hint=REINSTALL)
    return table


def _labels(name: str, column: np.ndarray, n_classes: int) -> np.ndarray:
    labels = column.astype(np.int64)
    if (labels != column).any() or labels.min() < 0 or labels.max() >= n_classes:
        raise DataError(f"the class column holds values outside 0..{n_classes - 1}", file=name,
                        hint=REINSTALL)
    return labels


def load_iris() -> Dataset:
    """150 irises, 4 measurements in cm, 3 species (50 each) — Fisher (1936)."""
    text = _read_text(IRIS_FILE)
    header = text.partition("\n")[0].strip().split(",")
    if header != ["150", "4", *IRIS_CLASSES]:
        raise DataError(f"unexpected header {','.join(header)!r}", file=IRIS_FILE, row=1,
                        hint=REINSTALL)
    table = _parse(IRIS_FILE, text, 1, (150, 5))
    return Dataset(
        name="iris",
        x=np.ascontiguousarray(table[:, :4]),
        y=_labels(IRIS_FILE, table[:, 4], 3),
        task="classification",
        feature_names=IRIS_FEATURES,
        class_names=IRIS_CLASSES,
        source="bundled Iris data (R.A. Fisher 1936; UCI ML repository, CC BY 4.0)",
    )


def load_digits() -> Dataset:
    """1,797 handwritten digits as 8×8 images, pixels 0..16 (row by row), classes 0..9."""
    table = _parse(DIGITS_FILE, _read_text(DIGITS_FILE), 0, (DIGITS_SHAPE[0], DIGITS_SHAPE[1] + 1))
    pixels = np.ascontiguousarray(table[:, :-1])
    if pixels.min() < 0 or pixels.max() > 16:
        raise DataError("pixel values lie outside 0..16", file=DIGITS_FILE, hint=REINSTALL)
    return Dataset(
        name="digits",
        x=pixels,
        y=_labels(DIGITS_FILE, table[:, -1], 10),
        task="classification",
        feature_names=tuple(f"pixel_{r}_{c}" for r in range(8) for c in range(8)),
        class_names=tuple(str(d) for d in range(10)),
        source="bundled UCI optical handwritten digits, test set (Alpaydin & Kaynak 1998; "
        "CC BY 4.0)",
    )
