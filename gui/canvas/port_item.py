"""A node card's connection point (the card itself is :mod:`gui.canvas.node_item`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsSceneHoverEvent

from gui import theme
from gui.canvas import style
from gui.i18n import translate

if TYPE_CHECKING:
    from gui.canvas.node_item import NodeItem


class PortItem(QGraphicsEllipseItem):
    """A connection point: ``"out"`` on the right edge, ``"in"`` on the left edge."""

    def __init__(self, node_item: NodeItem, direction: str) -> None:
        r = style.PORT_RADIUS
        super().__init__(-r, -r, 2 * r, 2 * r, node_item)
        self.node_item = node_item
        self.direction = direction
        self.setAcceptHoverEvents(True)
        self.setZValue(2)
        self.set_hover(False)
        self.setToolTip(self.tooltip())

    def tooltip(self) -> str:
        """What the port is for, in the window's language (set again on each hover)."""
        if self.direction == "out":
            return translate("PortItem",
                             "Output port: drag from here onto another node to connect them.")
        return translate("PortItem",
                         "Input port: drop a connection from another node's output port here.")

    def set_hover(self, hover: bool) -> None:
        color = QColor(theme.kind_color(self.node_item.node.kind))
        self.setBrush(QBrush(color if hover else QColor(theme.BODY)))
        self.setPen(QPen(color, 2.0))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.set_hover(True)
        self.setToolTip(self.tooltip())
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.set_hover(False)
        super().hoverLeaveEvent(event)
