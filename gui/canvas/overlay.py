"""Numbers and colours another part of the window lays over the canvas for a while (Explain's
forward and backward values), without touching the document: the scene hands one overlay to
each item (:meth:`gui.canvas.scene.CanvasScene.show_values`), the item draws it on top of its
usual picture, and :meth:`~gui.canvas.scene.CanvasScene.clear_values` takes them all away."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from gui import theme

LABEL_HEIGHT = 12.0  # a number's box on the canvas; stacked labels keep this far apart


@dataclass(frozen=True)
class NodeOverlay:
    """``left``/``right``: a short text per unit beside its neuron (z or δ on the incoming
    side, a or ∂L/∂a on the outgoing side); ``fills``: a colour per unit (the first also tints
    a large node's block); ``caption`` replaces the footer (or a block's summary);
    ``current``: the node the shown step is at, drawn with a border in ``accent``."""

    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    fills: tuple[QColor, ...] = ()
    caption: str = ""
    current: bool = False
    accent: str = theme.FORWARD_VALUE


@dataclass(frozen=True)
class EdgeOverlay:
    """``labels``: one text per weight in row-major order (source unit, then destination
    unit), drawn on a connection that shows every weight; ``caption`` replaces a block
    connection's shape label; both in ``accent``; ``current`` thickens the connection."""

    labels: tuple[str, ...] = ()
    caption: str = ""
    current: bool = False
    accent: str = theme.FORWARD_VALUE


def draw_label(painter: QPainter, centre: QPointF, text: str, color: str,
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> None:
    """``text`` in a small white box (readable over curves and neurons): centred on
    ``centre``, or with its left or right edge there. The painter's pen, brush and font are
    left as they were."""
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(7.0)
    font.setBold(False)
    painter.setFont(font)
    width = painter.fontMetrics().horizontalAdvance(text) + 6
    left = {Qt.AlignmentFlag.AlignLeft: centre.x(),
            Qt.AlignmentFlag.AlignRight: centre.x() - width}.get(align, centre.x() - width / 2)
    box = QRectF(left, centre.y() - LABEL_HEIGHT / 2, width, LABEL_HEIGHT)
    painter.setPen(QPen(QColor(color), 0.8))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 3, 3)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def spread(ys: list[float], gap: float = LABEL_HEIGHT + 1) -> list[float]:
    """The same positions, in the same order, pushed apart to at least ``gap`` and centred
    where they were (labels of weights whose curves cross stay readable)."""
    if not ys:
        return []
    order = sorted(range(len(ys)), key=lambda k: (ys[k], k))
    placed = [ys[order[0]]]
    for k in order[1:]:
        placed.append(max(ys[k], placed[-1] + gap))
    shift = (sum(ys) - sum(placed)) / len(ys)
    result = [0.0] * len(ys)
    for k, y in zip(order, placed, strict=True):
        result[k] = y + shift
    return result
