"""The left panel: node kinds to drag onto the canvas, and the data set picker."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets import DataError, Dataset, load_any
from core.datasets.ref import DataRef
from gui import theme
from gui.canvas import style
from gui.canvas.view import NODE_MIME
from gui.document.commands import SetDataCommand
from gui.document.data_source import DataSource, choices, ref_key, ref_title
from gui.document.document import GraphDocument
from gui.widgets import WrappedLabel

IMPORT_FILTER = ("Data files (*.csv *.tsv *.txt *.gz *.npz *.idx *-ubyte *.idx1-ubyte "
                 "*.idx3-ubyte);;All files (*)")


def kind_icon(kind: str, size: int = 36) -> QIcon:
    """A small card in the kind's colour with three neurons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(theme.kind_color(kind))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), 7, 7)
    painter.setBrush(QColor("white"))
    for k in range(3):
        painter.drawEllipse(QRectF(size / 2 - 4, 7 + k * (size - 14) / 3, 8, 8))
    painter.end()
    return QIcon(pixmap)


class NodeKindButton(QToolButton):
    """Drag onto the canvas to create a node there; a plain click asks for one in the middle."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setText(style.KIND_TITLES[kind])
        self.setIcon(kind_icon(kind))
        self.setIconSize(QSize(30, 30))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setToolTip(f"{style.KIND_HELP[kind]}<br><i>Drag onto the canvas (or click to "
                        "add one in the middle).</i>")
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._press: QPoint | None = None

    def mime_data(self) -> QMimeData:
        """What a drag carries: the node kind under :data:`NODE_MIME`."""
        mime = QMimeData()
        mime.setData(NODE_MIME, self.kind.encode("ascii"))
        mime.setText(self.kind)
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and (event.position().toPoint() - self._press
                                        ).manhattanLength() >= QApplication.startDragDistance():
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(self.mime_data())
            drag.setPixmap(self.icon().pixmap(36, 36))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)


class Palette(QWidget):
    add_requested = Signal(str)  # a node kind, to add in the middle of the view

    def __init__(self, doc: GraphDocument, data: DataSource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._data = data
        self.buttons = {kind: NodeKindButton(kind) for kind in ("input", "hidden", "output")}
        nodes = QGroupBox("Nodes")
        node_layout = QVBoxLayout(nodes)
        row = QHBoxLayout()
        for button in self.buttons.values():
            button.clicked.connect(self._button_clicked)
            row.addWidget(button)
        node_layout.addLayout(row)
        hint = WrappedLabel("Drag onto the canvas; connect by dragging from a node's right port.")
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        node_layout.addWidget(hint)

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
        data_box = QGroupBox("Data set")
        data_layout = QVBoxLayout(data_box)
        data_layout.addWidget(self.data_combo)
        data_layout.addWidget(self.data_info)
        data_layout.addWidget(self.import_button)
        self.about = WrappedLabel()
        self.about.setStyleSheet("padding: 2px 2px 6px 2px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.about)
        layout.addWidget(nodes)
        layout.addWidget(data_box)
        layout.addStretch()
        self._fill_combo()
        self.data_combo.currentIndexChanged.connect(self._combo_changed)
        data.dataset_changed.connect(self._dataset_changed)
        doc.spec_reset.connect(self._show_about)  # the title and story come with a project
        self._dataset_changed(data.dataset)
        self._show_about()

    def _show_about(self) -> None:
        """The project's title and story (the examples explain what to try)."""
        title, text = self._doc.title, self._doc.description
        self.about.setVisible(bool(title or text))
        self.about.setText(f"<b>{title or ''}</b><br><span style='color:{theme.STATUS_TEXT}'>"
                           f"{text or ''}</span>")

    def _button_clicked(self) -> None:
        self.add_requested.emit(self.sender().kind)

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
        self._doc.push(SetDataCommand(self._doc, ref, f"Use data: {ref_title(ref)}"))

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
