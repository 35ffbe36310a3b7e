"""The loss panel: training / validation / test loss per epoch over the smoothed per-batch
loss, and accuracy (classification) or R² (regression) below, with a hover read-out; earlier
runs ticked in the runs list are drawn under them, dimmed, each in its own colour."""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, Slot
from PySide6.QtGui import QColor, QTextDocumentFragment
from PySide6.QtWidgets import QCheckBox, QMessageBox, QToolButton, QWidget

from core.file_writes import write_atomically, write_reason
from core.i18n import percent
from core.training.history import PARTS, History
from gui import theme
from gui.i18n import on_language_change, translate
from gui.save_dialog import choose_target
from gui.training.frames import Curves, Frame, Overlay
from gui.training.plots.axes import epoch_axis_end
from gui.training.plots.base import (
    BATCH_COLOR,
    PART_COLORS,
    Panel,
    StickyRange,
    add_plot,
    bounds,
    legend_html,
    part_name,
    style_plot,
)
from gui.training.plots.panel_note import PanelNote

#: task: (the history's column, the plot's title, its axis label), translated where shown
METRIC_TITLES = {"classification": ("accuracy", QT_TRANSLATE_NOOP("LossPanel", "Accuracy"),
                                    QT_TRANSLATE_NOOP("LossPanel", "accuracy")),
                 "regression": ("r2", "R²", "r2")}
MEASURES = {"loss": QT_TRANSLATE_NOOP("LossPanel", "loss"), "accuracy": METRIC_TITLES[
    "classification"][2], "r2": "R²"}  # the read-out's names


#: epoch curves of at most this many epochs show each epoch as a dot as well: a single epoch
#: (the natural first MNIST run) is no line at all, and a few are easier read as points
MARKED_EPOCHS = 10
MARKER_SIZE = 5


def dot_style(color: QColor) -> dict[str, object]:
    """``plot()`` arguments for dots of ``color`` on a curve's points."""
    return {"symbol": "o", "symbolSize": MARKER_SIZE, "symbolPen": None,
            "symbolBrush": pg.mkBrush(color)}


def set_dots(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray, shown: bool) -> None:
    """The dots of a curve: on its finite points while ``shown``, else none. (Dots are items
    of their own, given points or none: switching a curve's symbol off after it had been
    on crashed Qt's painter in the test suite.)"""
    finite = np.isfinite(y)
    if shown and finite.any():
        x, y = x[finite], y[finite]
        old_x, old_y = item.getData()
        if old_x is None or not (np.array_equal(old_x, x) and np.array_equal(old_y, y)):
            item.setData(x, y)  # 1–3 ms a curve: not again for every frame of an epoch
    elif dot_count(item):
        item.setData([], [])


def dot_count(item: pg.PlotDataItem) -> int:
    """How many points ``item`` draws."""
    x = item.getData()[0]
    return 0 if x is None else len(x)


def write_history_csv(history: History, path: str | Path) -> None:
    """The epoch table of ``history`` as a CSV file, written atomically (OSError when it cannot
    be written)."""
    text = io.StringIO(newline="")
    csv.writer(text).writerows(history.csv_rows())
    write_atomically(path, text.getvalue().encode("utf-8"))


class LossPanel(Panel):
    title = "Loss"  # i18n: not ui (the file name; shown_title() is translated)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: History | None = None
        self.curves_shown: Curves | None = None
        self.last_epoch = 0
        self._x_end = 0.0
        self.log_check = QCheckBox()
        self.log_check.toggled.connect(self.set_log)
        self.csv_button = QToolButton()
        self.csv_button.setText("CSV…")
        self.csv_button.clicked.connect(self.ask_csv)
        self.tools.insertWidget(1, self.log_check)
        self.tools.insertWidget(2, self.csv_button)
        self.loss_plot = add_plot(self.graphics, row=0, col=0)
        self.metric_plot = add_plot(self.graphics, row=1, col=0)
        self.metric_plot.setXLink(self.loss_plot)
        self.metric_plot.getAxis("left").align_with(self.loss_plot.getAxis("left"))
        for plot in (self.loss_plot, self.metric_plot):
            plot.getAxis("bottom").set_whole()
        self.loss_range = StickyRange(self.loss_plot)
        self.metric_range = StickyRange(self.metric_plot)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        self.batch_curve = self.loss_plot.plot(pen=pg.mkPen(BATCH_COLOR, width=1))
        self.loss_curves = {part: self.loss_plot.plot(
            pen=pg.mkPen(PART_COLORS[part], width=1), connect="finite") for part in PARTS}
        self.metric_curves = {part: self.metric_plot.plot(
            pen=pg.mkPen(PART_COLORS[part], width=1), connect="finite") for part in PARTS}
        #: the epochs' points of short runs, as dots (see MARKED_EPOCHS)
        self.loss_dots = {part: self.loss_plot.plot(pen=None, **dot_style(PART_COLORS[part]))
                          for part in PARTS}
        self.metric_dots = {part: self.metric_plot.plot(pen=None, **dot_style(
            PART_COLORS[part])) for part in PARTS}
        self.cursor = pg.InfiniteLine(angle=90,
                                      pen=pg.mkPen(theme.BORDER, style=Qt.PenStyle.DotLine))
        self.cursor.hide()
        self.loss_plot.addItem(self.cursor, ignoreBounds=True)
        # The epoch a frame shows when it is earlier than its history's end (the timeline
        # pulled back): a solid line across both plots.
        self.marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.SELECTION, width=2))
        self.metric_marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.SELECTION, width=2))
        for plot, line in ((self.loss_plot, self.marker), (self.metric_plot,
                                                           self.metric_marker)):
            line.hide()
            plot.addItem(line, ignoreBounds=True)
        self._task = ""
        self._set_task("classification")
        self.graphics.scene().sigMouseMoved.connect(self._hover)
        self.readout = ""
        self._show_legend()
        # too short for Accuracy under Loss (1280 × 720 at 150 %): beside it
        self.one_row_when_short([(self.metric_plot, (1, 0, 1), (0, 1))], (2, 1, 2))
        #: the earlier runs drawn, each with its training-loss curve
        self.overlays: list[tuple[Overlay, pg.PlotDataItem]] = []
        #: the run of the curves drawn over them, first in their legend (while they are shown)
        self.current_run = ""
        self._overlay_items: list[tuple[pg.PlotItem, pg.PlotDataItem]] = []
        self._overlay_losses: list[np.ndarray] = []
        self._overlay_end = 0.0
        # the runs drawn, named in a row of their own above the plots: a legend inside the
        # accuracy plot covered its curves, and in that narrow plot its entries were cut off
        self.run_legend = PanelNote()
        self.layout().insertWidget(1, self.run_legend.box)
        self.run_legend.box.hide()
        on_language_change(self, self.retranslate)
    def retranslate(self) -> None:
        super().retranslate()
        self.log_check.setText(translate("LossPanel", "log scale"))
        self.log_check.setToolTip(translate("LossPanel", "Show the loss on a logarithmic scale: "
                                            "late, small improvements stay visible next to the "
                                            "first big drop."))
        self.csv_button.setToolTip(translate("LossPanel", "Save the loss and accuracy of every "
                                             "epoch as a CSV table"))
        style_plot(self.loss_plot, translate("LossPanel", "Loss"),
                   y_label=translate("LossPanel", "loss"))
        task, self._task = self._task, ""
        self._set_task(task)
        self._show_legend()
        self._describe_last()

    # ------------------------------------------------------------------ data
    def curve(self, name: str) -> pg.PlotDataItem:
        """The item drawing a history column, e.g. ``"train_loss"`` or ``"val_accuracy"``."""
        part, _, measure = name.partition("_")
        return self.loss_curves[part] if measure == "loss" else self.metric_curves[part]

    def dots(self, name: str) -> pg.PlotDataItem:
        """The item drawing a history column's points as dots (short runs only)."""
        part, _, measure = name.partition("_")
        return self.loss_dots[part] if measure == "loss" else self.metric_dots[part]

    def show_history(self, history: History | None, batches_per_epoch: int = 1) -> None:
        """Draw a stored history (a project opened, training not running)."""
        self.frame = None
        self._mark(None)
        if history is None:
            self.clear()
            return
        self._show(history, Curves.of(history, batches_per_epoch))

    def draw(self, frame: Frame) -> None:
        self._show(frame.history, frame.curves, frame.last_epoch)
        epoch = frame.snapshot.epoch
        self._mark(epoch if epoch < frame.history.n_epochs else None)

    def _mark(self, epoch: float | None) -> None:
        for line in (self.marker, self.metric_marker):
            line.setVisible(epoch is not None)
            if epoch is not None:
                line.setValue(epoch)

    @property
    def marked_epoch(self) -> float | None:
        """Where the epoch marker stands (None while it is hidden)."""
        return self.marker.value() if self.marker.isVisible() else None

    def _show(self, history: History, curves: Curves, last_epoch: int = 0) -> None:
        self.history = history
        self.curves_shown = curves
        self.last_epoch = last_epoch
        self._set_task(history.task)
        self.batch_curve.setData(curves.batch_x, curves.batch_y)
        metric = METRIC_TITLES[history.task][0]
        marked = curves.epochs.size <= MARKED_EPOCHS
        for part in PARTS:
            for item, dots, column in (
                    (self.loss_curves[part], self.loss_dots[part], f"{part}_loss"),
                    (self.metric_curves[part], self.metric_dots[part], f"{part}_{metric}")):
                values = curves.columns[column]
                item.setData(curves.epochs, values)
                set_dots(dots, curves.epochs, values, marked)
        drawn = max(curves.epochs[-1] if curves.epochs.size else 0.0,
                    curves.batch_x[-1] if curves.batch_x.size else 0.0, self._overlay_end)
        last = epoch_axis_end(drawn, last_epoch)
        if last != self._x_end:  # the planned run, or a few jumps before it is a quarter done
            self._x_end = last
            self.loss_plot.setXRange(0.0, last, padding=0.02)
        losses = [curves.columns[f"{part}_loss"] for part in PARTS]
        self.loss_range.fit(y=bounds(curves.batch_y, *losses, *self._overlay_losses))
        if history.task == "regression":
            self.metric_range.fit(y=bounds(*(curves.columns[f"{p}_r2"] for p in PARTS)))
        self._show_legend()
        self._describe_last()

    def _describe_last(self) -> None:
        """The last epoch's numbers, for a screen reader on the plots (the mouse's hover
        readout, which it cannot reach)."""
        curves = self.curves_shown
        some = curves is not None and curves.epochs.size > 0
        self.graphics.setAccessibleDescription(QTextDocumentFragment.fromHtml(
            self.describe_epoch(curves.epochs.size - 1)).toPlainText() if some else "")

    def set_overlays(self, overlays: list[Overlay], current: str = "") -> None:
        """Draw these earlier runs (and no others) under the current one: training loss and
        accuracy or R² solid, validation loss dashed, in the run's colour made translucent.
        ``current`` names the current run: the legend of its curves says it beside others'."""
        self.current_run = current
        for plot, item in self._overlay_items:
            plot.removeItem(item)
        self.overlays, self._overlay_items, self._overlay_losses = [], [], []
        for overlay in overlays:
            history = overlay.history
            color = QColor(*theme.rgba(overlay.color, theme.RUN_ALPHA))
            epochs = np.asarray(history.epochs["epoch"], dtype=np.float64)
            metric = METRIC_TITLES[history.task][0]
            marked = epochs.size <= MARKED_EPOCHS
            drawn = []
            for plot, column, style in (
                    (self.loss_plot, "train_loss", Qt.PenStyle.SolidLine),
                    (self.loss_plot, "val_loss", Qt.PenStyle.DashLine),
                    (self.metric_plot, f"train_{metric}", Qt.PenStyle.SolidLine)):
                values = np.asarray(history.epochs[column], dtype=np.float64)
                dotted = marked and bool(np.isfinite(values).any())
                item = plot.plot(epochs, values, connect="finite",
                                 pen=pg.mkPen(color, width=1.5, style=style),
                                 **(dot_style(color) if dotted else {}))
                item.setZValue(-1)  # under the current run
                self._overlay_items.append((plot, item))
                drawn.append(item)
                if plot is self.loss_plot:
                    self._overlay_losses.append(values)
            self.overlays.append((overlay, drawn[0]))
        # the current run first, in its training curve's colour as the others are in theirs;
        # ticked too, it is named once (it was listed again, as if another run)
        current = [(current, PART_COLORS["train"])] if current else []
        self.run_legend.setText(legend_html(current + [
            (overlay.label, QColor(overlay.color)) for overlay in overlays
            if not (current and overlay.current)], whole_names=False))
        self.run_legend.box.setVisible(bool(overlays))
        self._overlay_end = max((float(o.history.n_epochs) for o in overlays), default=0.0)
        if self.history is not None and self.curves_shown is not None:
            self._show(self.history, self.curves_shown, self.last_epoch)
        elif overlays:
            self._x_end = max(self._overlay_end, 1.0)
            self.loss_plot.setXRange(0.0, self._x_end, padding=0.02)
            self.loss_range.fit(y=bounds(*self._overlay_losses))

    def clear(self) -> None:
        self.history = self.curves_shown = None
        self._mark(None)
        for item in (self.batch_curve, *self.loss_curves.values(), *self.metric_curves.values(),
                     *self.loss_dots.values(), *self.metric_dots.values()):
            item.setData([], [])
        self.cursor.hide()
        self._describe_last()

    def _set_task(self, task: str) -> None:
        if task == self._task:
            return
        self._task = task
        _column, title, label = METRIC_TITLES[task]
        style_plot(self.metric_plot, translate("LossPanel", title),
                   x_label=translate("LossPanel", "epoch"), y_label=translate("LossPanel", label))
        if task == "classification":
            self.metric_plot.setYRange(0, 1.02, padding=0)
        # accuracy reads "50 %" as everywhere else (the curves keep the history's fractions)
        self.metric_plot.getAxis("left").set_percent(task == "classification")

    def _show_legend(self) -> None:
        curves = self.curves_shown
        parts = [p for p in PARTS if curves is None or np.isfinite(
            curves.columns[f"{p}_loss"]).any()]
        items = [(translate("LossPanel", "per batch"), BATCH_COLOR)] + [
            (part_name(p), PART_COLORS[p]) for p in parts]
        text = legend_html(items)
        if self.readout:
            text += f" &nbsp;│&nbsp; {self.readout}"
        if text != self.note.text():
            self.note.setText(text)

    # ------------------------------------------------------------------ interaction
    @Slot(bool)
    def set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        if self.log_check.isChecked() != on:
            self.log_check.setChecked(on)
        if self.history is not None and self.curves_shown is not None:
            self._show(self.history, self.curves_shown, self.last_epoch)  # log units now

    @Slot(object)
    def _hover(self, pos: QPointF) -> None:
        curves = self.curves_shown
        view = self.loss_plot.vb
        if curves is None or not curves.epochs.size or not (
                self.loss_plot.sceneBoundingRect().contains(pos)
                or self.metric_plot.sceneBoundingRect().contains(pos)):
            self.cursor.hide()
            self.readout = ""
            self._show_legend()
            return
        x = view.mapSceneToView(pos).x()
        i = int(np.clip(np.searchsorted(curves.epochs, x), 0, curves.epochs.size - 1))
        if i > 0 and abs(curves.epochs[i - 1] - x) < abs(curves.epochs[i] - x):
            i -= 1
        self.cursor.setValue(curves.epochs[i])
        self.cursor.show()
        self.readout = self.describe_epoch(i)
        self._show_legend()

    def describe_epoch(self, i: int) -> str:
        """``epoch 12: loss training 0.0312, validation 0.0400 · accuracy training 99.0 %``."""
        curves = self.curves_shown
        if curves is None:
            return ""
        metric = METRIC_TITLES[self._task][0]
        pieces = []
        for measure in ("loss", metric):
            values = [(part_name(p), curves.columns[f"{p}_{measure}"][i]) for p in PARTS]
            shown = [f"{name} {_format(measure, v)}" for name, v in values if math.isfinite(v)]
            if shown:
                name = translate("LossPanel", MEASURES[measure])
                pieces.append(f"{name} " + ", ".join(shown))
        return translate("LossPanel", "<b>epoch {epoch}</b>: {values}").format(
            epoch=f"{curves.epochs[i]:.0f}", values=" · ".join(pieces))

    # ------------------------------------------------------------------ export
    def export_csv(self, path: str | Path) -> bool:
        if self.history is None:
            return False
        write_history_csv(self.history, path)
        return True

    def ask_csv(self) -> None:
        if self.history is None:
            return
        chosen = choose_target(
            self, translate("LossPanel", "Save the training history as CSV"), "history.csv",
            translate("LossPanel", "CSV tables (*.csv)"),
            lambda name: Path(name if name.lower().endswith(".csv") else f"{name}.csv"))
        if chosen is None:
            return
        path, problem = chosen  # a read-only file…: said without asking to replace it
        try:
            if not problem:
                self.export_csv(path)
        except OSError as exc:
            problem = write_reason(exc, path.absolute())
        if problem:
            QMessageBox.warning(self, translate("LossPanel", "Cannot save the history"),
                                f"{path}: {problem}")


def _format(measure: str, value: float) -> str:
    return percent(value) if measure == "accuracy" else f"{value:.4g}"
