"""How a node card is painted, part by part: the coloured header with the node's name, the
neurons (tinted by their biases, with an overlay's numbers and the features' names beside
them), the block of a large node, the problem badge and the decision-boundary thumbnail.

Each helper paints what it is handed and returns the texts it painted; the card
(:mod:`gui.canvas.node_item`) decides what to show."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from gui import theme
from gui.canvas import style
from gui.canvas.overlay import NodeOverlay, draw_label

#: The footer's band under the neurons: a line of its 8 pt text as large as the zoom grows it
#: (style.MAX_TEXT_GROWTH: 12.8 pt, 19.8 units in DejaVu Sans; 16 clipped it at 60 %)
FOOTER_HEIGHT = 20.0


def paint_header(painter: QPainter, rect: QRectF, color: QColor, label: str) -> None:
    """The card's top band in the kind's colour, the node's ``label`` elided to fit."""
    header = QPainterPath()
    header.addRoundedRect(rect.adjusted(1, 1, -1, 0), 7, 7)
    clip = QPainterPath()
    clip.addRect(QRectF(rect.left(), rect.top(), rect.width(), style.HEADER_HEIGHT))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(header.intersected(clip))
    painter.setFont(style.legible_font(painter, 9.0, bold=True))
    painter.setPen(QColor("white"))
    text_rect = QRectF(rect.left() + 8, rect.top(), rect.width() - 16, style.HEADER_HEIGHT)
    text = painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight,
                                            int(text_rect.width()))
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                     text)


def paint_neurons(painter: QPainter, rect: QRectF, color: QColor, kind: str,
                  centres: Sequence[QPointF], biases: Sequence[float | None],
                  labels: Sequence[str], overlay: NodeOverlay | None,
                  summary: str) -> dict[str, style.PaintedText]:
    """A circle per neuron at ``centres`` with its axons, its bias tint (or the overlay's
    fill), the overlay's numbers left and right, the features' ``labels``, and the footer
    (the overlay's caption, else ``summary``)."""
    painted = {}
    r = style.NEURON_RADIUS
    axon = QPen(QColor(theme.BORDER), 1.0)
    painter.setFont(style.legible_font(painter, 8.0))
    overlay = overlay or NodeOverlay()
    for j, c in enumerate(centres):
        painter.setPen(axon)
        if kind != "input":
            painter.drawLine(QPointF(rect.left(), c.y()), QPointF(c.x() - r, c.y()))
        if kind != "output":
            painter.drawLine(QPointF(c.x() + r, c.y()), QPointF(rect.right(), c.y()))
        bias = biases[j]
        if j < len(overlay.fills):
            painter.setBrush(overlay.fills[j])
        else:
            painter.setBrush(style.bias_fill(bias) if bias is not None
                             else QColor(theme.EMPTY_NEURON))
        painter.setPen(QPen(color, 1.6))
        painter.drawEllipse(c, r, r)
        if j < len(overlay.left):
            painted[f"left {j}"] = draw_label(
                painter, QPointF(c.x() - r - 2, c.y()), overlay.left[j], overlay.accent,
                Qt.AlignmentFlag.AlignRight)
        if j < len(overlay.right):
            painted[f"right {j}"] = draw_label(
                painter, QPointF(c.x() + r + 2, c.y()), overlay.right[j], overlay.accent,
                Qt.AlignmentFlag.AlignLeft)
        if j < len(labels):
            painter.setPen(QColor(theme.MUTED_TEXT))
            label_rect = QRectF(rect.left() + 6, c.y() - 9, c.x() - r - rect.left() - 10, 18)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, labels[j])
    footer = QRectF(rect.left(), rect.bottom() - FOOTER_HEIGHT - 2, rect.width(),
                    FOOTER_HEIGHT)
    painted["footer"] = style.draw_footer(
        painter, footer, overlay.caption or summary,
        overlay.accent if overlay.caption else theme.MUTED_TEXT)
    return painted


def paint_block(painter: QPainter, rect: QRectF, overlay: NodeOverlay | None, units: str,
                number: str, summary: str) -> dict[str, style.PaintedText]:
    """A large node's body: its size (``units``, "100 units") over the footer; returns both
    texts as painted. The footer's line stands on the body's bottom and the size is centred
    above it, made smaller if the zoom grew it taller than that room: zoomed out, both grew
    (:func:`style.legible_font`) and "뉴런 100개" was drawn over its "ReLU". Grown wider than
    the card, the size is the bare ``number`` ("100"; the tooltip says the rest), which keeps
    it legible where shrinking "100 units" to fit would not."""
    body = QRectF(rect.left(), rect.top() + style.HEADER_HEIGHT, rect.width(),
                  rect.height() - style.HEADER_HEIGHT)
    overlay = overlay or NodeOverlay()
    if overlay.fills:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(overlay.fills[0])
        painter.drawRect(body.adjusted(2, 0, -2, -2))
    footer_font = style.legible_font(painter, 8.0)
    line = QFontMetricsF(footer_font, painter.device()).height()
    footer = QRectF(body.left(), body.bottom() - 2 - line, body.width(), line)
    room = QRectF(body.left() + 6, body.top() + 2, body.width() - 12,
                  footer.top() - body.top() - 2)
    font = style.legible_font(painter, 12.0, bold=True)
    metrics = QFontMetricsF(font, painter.device())
    if metrics.height() > room.height():
        font.setPointSizeF(font.pointSizeF() * room.height() / metrics.height())
        metrics = QFontMetricsF(font, painter.device())
    if metrics.horizontalAdvance(units) > room.width():  # at 40 % it read "L00 units"
        units = number
    if metrics.horizontalAdvance(units) > room.width():
        font.setPointSizeF(font.pointSizeF() * room.width() / metrics.horizontalAdvance(units))
        metrics = QFontMetricsF(font, painter.device())
    painter.setFont(font)
    painter.setPen(QColor(theme.TEXT))
    painter.drawText(room, Qt.AlignmentFlag.AlignCenter, units)
    width = metrics.horizontalAdvance(units)
    painted = {"units": style.PaintedText(units, QRectF(
        room.center().x() - width / 2, room.center().y() - metrics.height() / 2, width,
        metrics.height()), style.screen_pixels(painter, font.pointSizeF()))}
    painter.setFont(footer_font)
    painted["footer"] = style.draw_footer(
        painter, footer, overlay.caption or summary,
        overlay.accent if overlay.caption else theme.MUTED_TEXT)
    return painted


def paint_badge(painter: QPainter, rect: QRectF) -> None:
    """The red "!" on the card's top-right corner: the node has problems."""
    centre = QPointF(rect.right() - 2, rect.top() + 2)
    painter.setPen(QPen(QColor("white"), 1.5))
    painter.setBrush(QColor(theme.PROBLEM))
    painter.drawEllipse(centre, 8, 8)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(9.0)
    painter.setFont(font)
    painter.drawText(QRectF(centre.x() - 8, centre.y() - 8, 16, 16),
                     Qt.AlignmentFlag.AlignCenter, "!")


def paint_thumbnail(painter: QPainter, target: QRectF, image: QImage) -> None:
    """The decision-boundary picture under the card, framed."""
    painter.drawImage(target, image)
    painter.setPen(QPen(QColor(theme.BORDER), 1.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)
