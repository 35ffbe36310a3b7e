"""Reading CSV tables: rows counted like a spreadsheet counts them, every bad cell named.

Row numbers are line numbers in the file, header included, from 1.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from core.datasets.dataset import Dataset, Task
from core.datasets.errors import DataError
from core.datasets.files import dataset_name, read_bytes
from core.datasets.scaling import standardize as standardize_datasets
from core.datasets.targets import check_task, encode_labels, infer_task
from core.i18n import _
from core.numbers import too_large

MISSING = frozenset({"", "na", "n/a", "nan", "null", "?"})


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


def _cell_problem(cell: str, not_numeric: str) -> tuple[str, str]:
    """What is wrong with a cell that did not become a finite number, and what to do
    (``not_numeric``: the hint for text where a number belongs)."""
    if cell.lower() in MISSING:
        shown = _("the cell is empty") if not cell else \
            _('"{cell}" marks a missing value').format(cell=cell)
        return shown, _("fill in the value or remove the row")
    if _is_number(cell):
        return too_large(f'"{cell}"'), _("use an ordinary number or remove the row")
    if "," in cell and _is_number(cell.replace(",", ".", 1)):
        return (_('"{cell}" is not a number').format(cell=cell),
                _("use a dot as the decimal separator, e.g. 5.1"))
    return _('"{cell}" is not a number').format(cell=cell), not_numeric


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
        raise DataError(_("the row cannot be read as CSV ({error})").format(error=exc), file=path,
                        row=reader.line_num,
                        hint=_("check the quotation marks on this row and the rows above")
                        ) from None


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
            raise DataError(_('the file has no header row, so there is no column "{name}"')
                            .format(name=target), file=path,
                            hint=_("give the column's number instead (0 is the first, -1 the "
                                   "last), or add a header row"))
        matches = [j for j, name in enumerate(header) if name == target]
        if len(matches) != 1:
            problem = _('no column is called "{name}"') if not matches else \
                _('{n} columns are called "{name}"')
            raise DataError(problem.format(n=len(matches), name=target), file=path,
                            hint=_("the columns are: {names}").format(names=", ".join(header)))
        return matches[0]
    is_int = isinstance(target, (int, np.integer)) and not isinstance(target, bool)
    if is_int and -n_cols <= target < n_cols:
        return int(target) % n_cols
    raise DataError(_("there is no column {column}").format(column=repr(target)), file=path,
                    hint=_("the file has {n} columns; give a number from 0 (the first) to "
                           "{last}, -1 for the last, or a header name").format(
                        n=n_cols, last=n_cols - 1))


def _decode(data: bytes, path: Path) -> str:
    hint = _("save the file as UTF-8 text (in Excel: 'CSV UTF-8'); binary files are not tables")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DataError(_("this row contains binary data (a zero byte), not text"), file=path,
                        row=data[:nul].count(b"\n") + 1, hint=hint)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(_("this row is not UTF-8 text"), file=path,
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
            raise DataError(_("this row has {n} values but the first row has {first}").format(
                                n=len(cells), first=n_cols), file=path, row=line,
                            hint=_("every row needs the same number of values; look for a "
                                   "missing or extra separator"))
        values = cells[:t] + cells[t + 1:]
        try:
            parsed = np.fromiter(map(float, values), np.float64, count=len(values))
        except ValueError:
            parsed = None
        if parsed is None or not np.isfinite(parsed).all():
            k = next((k for k, cell in enumerate(values) if _finite(cell) is None), 0)
            problem, hint = _cell_problem(
                values[k].strip(), _("features must be numeric; remove the row or fix the value"))
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
            problem, hint = _cell_problem(cell, _(
                "regression targets must be numeric; remove the row or fix the value"))
            raise DataError(problem, file=path, row=line, column=column, hint=hint)
    numeric = None not in numbers
    values = np.array(numbers) if numeric else np.array(targets)
    if (task or infer_task(values)) == "regression":
        return values[:, None], "regression", ()
    y, class_names = encode_labels(values, path, column)
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
    check_task(task)
    rows = _csv_rows(_decode(read_bytes(path), path), path)
    first = next(rows, None)
    if first is None:
        raise DataError(_("the file is empty"), file=path,
                        hint=_("a data file needs one row per sample, values separated by commas"))
    second = next(rows, None)
    if has_header is None:
        has_header = _looks_like_header(first[1], second[1] if second else None)
    if has_header and second is None:
        raise DataError(_("the file has a header row but no data rows"), file=path,
                        hint=_("add one row per sample below the header"))
    n_cols = len(first[1])
    if n_cols < 2:
        raise DataError(_("the file has only one column"), file=path,
                        hint=_("a data file needs feature columns and a target column"))
    first_cells = [c.strip() for c in first[1]]
    # a blank header cell names a feature "column 3": data, stored in projects, so English
    blank = "column {}"  # i18n: not ui
    header = [c or blank.format(j + 1) for j, c in enumerate(first_cells)] if has_header else None
    t = _target_index(target, header, n_cols, path)
    columns: list[str | int] = [c or j + 1 for j, c in enumerate(first_cells)] if has_header \
        else list(range(1, n_cols + 1))
    leading = [second] if has_header else [r for r in (first, second) if r is not None]
    x, targets, lines = _read_cells(itertools.chain(leading, rows), n_cols, t, columns, path)
    y, resolved_task, class_names = _csv_targets(targets, lines, task, path, columns[t])
    features = header[:t] + header[t + 1:] if header else [f"x{k + 1}" for k in range(n_cols - 1)]
    dataset = Dataset(name=dataset_name(path), x=x, y=y, task=resolved_task,
                      feature_names=tuple(features), class_names=class_names, source=str(path))
    return standardize_datasets(dataset)[0][0] if standardize else dataset
