"""Dragging a connection out of an output port, with live ``can_connect`` feedback.

While the mouse moves, the node under it is marked as accepting or refusing and the reason goes
to the status bar; releasing on an accepting node connects, anywhere else cancels.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from core.spec import NetworkSpec
from core.spec_problems import SpecProblem
from gui import theme
from gui.canvas.edge_item import curve
from gui.canvas.node_item import NodeItem
from gui.canvas.style import node_label
from gui.i18n import translate


class ConnectionDrag:
    """One drag from ``source``'s output port. The scene feeds it mouse positions; ``status``
    says a message made by the function it is given (made again in a new language)."""

    def __init__(self, scene: QGraphicsScene, source: NodeItem,
                 spec: Callable[[], NetworkSpec],
                 status: Callable[[Callable[[], str]], None]) -> None:
        self._scene = scene
        self.source = source
        self._spec = spec
        self._status = status
        self.target: NodeItem | None = None
        self.problem: SpecProblem | None = None
        self._line = QGraphicsPathItem()
        self._line.setZValue(5)
        scene.addItem(self._line)
        node = source.node
        self._status(lambda: translate(
            "ConnectionDrag", "Drag onto another node to connect {node} to it; release on "
            "empty canvas to cancel.").format(node=node_label(node)))
        self.move(source.anchor("out"))

    def move(self, pos: QPointF) -> None:
        target = self._node_at(pos)
        if target is not self.target:
            if self.target is not None:
                self.target.set_drop_hint("")
            self.target = target
            self.problem = None
            if target is not None:
                spec, ends = self._spec(), (self.source.node_id, target.node_id)
                self.problem = spec.connection_problem(*ends)
                target.set_drop_hint("refuse" if self.problem else "accept")
                if self.problem:
                    self._status(lambda: translate("ConnectionDrag", "Cannot connect: {why}")
                                 .format(why=spec.connection_problem(*ends).message))
                else:
                    nodes = self.source.node, target.node
                    self._status(lambda: translate("ConnectionDrag",
                                                   "Release to connect {src} → {dst}.")
                                 .format(src=node_label(nodes[0]), dst=node_label(nodes[1])))
            else:
                self._status(lambda: translate(
                    "ConnectionDrag", "Release on a node to connect; release here to cancel."))
        end = target.anchor("in") if target is not None and self.problem is None else pos
        color = QColor(theme.PROBLEM) if self.problem else (
            QColor(theme.ACCEPT) if target is not None else QColor(theme.NEUTRAL_EDGE))
        pen = QPen(color, 2.5, Qt.PenStyle.DashLine if self.problem else Qt.PenStyle.SolidLine)
        self._line.setPen(pen)
        self._line.setPath(curve(self.source.anchor("out"), end))

    def cancel(self) -> None:
        """Escape: forget the drag whatever is under the mouse."""
        if self.target is not None:
            self.target.set_drop_hint("")
        self.target = None
        self.finish()

    def finish(self) -> tuple[str, str] | None:
        """Clean up; return (src, dst) released on, or None (cancelled). Whether they may be
        connected is the scene's to check and say (``CanvasScene.connect_nodes``), as for
        Connect Selected Nodes: :attr:`problem` only colours the drag."""
        self._scene.removeItem(self._line)
        target = self.target
        if target is None:
            self._status(lambda: translate("ConnectionDrag", "Connection cancelled."))
            return None
        target.set_drop_hint("")
        return self.source.node_id, target.node_id

    def _node_at(self, pos: QPointF) -> NodeItem | None:
        """The node under ``pos``; the source itself counts as empty canvas."""
        for item in self._scene.items(pos):
            while item is not None and not isinstance(item, NodeItem):
                item = item.parentItem()
            if item is not None:
                return None if item is self.source else item
        return None


def refusal(problem: SpecProblem) -> str:
    """Why a connection was not made, for the status bar (a drag's or Connect Selected
    Nodes')."""
    return translate("ConnectionDrag", "Not connected: {why}").format(why=problem.message)
