"""The one error type for data problems, worded for students rather than for programmers."""

from __future__ import annotations

from pathlib import Path

from core.i18n import _


class DataError(Exception):
    """A data set could not be built or read.

    The message is meant to be shown as is: it names the file, the row and column when there
    is one, what is wrong, and what to do about it, e.g.
    ``iris.csv, row 17, column "petal_width": "abc" is not a number — features must be numeric;
    remove the row or fix the value.``

    ``row`` is the row as a spreadsheet shows it: the line number in the file, header included,
    counting from 1. ``column`` is a header name, or a 1-based column number when there is no
    header. Both are kept as attributes so a GUI can point at the cell.

    The message is in the language of the moment it was raised: ``problem`` and ``hint``
    arrive translated, and the words "row" and "column" are translated here.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | int | None = None,
        hint: str | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.column = column
        self.problem = problem
        self.hint = hint
        super().__init__(_compose(problem, file, row, column, hint))


def _compose(
    problem: str,
    file: str | Path | None,
    row: int | None,
    column: str | int | None,
    hint: str | None,
) -> str:
    where = []
    if file is not None:
        where.append(Path(file).name or str(file))
    if row is not None:
        where.append(_("row {row}").format(row=row))
    if isinstance(column, int):
        where.append(_("column {column}").format(column=column))
    elif column is not None:
        where.append(_('column "{column}"').format(column=column))
    text = f"{', '.join(where)}: {problem}" if where else problem
    if hint:
        text += f" — {hint}"
    return text if text.endswith(".") else text + "."
