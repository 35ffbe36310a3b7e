"""A node on the canvas: a card with the node's kind colour, ports, and its neurons or size.

Small nodes (up to the scene's neuron limit) draw each neuron as a circle tinted by its bias;
hovering a neuron shows the bias and double-clicking edits it. Larger nodes draw as a block with
their size. The item only draws what the scene hands it; it never edits the document.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from core.datasets.targets import class_words
from core.engine import activations
from core.spec import NodeSpec
from gui import theme
from gui.canvas import style
from gui.canvas.node_paint import (
    FOOTER_HEIGHT,
    paint_badge,
    paint_block,
    paint_header,
    paint_neurons,
    paint_thumbnail,
)
from gui.canvas.overlay import NodeOverlay
from gui.canvas.port_item import PortItem
from gui.i18n import translate

THUMBNAIL_TIP = QT_TRANSLATE_NOOP(
    "NodeItem", "What the network answers everywhere on the input plane (x₁ across, x₂ up) with "
    "its current weights: blue means class 1, orange class 0; the dots are the data. The border "
    "between the colours is the decision boundary.")
BLOCK_BODY_HEIGHT = 54.0
OVERLAY_MARGIN = 24.0  # how far an overlay's numbers may reach past the card's sides


class NodeHost(Protocol):
    """What a node item asks of the scene it is drawn in (the item itself never edits the
    document)."""

    def edit_bias(self, node_id: str, j: int, pos: QPointF) -> object:
        """Open an editor for the bias of unit ``j`` of ``node_id`` at scene point ``pos``."""

    def node_item_moved(self, item: NodeItem) -> None:
        """``item`` moved: the connections drawn to it follow."""


class NodeItem(QGraphicsObject):
    """The picture of one :class:`NodeSpec`; its position is the centre of the card."""

    def __init__(self, node: NodeSpec, host: NodeHost, neuron_limit: int = 16) -> None:
        super().__init__()
        self.node = node
        self._host = host
        self.neuron_limit = neuron_limit
        self._biases: np.ndarray | None = None
        self._labels: list[str] = []
        self._classes: tuple[str, ...] = ()  # of an output node's units, as the data names them
        self._probability = False  # its one sigmoid unit says the probability of _classes[0]
        self._above_zero = False  # its one tanh (identity …) unit means _classes[0] above 0
        self._problems: list[str] = []
        self._steps: list[str] = []
        self._drop_hint = ""
        self._thumbnail: QImage | None = None
        self._overlay: NodeOverlay | None = None
        #: its texts as last painted ("footer"; an overlay's "left 0", "right 0", …)
        self.painted: dict[str, style.PaintedText] = {}
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        # Drawn into a pixmap, painted again only after update(): live weights repaint the
        # edges, and a card under them was drawn again each time (a 784-100-10 canvas: 8.3
        # → 4.8 ms a repaint). Everything that changes the card calls update().
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.in_port = PortItem(self, "in")
        self.out_port = PortItem(self, "out")
        self.set_node(node)

    # ------------------------------------------------------------------ state from the scene
    @property
    def node_id(self) -> str:
        return self.node.id

    def set_node(self, node: NodeSpec) -> None:
        self.prepareGeometryChange()
        self.node = node
        self.setPos(QPointF(*node.position))
        self.in_port.setVisible(node.kind != "input")
        self.out_port.setVisible(node.kind != "output")
        # Ports sit on the header: in neuron mode the body's borders belong to the weights.
        half = self.body_rect().width() / 2
        y = self.body_rect().top() + style.HEADER_HEIGHT / 2
        self.in_port.setPos(-half, y)
        self.out_port.setPos(half, y)
        self.in_port.set_hover(False)
        self.out_port.set_hover(False)
        self.setToolTip(self._node_tooltip())
        self.update()

    def set_neuron_limit(self, limit: int) -> None:
        self.neuron_limit = limit
        self.set_node(self.node)

    def set_biases(self, biases: np.ndarray | None, redraw: bool = True) -> None:
        """New biases; without ``redraw`` the scene draws the card again (gui.canvas.off_screen)."""
        self._biases = None if biases is None else np.array(biases)
        if redraw:
            self.update()

    def set_labels(self, labels: Sequence[str]) -> None:
        """Names drawn beside the neurons (the features of an input node)."""
        self._labels = list(labels)
        self.update()

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    def set_classes(self, names: Sequence[str], probability: bool = False,
                    above_zero: bool = False) -> None:
        """The class each unit of an output node stands for (none: not a classifier's
        output); ``probability``: the node's one unit gives the probability of ``names[0]``;
        ``above_zero``: the node's one unit means ``names[0]`` when above 0 (not a
        probability: tanh, identity …)."""
        self._classes, self._probability = tuple(names), probability
        self._above_zero = above_zero

    def unit_words(self, j: int) -> str:
        """``unit 4``, or for an output unit its class too: ``unit 4 · class 3``."""
        unit = self.tr("unit {n}").format(n=j + 1)
        if j >= len(self._classes):
            return unit
        words = escape(class_words(self._classes[j]), quote=False)  # an imported file's name
        if self._above_zero:
            return self.tr("{unit} · above 0: {cls}").format(unit=unit, cls=words)
        words = f"P({words})" if self._probability else words  # i18n: not ui (a symbol)
        return self.tr("{unit} · {cls}").format(unit=unit, cls=words)

    def set_problems(self, messages: Sequence[str], steps: Sequence[str] = ()) -> None:
        """Mark the node with ``messages`` (none: unmarked); ``steps``: what is left to do
        with it (not connected yet), in its tooltip without a mark. The same marks again change
        nothing: every run clears the marks as it starts, and a repaint of the canvas (all
        the connections of a 784-100-10 network) took 7–19 ms of that turn."""
        if list(messages) == self._problems and list(steps) == self._steps:
            return
        self._problems, self._steps = list(messages), list(steps)
        self.setToolTip(self._node_tooltip())
        self.update()

    @property
    def problems(self) -> list[str]:
        return list(self._problems)

    @property
    def steps(self) -> list[str]:
        """The next steps with this node (shown in its tooltip, not marked in red)."""
        return list(self._steps)

    def set_drop_hint(self, hint: str) -> None:
        """``"accept"``/``"refuse"`` while a connection is dragged over the node, else ``""``."""
        if hint != self._drop_hint:
            self._drop_hint = hint
            self.update()

    @property
    def drop_hint(self) -> str:
        return self._drop_hint

    def set_thumbnail(self, image: QImage | None, redraw: bool = True) -> None:
        """The picture under the card (None: none); without ``redraw`` the scene draws the
        card again (gui.canvas.off_screen), unless the card grows or shrinks."""
        if image is None and self._thumbnail is None:
            return  # nothing to change (asked again at every refresh of the predictions)
        resized = (image is None) != (self._thumbnail is None)
        if resized:
            self.prepareGeometryChange()
        self._thumbnail = image
        if redraw or resized:
            self.update()

    @property
    def thumbnail(self) -> QImage | None:
        return self._thumbnail

    def set_overlay(self, overlay: NodeOverlay | None) -> None:
        """Numbers and colours drawn over the node for a while (None: the usual picture)."""
        if overlay != self._overlay:
            self.prepareGeometryChange()  # long numbers may reach past the card's sides
            self._overlay = overlay
            self.update()

    @property
    def overlay(self) -> NodeOverlay | None:
        return self._overlay

    # ------------------------------------------------------------------ geometry
    @property
    def neuron_mode(self) -> bool:
        return 1 <= self.node.units <= self.neuron_limit

    def body_rect(self) -> QRectF:
        """The card (header included), centred on the item's position."""
        if self.neuron_mode:
            height = (style.HEADER_HEIGHT + style.BODY_PADDING
                      + self.node.units * style.NEURON_SPACING + FOOTER_HEIGHT)
            width = style.NODE_WIDTH
        else:
            height = style.HEADER_HEIGHT + BLOCK_BODY_HEIGHT
            width = style.BLOCK_WIDTH
        return QRectF(-width / 2, -height / 2, width, height)

    def boundingRect(self) -> QRectF:
        rect = self.body_rect().adjusted(-4, -10, 6, 6)
        if self._overlay is not None:
            rect.adjust(-OVERLAY_MARGIN, 0, OVERLAY_MARGIN, 0)
        if self._thumbnail is not None:
            rect.setBottom(rect.bottom() + style.THUMBNAIL_SIZE + 10)
        return rect

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.body_rect(), 8, 8)
        if self._thumbnail is not None:
            path.addRect(self._thumbnail_rect())
        return path

    def neuron_center(self, j: int) -> QPointF:
        """Local centre of neuron ``j`` (neuron mode only)."""
        top = self.body_rect().top() + style.HEADER_HEIGHT + style.BODY_PADDING
        return QPointF(0.0, top + (j + 0.5) * style.NEURON_SPACING)

    def anchor(self, direction: str, j: int | None = None) -> QPointF:
        """Scene point where a connection leaves (``"out"``) or enters (``"in"``) the node:
        the port, or the border beside neuron ``j`` in neuron mode."""
        x = self.body_rect().right() if direction == "out" else self.body_rect().left()
        if j is None or not self.neuron_mode:
            port = self.out_port if direction == "out" else self.in_port
            return self.mapToScene(QPointF(x, port.pos().y()))
        return self.mapToScene(QPointF(x, self.neuron_center(j).y()))

    def neuron_at(self, scene_pos: QPointF) -> int | None:
        if not self.neuron_mode:
            return None
        local = self.mapFromScene(scene_pos)
        for j in range(self.node.units):
            delta = local - self.neuron_center(j)
            if delta.x() ** 2 + delta.y() ** 2 <= (style.NEURON_RADIUS + 2) ** 2:
                return j
        return None

    def _thumbnail_rect(self) -> QRectF:
        size = style.THUMBNAIL_SIZE
        return QRectF(-size / 2, self.body_rect().bottom() + 8, size, size)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painted = {}
        rect = self.body_rect()
        color = QColor(theme.kind_color(self.node.kind))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 28))
        painter.drawRoundedRect(rect.translated(1.5, 2.5), 8, 8)
        painter.setBrush(QColor(theme.BODY))
        painter.setPen(QPen(self._border_color(color), self._border_width()))
        if self._drop_hint == "refuse":
            painter.setPen(QPen(QColor(theme.PROBLEM), 2.5, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(rect, 8, 8)
        paint_header(painter, rect, color, style.node_label(self.node))
        if self.neuron_mode:
            units = range(self.node.units)
            self.painted = paint_neurons(
                painter, rect, color, self.node.kind, [self.neuron_center(j) for j in units],
                [self._bias(j) for j in units], self._labels, self._overlay, self._summary())
        else:
            self.painted = paint_block(
                painter, rect, self._overlay, self.tr("%n units", "", self.node.units),
                str(self.node.units), self._summary())
        if self._problems:
            paint_badge(painter, rect)
        if self._thumbnail is not None:
            paint_thumbnail(painter, self._thumbnail_rect(), self._thumbnail)

    def _border_color(self, color: QColor) -> QColor:
        if self._drop_hint == "accept":
            return QColor(theme.ACCEPT)
        if self._overlay is not None and self._overlay.current:
            return QColor(self._overlay.accent)
        if self.isSelected():
            return QColor(theme.SELECTION)
        if self._problems:
            return QColor(theme.PROBLEM)
        return color.lighter(130)

    def _border_width(self) -> float:
        current = self._overlay is not None and self._overlay.current
        return 3.0 if (self._drop_hint or self.isSelected() or current) else 1.5

    def _summary(self, with_units: bool = False) -> str:
        node = self.node
        if node.kind == "input":
            return (self.tr("{n} feature") if node.units == 1 else self.tr("{n} features")).format(
                n=node.units)
        parts = [activations.title(node.activation)]  # "ReLU", "시그모이드"
        if with_units:
            parts.insert(0, str(node.units))
        if node.batch_norm:
            parts.append("BN")
        if node.dropout:
            parts.append(self.tr("drop {ratio}").format(ratio=f"{node.dropout:g}"))
        return " · ".join(parts)

    def _bias(self, j: int) -> float | None:
        if self._biases is None or j >= len(self._biases):
            return None
        return float(self._biases[j])

    # ------------------------------------------------------------------ tooltips, editing
    def _node_tooltip(self) -> str:
        node = self.node
        head = self.tr("<b>{label}</b> — {kind} node, {n} unit") if node.units == 1 else self.tr(
            "<b>{label}</b> — {kind} node, {n} units")
        lines = [head.format(label=escape(style.node_label(node), quote=False),
                             kind=style.kind_title(node.kind), n=node.units),
                 style.kind_help(node.kind)]
        if node.kind != "input" and node.activation in activations.NAMES:
            lines.append(f"<i>{activations.title(node.activation)}</i>: "
                         f"{activations.describe(node.activation)}")
        if self._overlay is not None and self._overlay.caption:  # shown elided if it is long
            lines.append(theme.coloured(self._overlay.caption, self._overlay.accent))
        lines.extend(theme.coloured("⚠ " + p, theme.PROBLEM) for p in self._problems)
        lines.extend(theme.coloured("→ " + p, theme.STEP_TEXT) for p in self._steps)
        return "<br>".join(line for line in lines if line)

    def neuron_tooltip(self, j: int) -> str:
        name = style.node_label(self.node)
        label = self._labels[j] if j < len(self._labels) else self.tr("unit {n}").format(n=j + 1)
        if self.node.kind == "input":
            return self.tr("{node}, {feature}: a data feature fed into the network.").format(
                node=name, feature=label)
        bias = self._bias(j)
        value = "—" if bias is None else f"{bias:.4g}"
        return self.tr("{node}, {unit}: bias b[{j}] = {value}<br>The bias shifts the neuron's "
                       "threshold: z = Σ x·w + b. Double-click to type a new value.").format(
            node=name, unit=self.unit_words(j), j=j, value=value)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        j = self.neuron_at(event.scenePos())
        if j is not None:
            self.setToolTip(self.neuron_tooltip(j))
        elif self._thumbnail is not None and self._thumbnail_rect().contains(event.pos()):
            tip = self._thumbnail.text("tooltip")  # marked where the picture is made
            self.setToolTip(translate("HeatMap", tip) if tip else self.tr(THUMBNAIL_TIP))
        else:
            self.setToolTip(self._node_tooltip())
        super().hoverMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        j = self.neuron_at(event.scenePos())
        if j is not None and self.node.kind != "input":
            self._host.edit_bias(self.node.id, j, event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._host.node_item_moved(self)
        return super().itemChange(change, value)
