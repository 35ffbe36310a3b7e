"""Numbers and colours another part of the window lays over the canvas for a while (Explain's
forward and backward values), without touching the document: the scene hands one overlay to
each item (:meth:`gui.canvas.scene.CanvasScene.show_values`), the item draws it on top of its
usual picture, and :meth:`~gui.canvas.scene.CanvasScene.clear_values` takes them all away."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gui import theme
from gui.canvas.style import (
    MAX_TEXT_GROWTH,
    PaintedText,
    legible_font,
    screen_pixels,
    text_growth,
)

LABEL_POINTS = 7.0  # a number's size on the canvas (larger when zoomed out: style.legible_font)
LABEL_HEIGHT = 12.0  # a number's box at that size; stacked labels keep this far apart
#: the most room a label may take (text grown to be read at a small zoom): items keep it free
MAX_LABEL_HEIGHT = LABEL_HEIGHT * MAX_TEXT_GROWTH


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
               align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> PaintedText:
    """``text`` in a small white box (readable over curves and neurons): centred on
    ``centre``, or with its left or right edge there; one line per ``\n``; returns what it
    painted. The painter's pen, brush and font are left as they were."""
    painter.save()
    painter.setFont(legible_font(painter, LABEL_POINTS))
    lines = text.split("\n")
    width = max(painter.fontMetrics().horizontalAdvance(line) for line in lines) + 6
    height = label_height(painter) * len(lines)
    left = {Qt.AlignmentFlag.AlignLeft: centre.x(),
            Qt.AlignmentFlag.AlignRight: centre.x() - width}.get(align, centre.x() - width / 2)
    box = QRectF(left, centre.y() - height / 2, width, height)
    painter.setPen(QPen(QColor(color), 0.8))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 3, 3)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    pixels = screen_pixels(painter, painter.font().pointSizeF())
    painter.restore()
    return PaintedText(text, box, pixels)


def label_height(painter: QPainter) -> float:
    """The height of a label's box as ``painter`` draws it (taller where its text grows)."""
    return LABEL_HEIGHT * text_growth(painter, LABEL_POINTS)


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
