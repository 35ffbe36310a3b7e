"""The regularisation lab's batch-norm arithmetic: the book's one batch (three samples of two
features) through the engine's batch-norm layer, step by step — μ and σ² per feature, the
normalised x̂ and y = γ·x̂ + β — in one table whose x, γ and β cells can be typed into.

The window writes x̂ as "normalised x": a combining circumflex is drawn over the wrong letter,
or not at all, by some fonts."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.labs.regularization import (
    BATCH_LIMIT,
    BOOK_BATCH,
    BOOK_BETA,
    BOOK_GAMMA,
    BatchSteps,
    batch_steps,
)
from gui.i18n import on_language_change
from gui.labs.base import name_view, say
from gui.table_fit import cell, fit_height
from gui.widgets import WrappedLabel, typed_number

SAMPLES, FEATURES = len(BOOK_BATCH), len(BOOK_GAMMA)
#: the rows after the samples', and the first column of each block (x, x̂, y)
MEAN, VAR, GAMMA, BETA = range(SAMPLES, SAMPLES + 4)
X, NORMALISED, Y = 0, FEATURES, 2 * FEATURES
SUBSCRIPTS = ("₁", "₂")  # i18n: not ui
# below this variance the normalised x is said not to have variance 1
NEARLY_ONE = 0.99


def number(value: float, digits: int = 9) -> str:
    """A cell's number, with ``digits`` significant digits, and 0 without a sign."""
    return "0" if value == 0 else f"{value:.{digits}g}"


class BatchArithmetic(QGroupBox):
    """The one-batch table. ``x``, ``gamma`` and ``beta`` hold the numbers as typed;
    ``steps`` what the layer made of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.x = np.array(BOOK_BATCH)
        self.gamma = np.array(BOOK_GAMMA)
        self.beta = np.array(BOOK_BETA)
        self.steps: BatchSteps = batch_steps(self.x, self.gamma, self.beta)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(BETA + 1, 3 * FEATURES)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                                   | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                self.table.setItem(row, column, cell(editable=self._editable(row, column)))
        layout.addWidget(self.table)
        self.note = WrappedLabel()
        self.note.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.note)
        # the message about the last slip typed, made in the language of the moment
        self._error: Callable[[], str] | None = None
        self.refresh()
        self.table.itemChanged.connect(self._typed)
        on_language_change(self, self.retranslate)

    @staticmethod
    def _editable(row: int, column: int) -> bool:
        return (row < SAMPLES and column < NORMALISED) or (row in (GAMMA, BETA)
                                                            and column >= Y)

    # ------------------------------------------------------------------ numbers
    def refresh(self) -> None:
        """Run the batch through the layer and fill the table."""
        self.steps = steps = batch_steps(self.x, self.gamma, self.beta)
        blocker = QSignalBlocker(self.table)  # (the items stay: one may be being edited)
        blocks = ((X, steps.x), (NORMALISED, steps.normalised), (Y, steps.y))
        for first, values in blocks:
            for row in range(SAMPLES):
                for k in range(FEATURES):
                    self.table.item(row, first + k).setText(number(values[row, k]))
        for row, values in ((MEAN, steps.mean), (VAR, steps.var)):
            for k in range(FEATURES):
                self.table.item(row, X + k).setText(number(values[k]))
        for row, values in ((GAMMA, self.gamma), (BETA, self.beta)):
            for k in range(FEATURES):
                self.table.item(row, Y + k).setText(number(values[k], 6))
        del blocker
        self._say()

    @Slot(QTableWidgetItem)
    def _typed(self, item: QTableWidgetItem) -> None:
        """A number was typed into an x, γ or β cell: take it, or say why not and show the
        old one again."""
        row, column, text = item.row(), item.column(), item.text()
        value = typed_number(text)
        if value is None:
            self._error = lambda: self.tr("“{text}” is not a number.").format(text=text)
        elif abs(value) > BATCH_LIMIT:
            self._error = lambda: self.tr(
                "“{text}” is too large for this table: type a number from −{limit} to "
                "{limit}. (σ² squares x − μ, and the square of a larger number overflows "
                "to infinity.)").format(text=text, limit=f"{BATCH_LIMIT:.0e}".replace("+", ""))
        else:
            self._error = None
            if row < SAMPLES:
                self.x[row, column - X] = value
            else:
                target = self.gamma if row == GAMMA else self.beta
                target[column - Y] = value
        self.refresh()

    def _say(self) -> None:
        if self._error is not None:
            say(self.note, self._error(), error=True)
            return
        epsilon = f"{self.steps.epsilon:g}"
        exceptions = self._exceptions()
        if not exceptions:
            say(self.note, self.tr(
                "The engine's batch-norm layer on one batch, per feature (column): μ is the "
                "mean of the batch and σ² its variance; the normalised x = (x − μ)/√(σ² + ε), "
                "with ε = {epsilon}, has mean 0 and variance 1; y = γ·(normalised x) + β "
                "scales and shifts it by the learned γ and β. Type into x, γ or β.").format(
                    epsilon=epsilon))
            return
        say(self.note, " ".join([self.tr(
            "The engine's batch-norm layer on one batch, per feature (column): μ is the mean "
            "of the batch and σ² its variance; the normalised x = (x − μ)/√(σ² + ε), with "
            "ε = {epsilon}; y = γ·(normalised x) + β scales and shifts it by the learned γ "
            "and β. Type into x, γ or β.").format(epsilon=epsilon), *exceptions]))

    def _exceptions(self) -> list[str]:
        """What to say of each feature whose normalised x does not have variance 1."""
        said = []
        variances = self.steps.normalised_variance()
        for k, (constant, variance) in enumerate(zip(self.steps.constant(), variances,
                                                     strict=True)):
            sub = SUBSCRIPTS[k]
            if constant:
                said.append(self.tr(
                    "x{sub} is the same in every sample, so σ² is 0 and so is x − μ (up to "
                    "rounding): the normalised x{sub} is 0, not of variance 1 — ε only keeps "
                    "√(σ² + ε) from being 0 — and y{sub} is β.").format(sub=sub))
            elif variance < NEARLY_ONE:
                said.append(self.tr(
                    "x{sub} varies so little that σ² is not large against ε: the normalised "
                    "x{sub} has variance σ²/(σ² + ε) = {variance}, not 1.").format(
                        sub=sub, variance=number(variance, 3)))
        return said

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setTitle(self.tr("Batch norm on one batch, step by step"))
        self.table.setHorizontalHeaderLabels(
            [f"x{sub}" for sub in SUBSCRIPTS]
            + [self.tr("normalised x{sub}").format(sub=sub) for sub in SUBSCRIPTS]
            + [f"y{sub}" for sub in SUBSCRIPTS])
        self.table.setVerticalHeaderLabels(
            [self.tr("sample {n}").format(n=n) for n in range(1, SAMPLES + 1)]
            + [self.tr("μ (mean)"), self.tr("σ² (variance)"), self.tr("γ (scale)"),
               self.tr("β (shift)")])
        self.table.setToolTip(self.tr("Type into the x, γ and β cells"))
        name_view(self.table, self.tr("Batch norm arithmetic"), self.tr(
            "A row per sample: its features x, normalised, then scaled and shifted to y; "
            "below, each feature's mean, variance, γ and β. Type into the x, γ and β cells"))
        self._say()
        fit_height(self.table)
