"""The search lab's results: a scatter of the trials over log axes (learning rate × weight
decay, coloured by validation score, diverged trials as grey crosses) and the ranked table,
each selecting in the other."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.i18n import percent
from core.training.search import Trial
from gui import theme
from gui.i18n import on_language_change, translate
from gui.labs.base import name_view

COLOUR_MAP = pg.colormap.get("viridis")
CONTEXT = "ResultsView"  # i18n: not ui (a context)
#: the table's headers; the score's ("Val accuracy", "Val R²") is named by the metric
COLUMNS = (QT_TRANSLATE_NOOP("ResultsView", "Rank"), "",
           QT_TRANSLATE_NOOP("ResultsView", "Learning rate"),
           QT_TRANSLATE_NOOP("ResultsView", "Weight decay"),
           QT_TRANSLATE_NOOP("ResultsView", "Val loss"),
           QT_TRANSLATE_NOOP("ResultsView", "Outcome"))
#: how a trial ended (core's outcome kinds), marked for the Outcome column
OUTCOMES = (QT_TRANSLATE_NOOP("ResultsView", "completed"),
            QT_TRANSLATE_NOOP("ResultsView", "target_reached"),
            QT_TRANSLATE_NOOP("ResultsView", "early_stopped"),
            QT_TRANSLATE_NOOP("ResultsView", "diverged"),
            QT_TRANSLATE_NOOP("ResultsView", "stopped"))
SCORE_COLUMN = 1
OUTCOME_COLUMN = 5
SORT_KEY = Qt.ItemDataRole.UserRole
TRIAL_INDEX = Qt.ItemDataRole.UserRole + 1


def power_text(exponent: float) -> str:
    """10^exponent as a student reads it: ``1e-06``, ``3.2e-03``."""
    mantissa, power = f"{10 ** exponent:.1e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{power}"


def metric_text(metric: str) -> str:
    """The score's name in the current language: "accuracy" translated, "R²" as it is."""
    return translate("ResultsView", "accuracy") if metric == "accuracy" else metric


def score_text(score: float | None, metric: str) -> str:
    """A validation score as the training panels write it: accuracy in per cent
    (``71.7 %``), R² as a number (``0.812``); ``—`` for a trial that diverged."""
    if score is None:
        return "—"
    return percent(score, non_breaking=True) if metric == "accuracy" else (
        f"{score:.3f}")


def outcome_text(kind: str) -> str:
    """How a trial ended (one of :data:`OUTCOMES`), in the current language."""
    return translate(CONTEXT, kind)


class _PowerAxis(pg.AxisItem):
    """A log axis labelled like the range boxes (1e-06, 3.2e-03), not 0.0001 beside 10⁻⁵."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [power_text(value) for value in values]


class _Item(QTableWidgetItem):
    """A table cell that sorts by the number behind its text."""

    def __init__(self, text: str, key: object) -> None:
        super().__init__(text)
        self.setData(SORT_KEY, key)
        self.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.data(SORT_KEY) < other.data(SORT_KEY)


class ResultsView(QSplitter):
    """The trials of one search: a scatter over (learning rate, weight decay) on log axes,
    coloured by the validation score, above the ranked table; a clicked row rings its point
    and a clicked point selects its row. ``selection_changed`` after either."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.trials: list[Trial] = []  # best first
        self.score_metric = "accuracy"
        self.addWidget(self._build_plot())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.viewport().installEventFilter(self)  # columns fitted on every resize
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.addWidget(self.table)
        self.setSizes([420, 280])
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.scatter.sigClicked.connect(self._point_clicked)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Headers, axes, the legend and the outcomes in the current language."""
        metric = metric_text(self.score_metric)
        self.table.setHorizontalHeaderLabels(
            [translate(CONTEXT, name) if name else self.tr("Val {metric}").format(metric=metric)
             for name in COLUMNS])
        self.plot.setLabel("bottom", self.tr("learning rate"))
        self.plot.setLabel("left", self.tr("weight decay"))
        label = self.tr("validation {metric}").format(metric=metric)
        if self.score_metric == "accuracy":
            label = self.tr("{label} (%)").format(label=label)
        self.colour_bar.getAxis("left").setLabel(label)
        name_view(self.table, self.tr("Trials"), self.tr(
            "One row per trial: its rank, validation score, learning rate, weight decay, "
            "validation loss and how it ended"))
        name_view(self.plot.getViewWidget(), self.tr("Trials by learning rate and weight "
                                                     "decay"), self.tr(
            "Each trial as a dot at its learning rate (across) and weight decay (up), coloured "
            "by its validation score; a cross: it diverged"))
        self.legend.setText(self.tr(
            "● colour: the trial's validation score (scale at right) · "
            "<span style='color:{neutral}'>✕</span> diverged · "
            "<span style='color:{selected}'>○</span> the selected row · "
            "dashed box: the ranges of the next run").format(neutral=theme.NEUTRAL,
                                                             selected=theme.PROBLEM))
        for row in range(self.table.rowCount()):
            cell = self.table.item(row, OUTCOME_COLUMN)
            cell.setText(outcome_text(cell.data(SORT_KEY)))
            score = self.table.item(row, SCORE_COLUMN).data(SORT_KEY)
            self.table.item(row, SCORE_COLUMN).setText(
                score_text(None if score == -math.inf else score, self.score_metric))
        self.fit_columns()

    def _build_plot(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        plots = pg.GraphicsLayoutWidget()
        plots.setBackground("w")
        self.plot = plots.addPlot(row=0, col=0, axisItems={
            side: _PowerAxis(side) for side in ("bottom", "left")})
        self.plot.setLogMode(x=True, y=True)  # for the ticks: the items are given log10 values
        for side in ("bottom", "left"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)"
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.range_box = pg.PlotCurveItem(pen=pg.mkPen(theme.NEUTRAL, width=1.5,
                                                       style=Qt.PenStyle.DashLine))
        self.scatter = pg.ScatterPlotItem(size=11, pen=pg.mkPen(theme.POINT_OUTLINE, width=0.8))
        self.diverged = pg.ScatterPlotItem(size=11, symbol="x", pen=None,
                                           brush=pg.mkBrush(theme.BORDER))
        self.marker = pg.ScatterPlotItem(size=24, pen=pg.mkPen(theme.PROBLEM, width=2.5),
                                         brush=None)
        for item in (self.range_box, self.scatter, self.diverged, self.marker):
            self.plot.addItem(item)
        self.colour_bar = pg.ColorBarItem(values=(0.0, 100.0), colorMap=COLOUR_MAP,
                                          interactive=False)
        plots.addItem(self.colour_bar, row=0, col=1)
        column.addWidget(plots, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        column.addWidget(self.legend)
        return box

    def set_metric(self, metric: str) -> None:
        """Name the score: "accuracy", or "R²" for regression."""
        self.score_metric = metric
        self.retranslate()
        self._show_levels()

    def _show_levels(self) -> None:
        """The colour bar's scale: the scores' range, accuracy in per cent as in the table."""
        low, high = self.colour_range()
        scale = 100 if self.score_metric == "accuracy" else 1
        self.colour_bar.setLevels(values=(scale * low, scale * high))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """Every column at least as wide as its header (with the sort arrow) and its widest
        cell, the width left over shared out evenly. (Equal stretched columns cut "Learning
        rate" short in a narrow window; columns fitted to their contents alone leave all the
        spare width to the last one.)"""
        header = self.table.horizontalHeader()
        widths = [max(header.sectionSizeHint(c), self.table.sizeHintForColumn(c))
                  for c in range(header.count())]
        spare = max(0, self.table.viewport().width() - sum(widths))
        for c, width in enumerate(widths):
            share = spare // len(widths) + (1 if c < spare % len(widths) else 0)
            header.resizeSection(c, width + share)

    def show_ranges(self, lr: tuple[float, float], decay: tuple[float, float]) -> None:
        self.range_box.setData([lr[0], lr[1], lr[1], lr[0], lr[0]],
                               [decay[0], decay[0], decay[1], decay[1], decay[0]])

    def show_trials(self, trials: list[Trial]) -> None:
        """Scatter and table for ``trials`` (best first), keeping the selected trial."""
        selected = self.selected_trial()
        self.trials = trials
        scored = [t for t in trials if t.score is not None]
        failed = [t for t in trials if t.score is None]
        low, high = self.colour_range()
        self._show_levels()
        colours = COLOUR_MAP.map((np.array([t.score for t in scored]) - low) / (high - low),
                                 mode="qcolor") if scored else []
        self.scatter.setData(x=[math.log10(t.lr) for t in scored],
                             y=[math.log10(t.weight_decay) for t in scored],
                             brush=[pg.mkBrush(c) for c in colours],
                             data=[t.index for t in scored])
        self.diverged.setData(x=[math.log10(t.lr) for t in failed],
                              y=[math.log10(t.weight_decay) for t in failed])
        self._fill_table(dict(zip((t.index for t in scored), colours, strict=True)))
        if selected is not None and any(t.index == selected.index for t in trials):
            self.select(selected.index)
        else:
            self._selection_changed()

    def colour_range(self) -> tuple[float, float]:
        """The scores' range (the colour bar's), widened when they are all equal."""
        scores = [t.score for t in self.trials if t.score is not None]
        if not scores:
            return 0.0, 1.0
        low, high = min(scores), max(scores)
        return (low, high) if high - low > 1e-9 else (high - 0.1, high)

    def _fill_table(self, colours: dict[int, QColor]) -> None:
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(self.trials))
        for row, trial in enumerate(self.trials):
            score, loss = trial.score, trial.val_loss
            cells = [_Item(str(row + 1), row),
                     _Item(score_text(score, self.score_metric),
                           -math.inf if score is None else score),
                     _Item(f"{trial.lr:.3g}", trial.lr),
                     _Item(f"{trial.weight_decay:.3g}", trial.weight_decay),
                     _Item("—" if loss is None else f"{loss:.4f}",
                           math.inf if loss is None else loss),
                     _Item(outcome_text(trial.outcome_kind), trial.outcome_kind)]
            cells[0].setData(TRIAL_INDEX, trial.index)
            if trial.index in colours:
                cells[1].setData(Qt.ItemDataRole.DecorationRole, colours[trial.index])
            cells[5].setToolTip(trial.outcome_reason)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)  # sorts again by the column the student chose
        self.table.blockSignals(False)
        self.fit_columns()

    def selected_trial(self) -> Trial | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        index = self.table.item(rows[0].row(), 0).data(TRIAL_INDEX)
        return next((t for t in self.trials if t.index == index), None)

    def select(self, trial_index: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(TRIAL_INDEX) == trial_index:
                self.table.selectRow(row)
                self.table.scrollToItem(self.table.item(row, 0))
                break
        self._selection_changed()

    @Slot()
    def _selection_changed(self) -> None:
        trial = self.selected_trial()
        if trial is None:
            self.marker.setData(x=[], y=[])
        else:
            self.marker.setData(x=[math.log10(trial.lr)], y=[math.log10(trial.weight_decay)])
        self.selection_changed.emit()

    @Slot(object, object, object)
    def _point_clicked(self, _item: object, points: object, _event: object) -> None:
        if len(points):
            self.select(points[0].data())
