"""The main window's edits of the graph on the canvas: add a node (a palette drop, or a
keyboard user's on a free spot), delete, select all, copy and paste, auto-layout, and bring
nodes into view. Each edit is an undoable command on the document; the status line says what
happened. Its words keep the main window's translation context ("MainWindow"): they were its
own methods, and the catalogue has them there."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from gui.canvas.keyboard import CONNECT_SHORTCUT
from gui.canvas.placement import free_spot
from gui.canvas.scene import CanvasScene
from gui.canvas.view import CanvasView
from gui.document import clipboard
from gui.document.auto_layout import layered_positions
from gui.document.commands import AddNodeCommand, MoveNodesCommand, delete_command
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.document.new_node import new_node
from gui.i18n import counted, translate
from gui.widgets import StatusLine


class CanvasEditing:
    """Mixed into the main window, which has ``doc``, ``data``, ``scene``, ``view`` and
    ``status`` (and counts pastes in ``_paste_count``) before any edit."""

    doc: GraphDocument
    data: DataSource
    scene: CanvasScene
    view: CanvasView
    status: StatusLine
    _paste_count: int

    def add_node(self, kind: str, pos: QPointF) -> None:
        """Create a ``kind`` node centred at scene point ``pos`` (a palette drop)."""
        try:
            node = new_node(kind, self.doc.spec, (pos.x(), pos.y()), self.data.dataset)
        except ValueError:
            self.status.say(lambda: translate("MainWindow", "Unknown node kind {kind}.").format(
                kind=repr(kind)), 8000)
            return
        self.doc.push(AddNodeCommand(self.doc, node))
        self.scene.select_only([node.id])
        # both ways to connect: a keyboard user was told only to drag
        self.status.say(lambda: translate(
            "MainWindow", "Added {node}. Connect it by dragging from its right port, or select "
            "two nodes (Tab, Ctrl+Tab) and press {connect}.").format(
                node=node.label, connect=QKeySequence(CONNECT_SHORTCUT).toString(
                    QKeySequence.SequenceFormat.NativeText)), 8000)

    def add_node_in_view(self, kind: str) -> None:
        """Add a ``kind`` node on a free spot beside the selected node or near the view's
        middle (:func:`free_spot`), and scroll it into view."""
        try:
            probe = new_node(kind, self.doc.spec, (0.0, 0.0), self.data.dataset)
        except ValueError:
            probe = None  # add_node says the kind is unknown
        spot = free_spot(self.scene, self.view, probe) if probe else QPointF()
        self.add_node(kind, spot)
        for node_id in self.scene.selected_node_ids():  # the new node
            self.view.ensureVisible(self.scene.node_item(node_id).sceneBoundingRect(), 20, 20)

    def delete_selection(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        if nodes or edges:
            self.doc.push(delete_command(self.doc, nodes, edges))

    def select_all(self) -> None:
        self.scene.select_only([n.id for n in self.doc.spec.nodes],
                               [e.id for e in self.doc.spec.edges])

    def copy_selection(self) -> None:
        nodes = self.scene.selected_node_ids()
        if nodes:
            self._to_clipboard(clipboard.copy_fragment(self.doc, nodes))
            count = len(nodes)  # {n}, not %n: Qt's plural forms reach translate() in no catalogue
            self.status.say(lambda: counted(translate("MainWindow", "Copied {n} node."),
                                            translate("MainWindow", "Copied {n} nodes."),
                                            count).format(n=count), 5000)

    def cut_selection(self) -> None:
        """Copy the selected nodes, then delete them (and the selected connections) as one
        undo entry: Paste puts the copy anywhere, Undo puts the nodes back where they were.
        While the structure is locked (a run) nothing is cut and the clipboard is left as it
        was; the document says why."""
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        if not nodes:
            if edges:  # Delete removes them; a cut has nothing to copy
                self.status.say(lambda: translate(
                    "MainWindow", "Cut copies nodes: select nodes to cut, or press Delete to "
                                  "remove the selected connections."), 5000)
            return
        fragment = clipboard.copy_fragment(self.doc, nodes)
        command = delete_command(self.doc, nodes, edges)
        count = len(nodes)
        command.setText(counted(translate("MainWindow", "Cut {n} node"),
                                translate("MainWindow", "Cut {n} nodes"), count).format(n=count))
        if not self.doc.push(command):
            return  # refused (a run locks the structure) or failed: said by the document
        self._to_clipboard(fragment)
        self.status.say(lambda: counted(translate("MainWindow", "Cut {n} node."),
                                        translate("MainWindow", "Cut {n} nodes."),
                                        count).format(n=count), 5000)

    def _to_clipboard(self, fragment: str) -> None:
        # Plain text, not a QMimeData of our own: PySide6 6.11 segfaults at exit when a
        # Python-made QMimeData is still on the clipboard (measured, offscreen and in tests).
        # The fragment is tagged JSON, so paste recognises it and ignores any other text.
        QApplication.clipboard().setText(fragment)
        self._paste_count = 0

    def paste(self) -> None:
        try:
            parsed = clipboard.parse_fragment(QApplication.clipboard().text(),
                                              self.doc.settings.dtype)
        except clipboard.FragmentRefusedError as exc:
            refused = exc  # (``exc`` is unbound after the block; the message is made again)
            self.status.say(lambda: translate(
                "MainWindow", "Cannot paste these nodes: {reason}.").format(
                    reason=refused.reason()), 10000)
            return
        if parsed is None or not parsed[0].nodes:
            self.status.say(lambda: translate(
                "MainWindow", "Nothing to paste: copy some nodes first."), 5000)
            return
        self._paste_count += 1
        before = {n.id for n in self.doc.spec.nodes}
        self.doc.push(clipboard.paste_command(self.doc, *parsed,
                                              clipboard.PASTE_OFFSET * self._paste_count))
        self.scene.select_only([n.id for n in self.doc.spec.nodes if n.id not in before])

    def auto_layout(self) -> None:
        heights = {i.node_id: i.body_rect().height() for i in self.scene.node_items()}
        moves = {node_id: (self.doc.spec.node(node_id).position, pos)
                 for node_id, pos in layered_positions(self.doc.spec, heights).items()
                 if pos != self.doc.spec.node(node_id).position}
        if moves:
            self.doc.push(MoveNodesCommand(self.doc, moves,
                                           translate("MainWindow", "Auto-layout")))
        self.view.fit_to_view()

    def focus_nodes(self, node_ids: list[str]) -> None:
        self.scene.select_only(node_ids)
        if node_ids:
            self.view.centerOn(self.scene.node_item(node_ids[0]))
