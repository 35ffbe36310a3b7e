"""Node kinds to drag onto the canvas, under the project's title and story."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _ as core_tr
from gui import theme
from gui.canvas import style
from gui.canvas.view import NODE_MIME
from gui.document.document import GraphDocument
from gui.i18n import on_language_change
from gui.lock import LockGate
from gui.widgets import WrappedLabel

#: the device pixel ratios the palette's icons are drawn for: 100 %, 200 % and 300 % screens
#: (Qt scales the nearest one for 125 %, 150 % …)
ICON_RATIOS = (1, 2, 3)


def kind_icon(kind: str, size: int = 36) -> QIcon:
    """A small card in the kind's colour with three neurons, drawn for each of
    :data:`ICON_RATIOS`: one 36-pixel picture was enlarged, blurred, on a 2× screen."""
    icon = QIcon()
    for ratio in ICON_RATIOS:
        pixmap = QPixmap(size * ratio, size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)  # in logical pixels: the same drawing at every ratio
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.kind_color(kind)))
        painter.drawRoundedRect(QRectF(2, 2, size - 4, size - 4), 7, 7)
        painter.setBrush(QColor("white"))
        for k in range(3):
            painter.drawEllipse(QRectF(size / 2 - 4, 7 + k * (size - 14) / 3, 8, 8))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


ABOUT_HTML = "<b>{title}</b><br><span style='color:{color}'>{text}</span>"  # i18n: not ui


class NodeKindButton(QToolButton):
    """Drag onto the canvas to create a node there; a plain click (or Space) asks for one on a
    free spot (:mod:`gui.canvas.placement`)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setIcon(kind_icon(kind))
        self.setIconSize(QSize(30, 30))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._press: QPoint | None = None
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setText(style.kind_title(self.kind))
        self.setToolTip(self.tr("{help}<br><i>Drag onto the canvas, or click (Space) to add one "
                                "on a free spot beside the selected node or in the "
                                "middle.</i>").format(help=style.kind_help(self.kind)))

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
    """The node kinds; while training runs (the document is locked) it waits."""

    add_requested = Signal(str)  # a node kind, to add on a free spot in view

    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.buttons = {kind: NodeKindButton(kind) for kind in ("input", "hidden", "output")}
        self.nodes = nodes = QGroupBox()
        node_layout = QVBoxLayout(nodes)
        row = QHBoxLayout()
        for button in self.buttons.values():
            button.clicked.connect(self._button_clicked)
            row.addWidget(button)
        node_layout.addLayout(row)
        self.hint = hint = WrappedLabel()
        hint.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        node_layout.addWidget(hint)
        self.about = WrappedLabel()
        self.about.setStyleSheet("padding: 2px 2px 6px 2px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.about)
        layout.addWidget(nodes)
        doc.spec_reset.connect(self._show_about)  # the title and story come with a project
        LockGate(doc, self)
        self._show_about()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.nodes.setTitle(self.tr("Nodes"))
        self.hint.setText(self.tr("Drag onto the canvas; connect by dragging from a node's right "
                                  "port."))
        self._show_about()

    def _show_about(self) -> None:
        """The project's title and story (the examples explain what to try). A built-in
        example's texts are in core's catalogue, so they show in the current language; a
        user's own text is not, and shows as written."""
        title = core_tr(self._doc.title) if self._doc.title else ""
        text = core_tr(self._doc.description) if self._doc.description else ""
        self.about.setVisible(bool(title or text))
        self.about.setText(ABOUT_HTML.format(title=title or "", color=theme.STATUS_TEXT,
                                             text=text or ""))

    def _button_clicked(self) -> None:
        self.add_requested.emit(self.sender().kind)
