"""Keeps the predictions current (debounced) and shows them: a truth table or sample rows (with
each row's image for image data), the output-over-the-plane thumbnail on the output node, and
on a hidden node either its units over the plane or, for image data, their incoming weights
as images."""

from __future__ import annotations

from html import escape

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QResizeEvent
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

from core.datasets import Dataset, FeatureScaling
from core.datasets.images import dataset_image_shape, to_uint8
from core.datasets.ref import DataRef
from core.i18n import _ as core_tr
from core.training.prepare import input_scaling
from gui.background import JobRun
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.document.predictions import (
    BACKGROUND_WORK,
    NetworkCache,
    Predictions,
    compute,
    data_unavailable,
    table_rows,
    work_of,
)
from gui.document.prepared import prepared_data
from gui.i18n import on_language_change
from gui.panels.prediction_images import ROW_IMAGE_PIXELS, node_images, row_pixmap
from gui.theme import (
    MUTED_TEXT,
    OK_BACKGROUND,
    PROBLEM_BACKGROUND,
    coloured,
)

#: the table's own column names (the data's feature names come from core)
HEADERS = {"row": QT_TRANSLATE_NOOP("PredictionsPanel", "row"),
           "target": QT_TRANSLATE_NOOP("PredictionsPanel", "target"),
           "output": QT_TRANSLATE_NOOP("PredictionsPanel", "output"),
           "predicted": QT_TRANSLATE_NOOP("PredictionsPanel", "predicted"),
           "error": QT_TRANSLATE_NOOP("PredictionsPanel", "error"),
           "mean |error|": QT_TRANSLATE_NOOP("PredictionsPanel", "mean |error|")}
#: what a regression's error column holds, said on its header
HEADER_TIPS = {"error": QT_TRANSLATE_NOOP("PredictionsPanel",
                                          "How far the output is from the target: "
                                          "|output − target|."),
               "mean |error|": QT_TRANSLATE_NOOP("PredictionsPanel",
                                                 "The mean absolute error of the row: "
                                                 "|output − target| of each output, "
                                                 "averaged over the outputs.")}
#: the settings the predictions depend on: the inputs are standardised as training does it
SCALING_KEYS = frozenset({"standardize", "split", "seed"})


class PredictionModel(QObject):
    """Recomputes the predictions shortly after the network, its weights or the data change:
    at once when that is quick, else on a worker thread (:data:`BACKGROUND_WORK`; a big
    network on image data took the GUI thread 0.2–1.2 s at every edit, undo, reset and
    timeline step). One job runs at a time; changes meanwhile are predicted when it ends."""

    updated = Signal(object)  # Predictions

    def __init__(self, doc: GraphDocument, data: DataSource, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._doc = doc
        self._data = data
        self.result = Predictions()
        # answer on training's held-out rows too (the Output panel draws them while no run
        # shows frames: gui/training/output_preview.py); never while the timeline shows an
        # earlier epoch
        self.held_out = False
        # bin the weights for the Weights panel too (it draws them while no run shows frames:
        # gui/training/output_preview.py); while a run goes on they were binned for nothing
        self.bin_weights = True
        self._rows: tuple[Dataset | None, tuple[np.ndarray, bool] | None] = (None, None)
        self._job: JobRun | None = None  # the predictions being computed on a worker
        self._job_inputs: tuple[object, object] = (None, None)  # its spec and data set
        self._again = False  # something changed while the job ran
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(30)
        self._timer.timeout.connect(self.recompute)
        for signal in (doc.node_added, doc.node_removed, doc.node_changed, doc.edge_added,
                       doc.edge_removed, doc.params_changed, data.dataset_changed):
            signal.connect(self.schedule)
        doc.spec_reset.connect(self.schedule)
        doc.settings_changed.connect(self._settings_changed)
        self._networks = NetworkCache()
        self._prepared = prepared_data(doc, data)
        self._prepared.prepared.connect(self.schedule)
        self._scaling_cache: tuple[object, FeatureScaling | None] = (None, None)
        on_language_change(self, self._language_changed)

    def _language_changed(self) -> None:
        """Messages made while computing (why there are no predictions, the data's mismatch
        with the network) are in the language of the moment: make them again."""
        if getattr(self, "_following", False):
            self.schedule()
        self._following = True

    def _scaling(self, dataset: Dataset | None) -> FeatureScaling | None:
        """The standardisation training uses with the current settings (cached: it depends
        only on the data, the split and the seed)."""
        settings = self._doc.settings
        if dataset is None or not settings.standardize:
            return None
        key = (dataset, settings.split, settings.seed)  # Dataset compares by identity
        if self._scaling_cache[0] != key:
            self._scaling_cache = (key, input_scaling(dataset, settings.split, settings.seed))
        return self._scaling_cache[1]

    def _settings_changed(self, keys: frozenset[str]) -> None:
        if keys & SCALING_KEYS:
            self.schedule()

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Recompute now what is scheduled (nothing if nothing is)."""
        if self._timer.isActive():
            self.recompute()

    def recompute(self) -> None:
        """Predict now — unless large data is being prepared for the current settings on a
        worker thread (its standardisation): then once it is; or unless a job is computing
        predictions on a worker: then once it ends."""
        self._timer.stop()
        if self._job is not None:
            self._again = True
            return
        if not self._prepared.ready():
            return
        dataset = self._data.dataset
        if dataset is not None and self._rows[0] is not dataset:
            self._rows = (dataset, table_rows(dataset))  # scanning big data once is enough
        rows = self._rows[1] if dataset is not None else None
        if dataset is None and self._data.failure is not None:  # not "choose a data set"
            self._show(data_unavailable())
            return
        doc, settings = self._doc, self._doc.settings
        split_as = (settings.split, settings.seed) if (
            self.held_out and not doc.previewing) else None
        spec, arrays, scaling = doc.spec, dict(doc.shown_arrays), self._scaling(dataset)
        bin_weights = self.bin_weights

        def predict(_cancelled: object = None) -> Predictions:
            result = compute(spec, arrays, dataset, rows=rows, scaling=scaling,
                             build_network=self._networks, split_as=split_as,
                             bin_weights=bin_weights)
            result.pictures = node_images(result, spec)
            return result

        if work_of(spec, arrays, dataset, 0 if rows is None else len(rows[0]),
                   split_as is not None) < BACKGROUND_WORK:
            self._show(predict())
            return
        self._job_inputs = (spec, dataset)
        self._job = JobRun(self, predict, "predict")  # i18n: not ui
        self._job.finished.connect(self._computed)
        self._job.start()

    @property
    def busy(self) -> bool:
        """Whether predictions are being computed on a worker thread."""
        return self._job is not None

    @Slot(object, str)
    def _computed(self, result: object, _problem: str) -> None:
        if self.sender() is not self._job:
            return
        self._job = None
        # Shown when the network and the data are still the ones predicted (newer weights
        # follow), so a long drag along the timeline shows its way; an edited network's
        # predictions come with the next job.
        spec, dataset = self._job_inputs
        if isinstance(result, Predictions) and dataset is self._data.dataset and (
                spec is self._doc.spec or spec == self._doc.spec):
            self._show(result)
        if self._again:
            self._again = False
            self.recompute()

    def _show(self, result: Predictions) -> None:
        self.result = result
        self.updated.emit(result)


class PredictionsPanel(QWidget):
    """The truth table (gate data) or a few sample predictions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves it (arrows move in it): a keyboard
        self.table.verticalHeader().setVisible(False)  # user was kept in it for every cell
        self.table.setIconSize(QSize(ROW_IMAGE_PIXELS, ROW_IMAGE_PIXELS))
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._shown: tuple[Predictions, Dataset | None, DataRef | None] | None = None
        self._headers: list[str] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.table)
        layout.addStretch()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Predictions for each row"))
        self.table.setToolTip(self.tr(
            "The network's answer for each row with its current weights. Green rows are right, "
            "red rows wrong. Edit a weight on the canvas and watch this change."))
        if self._shown is not None:
            self._headers = []  # the header texts are rebuilt in the new language
            self.show_predictions(*self._shown)

    def show_predictions(self, result: Predictions, dataset: Dataset | None = None,
                         data: DataRef | None = None) -> None:
        """``result`` on ``dataset``, captioned with the data's name as the data picker says it
        (``data``: where the data comes from; None: no name)."""
        self._shown = (result, dataset, data)
        self.table.setVisible(not result.message)
        if result.message:
            self.caption.setText(coloured(result.message, MUTED_TEXT))
            return
        title = self.tr("Truth table") if result.truth_table else self.tr(
            "First rows of the data")
        if dataset is not None and data is not None:
            self.caption.setText(self.tr("<b>{title}</b> — {data}").format(
                title=title, data=escape(data.title(), quote=False)))
        else:
            self.caption.setText(f"<b>{title}</b>")
        if result.headers != self._headers:
            self._headers = list(result.headers)
            self.table.setColumnCount(len(result.headers))
            self.table.setHorizontalHeaderLabels([
                self.tr(HEADERS[h]) if h in HEADERS else core_tr(h) for h in result.headers])
            for c, h in enumerate(result.headers):
                if h in HEADER_TIPS:
                    self.table.horizontalHeaderItem(c).setToolTip(self.tr(HEADER_TIPS[h]))
        named = {c for c, h in enumerate(result.headers) if h in ("target", "predicted")}
        named = named if result.task == "classification" else set()
        self.table.setRowCount(len(result.rows))
        images = self._row_images(result, dataset)
        brushes = {None: QBrush(), True: QBrush(QColor(OK_BACKGROUND)),
                   False: QBrush(QColor(PROBLEM_BACKGROUND))}
        # The cells change quietly and the view hears of them once: each cell's own change
        # had the view (and its columns sized to their contents) catch up, 0.1 ms a cell —
        # the table took 3 ms of the GUI thread each time a run's live weights arrived.
        model = self.table.model()
        quiet = model.blockSignals(True)
        try:
            self._fill(result, named, images, brushes)
        finally:
            model.blockSignals(quiet)
        if result.rows:
            model.dataChanged.emit(model.index(0, 0), model.index(
                len(result.rows) - 1, self.table.columnCount() - 1))
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMaximumHeight(rows + self.table.horizontalHeader().height() + 6)
        self._keep_two_rows()

    def _fill(self, result: Predictions, named: set[int],
              images: tuple[np.ndarray, list[str]] | None, brushes: dict) -> None:
        """The cells' texts, colours and row pictures (items reused: live weights refresh
        this often)."""
        for r, (row, ok) in enumerate(zip(result.rows, result.correct, strict=True)):
            background = brushes[ok]
            for c, text in enumerate(row):
                text = core_tr(text) if c in named else text  # class names come from core
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    self.table.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text)
                if item.background() != background:
                    item.setBackground(background)
            first = self.table.item(r, 0)
            if images is None:
                first.setIcon(QIcon())
            elif first.data(Qt.ItemDataRole.UserRole) != images[1][r]:
                first.setIcon(QIcon(row_pixmap(images[0][r])))
                first.setData(Qt.ItemDataRole.UserRole, images[1][r])

    def _keep_two_rows(self) -> None:
        """The table never lower than its header and two rows (and the scroll bar under them
        when its columns are wider than it): with a 16 pt system font at 1024 × 768 it showed
        less than one row of the truth table."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), 2)))
        bar, header = table.horizontalScrollBar(), table.horizontalHeader()
        last = header.count() - 1  # stretched: as wide as the table, whatever it needs
        columns = sum(header.sectionSize(c) for c in range(last)) + max(
            header.sectionSizeHint(last), table.sizeHintForColumn(last)) if last >= 0 else 0
        wide = columns > (  # beside the scroll bar for rows
            table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width())
        table.setMinimumHeight(max(rows + table.horizontalHeader().height() + 6 + (
            bar.sizeHint().height() if wide else 0), table.minimumSizeHint().height()))
        self._stretch_last_if_it_fits()

    def _stretch_last_if_it_fits(self) -> None:
        """The last column takes the room the others leave, unless that is less than its
        header's words or its cells need: stretched narrower, "predicted" was cut to "redicte"
        (Spiral at 1280 × 800). It then keeps its own width and the table scrolls sideways."""
        table, header = self.table, self.table.horizontalHeader()
        last = header.count() - 1
        label = table.horizontalHeaderItem(last) if last >= 0 else None
        if label is None:
            return
        margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        needed = max(header.fontMetrics().horizontalAdvance(label.text()) + margin,
                     table.sizeHintForColumn(last))  # Qt's own hint keeps room for a sort arrow
        left = table.width() - 2 * table.frameWidth() - sum(
            header.sectionSize(c) for c in range(last))
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        if rows + header.height() > table.height() - 2 * table.frameWidth():
            left -= table.verticalScrollBar().sizeHint().width()  # rows scroll: a bar beside
        header.setStretchLastSection(needed <= left)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_two_rows()  # narrower, its columns may now need the scroll bar

    @staticmethod
    def _row_images(result: Predictions, dataset: Dataset | None
                    ) -> tuple[np.ndarray, list[str]] | None:
        """For image data, each table row's picture and its data row (a cell's picture is
        redrawn only when its row changes, not with every weight change)."""
        shape = dataset_image_shape(dataset)
        if shape is None or result.row_indices is None or result.truth_table:
            return None
        rows = [int(r) for r in result.row_indices]
        return to_uint8(dataset.x[rows], shape), [f"{id(dataset)}:{r}" for r in rows]

    def row_icon(self, r: int) -> QIcon:
        """The picture shown in table row ``r`` (null when there is none)."""
        item = self.table.item(r, 0)
        return QIcon() if item is None else item.icon()

    def column(self, header: str) -> list[str]:
        """The texts of one column, named by its key ("output", a feature name: the English
        header), what a test reads; empty while nothing is shown."""
        headers = self._headers
        if header not in headers or not self.table.isVisibleTo(self):
            return []
        c = headers.index(header)
        return [self.table.item(r, c).text() for r in range(self.table.rowCount())]

