"""The canvas scene: mirrors a :class:`GraphDocument` and turns gestures into commands.

Items are created, updated and removed only in answer to the document's signals, so undo, redo,
open and paste all redraw through one path. Gestures (moving nodes, dragging a connection,
typing a weight) push commands and let the signals do the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
)

from core.engine import params
from core.engine.activations import PROBABILITY_OUTPUTS
from core.spec_problems import SpecProblem
from gui import theme
from gui.canvas.connect_drag import ConnectionDrag, refusal
from gui.canvas.edge_item import EdgeItem
from gui.canvas.node_item import NodeItem, PortItem
from gui.canvas.off_screen import OffScreenDrawing
from gui.canvas.overlay import EdgeOverlay, NodeOverlay
from gui.canvas.style import node_label
from gui.canvas.value_editor import ValueEditor
from gui.canvas.value_typing import ValueTyping
from gui.document import commands
from gui.document.document import GraphDocument
from gui.document.input_labels import input_labels
from gui.i18n import on_language_change

DEFAULT_NEURON_LIMIT = 16


class CanvasScene(QGraphicsScene):
    """Node and edge items for every node and edge of the document."""

    # what the canvas says for the status bar, in the words of the moment; status_said: the
    # same as the function that makes it (() -> str), which the window's status line calls
    # again when the language changes
    status_message = Signal(str)
    status_said = Signal(object)

    def __init__(self, doc: GraphDocument, neuron_limit: int = DEFAULT_NEURON_LIMIT,
                 parent: object | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.neuron_limit = neuron_limit
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._drag: ConnectionDrag | None = None
        self._press_positions: dict[str, tuple[float, float]] = {}
        # typing a weight or a bias on the canvas
        self.typing = ValueTyping(self)
        self._runtime_problems: dict[str, str] = {}
        # what changed off screen, drawn when a view shows it
        self.drawing = OffScreenDrawing(self)
        self.class_names: tuple[str, ...] = ()  # the data's (set_class_names)
        self.setBackgroundBrush(QColor(theme.BACKGROUND))
        doc.node_added.connect(self._add_node)
        doc.node_removed.connect(self._remove_node)
        doc.node_changed.connect(self._change_node)
        doc.edge_added.connect(self._add_edge)
        doc.edge_removed.connect(self._remove_edge)
        doc.params_changed.connect(self._params_changed)
        doc.spec_reset.connect(self._rebuild)
        doc.problems_changed.connect(self._mark_problems)
        self._rebuild()
        on_language_change(self, self.retranslate)

    def say(self, make: Callable[[], str]) -> None:
        """Say ``make()`` in the status bar (``make`` is called again in a new language)."""
        self.status_said.emit(make)
        self.status_message.emit(make())

    def retranslate(self) -> None:
        """Redraw the words on the cards, and ask core again for the problems marked on
        nodes (their messages are made in the language of the moment)."""
        self._mark_problems(self.doc.spec.problems())
        for item in self.items():
            item.update()

    # ------------------------------------------------------------------ queries
    def node_item(self, node_id: str) -> NodeItem:
        return self._nodes[node_id]

    def edge_item(self, edge_id: str) -> EdgeItem:
        return self._edges[edge_id]

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def edge_items(self) -> list[EdgeItem]:
        return list(self._edges.values())

    def selected_node_ids(self) -> list[str]:
        """Selected nodes in document order."""
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [n.id for n in self.doc.spec.nodes if n.id in chosen]

    def selected_edge_ids(self) -> list[str]:
        chosen = {i.edge_id for i in self.selectedItems() if isinstance(i, EdgeItem)}
        return [e.id for e in self.doc.spec.edges if e.id in chosen]

    def select_only(self, node_ids: list[str], edge_ids: list[str] = ()) -> None:
        self.clearSelection()
        for node_id in node_ids:
            if node_id in self._nodes:
                self._nodes[node_id].setSelected(True)
        for edge_id in edge_ids:
            if edge_id in self._edges:
                self._edges[edge_id].setSelected(True)

    def set_neuron_limit(self, limit: int) -> None:
        self.neuron_limit = limit
        for item in self._nodes.values():
            item.set_neuron_limit(limit)
        for item in self._edges.values():
            item.update_geometry()

    def set_thumbnails(self, images: dict[str, QImage]) -> None:
        """Show each image under its node (the output's answer, small hidden nodes' units);
        every other node shows none."""
        changed = []
        for item in self._nodes.values():
            image = images.get(item.node_id)
            if image is not None or item.thumbnail is not None:
                item.set_thumbnail(image, redraw=False)
                changed.append(item)
        self.drawing.redraw(changed)

    def show_values(self, nodes: dict[str, NodeOverlay], edges: dict[str, EdgeOverlay]
                    ) -> None:
        """Lay numbers and colours over the named nodes and connections (Explain's step);
        every other item shows its usual picture."""
        for node_id, item in self._nodes.items():
            item.set_overlay(nodes.get(node_id))
        for edge_id, item in self._edges.items():
            item.set_overlay(edges.get(edge_id))

    def clear_values(self) -> None:
        self.show_values({}, {})

    # ------------------------------------------------------------------ mirroring the document
    def _rebuild(self) -> None:
        self.typing.close()
        self.drawing.forget()
        for item in list(self._edges.values()) + list(self._nodes.values()):
            self.removeItem(item)
        self._nodes.clear()
        self._edges.clear()
        for node in self.doc.spec.nodes:
            self._add_node(node.id)
        for edge in self.doc.spec.edges:
            self._add_edge(edge.id)
        self._mark_problems(self.doc.problems)

    def _add_node(self, node_id: str) -> None:
        item = NodeItem(self.doc.spec.node(node_id), self, self.neuron_limit)
        self._nodes[node_id] = item
        self.addItem(item)
        self._refresh_node(node_id)
        self._refresh_unit_names()

    def _remove_node(self, node_id: str) -> None:
        item = self._nodes.pop(node_id)
        self.drawing.forget(item)
        self.removeItem(item)
        self._refresh_unit_names()

    def _change_node(self, node_id: str) -> None:
        item = self._nodes[node_id]
        item.set_node(self.doc.spec.node(node_id))
        self._refresh_node(node_id)
        self._refresh_unit_names()
        for edge in self._edges.values():
            if item in (edge.src, edge.dst):
                edge.update_geometry()

    def _refresh_node(self, node_id: str, redraw: bool = True) -> None:
        name = params.bias_name(node_id)
        self._nodes[node_id].set_biases(self.doc.shown_array(name) if self.doc.has_array(name)
                                        else None, redraw)

    def _refresh_unit_names(self) -> None:
        """The features beside the input neurons; the classes the output units stand for."""
        for node_id, labels in input_labels(self.doc.spec).items():
            self._nodes[node_id].set_labels(labels)
        outputs = self.doc.spec.nodes_of_kind("output")
        for node in outputs:
            item = self._nodes.get(node.id)  # None while the canvas is rebuilt
            names = self.class_names if len(outputs) == 1 else ()
            if item is None:
                continue
            if node.units == len(names):  # softmax: unit k is class k
                item.set_classes(names)
            elif node.units == 1 and len(names) == 2:  # one unit: the second class when high
                probability = node.activation in PROBABILITY_OUTPUTS
                item.set_classes(names[1:], probability=probability, above_zero=not probability)
            else:
                item.set_classes(())

    def set_class_names(self, names: Sequence[str]) -> None:
        """The classes of the project's data (none: regression, or not loaded), as the data
        set names them: hovering an output unit names its class."""
        self.class_names = tuple(names)
        self._refresh_unit_names()

    def _add_edge(self, edge_id: str) -> None:
        edge = self.doc.spec.edge(edge_id)
        item = EdgeItem(edge_id, self._nodes[edge.src], self._nodes[edge.dst], self)
        item.set_weights(self.doc.shown_array(params.weight_name(edge_id)))
        self._edges[edge_id] = item
        self.addItem(item)

    def _remove_edge(self, edge_id: str) -> None:
        item = self._edges.pop(edge_id)
        self.drawing.forget(item)
        self.removeItem(item)

    def _params_changed(self, names: list[str]) -> None:
        changed = set(names)
        items: list[QGraphicsItem] = []
        for edge_id, item in self._edges.items():
            name = params.weight_name(edge_id)
            if name in changed:  # new values: the curves stay where they are
                item.set_weights(self.doc.shown_array(name), redraw=False)
                items.append(item)
        for node_id, item in self._nodes.items():
            if params.bias_name(node_id) in changed:
                self._refresh_node(node_id, redraw=False)
                items.append(item)
        self.drawing.redraw(items)

    def mark_nodes(self, messages: dict[str, str]) -> None:
        """Mark nodes with a problem found while running (training diverged there), next to
        the spec's own problems; an empty dict clears them."""
        self._runtime_problems = dict(messages)
        self._mark_problems(self.doc.problems)

    def _mark_problems(self, problems: list[SpecProblem]) -> None:
        """Red marks for what is wrong; a node not connected yet (a next step) says so in its
        tooltip, unmarked."""
        by_node: dict[str, list[str]] = {}
        steps: dict[str, list[str]] = {}
        for problem in problems:
            for node_id in problem.node_ids:
                (steps if problem.is_step else by_node).setdefault(node_id, []).append(
                    problem.message)
        for node_id, message in self._runtime_problems.items():
            by_node.setdefault(node_id, []).append(message)
        for node_id, item in self._nodes.items():
            item.set_problems(by_node.get(node_id, []), steps.get(node_id, []))

    def node_item_moved(self, item: NodeItem) -> None:
        for edge in self._edges.values():
            if item in (edge.src, edge.dst):
                edge.update_geometry()

    # ------------------------------------------------------------------ gestures
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            port = next((i for i in self.items(event.scenePos()) if isinstance(i, PortItem)),
                        None)
            if port is not None and port.direction == "out" and port.isVisible():
                self._drag = ConnectionDrag(self, port.node_item, lambda: self.doc.spec,
                                            self.say)
                event.accept()
                return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_positions = {i.node_id: (i.pos().x(), i.pos().y())
                                     for i in self.selectedItems() if isinstance(i, NodeItem)}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is not None:
            self._drag.move(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is not None and event.button() == Qt.MouseButton.LeftButton:
            pair, self._drag = self._drag.finish(), None
            if pair is not None:
                self.connect_nodes(*pair)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._record_move()

    def connect_nodes(self, src: str, dst: str) -> bool:
        """Connect ``src`` → ``dst`` as one undoable edit (a drag's release, or Connect Selected
        Nodes), or say in the status bar why not; True when connected."""
        spec = self.doc.spec
        if spec.connection_problem(src, dst) is not None:
            self.say(lambda: refusal(spec.connection_problem(src, dst)))
            return False
        if not self.doc.push(commands.ConnectCommand(self.doc, src, dst)):
            return False  # the structure is locked: the document says why
        ends = spec.node(src), spec.node(dst)
        self.say(lambda: self.tr("Connected {src} → {dst}.").format(
            src=node_label(ends[0]), dst=node_label(ends[1])))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        escape = event.key() == Qt.Key.Key_Escape
        if escape and self._drag is not None:
            self._drag.cancel()
            self._drag = None
        elif escape and self.focusItem() is None and self.selectedItems():
            self.clearSelection()  # the keyboard's way to select nothing (Tab selects one)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _record_move(self) -> None:
        """One MoveNodesCommand for the whole drag, pushed on release."""
        moves = {}
        for node_id, old in self._press_positions.items():
            item = self._nodes.get(node_id)
            if item is not None:
                new = (round(item.pos().x(), 1), round(item.pos().y(), 1))
                if new != old:
                    moves[node_id] = (self.doc.spec.node(node_id).position, new)
        self._press_positions = {}
        if moves:
            self.doc.push(commands.MoveNodesCommand(self.doc, moves))

    # ------------------------------------------------------------------ typing weights
    def edit_weight(self, edge_id: str, i: int, j: int, pos: QPointF) -> ValueEditor:
        """Open the editor that types weight ``[i, j]`` of ``edge_id`` beside ``pos``."""
        return self.typing.edit_weight(edge_id, i, j, pos)

    def edit_bias(self, node_id: str, j: int, pos: QPointF) -> ValueEditor:
        """Open the editor that types unit ``j``'s bias of ``node_id`` beside ``pos``."""
        return self.typing.edit_bias(node_id, j, pos)

    @property
    def editor(self) -> ValueEditor | None:
        """The value editor open on the canvas (None: none)."""
        return self.typing.editor
