"""The Explain dock's tables and the chosen row in words: the current step's ∂L/∂W (or W)
matrix, and the check of every backprop gradient against the numerical one."""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.datasets import Dataset
from core.engine.activations import LEAKY_SLOPE
from core.engine.network import NUMERICAL_H
from core.explain import Agreement, Explanation, agreement, relative_error, row_words
from core.explain.check import ABSOLUTE, RELATIVE, TINY, significant
from core.spec import NetworkSpec
from gui import theme
from gui.i18n import on_language_change

MATRIX_SHOWN = 12  # rows and columns of a larger matrix shown (the rest is in the inspector)
ELEMENTS_CHECKED = 64  # up to this many parameters the check lists each; beyond, per array
# the check's columns (of CheckTable.HEADERS: parameter, backprop, numerical, rel. err), the
# first that fits the dock: four, then backprop over numerical in one, then the parameter
# over its relative error too. With a 16 pt font at 1024 × 768 the four needed 421 pixels of
# the table's 301 (Korean: 272), three would need 309: the numbers were cut at its edge.
LAYOUTS = (((0,), (1,), (2,), (3,)), ((0,), (1, 2), (3,)), ((0, 3), (1, 2)))
#: what each activation with a corner (core.explain.corners) does at z = 0 ({slope}: leaky
#: ReLU's slope below 0)
BENDS = {"relu": QT_TRANSLATE_NOOP("CheckTable", "ReLU bends there: its slope is 0 below 0 and 1 "
                                                 "above"),
         "leaky_relu": QT_TRANSLATE_NOOP("CheckTable", "leaky ReLU bends there: its slope is "
                                                       "{slope} below 0 and 1 above"),
         "step": QT_TRANSLATE_NOOP("CheckTable", "step jumps there from 0 to 1")}


def html_text(text: str) -> str:
    """Plain text made safe for a rich-text label (quotes stay as they are: the rules use
    primes and apostrophes)."""
    return escape(text, quote=False)


def row_text(dataset: Dataset, explanation: Explanation) -> str:
    """The row's raw inputs and target (worded as ``netcanvas explain`` does), and where the
    split put it."""
    return (f"{html_text(row_words(dataset, explanation))}<br>"  # i18n: not ui (worded in core)
            f"<span style='color:{theme.MUTED_TEXT}'>{html_text(explanation.where)}</span>")


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setTabKeyNavigation(False)  # Tab goes on to the next widget, not cell after cell
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setMinimumSectionSize(20)
    table.setStyleSheet("QTableWidget::item { padding: 0px 2px; }")  # fits the narrow dock
    return table


def _fit_height(table: QTableWidget) -> None:
    table.resizeRowsToContents()
    rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), 12)))
    # the header's own height may not follow yet a header of two lines (CheckTable.LAYOUTS)
    header = table.horizontalHeader()
    table.setFixedHeight(rows + max(header.height(), header.sizeHint().height()) + 6)


class MatrixTable(QWidget):
    """A connection's matrix at the current step: rows are the source node's units, columns
    the destination's; with a check, each cell has the numerical value under backprop's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.table = _table(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        self.setVisible(False)
        self._shown: tuple = (None, None, None)
        on_language_change(self, lambda: self.show_matrix(*self._shown))

    def show_matrix(self, symbol: str | None, value: np.ndarray | None,
                    numerical: dict[str, np.ndarray] | None = None) -> None:
        self._shown = (symbol, value, numerical)
        if symbol is None or value is None:
            self.setVisible(False)
            return
        rows, cols = np.shape(value)
        shown = value[:MATRIX_SHOWN, :MATRIX_SHOWN]
        check = numerical.get(symbol) if numerical is not None else None
        names = {"symbol": html_text(symbol), "rows": rows, "cols": cols, "n": MATRIX_SHOWN}
        cut = (rows, cols) != shown.shape
        if check is None:
            caption = self.tr("<b>{symbol}</b>, {rows}×{cols} (the first {n}×{n}): a row per "
                              "source unit, a column per destination unit") if cut else self.tr(
                "<b>{symbol}</b>, {rows}×{cols}: a row per source unit, a column per destination "
                "unit")
        else:
            caption = self.tr("<b>{symbol}</b>, {rows}×{cols} (the first {n}×{n}): a row per "
                              "source unit, a column per destination unit; under each, the "
                              "numerical value") if cut else self.tr(
                "<b>{symbol}</b>, {rows}×{cols}: a row per source unit, a column per destination "
                "unit; under each, the numerical value")
        self.caption.setText(caption.format(**names))
        self.table.setRowCount(shown.shape[0])
        self.table.setColumnCount(shown.shape[1])
        for i in range(shown.shape[0]):
            for j in range(shown.shape[1]):
                text = f"{shown[i, j]:.5g}"
                if check is not None:
                    text += f"\n{check[i, j]:.5g}"
                self.table.setItem(i, j, QTableWidgetItem(text))
        _fit_height(self.table)
        self.setVisible(True)

    def cell(self, i: int, j: int) -> str:
        return self.table.item(i, j).text()


class CheckTable(QWidget):
    """Every backprop gradient of the row beside the numerical one and their relative error
    (each parameter for small networks, each array's norms and worst error otherwise), under a
    verdict in words: do they agree (:func:`core.explain.agreement`)?"""

    HEADERS = ("parameter", "backprop", "numerical", "rel. err")  # i18n: not ui
    HEADER_TEXTS = (QT_TRANSLATE_NOOP("CheckTable", "parameter"),
                    QT_TRANSLATE_NOOP("CheckTable", "backprop"),
                    QT_TRANSLATE_NOOP("CheckTable", "numerical"),
                    QT_TRANSLATE_NOOP("CheckTable", "rel. err"))
    NOT_RELATIVE = "–"  # i18n: not ui (a gradient too small for a relative error)
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = _table(len(self.HEADERS))
        self.table.verticalHeader().setVisible(False)
        # The numbers take what they need, not their headers' width ("parameter" is wider than
        # "W1[0,0]": the header is elided, its tooltip whole); the last column has the rest of
        # the narrow dock, so the relative error is never cut at its edge.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.viewport().installEventFilter(self)  # a scroll bar or the dock's width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.setVisible(False)
        self.agreement: Agreement | None = None
        self.spec: NetworkSpec | None = None  # names the units of a corner
        self.rows: list[tuple[str, str, str, str]] = []  # each parameter's texts, by HEADERS
        # which of :data:`LAYOUTS` the table has: the first that fits the dock
        self.layout_index = 0
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self._fill()
        if self.agreement is not None:
            self.summary.setText(self.verdict_text(self.agreement))
            self._fit_columns()

    def _headers(self) -> list[str]:
        texts = [self.tr(h) for h in self.HEADER_TEXTS]
        return ["\n".join(texts[k] for k in shown) for shown in LAYOUTS[self.layout_index]]

    def _fill(self) -> None:
        """The rows in the table, laid out as :attr:`layout_index` says."""
        table, headers, shown = self.table, self._headers(), LAYOUTS[self.layout_index]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for c, text in enumerate(headers):
            table.horizontalHeaderItem(c).setToolTip(text)
        table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, fields in enumerate(shown):
                item = QTableWidgetItem("\n".join(row[k] for k in fields))
                if row[-1] == self.NOT_RELATIVE and len(row) - 1 in fields:
                    item.setToolTip(self._tiny_tip())
                table.setItem(r, c, item)
        _fit_height(table)

    def _layout_that_fits(self) -> int:
        """The first of :data:`LAYOUTS` whose numbers fit the table's width (the last when
        none does), measured from the texts and the cells' padding now."""
        table = self.table
        metrics = table.fontMetrics()
        fields = [max((metrics.horizontalAdvance(row[k]) for row in self.rows), default=0)
                  for k in range(len(self.HEADERS))]
        shown = LAYOUTS[self.layout_index]
        padding = table.sizeHintForColumn(0) - max(fields[k] for k in shown[0])
        for index, layout in enumerate(LAYOUTS):
            need = sum(max(fields[k] for k in column) + padding for column in layout)
            if need <= table.viewport().width():
                return index
        return len(LAYOUTS) - 1

    def _tiny_tip(self) -> str:
        return self.tr("Both gradients are below {bound}: a relative error of round-off says "
                       "nothing, only their difference counts").format(bound=f"{ABSOLUTE:g}")

    def verdict_text(self, found: Agreement) -> str:
        """The verdict in words, coloured, then the numbers it rests on (rich text)."""
        names = {"h": f"{NUMERICAL_H:g}", "bound": f"{ABSOLUTE:g}",
                 "relative_bound": f"{RELATIVE:g}", "difference": f"{found.difference:.1e}",
                 "relative": f"{found.relative or 0.0:.1e}", "where": found.where}
        if found.corners and self.spec is not None:
            verdict, color = self.tr("Backprop and the numerical gradient differ at {where}: "
                                     "a unit sits at its activation's corner."), \
                theme.WARNING_TEXT
            detail = self._corner_text(found, names)
        elif not found.agree:
            verdict, color = self.tr("Backprop and the numerical gradient disagree."), \
                theme.ERROR_TEXT
            detail = self.tr("Central differences (h = {h}) on this row: they differ by "
                             "{difference} at {where}, more than {bound} and more than "
                             "{relative_bound} of the gradient.").format(**names)
        else:
            verdict, color = self.tr("Backprop agrees with the numerical gradient."), \
                theme.OK_TEXT
            detail = (self.tr("Central differences (h = {h}) on this row: the largest relative "
                              "error is {relative}, the largest difference {difference}.")
                      if found.relative is not None else self.tr(
                "Central differences (h = {h}) on this row: every gradient is below {bound}, "
                "so only the difference counts; the largest is {difference}.")).format(**names)
        verdict = html_text(verdict.format(**names))
        return f"<b>{theme.coloured(verdict, color)}</b> {html_text(detail)}"

    def _corner_text(self, found: Agreement, names: dict[str, object]) -> str:
        """Why a unit at its activation's corner makes the numerical gradient differ from a
        right backprop: the unit (counted from 1, as the canvas's tooltips count them), its z,
        and what its activation does at 0."""
        corner = found.corners[0]
        bend = self.tr(BENDS[corner.activation]).format(slope=f"{LEAKY_SLOPE:g}")
        text = self.tr(
            "Unit {unit} of {node} has z = {z}, and {bend}. Moving {where} by ±{h} takes that "
            "z across 0, so the central difference mixes both sides, while backprop takes the "
            "slope at z itself, as training does. No mistake in backprop: a row whose z are "
            "not this close to 0 shows them agree.").format(
                unit=corner.unit + 1, node=self.spec.node(corner.node_id).label,
                z=f"{corner.z:.3g}", bend=bend, where=names["where"], h=names["h"])
        if len(found.corners) > 1:  # two or more: no singular needed
            text += " " + self.tr("{n} units in all sit this close to a corner.").format(
                n=len(found.corners))
        return text

    def clear_check(self) -> None:
        self.setVisible(False)

    def show_check(self, backprop: dict[str, np.ndarray], numerical: dict[str, np.ndarray],
                   found: Agreement | None = None, spec: NetworkSpec | None = None) -> None:
        """The table and the verdict: ``found`` (:func:`core.explain.with_corners`), or the
        plain agreement of the two when not given; ``spec`` names a corner's node."""
        rows = []
        each = sum(np.size(g) for g in backprop.values()) <= ELEMENTS_CHECKED
        for name, grad in backprop.items():
            grad, num = np.asarray(grad), np.asarray(numerical[name])
            # "–" where both are round-off sized; two exact zeros (an input of 0) are 0.
            round_off = ~significant(grad, num) & (np.maximum(np.abs(grad), np.abs(num)) > TINY)
            error = np.where(round_off, np.nan, relative_error(grad, num))
            if each:
                for index in np.ndindex(grad.shape):
                    where = ",".join(map(str, index))
                    rows.append((f"{name}[{where}]", f"{grad[index]:.5g}", f"{num[index]:.5g}",
                                 self._error_text(error[index])))
            else:
                worst = np.nanmax(error) if np.any(~np.isnan(error)) else np.nan
                rows.append((f"‖{name}‖", f"{np.linalg.norm(grad):.5g}",
                             f"{np.linalg.norm(num):.5g}", self._error_text(worst)))
        self.agreement = agreement(backprop, numerical) if found is None else found
        self.spec = spec
        self.rows = rows
        self.retranslate()
        self.setVisible(True)

    def _fit_columns(self) -> None:
        """Each column as wide as its header and numbers, the last taking the rest. In a dock
        too narrow for that, the headers give way first ("param…", whole in their tooltips);
        narrower still, the columns share cells (:data:`LAYOUTS`): the numbers, the relative
        error included, stay whole."""
        fits = self._layout_that_fits()
        if fits != self.layout_index:
            self.layout_index = fits
            self._fill()
        header, table = self.table.horizontalHeader(), self.table
        last = table.columnCount() - 1
        numbers = [table.sizeHintForColumn(c) for c in range(last + 1)]
        room = table.viewport().width()
        texts = self._headers()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        metrics = header.fontMetrics()
        headed = [max(metrics.horizontalAdvance(line) for line in t.split("\n")) + 2 * margin
                  for t in texts]
        widths = [max(n, h) for n, h in zip(numbers, headed, strict=True)]
        excess = sum(widths) - room
        for c in range(last):
            give = min(max(excess, 0), widths[c] - numbers[c])
            widths[c] -= give
            excess -= give
            header.resizeSection(c, widths[c])
        for c, text in enumerate(texts):
            table.horizontalHeaderItem(c).setText("\n".join(metrics.elidedText(
                line, Qt.TextElideMode.ElideRight, header.sectionSize(c) - margin)
                for line in text.split("\n")))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize and \
                self.agreement is not None:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _error_text(self, error: float) -> str:
        return self.NOT_RELATIVE if np.isnan(error) else f"{error:.1e}"

    def column(self, header: str) -> list[str]:
        """What the table shows under ``header`` (one of :attr:`HEADERS`), row by row: read
        from its cells, where the layout may share one between two fields (a line each)."""
        field = self.HEADERS.index(header)
        table, shown = self.table, LAYOUTS[self.layout_index]
        c = next(c for c, fields in enumerate(shown) if field in fields)
        line = shown[c].index(field)
        return [table.item(r, c).text().split("\n")[line] for r in range(table.rowCount())]
