"""The softmax-and-loss lab's lower half: the book's loss example. The one-hot target t and two
predictions y1, y2 (editable cells) with Σy, the sum of squares ½Σ(y−t)² and the
cross-entropy −Σ t·log(y + 1e-7) of each, computed by :mod:`core.labs.softmax_loss`, and a bar
plot of y1 and y2 over t."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.labs.softmax_loss import (
    BOOK_TARGET,
    BOOK_Y1,
    BOOK_Y2,
    CLASSES,
    LossRow,
    loss_row,
    one_hot,
    smaller,
)
from gui import theme
from gui.i18n import on_language_change
from gui.labs.base import name_view, say
from gui.table_fit import cell, fit_height, fit_width
from gui.widgets import WrappedLabel, typed_number

#: the table's rows: the target, then the two predictions
ROWS = ("t", "y1", "y2")
#: the columns after the classes' ten
TOTAL, SQUARES, CROSS_ENTROPY = CLASSES, CLASSES + 1, CLASSES + 2
#: the predictions' colours in the plot (the target is drawn as an outline)
COLOURS = {"y1": theme.POSITIVE, "y2": theme.NEGATIVE}


def number(value: float) -> str:
    """A cell's number: short, as the book writes its lists (0.1, 0.05, 0.6)."""
    return f"{value:.10g}"


def probability_plot() -> tuple[pg.PlotWidget, pg.PlotItem]:
    """A fixed plot of bars from 0 to 1 (probabilities) that gives way to the tables and texts
    beside it: it may shrink to 160 × 120 and takes no height of its own. Tab passes it by:
    it does nothing with the keyboard."""
    widget = pg.PlotWidget(background="w")
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setMinimumSize(160, 120)
    widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    plot = widget.getPlotItem()
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.setYRange(0, 1.05, padding=0)
    return widget, plot


class LossSection(QGroupBox):
    """The loss table and its plot. ``predictions`` holds y1 and y2 as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.predictions = {"y1": np.array(BOOK_Y1), "y2": np.array(BOOK_Y2)}
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        row = QHBoxLayout()
        self.target_label = QLabel()
        row.addWidget(self.target_label)
        self.target = QSpinBox()
        self.target.setRange(0, CLASSES - 1)
        self.target.setValue(BOOK_TARGET)
        row.addWidget(self.target)
        row.addStretch(1)
        left.addLayout(row)
        self.table = QTableWidget(len(ROWS), CLASSES + 3)
        self.table.setVerticalHeaderLabels(["t", "y1", "y2"])
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked
                                   | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (SQUARES, CROSS_ENTROPY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for row, name in enumerate(ROWS):
            for column in range(self.table.columnCount()):
                self.table.setItem(row, column, cell("", editable=name != "t"
                                                     and column < CLASSES))
        left.addWidget(self.table)
        self.note = WrappedLabel()
        self.note.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.note)
        left.addStretch(1)
        layout.addLayout(left, 3)
        self.plot_widget, self.plot = probability_plot()
        self.plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(CLASSES)]])
        self.bars = {name: pg.BarGraphItem(x=[], height=[], width=0.35, brush=colour,
                                           pen=None) for name, colour in COLOURS.items()}
        self.target_bar = pg.BarGraphItem(x=[], height=[], width=0.8, brush=None,
                                          pen=pg.mkPen(theme.TEXT, width=1.5,
                                                       style=Qt.PenStyle.DashLine))
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextSize="9pt")
        for item in (*self.bars.values(), self.target_bar):
            self.plot.addItem(item)
        for name, item in (*self.bars.items(), ("t", self.target_bar)):
            self.legend.addItem(item, name)
        layout.addWidget(self.plot_widget, 2)
        #: makes the message about the last refused cell, in the current language (or None)
        self._error: Callable[[], str] | None = None
        self.refresh()
        self.target.valueChanged.connect(self.refresh)
        self.table.itemChanged.connect(self._typed)
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------------ numbers
    def rows(self) -> dict[str, LossRow]:
        """The two predictions' losses against the current target."""
        return {name: loss_row(y, self.target.value()) for name, y in self.predictions.items()}

    @Slot()
    def refresh(self) -> None:
        """Fill the table and the plot from the target and the predictions."""
        target = self.target.value()
        t = one_hot(target)
        blocker = QSignalBlocker(self.table)  # (the items stay: one may be being edited)
        for column in range(CLASSES):
            self.table.item(0, column).setText(number(t[column]))
        for row, (_name, result) in enumerate(self.rows().items(), start=1):
            texts = [number(value) for value in result.y] + [
                number(round(result.total, 12)), f"{result.squares:.4f}",
                f"{result.cross_entropy:.12g}"]
            for column, text in enumerate(texts):
                self.table.item(row, column).setText(text)
        del blocker
        classes = np.arange(CLASSES)
        for offset, (name, bars) in zip((-0.18, 0.18), self.bars.items(), strict=True):
            bars.setOpts(x=classes + offset, height=self.predictions[name])
        self.target_bar.setOpts(x=[target], height=[1.0])
        self._fit_table()
        self._say_note()

    @Slot(QTableWidgetItem)
    def _typed(self, item: QTableWidgetItem) -> None:
        """A prediction's cell was typed into: take the number, or say why not and put the
        old one back."""
        name = ROWS[item.row()]
        if name not in self.predictions or item.column() >= CLASSES:
            return
        value = typed_number(item.text())
        if value is None or not 0.0 <= value <= 1.0:
            text = item.text()
            self._error = lambda: self.tr(
                "“{text}” is not a probability: type a number from 0 to 1.").format(text=text)
        else:
            self._error = None
            self.predictions[name] = self.predictions[name].copy()
            self.predictions[name][item.column()] = value
        self.refresh()

    def _say_note(self) -> None:
        """The refused cell's message, or which prediction is better: by both losses, by
        neither (a tie), or by each loss a different one."""
        if self._error is not None:
            say(self.note, self._error(), error=True)
            return
        results = self.rows()
        by_squares = smaller({n: r.squares for n, r in results.items()})
        by_entropy = smaller({n: r.cross_entropy for n, r in results.items()})
        if by_squares is not None and by_squares == by_entropy:
            verdict = self.tr("The smaller loss is the better prediction: {better} ({squares} "
                              "and {cross_entropy}).").format(
                better=by_squares, squares=f"{results[by_squares].squares:.4f}",
                cross_entropy=f"{results[by_squares].cross_entropy:.4f}")
        elif by_squares is None and by_entropy is None:
            verdict = self.tr("y1 and y2 are equally good: their losses are the same "
                              "({squares} and {cross_entropy}).").format(
                squares=f"{results['y1'].squares:.4f}",
                cross_entropy=f"{results['y1'].cross_entropy:.4f}")
        else:
            verdict = self.tr("The two losses do not agree which prediction is better: by "
                              "½Σ(y−t)², {squares}; by cross-entropy, {cross_entropy}.").format(
                squares=self._ranked(by_squares, {n: r.squares for n, r in results.items()}),
                cross_entropy=self._ranked(by_entropy,
                                           {n: r.cross_entropy for n, r in results.items()}))
        say(self.note, self.tr("Type into y1 or y2 to try your own prediction.") + " "
            + verdict)

    def _ranked(self, better: str | None, losses: dict[str, float]) -> str:
        """One loss's verdict: "y2 (0.1680 against 0.2500)", or "a tie (0.2500)"."""
        if better is None:
            return self.tr("a tie ({loss})").format(loss=f"{losses['y1']:.4f}")
        other = next(name for name in losses if name != better)
        return self.tr("{better} ({loss} against {other_loss})").format(
            better=better, loss=f"{losses[better]:.4f}", other_loss=f"{losses[other]:.4f}")

    def _fit_table(self) -> None:
        """Tall enough for its three rows and wide enough for every number, without
        scrolling or eliding."""
        fit_height(self.table)
        fit_width(self.table)

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text of the section in the current language."""
        self.setTitle(self.tr("Loss functions: predictions y against the one-hot target t"))
        self.target_label.setText(self.tr("Right class (t is one-hot):"))
        self.target.setToolTip(self.tr("The class t marks with 1; every other entry of t is 0"))
        formulas = ["Σy", "½Σ(y−t)²", "−Σ t·log(y + 1e-7)"]  # i18n: not ui (formulas)
        labels = [str(k) for k in range(CLASSES)] + formulas
        self.table.setHorizontalHeaderLabels(labels)
        tips = {TOTAL: self.tr("A softmax output sums to 1"),
                SQUARES: self.tr("The book's mean squared error (sum of squares): "
                                 "½Σ(y−t)²"),
                CROSS_ENTROPY: self.tr("The book's cross-entropy error (CEE): "
                                       "−Σ t·log(y + 1e-7); only the right class counts")}
        for column, tip in tips.items():
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.table.setToolTip(self.tr("Type a probability into any cell of y1 or y2"))
        name_view(self.table, self.tr("Predictions y1, y2 and their losses"), self.tr(
            "Rows y1 and y2: a probability per class, their sum, the squared error and the "
            "cross-entropy error against t. Type a probability into any cell of y1 or y2"))
        name_view(self.plot_widget, self.tr("y1 and y2 per class"), self.tr(
            "Two bars per class: y1's and y2's probability; the right class t outlined"))
        self.plot.setTitle(self.tr("y1 and y2 per class"))
        self._say_note()
        self._fit_table()
