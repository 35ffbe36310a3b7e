"""The inspector: edits the selected node, or shows the selected connection's weights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from gui import theme
from gui.docks import scrolling
from gui.document.document import GraphDocument
from gui.i18n import on_language_change, translate
from gui.inspector.edge_view import EdgeView
from gui.inspector.node_form import NodeForm
from gui.lock import LockGate


def hint_text() -> str:
    """What the inspector says when nothing is selected, in the window's language."""
    return translate(
        "Inspector", "<p><b>Nothing selected.</b></p><p>Click a node to edit its units, "
        "activation and more; click a connection to see its weights.</p><p style='color:{muted}'>"
        "Build a network: drag <i>Input</i>, <i>Hidden</i> and <i>Output</i> from the left onto "
        "the canvas, then drag from a node's right port to another node. Hover anything to learn "
        "what it does; double-click a weight line or a neuron to type its value.</p>").format(
        muted=theme.MUTED_TEXT)


class Inspector(QWidget):
    """The node form waits while training runs (the document is locked); the connection's
    weights stay readable."""

    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.node_form = NodeForm(doc)
        LockGate(doc, self.node_form)
        self.edge_view = EdgeView(doc)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setMargin(8)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        for page in (self.hint, self.node_form, self.edge_view):
            self.stack.addWidget(page)
        scroll = scrolling(self.stack)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        doc.node_removed.connect(self._node_removed)
        doc.edge_removed.connect(self._edge_removed)
        doc.spec_reset.connect(self.clear)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.hint.setText(hint_text())

    def show_selection(self, node_ids: list[str], edge_ids: list[str]) -> None:
        """One node: its form; else one edge: its weights; otherwise the hint."""
        if len(node_ids) == 1:
            self.edge_view.set_edge(None)
            self.node_form.set_node(node_ids[0])
            self.stack.setCurrentWidget(self.node_form)
        elif not node_ids and len(edge_ids) == 1:
            self.node_form.set_node(None)
            self.edge_view.set_edge(edge_ids[0])
            self.stack.setCurrentWidget(self.edge_view)
        else:
            self.node_form.set_node(None)
            self.edge_view.set_edge(None)
            self.stack.setCurrentWidget(self.hint)

    def clear(self) -> None:
        self.show_selection([], [])

    def _node_removed(self, node_id: str) -> None:
        if node_id == self.node_form.node_id:
            self.clear()

    def _edge_removed(self, edge_id: str) -> None:
        if edge_id == self.edge_view.edge_id:
            self.clear()
