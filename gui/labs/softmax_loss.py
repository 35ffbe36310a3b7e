"""Lab: softmax and the loss functions with the book's numbers. Above, scores a (typed, or the
book's [0.3, 2.9, 4.0] and its overflow example [1010, 1000, 990]) through the naive
exp(a)/Σexp(a) beside the stable softmax that subtracts the max, with the softmax-with-loss of
a right class t; below (:mod:`gui.labs.softmax_loss_losses`), the book's y1/y2 loss table. The
numbers come from :mod:`core.labs.softmax_loss`; this module only shows them."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.labs.softmax_loss import (
    BOOK_SCORE_TARGET,
    BOOK_SCORES,
    OVERFLOW_SCORES,
    Softmax,
    SoftmaxWithLoss,
    as_printed,
    parse_scores,
    softmax,
    softmax_with_loss,
)
from gui import theme
from gui.context import ProjectContext
from gui.docks import scrolling
from gui.i18n import on_language_change
from gui.labs.base import LabWindow, name_view, say
from gui.labs.softmax_loss_losses import LossSection, probability_plot
from gui.table_fit import cell, fit_height, whole_width
from gui.widgets import WrappedLabel

#: the softmax table's columns: naive (exp, its quotient), then stable (shift, exp, y), t, y − t
A, EXP, NAIVE, SHIFTED, SHIFTED_EXP, Y, T, GRADIENT = range(8)
#: the columns the table sums in its last row (the rest would only sum rounding noise)
SUMMED = (EXP, NAIVE, SHIFTED_EXP, Y)
#: the columns of typed or whole numbers, written short (the others as NumPy prints them)
SHORT = (A, SHIFTED, T)
#: the smallest window: its notice still fits above the tables (which scroll below it)
MINIMUM_SIZE = (640, 420)


def scores_text(scores: tuple[float, ...]) -> str:
    """Scores as the line edit shows them: "0.3, 2.9, 4.0"."""
    return ", ".join(f"{s:.1f}" if s == int(s) and abs(s) < 100 else f"{s:g}" for s in scores)


def refusal(text: str) -> str:
    """What is wrong with the typed scores ``text``, in the current language ("" if nothing)."""
    try:
        parse_scores(text)
    except ValueError as exc:
        return str(exc)
    return ""


class SoftmaxLossLab(LabWindow):
    title = QT_TRANSLATE_NOOP("Labs", "Softmax and loss functions")
    notice = QT_TRANSLATE_NOOP(
        "SoftmaxLossLab",
        "<b>What to notice.</b> Softmax turns scores a into probabilities y that sum to 1. "
        "Written naively, exp(a)/Σexp(a) overflows for the book's [1010, 1000, 990]: exp(1010) "
        "is inf and inf/inf is nan. Subtracting the max first gives the same y with no "
        "overflow — that is what training computes. <b>Below:</b> the book's two predictions "
        "for the right class 2: y1 (0.6 on it) has the small loss, y2 (0.6 on class 7) the "
        "large one, by both ½Σ(y−t)² and cross-entropy.")

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.resize(1200, 760)
        self.setMinimumSize(*MINIMUM_SIZE)
        self.shown: Softmax = softmax(np.array(BOOK_SCORES))
        self.with_loss: SoftmaxWithLoss = softmax_with_loss(self.shown.a, BOOK_SCORE_TARGET)
        #: makes the message about the last typing slip, in the current language (or None)
        self._error: Callable[[], str] | None = None
        # The two halves scroll when the window is smaller than they need (a projector's 1024 ×
        # 600): squeezed, the table ran under its message and the columns were cut off.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._softmax_box(), 1)
        self.losses = LossSection()
        layout.addWidget(self.losses, 1)
        self.scroll_area = scrolling(content, sideways=True)
        outer = QVBoxLayout(self.body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.scores.editingFinished.connect(self._scores_typed)
        self.book_button.clicked.connect(lambda: self.use_scores(BOOK_SCORES))
        self.overflow_button.clicked.connect(lambda: self.use_scores(OVERFLOW_SCORES))
        self.target.valueChanged.connect(self.refresh)
        self.refresh()
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------------ building
    def _softmax_box(self) -> QGroupBox:
        self.softmax_box = QGroupBox()
        layout = QHBoxLayout(self.softmax_box)
        left = QVBoxLayout()
        row = QHBoxLayout()
        self.scores_label = QLabel()
        row.addWidget(self.scores_label)
        self.scores = QLineEdit(scores_text(BOOK_SCORES))
        row.addWidget(self.scores, 1)
        self.book_button = QPushButton(f"[{scores_text(BOOK_SCORES)}]")
        self.overflow_button = QPushButton(f"[{scores_text(OVERFLOW_SCORES)}]")
        row.addWidget(self.book_button)
        row.addWidget(self.overflow_button)
        self.target_label = QLabel()
        row.addWidget(self.target_label)
        self.target = QSpinBox()
        self.target.setValue(BOOK_SCORE_TARGET)
        row.addWidget(self.target)
        left.addLayout(row)
        self.table = QTableWidget(0, GRADIENT + 1)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        left.addWidget(self.table)
        self.message = WrappedLabel()
        self.message.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.message)
        self.loss_line = WrappedLabel()
        self.loss_line.setTextFormat(Qt.TextFormat.RichText)
        left.addWidget(self.loss_line)
        left.addStretch(1)
        layout.addLayout(left, 3)
        self.plot_widget, self.plot = probability_plot()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=theme.POSITIVE, pen=None)
        self.plot.addItem(self.bars)
        layout.addWidget(self.plot_widget, 2)
        return self.softmax_box

    # ------------------------------------------------------------------ scores
    def use_scores(self, scores: tuple[float, ...]) -> None:
        """Put ``scores`` in the box and show them (the preset buttons)."""
        self.scores.setText(scores_text(scores))
        self._scores_typed()

    @Slot()
    def _scores_typed(self) -> None:
        """Read the typed scores; say in words what is wrong with them, keeping the last
        good ones on show."""
        text = self.scores.text()
        try:
            scores = parse_scores(text)
        except ValueError:
            self._error = lambda: refusal(text)
            self._say()
            return
        self._error = None
        self.shown = softmax(scores)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """The table, the message and the plot for the shown scores and the right class."""
        shown = self.shown
        n = shown.a.size
        self.target.blockSignals(True)
        self.target.setRange(0, n - 1)
        self.target.blockSignals(False)
        self.with_loss = softmax_with_loss(shown.a, self.target.value())
        columns = (shown.a, shown.exp, shown.naive, shown.shifted, shown.shifted_exp, shown.y,
                   self.with_loss.t, self.with_loss.gradient)
        self.table.setRowCount(n + 1)
        self.table.setVerticalHeaderLabels([str(k) for k in range(n)] + ["Σ"])
        for column, values in enumerate(columns):
            texts = [f"{v:g}" for v in values] if column in SHORT else as_printed(values)
            for row, text in enumerate(texts):
                self.table.setItem(row, column, self._cell(text))
            with np.errstate(over="ignore", invalid="ignore"):
                total = f"{np.sum(values):.8g}" if column in SUMMED else ""
            self.table.setItem(n, column, self._cell(total))
        self._fit_table()
        self.bars.setOpts(x=np.arange(n), height=shown.y)
        self.plot.getAxis("bottom").setTicks([[(k, str(k)) for k in range(n)]])
        self.plot.setXRange(-0.6, n - 0.4, padding=0)
        self._say()

    def _fit_table(self) -> None:
        """Tall enough for every row (ten scores at most) and wide enough for every column,
        so the table itself never scrolls and never cuts a column off."""
        fit_height(self.table)
        # exactly as wide as its columns: a stretched last column kept the width it had
        # once, so a narrower window cut "y − t" off
        self.table.setFixedWidth(whole_width(self.table))
        self.softmax_box.updateGeometry()  # its new minimum reaches the window's layout

    @staticmethod
    def _cell(text: str) -> QTableWidgetItem:
        item = cell(text)
        if text in ("nan", "inf", "-inf"):
            item.setForeground(pg.mkColor(theme.ERROR_TEXT))
        return item

    def _say(self) -> None:
        """The message under the table (what went wrong with the typed scores, the overflow,
        or that both ways agree) and the softmax-with-loss line."""
        shown = self.shown
        if self._error is not None:
            say(self.message, self._error(), error=True)
        elif shown.overflowed:
            say(self.message, self.tr(
                "<b>Overflow.</b> exp({big}) is more than the largest number a float can hold "
                "(about 1.8e308), so exp(a) is inf and the naive y is inf/inf = nan (NumPy "
                "warns: “overflow encountered in exp”). Subtracting the max first makes every "
                "exponent ≤ 0, so exp(a − max) ≤ 1: the stable y needs no larger number."
            ).format(big=f"{shown.a.max():g}"), error=True)
        else:
            say(self.message, self.tr(
                "Both ways give the same y, and it sums to 1: subtracting the max changes only "
                "how large the numbers get on the way (try [1010, 1000, 990])."))
        loss = self.with_loss
        self.loss_line.setText(self.tr(
            "<b>Softmax with loss</b> for the right class t = {t}: loss −log(y<sub>{t}</sub> + "
            "1e-7) = {book} (training computes it without the 1e-7: {training}); the gradient "
            "it sends back to a is y − t (last column).").format(
                t=self.target.value(), book=f"{loss.book_loss:.8f}",
                training=f"{loss.training_loss:.8f}"))

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        """Every text of the lab in the current language."""
        self.softmax_box.setTitle(self.tr("Softmax function: scores a → probabilities y"))
        name_view(self.table, self.tr("Softmax, naive and stable"))
        name_view(self.plot_widget, self.tr("Softmax probabilities"), self.tr(
            "A bar per class: the probability y softmax makes from its score a"))
        self.scores_label.setText(self.tr("Scores a ="))
        self.scores.setToolTip(self.tr("Type 2 to 10 numbers separated by commas, then Enter"))
        self.book_button.setToolTip(self.tr("The book's scores"))
        self.overflow_button.setToolTip(self.tr("The book's overflow example"))
        self.target_label.setText(self.tr("Right class t:"))
        self.target.setToolTip(self.tr("The class the softmax-with-loss counts as right"))
        formulas = ("a", "exp(a)", "a − max", "exp(a − max)", "t", "y − t")  # i18n: not ui
        self.table.setHorizontalHeaderLabels([
            *formulas[:2], self.tr("naive y\nexp(a)/Σexp(a)"), *formulas[2:4],
            self.tr("stable y\nsoftmax(a)"), *formulas[4:]])
        self.table.setToolTip(self.tr("Left: the naive softmax; right: the stable one the "
                                      "engine computes; last row: the column's sum"))
        self.plot.setTitle(self.tr("y = softmax(a)"))
        self._say()
        self._fit_table()
