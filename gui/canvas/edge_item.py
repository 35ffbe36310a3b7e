"""A connection on the canvas. Between two small nodes it draws every weight as its own curve
(colour = sign, width = size); otherwise one curve from port to port labelled with the matrix
shape. Hovering a weight shows its value; double-clicking one edits it."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from gui import theme
from gui.canvas import style
from gui.canvas.node_item import NodeItem
from gui.canvas.overlay import MAX_LABEL_HEIGHT, EdgeOverlay, draw_label, label_height, spread
from gui.i18n import translate

HIT_WIDTH = 7.0
#: where an overlay's caption on a block connection starts, below the connection's middle:
#: under the gradient bar that hangs there (gradient_bars.EDGE_BAR_GAP + EDGE_BAR_HEIGHT, 16),
#: which hid a centred caption
CAPTION_TOP = 19.0
MAGNITUDE_SAMPLE = 65_536  # weights a block's mean |w| is taken from, at most
#: how far a matrix-shape label keeps from a card's side: its port's radius and pen, and 1
PORT_CLEARANCE = style.PORT_RADIUS + 2.0
SHAPE_PADDING = (10.0, 4.0)  # a matrix-shape label's width beyond its text: roomy, then tight


def curve(a: QPointF, b: QPointF) -> QPainterPath:
    """A smooth S-curve leaving ``a`` and entering ``b`` horizontally."""
    path = QPainterPath(a)
    bend = max(abs(b.x() - a.x()) * 0.5, 30.0)
    path.cubicTo(QPointF(a.x() + bend, a.y()), QPointF(b.x() - bend, b.y()), b)
    return path


class EdgeHost(Protocol):
    """What an edge item asks of the scene it is drawn in."""

    def edit_weight(self, edge_id: str, i: int, j: int, pos: QPointF) -> object:
        """Open an editor for weight (i, j) of ``edge_id`` at scene point ``pos``."""


class EdgeItem(QGraphicsItem):
    """The picture of one edge; the scene calls :meth:`update_geometry` when a node moves."""

    def __init__(self, edge_id: str, src: NodeItem, dst: NodeItem, host: EdgeHost) -> None:
        super().__init__()
        self.edge_id = edge_id
        self._host = host
        self.src = src
        self.dst = dst
        self._weights: np.ndarray | None = None
        self._magnitude: float | None = None  # the weights' mean |w|, once they are painted
        self._paths: list[tuple[int, int, QPainterPath]] = []
        self._hits: list[QPainterPath] = []
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self._overlay: EdgeOverlay | None = None
        #: its texts as last painted ("shape": the matrix shape, "caption": an overlay's)
        self.painted: dict[str, style.PaintedText] = {}
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(-1)
        self.update_geometry()

    # ------------------------------------------------------------------ state from the scene
    def set_weights(self, weights: np.ndarray | None, redraw: bool = True) -> None:
        """New weights; without ``redraw`` the scene draws the connection again
        (gui.canvas.off_screen)."""
        # The document hands out read-only views of arrays it replaces rather than changes:
        # kept as they are (a copy of 2000×2000 weights took 15 ms at each edit); others copied.
        self._weights = None if weights is None else (
            np.array(weights) if weights.flags.writeable else weights)
        self._magnitude = None
        if redraw:
            self.update()

    def magnitude(self) -> float:
        """The weights' mean |w| (0 without weights), which sets a block's line width: worked
        out once per set of weights, from at most :data:`MAGNITUDE_SAMPLE` evenly spaced
        weights (every paint of a 2000×2000 block took 30 ms of the GUI thread for it)."""
        if self._magnitude is None:
            w = self._weights
            if w is None or not w.size:
                self._magnitude = 0.0
            else:
                flat = w.reshape(-1)
                step = -(-flat.size // MAGNITUDE_SAMPLE)  # ceil: 1 keeps every weight
                self._magnitude = float(np.mean(np.abs(flat[::step])))
        return self._magnitude

    @property
    def weights(self) -> np.ndarray | None:
        return self._weights

    def set_overlay(self, overlay: EdgeOverlay | None) -> None:
        """Numbers drawn on the connection for a while (None: the usual picture)."""
        if overlay != self._overlay:
            self._overlay = overlay
            self.update()

    @property
    def overlay(self) -> EdgeOverlay | None:
        return self._overlay

    @property
    def per_weight(self) -> bool:
        return self.src.neuron_mode and self.dst.neuron_mode

    def weight(self, i: int, j: int) -> float | None:
        w = self._weights
        if w is None or w.ndim != 2 or i >= w.shape[0] or j >= w.shape[1]:
            return None
        return float(w[i, j])

    def update_geometry(self) -> None:
        self.prepareGeometryChange()
        if self.per_weight:
            self._paths = [(i, j, curve(self.src.anchor("out", i), self.dst.anchor("in", j)))
                           for i in range(self.src.node.units) for j in range(self.dst.node.units)]
        else:
            self._paths = [(-1, -1, curve(self.src.anchor("out"), self.dst.anchor("in")))]
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        self._hits = [stroker.createStroke(path) for _, _, path in self._paths]
        self._shape = QPainterPath()
        for hit in self._hits:
            self._shape.addPath(hit)
        # Room for overlay labels stacked around the middle (see _paint_overlay).
        room = (8 + len(self._paths) * (MAX_LABEL_HEIGHT + 1) / 2 if self.per_weight
                else CAPTION_TOP + 2 * MAX_LABEL_HEIGHT + 2)  # a caption's two lines
        side = 40 * style.MAX_TEXT_GROWTH  # a label's half width, grown at a small zoom
        self._bounds = self._shape.boundingRect().adjusted(-side, -room, side, room)
        for child in self.childItems():  # what hangs at the middle (the gradient bar)
            child.setPos(self.midpoint())
        self.update()

    def midpoint(self) -> QPointF:
        """The middle of the port-to-port curve (where the matrix shape is drawn)."""
        return curve(self.src.anchor("out"), self.dst.anchor("in")).pointAtPercent(0.5)

    # ------------------------------------------------------------------ geometry and painting
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painted = {}
        if self.isSelected():
            painter.setPen(QPen(QColor(theme.SELECTION), 1.0))
            painter.setBrush(QBrush(QColor(theme.SELECTION).lighter(150)))
            painter.drawPath(self._shape)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.per_weight:
            # Strong weights last, so they are drawn on top of the faint ones.
            for i, j, path in sorted(self._paths, key=lambda p: abs(self.weight(p[0], p[1]) or 0)):
                value = self.weight(i, j)
                if value is None:
                    painter.setPen(QPen(QColor(theme.NEUTRAL_EDGE), 1.0))
                else:
                    painter.setPen(QPen(style.weight_color(value), style.weight_width(value),
                                        Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
                painter.drawPath(path)
        else:
            self._paint_block(painter, self._overlay)
        if self._overlay is not None:
            self._paint_overlay(painter, self._overlay)

    def _paint_overlay(self, painter: QPainter, overlay: EdgeOverlay) -> None:
        """The overlay's numbers at the middle of their curves, pushed apart where curves
        cross (in row-major order, as the inspector's matrix reads)."""
        if overlay.current and self.per_weight:  # a block's: under its shape (_paint_block)
            _paint_current(painter, overlay, [path for _, _, path in self._paths])
        if self.per_weight and overlay.labels:
            middles = [path.pointAtPercent(0.5) for _, _, path in self._paths]
            ys = spread([m.y() for m in middles], label_height(painter) + 1)
            for middle, y, text in zip(middles, ys, overlay.labels, strict=False):
                draw_label(painter, QPointF(middle.x(), y), text, overlay.accent)
        elif overlay.caption:  # under the gradient bar, its lines centred
            lines = overlay.caption.count("\n") + 1
            below = CAPTION_TOP + label_height(painter) * lines / 2
            self.painted["caption"] = draw_label(
                painter, self._paths[0][2].pointAtPercent(0.5) + QPointF(0, below),
                overlay.caption, overlay.accent)

    def _paint_block(self, painter: QPainter, overlay: EdgeOverlay | None) -> None:
        path = self._paths[0][2]
        mean = self.magnitude()
        painter.setPen(QPen(QColor(theme.NEUTRAL_EDGE), 1.5 + min(mean * 6, 3.0),
                            Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(path)
        end = path.pointAtPercent(1.0)
        painter.setBrush(QColor(theme.NEUTRAL_EDGE))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(QPolygonF([end, end + QPointF(-10, -5), end + QPointF(-10, 5)]))
        if overlay is not None and overlay.current:  # under the shape, which stays readable
            _paint_current(painter, overlay, [path])
        box = self._shape_box(painter, path.pointAtPercent(0.5))
        if box is None:  # no room clear of the cards: the tooltip and inspector say the shape
            return
        text = self._shape_text()
        painter.setBrush(QColor(theme.BODY))
        painter.setPen(QPen(QColor(theme.BORDER), 1.0))
        painter.drawRoundedRect(box, 9, 9)
        painter.setPen(QColor(theme.MUTED_TEXT))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        self.painted["shape"] = style.PaintedText(
            text, box, style.screen_pixels(painter, painter.font().pointSizeF()))

    def _shape_text(self) -> str:
        return f"{self.src.node.units}×{self.dst.node.units}"

    def _shape_box(self, painter: QPainter, mid: QPointF) -> QRectF | None:
        """Where the matrix shape goes at ``mid`` (the painter's font set for it): a box clear
        of both cards and their ports, which are drawn over the connection (close cards hid
        "784×50" under their ports) — on the line, else just above it between the cards'
        borders, roomy or with less padding, its font smaller (8 pt at least) when grown by
        the zoom; None when none of these fits."""
        font = style.legible_font(painter, 8.0)
        painter.setFont(font)
        text = self._shape_text()
        hiders = [self.mapRectFromScene(rect) for card in (self.src, self.dst)
                  for rect in _card_areas(card)]
        room = self.dst.anchor("in").x() - self.src.anchor("out").x() - 2 * PORT_CLEARANCE
        advance = painter.fontMetrics().horizontalAdvance(text)
        if advance + SHAPE_PADDING[-1] > room and font.pointSizeF() > 8.0:  # grown by the zoom
            font.setPointSizeF(max(8.0, font.pointSizeF() * room / (advance + SHAPE_PADDING[-1])))
            painter.setFont(font)
            advance = painter.fontMetrics().horizontalAdvance(text)
        height = max(18.0, painter.fontMetrics().height() + 4)
        for rise in (0.0, height / 2 + PORT_CLEARANCE):
            for padding in SHAPE_PADDING:
                width = advance + padding
                box = QRectF(mid.x() - width / 2, mid.y() - rise - height / 2, width, height)
                if not any(box.intersects(rect) for rect in hiders):
                    return box
        return None

    # ------------------------------------------------------------------ hover and editing
    def weight_at(self, scene_pos: QPointF) -> tuple[int, int] | None:
        """The (i, j) of the weight curve under ``scene_pos``; the strongest if several."""
        if not self.per_weight:
            return None
        local = self.mapFromScene(scene_pos)
        found = [(abs(self.weight(i, j) or 0.0), i, j)
                 for (i, j, _), hit in zip(self._paths, self._hits, strict=True)
                 if hit.contains(local)]
        if not found:
            return None
        _, i, j = max(found)
        return i, j

    def weight_point(self, i: int, j: int) -> QPointF:
        """A scene point on weight (i, j)'s curve where it is apart from the others (curves of
        mirrored weights cross half-way, so not there)."""
        for a, b, path in self._paths:
            if (a, b) == (i, j):
                return self.mapToScene(path.pointAtPercent(0.35))
        raise KeyError((i, j))

    def tooltip_at(self, scene_pos: QPointF) -> str:
        src, dst = self.src.node, self.dst.node
        hit = self.weight_at(scene_pos)
        if hit is not None:
            i, j = hit
            value = self.weight(i, j)
            shown = "—" if value is None else f"{value:.4g}"
            return translate(
                "EdgeItem", "weight w[{i},{j}] = {value}<br>from {src} unit {a} to {dst} unit "
                "{b}.<br><span style='color:{muted}'>Blue is positive, orange negative, thicker "
                "is larger. Double-click to type a value.</span>").format(
                i=i, j=j, value=shown, src=style.node_label(src), a=i + 1,
                dst=style.node_label(dst), b=j + 1, muted=theme.MUTED_TEXT)
        return translate(
            "EdgeItem", "{src} → {dst}: a {rows}×{cols} weight matrix. Select it to see its heat "
            "map and statistics in the inspector.").format(
            src=style.node_label(src), dst=style.node_label(dst), rows=src.units, cols=dst.units)

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self.tooltip_at(event.scenePos()))
        super().hoverMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        hit = self.weight_at(event.scenePos())
        if hit is not None:
            self._host.edit_weight(self.edge_id, hit[0], hit[1], event.scenePos())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


def _card_areas(card: NodeItem) -> list[QRectF]:
    """What of a card hides a connection drawn under it (scene): its body with the thumbnail
    under it, and its ports, which stand out of its sides."""
    return [card.mapRectToScene(card.shape().boundingRect()),
            card.in_port.sceneBoundingRect(), card.out_port.sceneBoundingRect()]


def _paint_current(painter: QPainter, overlay: EdgeOverlay, paths: list[QPainterPath]) -> None:
    """The connections of the step on show: dashed in the overlay's accent."""
    painter.setPen(QPen(QColor(overlay.accent), 2.0, Qt.PenStyle.DashLine))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for path in paths:
        painter.drawPath(path)
