"""The data set picker: which data the network learns from, built in, downloaded or imported.

Choosing MNIST or Fashion-MNIST before it is in the cache folder opens the download dialog
first; the data set changes (one undo entry) only once the files are there."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets import DataError, Dataset, load_any
from core.datasets.ref import DataRef
from core.datasets.remote import is_cached
from gui import theme
from gui.document.commands import SetDataCommand
from gui.document.data_source import DataSource, choices, ref_key, ref_title
from gui.document.document import GraphDocument
from gui.lock import LockGate
from gui.panels.download_dialog import DownloadDialog
from gui.widgets import WrappedLabel

IMPORT_FILTER = ("Data files (*.csv *.tsv *.txt *.gz *.npz *.idx *-ubyte *.idx1-ubyte "
                 "*.idx3-ubyte);;All files (*)")


class DataPicker(QGroupBox):
    """Choosing a data set is an undoable edit of the project; while training runs (the
    document is locked) it waits."""

    def __init__(self, doc: GraphDocument, data: DataSource,
                 parent: QWidget | None = None) -> None:
        super().__init__("Data set", parent)
        self._doc = doc
        self._data = data
        self.download_dialog: DownloadDialog | None = None
        self._pending: DataRef | None = None  # what the download dialog fetches
        self.data_combo = QComboBox()
        self.data_combo.setToolTip("The data the network learns from; its predictions show in "
                                   "the Predictions panel and on the output node.")
        self.import_button = QPushButton("Import CSV / NPZ / IDX…")
        self.import_button.setToolTip("Load your own table (CSV: the last column is the "
                                      "target), a NumPy .npz with X and y, or MNIST IDX files. "
                                      "The data is stored inside the project when you save.")
        self.import_button.clicked.connect(self.import_file)
        self.data_info = WrappedLabel()
        self.data_info.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.data_combo)
        layout.addWidget(self.data_info)
        layout.addWidget(self.import_button)
        self._fill_combo()
        self.data_combo.currentIndexChanged.connect(self._combo_changed)
        data.dataset_changed.connect(self._dataset_changed)
        LockGate(doc, self)
        self._dataset_changed(data.dataset)

    def _fill_combo(self) -> None:
        self.data_combo.blockSignals(True)
        self.data_combo.clear()
        for ref, title, description in choices():
            self.data_combo.addItem(title, ref)
            self.data_combo.setItemData(self.data_combo.count() - 1, description,
                                        Qt.ItemDataRole.ToolTipRole)
        self.data_combo.blockSignals(False)

    def _combo_changed(self) -> None:
        ref = self.data_combo.currentData()
        self.choose(ref)

    def choose(self, ref: DataRef) -> None:
        """Make ``ref`` the project's data set (one undo entry)."""
        if ref_key(ref) == ref_key(self._doc.data):
            return
        if ref.kind == "downloaded" and not is_cached(ref.name):
            self._download(ref)
            return
        self._doc.push(SetDataCommand(self._doc, ref, f"Use data: {ref_title(ref)}"))

    def _download(self, ref: DataRef) -> None:
        """Fetch ``ref``'s files in the download dialog; use them when they are there. Until
        then (and after a cancel or a failure) the picker shows the current data again."""
        self._dataset_changed(self._data.dataset)
        if self.download_dialog is not None:
            return  # one download at a time
        self._pending = ref
        dialog = self.download_dialog = DownloadDialog(ref.name, self)
        dialog.accepted.connect(self._downloaded)
        dialog.finished.connect(self._download_closed)
        dialog.start()

    @Slot()
    def _downloaded(self) -> None:
        ref = self._pending
        if ref is not None:
            self._fill_combo()  # its description no longer says "not downloaded yet"
            self._doc.push(SetDataCommand(self._doc, ref, f"Use data: {ref_title(ref)}"))

    @Slot()
    def _download_closed(self) -> None:
        dialog, self.download_dialog, self._pending = self.download_dialog, None, None
        if dialog is not None:
            dialog.deleteLater()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import data", "", IMPORT_FILTER)
        if path:
            self.import_path(path)

    def import_path(self, path: str) -> bool:
        """Load ``path``; on success use it, otherwise explain why in a dialog."""
        try:
            dataset = load_any(path)
        except DataError as exc:
            QMessageBox.warning(self, "Cannot import data", str(exc))
            return False
        self.choose(DataRef.embedded(dataset))
        return True

    def _dataset_changed(self, dataset: Dataset | None) -> None:
        ref = self._doc.data
        self.data_combo.blockSignals(True)
        key = ref_key(ref)
        index = next((k for k in range(self.data_combo.count())
                      if ref_key(self.data_combo.itemData(k)) == key), -1)
        if index < 0 and ref is not None:
            self.data_combo.addItem(ref_title(ref), ref)
            index = self.data_combo.count() - 1
        self.data_combo.setCurrentIndex(index)
        self.data_combo.blockSignals(False)
        if dataset is None:
            self.data_info.setText("No data set chosen." if ref is None else
                                   "The data could not be loaded.")
            return
        kind = (f"{dataset.n_classes} classes" if dataset.task == "classification"
                else f"{dataset.n_outputs} target value(s)")
        self.data_info.setText(f"{dataset.n_samples} samples · {dataset.n_features} features · "
                               f"{kind}")
