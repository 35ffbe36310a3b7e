"""What a screen reader says for the canvas. The canvas is one widget that paints its nodes, so
Qt's accessibility bridge had nothing to read from it: no name, no description — a blind
student heard nothing on reaching it, nor when Tab selected a node (that is said only in the
status bar, which screen readers do not follow). Its accessible name now says what is selected
(Qt announces a change of the focused widget's name), its description what the network holds
and which keys build it, in the window's language.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence

from gui.canvas.keyboard import CONNECT_SHORTCUT
from gui.canvas.keyboard_values import VALUES_SHORTCUT
from gui.canvas.scene import CanvasScene
from gui.canvas.style import node_label
from gui.canvas.view import CanvasView
from gui.i18n import counted, on_language_change

NATIVE = QKeySequence.SequenceFormat.NativeText


class CanvasSpeech(QObject):
    """Keeps the canvas view's accessible name and description up to date."""

    def __init__(self, scene: CanvasScene, view: CanvasView) -> None:
        super().__init__(scene)  # goes with the scene (the view outlives it at the end)
        self._scene = scene
        self._view = view
        doc = scene.doc
        for signal in (doc.node_added, doc.node_removed, doc.node_changed, doc.edge_added,
                       doc.edge_removed):
            signal.connect(self.update)
        doc.spec_reset.connect(self.update)
        scene.selectionChanged.connect(self.update)
        # watched on the view: the scene, this object's parent, does not pass the language
        # change on (the canvas said "Canvas" in a Korean window until the first edit)
        on_language_change(view, self.update)

    def selected_words(self) -> str:
        """The selected nodes and connections as the canvas labels them, or ""."""
        spec = self._scene.doc.spec
        nodes = {n.id: n for n in spec.nodes}
        edges = {e.id: e for e in spec.edges}
        words = [node_label(nodes[i]) for i in self._scene.selected_node_ids() if i in nodes]
        for edge_id in self._scene.selected_edge_ids():
            edge = edges.get(edge_id)
            if edge is not None and edge.src in nodes and edge.dst in nodes:
                words.append(f"{node_label(nodes[edge.src])} → "  # i18n: not ui
                             f"{node_label(nodes[edge.dst])}")
        return ", ".join(words)

    def update(self, *_args: object) -> None:
        if not (shiboken6.isValid(self._scene) and shiboken6.isValid(self._view)):
            return  # a closing window: the scene says its selection changed as it goes
        spec = self._scene.doc.spec
        selected = self.selected_words()
        name = (self.tr("Canvas: {selected} selected").format(selected=selected) if selected
                else self.tr("Canvas"))
        self._view.setAccessibleName(name)
        self._view.setAccessibleDescription(self.tr(
            "The network: {nodes}, {edges}. Tab: select the next node · Ctrl+Tab: add it to "
            "the selection · ]: select the next connection · arrow keys: move the selected "
            "nodes · {connect}: connect two selected nodes · {values}: type the selected "
            "node's or connection's values · Del: delete the selection").format(
                nodes=counted(self.tr("%n node", "", len(spec.nodes)),
                              self.tr("%n nodes", "", len(spec.nodes)), len(spec.nodes)),
                edges=counted(self.tr("%n connection", "", len(spec.edges)),
                              self.tr("%n connections", "", len(spec.edges)), len(spec.edges)),
                connect=QKeySequence(CONNECT_SHORTCUT).toString(NATIVE),
                values=QKeySequence(VALUES_SHORTCUT).toString(NATIVE)))
