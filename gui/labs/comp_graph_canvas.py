"""The computational-graph lab's canvas: input boxes and operation circles laid out by depth,
and edges that carry a value above (green) and a gradient below (red), as in the book's
figures."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from core.i18n import _
from core.labs.comp_graph import OPS, Graph, Node
from gui import theme
from gui.i18n import on_language_change, translate

COLUMN = 175.0  # from one depth to the next
ROW = 80.0  # between two nodes of one column
LABEL_AT = 0.45  # how far along an edge its numbers sit (edges into one node converge)
RADIUS = 26.0  # of an operation's circle
STUB = 120.0  # the output's outgoing arrow
MIN_SCALE = 0.7  # below this the edge numbers get too small to read
EdgeKey = tuple[str, str, int]  # operand, consumer, operand slot


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


# ---------------------------------------------------------------------- the canvas
class NodeItem(QGraphicsItem):
    """An input (a box with its name) or an operation (a circle with its symbol, its name
    below). Click one to select it; the node of the latest step is ringed in yellow."""

    def __init__(self, node: Node) -> None:
        super().__init__()
        self.node = node
        self.current = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if node.is_input:
            width = max(70.0, QFontMetricsF(_font(10, True)).horizontalAdvance(node.name) + 22)
            self.body = QRectF(-width / 2, -17, width, 34)
        else:
            self.body = QRectF(-RADIUS, -RADIUS, 2 * RADIUS, 2 * RADIUS)
        self.retranslate()

    def retranslate(self) -> None:
        node = self.node
        if node.is_input:
            self.setToolTip(translate(
                "GraphCanvas", "<b>{name}</b>: an input, a leaf of the graph. Its gradient "
                "d out/d {name} is the sum of the red numbers on its edges.").format(
                    name=node.name))
        else:
            op = OPS[node.kind]
            self.setToolTip(f"<b>{node.name}</b> = {op.formula.format(*node.operands)}<br>"
                            f"{_(op.rule)}")  # i18n: not ui

    def boundingRect(self) -> QRectF:
        rect = self.body.adjusted(-5, -5, 5, 5)
        return rect if self.node.is_input else rect.united(QRectF(-70, RADIUS, 140, 22))

    def out_port(self) -> QPointF:
        return self.pos() + QPointF(self.body.right(), 0)

    def in_port(self, slot: int, upper_first: bool = True) -> QPointF:
        """Where operand ``slot`` arrives: the left of the circle, upper and lower for two
        operands (swapped when ``upper_first`` is false, so the arrows do not cross)."""
        if len(self.node.operands) < 2:
            return self.pos() + QPointF(-RADIUS, 0)
        angle = math.radians(40)
        lower = bool(slot) == upper_first
        return self.pos() + QPointF(-RADIUS * math.cos(angle),
                                    RADIUS * math.sin(angle) * (1 if lower else -1))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = QPen(QColor(theme.SELECTION if self.current else theme.TEXT),
                    4 if self.current else 1.5)
        painter.setPen(ring)
        if self.node.is_input:
            painter.setBrush(QColor(theme.GRAPH_NODE_ACTIVE))
            painter.drawRoundedRect(self.body, 6, 6)
            painter.setFont(_font(10, True))
            painter.drawText(self.body, Qt.AlignmentFlag.AlignCenter, self.node.name)
        else:
            painter.setBrush(QColor(theme.BODY))
            painter.drawEllipse(self.body)
            painter.setPen(QColor(theme.TEXT))
            symbol = OPS[self.node.kind].symbol
            painter.setFont(_font(15 if len(symbol) == 1 else 10.5, True))
            painter.drawText(self.body, Qt.AlignmentFlag.AlignCenter, symbol)
            painter.setPen(QColor(theme.MUTED_TEXT))
            painter.setFont(_font(8.5))
            painter.drawText(QRectF(-70, RADIUS + 2, 140, 18), Qt.AlignmentFlag.AlignHCenter,
                             self.node.name)
        if self.isSelected():
            painter.setPen(QPen(QColor(theme.POSITIVE), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.body.adjusted(-4, -4, 4, 4))


class EdgeLabel(QGraphicsSimpleTextItem):
    """A number on an edge, on a pale backing so crossing lines do not hide it."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.text():
            painter.fillRect(self.boundingRect(), QColor(255, 255, 255, 215))
        super().paint(painter, option, widget)


def _unit(vector: QPointF) -> QPointF:
    return vector / max(math.hypot(vector.x(), vector.y()), 1e-9)


class EdgeItem(QGraphicsPathItem):
    """An arrow from an operand to the node using it: the forward value above it, the gradient
    d out/d operand along this edge below it (once backward has reached it). ``bend`` bows it
    sideways, so the two edges of x × x stay apart."""

    def __init__(self, start: QPointF, end: QPointF, bend: float = 0.0) -> None:
        super().__init__()
        self.start, self.end = start, end
        chord = _unit(end - start)
        self.control = (start + end) / 2 + QPointF(-chord.y(), chord.x()) * bend
        path = QPainterPath(start)
        path.quadTo(self.control, end)
        unit = _unit(end - self.control)
        normal = QPointF(-unit.y(), unit.x())
        base = end - unit * 11
        self.setPath(path)
        self.setPen(QPen(QColor(theme.NEUTRAL_EDGE), 1.6))
        head = QGraphicsPolygonItem(QPolygonF([end, base + normal * 5, base - normal * 5]), self)
        head.setPen(QPen(QColor(theme.NEUTRAL_EDGE), 1))
        head.setBrush(QBrush(QColor(theme.NEUTRAL_EDGE)))
        self.setZValue(-1)
        self.retranslate()
        self.value_label = EdgeLabel(self)
        self.value_label.setFont(_font(10.5, True))
        self.value_label.setBrush(QColor(theme.FORWARD_VALUE))
        self.grad_label = EdgeLabel(self)
        self.grad_label.setFont(_font(10.5, True))
        self.grad_label.setBrush(QColor(theme.GRADIENT))
        for label in (self.value_label, self.grad_label):
            label.setZValue(2)

    def retranslate(self) -> None:
        self.setToolTip(translate(
            "GraphCanvas", "green, above: the value flowing forward · red, below: the gradient "
            "d out/d (this edge's source) flowing back"))

    def set_texts(self, value: str, grad: str) -> None:
        """Centre the numbers on the arrow at LABEL_AT, clear of the line's slope."""
        self.value_label.setText(value)
        self.grad_label.setText(grad)
        t, a, c, b = LABEL_AT, self.start, self.control, self.end
        mid = a * (1 - t) ** 2 + c * (2 * (1 - t) * t) + b * t ** 2
        tangent = (c - a) * (1 - t) + (b - c) * t
        slope = abs(tangent.y() / tangent.x()) if tangent.x() else 0.0
        for label, above in ((self.value_label, True), (self.grad_label, False)):
            rect = label.boundingRect()
            rise = min(slope * rect.width() / 2, 40.0) + 2
            y = mid.y() - rect.height() - rise if above else mid.y() + rise
            label.setPos(mid.x() - rect.width() / 2, y)


class GraphCanvas(QGraphicsView):
    """The graph laid out by depth, left to right: inputs first, the output last."""

    def __init__(self) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing |
                            QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QColor(theme.GRAPH_BACKGROUND))
        # A big graph is shrunk only down to MIN_SCALE (its numbers stay readable), then scrolls.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumHeight(260)
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[EdgeKey, EdgeItem] = {}
        self.output_edge: EdgeItem | None = None
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """The tooltips of every node and edge in the current language."""
        edges = [*self.edges.values(), *([self.output_edge] if self.output_edge else [])]
        for item in [*self.nodes.values(), *edges]:
            item.retranslate()

    @staticmethod
    def positions(graph: Graph) -> dict[str, QPointF]:
        """Inputs down the first column; each operation in its depth's column at the mean
        height of its operands, pushed down if it would sit on a neighbour."""
        depth = graph.depths()
        y = {node.name: k * ROW for k, node in enumerate(graph.inputs)}
        for d in range(1, max(depth.values()) + 1):
            column = [n for n in graph.ops if depth[n.name] == d]
            wanted = {n.name: sum(y[o] for o in n.operands) / len(n.operands) for n in column}
            below = -math.inf
            for name in sorted(wanted, key=wanted.__getitem__):
                y[name] = below = max(wanted[name], below + ROW)
        return {name: QPointF(depth[name] * COLUMN, y[name]) for name in graph.names}

    def show_graph(self, graph: Graph) -> None:
        scene = self.scene()
        scene.clearSelection()  # while the items still exist: listeners may look at them
        scene.clear()
        self.nodes, self.edges = {}, {}
        for name, pos in self.positions(graph).items():
            item = NodeItem(graph.node(name))
            item.setPos(pos)
            scene.addItem(item)
            self.nodes[name] = item
        for node in graph.ops:
            heights = [self.nodes[o].y() for o in node.operands]
            upper_first = heights == sorted(heights)
            twice = len(set(node.operands)) < len(node.operands)
            for slot, operand in enumerate(node.operands):
                end = self.nodes[node.name].in_port(slot, upper_first)
                bend = (1 if slot else -1) * 45.0 if twice else 0.0
                edge = EdgeItem(self.nodes[operand].out_port(), end, bend)
                scene.addItem(edge)
                self.edges[(operand, node.name, slot)] = edge
        start = self.nodes[graph.output].out_port()
        self.output_edge = EdgeItem(start, start + QPointF(STUB, 0))
        scene.addItem(self.output_edge)
        self.fit()

    def fit(self) -> None:
        """The whole graph in view, never blown up beyond 1.3× nor shrunk below MIN_SCALE."""
        rect = self.scene().itemsBoundingRect().adjusted(-30, -42, 30, 42)
        self.setSceneRect(rect)
        port = self.viewport().size()
        scale = max(min(port.width() / rect.width(), port.height() / rect.height(), 1.3),
                    MIN_SCALE)
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def set_current(self, name: str | None) -> None:
        for key, item in self.nodes.items():
            item.current = key == name
            item.update()

    def selected_node(self) -> str | None:
        chosen = [item for item in self.scene().selectedItems() if isinstance(item, NodeItem)]
        return chosen[0].node.name if chosen else None
