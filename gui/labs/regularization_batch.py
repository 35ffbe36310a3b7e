"""The regularisation lab's batch-norm arithmetic: the book's one batch (three samples of two
features) through the engine's batch-norm layer, step by step — μ and σ² per feature, the
normalised x̂ and y = γ·x̂ + β — in one table whose x, γ and β cells can be typed into.

The window writes x̂ as "normalised x": a combining circumflex is drawn over the wrong letter,
or not at all, by some fonts."""

from __future__ import annotations

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

from core.labs.regularization import BOOK_BATCH, BOOK_BETA, BOOK_GAMMA, BatchSteps, batch_steps
from gui.i18n import on_language_change
from gui.labs.base import say
from gui.table_fit import cell, fit_height
from gui.widgets import WrappedLabel

SAMPLES, FEATURES = len(BOOK_BATCH), len(BOOK_GAMMA)
#: the rows after the samples', and the first column of each block (x, x̂, y)
MEAN, VAR, GAMMA, BETA = range(SAMPLES, SAMPLES + 4)
X, NORMALISED, Y = 0, FEATURES, 2 * FEATURES


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
        self._error = ""
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
                    self.table.item(row, first + k).setText(f"{values[row, k]:.9g}")
        for row, values in ((MEAN, steps.mean), (VAR, steps.var)):
            for k in range(FEATURES):
                self.table.item(row, X + k).setText(f"{values[k]:.9g}")
        for row, values in ((GAMMA, self.gamma), (BETA, self.beta)):
            for k in range(FEATURES):
                self.table.item(row, Y + k).setText(f"{values[k]:g}")
        del blocker
        self._say()

    @Slot(QTableWidgetItem)
    def _typed(self, item: QTableWidgetItem) -> None:
        """A number was typed into an x, γ or β cell: take it, or say why not and show the
        old one again."""
        row, column = item.row(), item.column()
        try:
            value = float(item.text().replace(",", "."))
        except ValueError:
            value = float("nan")
        if not np.isfinite(value):
            self._error = self.tr("“{text}” is not a number.").format(text=item.text())
        else:
            self._error = ""
            if row < SAMPLES:
                self.x[row, column - X] = value
            else:
                target = self.gamma if row == GAMMA else self.beta
                target[column - Y] = value
        self.refresh()

    def _say(self) -> None:
        if self._error:
            say(self.note, self._error, error=True)
            return
        say(self.note, self.tr(
            "The engine's batch-norm layer on one batch, per feature (column): μ is the mean "
            "of the batch and σ² its variance; the normalised x = (x − μ)/√(σ² + ε), with "
            "ε = {epsilon}, has mean 0 and variance 1; y = γ·(normalised x) + β scales and "
            "shifts it by the learned γ and β. Type into x, γ or β.").format(
                epsilon=f"{self.steps.epsilon:g}"))

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.setTitle(self.tr("Batch norm on one batch, step by step"))
        subscripts = ("₁", "₂")  # i18n: not ui
        self.table.setHorizontalHeaderLabels(
            [f"x{sub}" for sub in subscripts]
            + [self.tr("normalised x{sub}").format(sub=sub) for sub in subscripts]
            + [f"y{sub}" for sub in subscripts])
        self.table.setVerticalHeaderLabels(
            [self.tr("sample {n}").format(n=n) for n in range(1, SAMPLES + 1)]
            + [self.tr("μ (mean)"), self.tr("σ² (variance)"), self.tr("γ (scale)"),
               self.tr("β (shift)")])
        self.table.setToolTip(self.tr("Type into the x, γ and β cells"))
        self._say()
        fit_height(self.table)
