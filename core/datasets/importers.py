"""Reading a student's own data: CSV tables, NumPy ``.npz`` archives and MNIST's IDX files.

Every way a file can be wrong ends in a :class:`DataError` that names the file, the row and
column when there is one, and what to do — never a raw traceback. Rows are counted like a
spreadsheet counts them: line numbers in the file, header included, from 1. Nothing is ever
unpickled, and files (also once unzipped) over :data:`MAX_FILE_BYTES` are refused.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import math
import stat
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .dataset import TASKS, Dataset, Task
from .dataset import standardize as standardize_datasets
from .errors import DataError

MAX_FILE_BYTES = 1 << 30
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
NPY_MAGIC = b"\x93NUMPY"
MISSING = frozenset({"", "na", "n/a", "nan", "null", "?"})
MAX_AUTO_CLASSES = 20
IDX_IMAGES_MAGIC = 0x00000803
IDX_LABELS_MAGIC = 0x00000801
NPZ_X_KEYS = ("X", "x")
NPZ_Y_KEYS = ("y", "Y", "t")
SAVEZ_HINT = "save the data with numpy.savez(path, X=features, y=targets)"

# --- reading files -------------------------------------------------------------------------


def _megabytes(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.1f} MB"


def _check_file(path: str | Path) -> Path:
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DataError("the file does not exist", file=path,
                        hint="check the file name and folder") from None
    except OSError as exc:
        raise DataError(f"the file cannot be opened ({exc.strerror})", file=path,
                        hint="check that the file is readable") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError("this is a folder, not a file", file=path,
                        hint="choose a data file inside it")
    if info.st_size > MAX_FILE_BYTES:
        raise DataError(
            f"the file is {_megabytes(info.st_size)}, more than the "
            f"{_megabytes(MAX_FILE_BYTES)} NetCanvas loads", file=path,
            hint="use a smaller sample of the data")
    return path


def _read_bytes(path: str | Path) -> bytes:
    """The file's bytes, unzipped when it starts with the gzip magic number."""
    path = _check_file(path)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise DataError("permission to read the file was denied", file=path,
                        hint="check its permissions, or copy it to your own folder") from None
    except OSError as exc:
        raise DataError(f"the file cannot be read ({exc.strerror or exc})", file=path,
                        hint="check that the file is readable") from None
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
            data = packed.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise DataError("the gzip-compressed file is damaged or incomplete", file=path,
                        hint="download or compress the file again") from None
    if len(data) > MAX_FILE_BYTES:
        raise DataError(f"unpacked, the file is more than {_megabytes(MAX_FILE_BYTES)}",
                        file=path, hint="use a smaller sample of the data")
    return data


def _dataset_name(path: Path) -> str:
    return path.name.split(".")[0] or path.name


def _check_task(task: str | None) -> None:
    if task is not None and task not in TASKS:
        raise DataError(f"task {task!r} is unknown",
                        hint="use 'classification', 'regression' or leave it out to detect it")


# --- targets, shared by every format --------------------------------------------------------


def _infer_task(values: np.ndarray) -> Task:
    """Text or whole numbers with few distinct values are class labels; the rest is regression.

    "Few" means two, or at most 20 with each appearing at least twice on average.
    """
    if values.dtype.kind not in "iuf":
        return "classification"
    if values.dtype.kind == "f" and not (values == np.round(values)).all():
        return "regression"
    distinct = np.unique(values).size
    few = max(2, min(MAX_AUTO_CLASSES, values.size // 2))
    return "classification" if distinct <= few else "regression"


def _label_name(value: Any) -> str:
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))
    return f"{value:g}" if isinstance(value, (float, np.floating)) else str(value)


def _encode_labels(
    values: np.ndarray, path: Path, column: str | int | None
) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class indices 0..K-1 in sorted label order, and the labels as class names."""
    classes, y = np.unique(values, return_inverse=True)
    if classes.size < 2:
        label = _label_name(classes[0])
        raise DataError(
            f'every sample has the same class ("{label}")', file=path, column=column,
            hint="a classifier needs at least two classes; check the target column, "
            "or load it with task='regression'")
    return y.reshape(-1).astype(np.int64), tuple(_label_name(c) for c in classes)


# --- CSV -----------------------------------------------------------------------------------


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _finite(cell: str) -> float | None:
    """The cell's value, or None when it is not an ordinary (finite) number."""
    try:
        value = float(cell)
    except ValueError:
        return None
    return value if np.isfinite(value) else None


def _cell_problem(cell: str, what: str) -> tuple[str, str]:
    """What is wrong with a cell that did not become a finite number, and what to do."""
    if cell.lower() in MISSING:
        shown = "the cell is empty" if not cell else f'"{cell}" marks a missing value'
        return shown, "fill in the value or remove the row"
    if _is_number(cell):
        return f'"{cell}" is not a finite number', "use an ordinary number or remove the row"
    if "," in cell and _is_number(cell.replace(",", ".", 1)):
        return f'"{cell}" is not a number', "use a dot as the decimal separator, e.g. 5.1"
    return f'"{cell}" is not a number', f"{what} must be numeric; remove the row or fix the value"


def _delimiter(text: str) -> str:
    first = next((line for line in text[:65536].splitlines() if line.strip()), "")
    return next((d for d in ("\t", ";") if d in first), ",")


def _csv_rows(text: str, path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number, cells) for every row that is not blank."""
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text), strict=True)
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                yield reader.line_num, cells
    except csv.Error as exc:
        raise DataError(f"the row cannot be read as CSV ({exc})", file=path, row=reader.line_num,
                        hint="check the quotation marks on this row and the rows above") from None


def _looks_like_header(first: list[str], second: list[str] | None) -> bool:
    """A header has text where the data below it has numbers, or has no numbers at all."""
    if not any(_is_number(c) for c in first):
        return True
    return second is not None and any(
        not _is_number(a) and _is_number(b) for a, b in zip(first, second, strict=False))


def _target_index(target: str | int | None, header: list[str] | None, n_cols: int,
                  path: Path) -> int:
    if target is None:
        return n_cols - 1
    if isinstance(target, str):
        if header is None:
            raise DataError(f'the file has no header row, so there is no column "{target}"',
                            file=path,
                            hint="give the column's number instead (0 is the first, -1 the "
                            "last), or add a header row")
        matches = [j for j, name in enumerate(header) if name == target]
        if len(matches) != 1:
            problem = "no column is" if not matches else f"{len(matches)} columns are"
            raise DataError(f'{problem} called "{target}"', file=path,
                            hint=f"the columns are: {', '.join(header)}")
        return matches[0]
    is_int = isinstance(target, (int, np.integer)) and not isinstance(target, bool)
    if is_int and -n_cols <= target < n_cols:
        return int(target) % n_cols
    raise DataError(f"there is no column {target!r}", file=path,
                    hint=f"the file has {n_cols} columns; give a number from 0 (the first) to "
                    f"{n_cols - 1}, -1 for the last, or a header name")


def _decode(data: bytes, path: Path) -> str:
    hint = "save the file as UTF-8 text (in Excel: 'CSV UTF-8'); binary files are not tables"
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DataError("this row contains binary data (a zero byte), not text", file=path,
                        row=data[:nul].count(b"\n") + 1, hint=hint)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError("this row is not UTF-8 text", file=path,
                        row=data[: exc.start].count(b"\n") + 1, hint=hint) from None


def _read_cells(
    rows: Iterable[tuple[int, list[str]]], n_cols: int, t: int, columns: list[str | int],
    path: Path,
) -> tuple[np.ndarray, list[str], list[int]]:
    """Parse feature cells row by row (never holding every cell as text at once).

    Returns the (N, D) features, the target cells as text, and their row numbers.
    """
    feature_columns = [columns[j] for j in range(n_cols) if j != t]
    x_rows, targets, lines = [], [], []
    for line, cells in rows:
        if len(cells) != n_cols:
            raise DataError(f"this row has {len(cells)} values but the first row has {n_cols}",
                            file=path, row=line,
                            hint="every row needs the same number of values; look for a "
                            "missing or extra separator")
        values = cells[:t] + cells[t + 1:]
        try:
            parsed = np.fromiter(map(float, values), np.float64, count=len(values))
        except ValueError:
            parsed = None
        if parsed is None or not np.isfinite(parsed).all():
            k = next((k for k, cell in enumerate(values) if _finite(cell) is None), 0)
            problem, hint = _cell_problem(values[k].strip(), "features")
            raise DataError(problem, file=path, row=line, column=feature_columns[k], hint=hint)
        x_rows.append(parsed)
        targets.append(cells[t].strip())
        lines.append(line)
    return np.array(x_rows), targets, lines


def _csv_targets(targets: list[str], lines: list[int], task: str | None, path: Path,
                 column: str | int) -> tuple[np.ndarray, Task, tuple[str, ...]]:
    numbers = [_finite(cell) for cell in targets]
    for cell, number, line in zip(targets, numbers, lines, strict=True):
        text_label = cell.lower() not in MISSING and not _is_number(cell)
        if number is None and (not text_label or task == "regression"):
            problem, hint = _cell_problem(cell, "regression targets")
            raise DataError(problem, file=path, row=line, column=column, hint=hint)
    numeric = None not in numbers
    values = np.array(numbers) if numeric else np.array(targets)
    if (task or _infer_task(values)) == "regression":
        return values[:, None], "regression", ()
    y, class_names = _encode_labels(values, path, column)
    return y, "classification", class_names


def load_csv(
    path: str | Path,
    target: str | int | None = None,
    has_header: bool | None = None,
    task: str | None = None,
    standardize: bool = False,
) -> Dataset:
    """A table of numbers with one target column (the last one unless ``target`` says).

    ``target`` is a header name or a 0-based column index (-1 is the last). ``has_header``
    ``None`` detects a header: a first row with text above numbers, or with no numbers at all.
    ``task`` ``None`` treats text, or whole numbers with few distinct values, as class labels
    (mapped to 0..K-1 in sorted order, the labels kept as class names) and anything else as a
    regression target. Commas, semicolons or tabs separate values; gzip files are unpacked.
    ``standardize`` scales the features to mean 0, std 1 (prefer :func:`standardize` after
    :func:`split`, which uses the training part's statistics only).
    """
    path = Path(path)
    _check_task(task)
    rows = _csv_rows(_decode(_read_bytes(path), path), path)
    first = next(rows, None)
    if first is None:
        raise DataError("the file is empty", file=path,
                        hint="a data file needs one row per sample, values separated by commas")
    second = next(rows, None)
    if has_header is None:
        has_header = _looks_like_header(first[1], second[1] if second else None)
    if has_header and second is None:
        raise DataError("the file has a header row but no data rows", file=path,
                        hint="add one row per sample below the header")
    n_cols = len(first[1])
    if n_cols < 2:
        raise DataError("the file has only one column", file=path,
                        hint="a data file needs feature columns and a target column")
    first_cells = [c.strip() for c in first[1]]
    header = [c or f"column {j + 1}" for j, c in enumerate(first_cells)] if has_header else None
    t = _target_index(target, header, n_cols, path)
    columns: list[str | int] = [c or j + 1 for j, c in enumerate(first_cells)] if has_header \
        else list(range(1, n_cols + 1))
    leading = [second] if has_header else [r for r in (first, second) if r is not None]
    x, targets, lines = _read_cells(itertools.chain(leading, rows), n_cols, t, columns, path)
    y, resolved_task, class_names = _csv_targets(targets, lines, task, path, columns[t])
    features = header[:t] + header[t + 1:] if header else [f"x{k + 1}" for k in range(n_cols - 1)]
    dataset = Dataset(name=_dataset_name(path), x=x, y=y, task=resolved_task,
                      feature_names=tuple(features), class_names=class_names, source=str(path))
    return standardize_datasets(dataset)[0][0] if standardize else dataset


# --- NumPy .npz ----------------------------------------------------------------------------


def _npz_member(archive: Any, keys: tuple[str, ...], path: Path) -> tuple[str, np.ndarray]:
    key = next((k for k in keys if k in archive.files), None)
    if key is None:
        found = ", ".join(archive.files) or "nothing"
        raise DataError(f"the archive has no array named {' or '.join(keys)} (it holds: {found})",
                        file=path, hint=SAVEZ_HINT)
    try:
        array = archive[key]
    except ValueError as exc:
        if "pickle" not in str(exc).lower():
            raise DataError(f'array "{key}" cannot be read ({exc})', file=path,
                            hint=SAVEZ_HINT) from None
        raise DataError(f'array "{key}" holds Python objects, and NetCanvas never unpickles '
                        "data (it could run code)", file=path,
                        hint=f"save plain numeric arrays, e.g. {key}.astype(float)") from None
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error):
        raise DataError(f'array "{key}" is damaged or incomplete', file=path,
                        hint=SAVEZ_HINT) from None
    return key, array


def _first_non_finite(name: str, a: np.ndarray) -> str:
    index = tuple(int(i) for i in np.argwhere(~np.isfinite(a))[0])
    return f"{name}[{', '.join(map(str, index))}] is {a[index]}"


def _npz_features(key: str, x: np.ndarray, path: Path) -> np.ndarray:
    if x.dtype.kind not in "biuf" or x.ndim == 0 or x.shape[0] == 0 or x.size == 0:
        raise DataError(f'array "{key}" must be a non-empty numeric array (samples × features), '
                        f"not {x.dtype} with shape {x.shape}", file=path, hint=SAVEZ_HINT)
    x = x.astype(np.float64).reshape(x.shape[0], -1)
    if not np.isfinite(x).all():
        raise DataError(_first_non_finite(key, x), file=path,
                        hint="features must be ordinary numbers; remove or fix that sample")
    return x


def _npz_targets(key: str, y: np.ndarray, task: str | None,
                 path: Path) -> tuple[np.ndarray, Task, tuple[str, ...]]:
    numeric = y.dtype.kind in "biuf"
    text_labels = y.dtype.kind in "US" and y.ndim == 1
    if not (numeric or text_labels) or y.ndim not in (1, 2) or not y.size:
        raise DataError(f'targets "{key}" must be a 1-D array of labels or values, or a 2-D '
                        f"array (samples × outputs), not {y.dtype} with shape {y.shape}",
                        file=path, hint=SAVEZ_HINT)
    if numeric and not np.isfinite(y).all():
        raise DataError(_first_non_finite(key, y), file=path,
                        hint="targets must be ordinary numbers; remove or fix that sample")
    if y.ndim == 2 and y.shape[1] > 1:
        one_hot = np.isin(y, (0, 1)).all() and (y.sum(axis=1) == 1).all()
        if task == "regression" or (task is None and not one_hot):
            return y.astype(np.float64), "regression", ()
        if not one_hot:
            raise DataError(f'targets "{key}" are 2-D but not one-hot (a single 1 per row)',
                            file=path, hint="store class labels as a 1-D array")
        return y.argmax(axis=1).astype(np.int64), "classification", tuple(
            str(k) for k in range(y.shape[1]))
    values = y.reshape(-1)
    if (task or _infer_task(values)) == "regression":
        if values.dtype.kind in "US":
            raise DataError(f'targets "{key}" are text, which cannot be a regression target',
                            file=path, hint="load with task='classification'")
        return values.astype(np.float64)[:, None], "regression", ()
    labels, class_names = _encode_labels(values, path, None)
    return labels, "classification", class_names


def load_npz(path: str | Path, task: str | None = None) -> Dataset:
    """Features from array ``X`` (or ``x``) and targets from ``y``, ``Y`` or ``t``.

    X of more than two dimensions (e.g. N×28×28 images) is flattened per sample. y may be
    labels (1-D, numbers or text), one-hot rows (the book's ``t``) or (N, K) regression targets;
    ``task`` works as in :func:`load_csv`. Arrays of Python objects are refused, never unpickled.
    """
    _check_task(task)
    path = _check_file(path)
    try:
        with path.open("rb") as fh:
            magic = fh.read(6)
    except OSError as exc:
        raise DataError(f"the file cannot be read ({exc.strerror or exc})", file=path,
                        hint="check that the file is readable") from None
    if not magic.startswith(ZIP_MAGIC):
        kind = ("a single .npy array" if magic == NPY_MAGIC else
                "pickled Python data, which NetCanvas never loads (it could run code)"
                if magic.startswith(b"\x80") else "not a NumPy .npz archive")
        raise DataError(f"this file is {kind}", file=path, hint=SAVEZ_HINT)
    try:
        archive = np.load(path, allow_pickle=False)
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error):
        raise DataError("the .npz archive is damaged or incomplete", file=path,
                        hint=SAVEZ_HINT) from None
    with archive:
        unpacked = sum(info.file_size for info in archive.zip.infolist())
        if unpacked > MAX_FILE_BYTES:
            raise DataError(f"unpacked, the archive is {_megabytes(unpacked)}, more than the "
                            f"{_megabytes(MAX_FILE_BYTES)} NetCanvas loads", file=path,
                            hint="use a smaller sample of the data")
        x_key, x = _npz_member(archive, NPZ_X_KEYS, path)
        y_key, y = _npz_member(archive, NPZ_Y_KEYS, path)
    x = _npz_features(x_key, x, path)
    if y.ndim == 0 or y.shape[0] != x.shape[0]:
        raise DataError(f'"{x_key}" has {x.shape[0]} samples but "{y_key}" has '
                        f"{y.shape[0] if y.ndim else 'no'} targets", file=path,
                        hint="give exactly one target per sample")
    labels, resolved_task, class_names = _npz_targets(y_key, y, task, path)
    return Dataset(name=_dataset_name(path), x=x, y=labels, task=resolved_task,
                   feature_names=tuple(f"x{k + 1}" for k in range(x.shape[1])),
                   class_names=class_names, source=str(path))


# --- MNIST IDX -----------------------------------------------------------------------------


def _idx_array(path: str | Path, magic: int, what: str) -> np.ndarray:
    """The unsigned-byte array of an IDX file, after checking magic number and size."""
    path = Path(path)
    data = _read_bytes(path)
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
    """MNIST-style IDX files (raw or gzip): images N×rows×cols scaled to [0, 1], labels N."""
    images = _idx_array(images_path, IDX_IMAGES_MAGIC, "images")
    labels = _idx_array(labels_path, IDX_LABELS_MAGIC, "labels")
    n, rows, cols = images.shape
    if labels.shape[0] != n:
        raise DataError(f"this file holds {labels.shape[0]:,} labels but "
                        f"{Path(images_path).name} holds {n:,} images", file=labels_path,
                        hint="use the labels file that belongs to these images "
                        "(train with train, t10k with t10k)")
    y, class_names = _encode_labels(labels, Path(labels_path), None)
    return Dataset(
        name=_dataset_name(Path(images_path)),
        x=images.reshape(n, rows * cols) / 255.0,
        y=y,
        task="classification",
        feature_names=tuple(f"pixel_{r}_{c}" for r in range(rows) for c in range(cols)),
        class_names=class_names,
        source=f"{images_path} + {labels_path}",
    )


# --- by extension --------------------------------------------------------------------------


def _labels_beside(images_path: Path) -> Path:
    """MNIST's naming: train-images-idx3-ubyte[.gz] sits next to train-labels-idx1-ubyte[.gz]."""
    name = images_path.name.replace("images", "labels").replace("idx3", "idx1")
    labels_path = images_path.with_name(name)
    if name == images_path.name or not labels_path.exists():
        raise DataError(f"the labels file {name} was not found next to the images",
                        file=images_path, hint="put it in the same folder, or give labels_path")
    return labels_path


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
        labels_path = kw.pop("labels_path", None) or _labels_beside(path)
        return load_idx(path, labels_path, **kw)
    raise DataError("NetCanvas cannot tell what kind of data file this is", file=path,
                    hint="use a .csv/.tsv/.txt table (from Excel: Save As › CSV UTF-8), a .npz "
                    "archive with X and y, or MNIST IDX files (*-images-idx3-ubyte)")
