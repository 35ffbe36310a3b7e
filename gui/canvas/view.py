"""The canvas view: wheel zoom under the mouse, panning, fit-to-view, a light grid, and drops
from the palette."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from gui import theme
from gui.widgets import draw_focus_frame

#: MIME type the palette puts on a drag; the payload is the node kind (``b"hidden"``)
NODE_MIME = "application/x-netcanvas-node-kind"
MIN_ZOOM, MAX_ZOOM, FIT_MAX_ZOOM = 0.15, 4.0, 1.25
GRID, MAJOR_EVERY = 20, 5
#: the part of the plane the view can show (and the arrow keys move nodes within); it grows
#: to reach nodes a file or the Python API placed beyond it (REACH_MARGIN around them)
CANVAS_RECT = QRectF(-20000, -20000, 40000, 40000)
REACH_MARGIN = 2000


class CanvasView(QGraphicsView):
    """Left-drag on empty canvas selects (rubber band); middle-drag or Space+drag pans."""

    node_dropped = Signal(str, QPointF)  # kind, scene position
    zoom_changed = Signal(float)

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        # no CacheBackground for the grid: it crashed a later repaint (docs/qt-notes.md §11)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSceneRect(CANVAS_RECT)
        scene.sceneRectChanged.connect(self._reach)
        self.setAcceptDrops(True)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._pan_from: QPoint | None = None
        self._space = False

    def paintEvent(self, event: QPaintEvent) -> None:
        # what changed while off screen is drawn anew as it comes on screen (off_screen.py)
        drawing = getattr(self.scene(), "drawing", None)
        if drawing is not None:
            drawing.draw_stale(self.mapToScene(event.rect()).boundingRect())
        super().paintEvent(event)

    def _reach(self, items: QRectF) -> None:
        """Grow the scrollable part to hold every item (the scene's own rect, which follows
        them): a 300-layer chain from the Python API reaches x = 60,000, and nodes past the
        canvas's 20,000 could not be scrolled to, nor shown whole by Zoom to Fit."""
        grown = items.adjusted(-REACH_MARGIN, -REACH_MARGIN, REACH_MARGIN, REACH_MARGIN)
        self.setSceneRect(CANVAS_RECT.united(grown))

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self.scale(factor / self.zoom, factor / self.zoom)
        self.zoom_changed.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.set_zoom(self.zoom * math.pow(1.15, steps))
        event.accept()

    def fit_to_view(self) -> None:
        """Show every node, never zooming in beyond 125 %."""
        rect = self.scene().itemsBoundingRect()
        if rect.isEmpty():
            self.resetTransform()
            self.centerOn(0, 0)
        else:
            self.fitInView(rect.adjusted(-40, -40, 40, 40), Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom > FIT_MAX_ZOOM:
                self.set_zoom(FIT_MAX_ZOOM)
            self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom)

    # ------------------------------------------------------------------ panning
    def _start_pan(self, event: QMouseEvent) -> bool:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return True
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._start_pan(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self.translate_view(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def translate_view(self, dx: float, dy: float) -> None:
        """Move the picture by (dx, dy) pixels."""
        self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - dx))
        self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - dy))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ grid
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor(theme.BACKGROUND))
        step = GRID if self.zoom >= 0.5 else GRID * MAJOR_EVERY
        left = math.floor(rect.left() / step) * step
        top = math.floor(rect.top() / step) * step
        minor, major = QPen(QColor(theme.GRID_MINOR), 0), QPen(QColor(theme.GRID_MAJOR), 0)
        x = left
        while x <= rect.right():
            painter.setPen(major if round(x / GRID) % MAJOR_EVERY == 0 else minor)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))
            x += step
        y = top
        while y <= rect.bottom():
            painter.setPen(major if round(y / GRID) % MAJOR_EVERY == 0 else minor)
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            y += step

    # ------------------------------------------------------------------ focus
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The focus border, over the picture's edge (a frame would make the view smaller,
        and zoom to fit with it)."""
        super().drawForeground(painter, rect)
        if self.hasFocus():
            painter.save()
            painter.resetTransform()  # the viewport's pixels
            draw_focus_frame(painter, self, self.viewport().rect())
            painter.restore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():  # the scrolled pixels carried the border along: draw it again
            self.viewport().update()

    # ------------------------------------------------------------------ drops from the palette
    def _is_node_drag(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        return event.mimeData().hasFormat(NODE_MIME)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._is_node_drag(event):
            event.acceptProposedAction()
        else:  # a file: the window takes it (gui/file_drops.py)
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._is_node_drag(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._is_node_drag(event):
            kind = bytes(event.mimeData().data(NODE_MIME).data()).decode("ascii", "replace")
            self.node_dropped.emit(kind, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
        else:
            super().dropEvent(event)
