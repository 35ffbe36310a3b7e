"""The regularisation lab's results: the accuracy axes, the table with a row per variant
(final train and test accuracy, their gap, the epoch it reached the threshold) and the sentence
summing a finished or stopped run up. Texts are marked under "RegularizationLab"."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from core.i18n import percent
from core.labs.regularization import Curves
from gui import theme
from gui.i18n import translate
from gui.labs.regularization_texts import COLUMN_TEXTS, HEADER_TIPS, text, threshold

# each variant's colour, in the plot and beside its name in the table
COLOURS = dict(zip(("plain", "weight_decay", "dropout", "batch_norm"), theme.CLASS_HEX[:4],
                   strict=True))


def _percent(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else percent(value)


def _cell(text: str, centred: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    if centred:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def accuracy_plot() -> pg.PlotWidget:
    """White axes for the accuracy curves, with a light grid; the run sets their range."""
    widget = pg.PlotWidget(background="w")
    plot = widget.getPlotItem()
    plot.showGrid(x=True, y=True, alpha=0.2)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    return widget


def results_table() -> QTableWidget:
    """The table of final numbers, three rows high, its first column as wide as the names."""
    table = QTableWidget(0, len(COLUMN_TEXTS))
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    row_height = table.verticalHeader().defaultSectionSize()
    table.setFixedHeight(header.sizeHint().height() + 3 * row_height + 6)
    return table


def retranslate_table(table: QTableWidget) -> None:
    """The table's column titles and their tips in the current language."""
    table.setHorizontalHeaderLabels([text(column) for column in COLUMN_TEXTS])
    for column, tip in enumerate(HEADER_TIPS):
        table.horizontalHeaderItem(column).setToolTip(text(tip))


def row_cells(curve: Curves) -> tuple[QTableWidgetItem, ...]:
    """A variant's row: its name (with its colour, and why it diverged), its final train and
    test accuracy, the gap between them and the epoch it reached the threshold."""
    gap = curve.gap
    reached = curve.epochs_to_reach()
    name = _cell(curve.shown_label, centred=False)
    name.setData(Qt.ItemDataRole.DecorationRole, QColor(COLOURS.get(curve.key, theme.NEUTRAL)))
    if curve.outcome is not None and curve.outcome.failed:
        name.setToolTip(curve.outcome.reason)
        name.setText(translate("RegularizationLab", "{variant} (diverged)").format(
            variant=curve.shown_label))
    return (name, _cell(_percent(curve.final_train)), _cell(_percent(curve.final_test)),
            _cell("—" if gap is None else translate("RegularizationLab", "{gap} points").format(
                gap=f"{100 * gap:.1f}")),
            _cell("—" if reached is None else translate("RegularizationLab", "epoch {n}").format(
                n=reached)))


def summary_text(curves: Sequence[Curves], batch_norm: bool) -> str:
    """What the finished (or stopped) run showed, in one sentence or two: for the batch-norm
    experiment the epoch each variant reached the threshold, else each variant's gap."""
    epochs = max((len(c.train) for c in curves), default=0)
    stopped = any(c.outcome is not None and c.outcome.kind == "stopped" for c in curves)
    head = (translate("RegularizationLab", "Stopped after {epochs} epochs.") if stopped else
            translate("RegularizationLab", "Finished {epochs} epochs.")).format(epochs=epochs)
    diverged = [translate("RegularizationLab", "{variant} diverged: lower the learning rate or "
                          "the initial std and Run again.").format(variant=c.shown_label)
                for c in curves if c.outcome is not None and c.outcome.failed]
    if batch_norm:
        parts = [(translate("RegularizationLab", "{variant} at epoch {n}") if c.epochs_to_reach()
                  else translate("RegularizationLab", "{variant} at no epoch yet")).format(
                      variant=c.shown_label, n=c.epochs_to_reach()) for c in curves]
        body = translate("RegularizationLab", "{threshold} training accuracy: {variants}.")
    else:
        parts = [f"{c.shown_label} {'—' if c.gap is None else f'{100 * c.gap:.1f}'}"
                 for c in curves]
        body = translate("RegularizationLab", "Gap (train − test, points): {variants}.")
    body = body.format(threshold=threshold(), variants=", ".join(parts))
    return " ".join([head, body, *diverged])
