"""Gradient flow on the canvas: a small bar above each trained node while training runs (and
when the timeline shows a past epoch), its length the gradient norm on a log scale, with the
words "vanishing" or "exploding" when :mod:`core.training.gradient_flow` flags the node; and a
smaller bar at the middle of each connection, the norm of that connection's own weight
gradient (√Σ(∂L/∂W)², the snapshot's ``gradient_norms`` under
:func:`~core.training.snapshot.edge_key`) on the same scale.

The bars are child items of the node and edge items (they move with them; their own drawing is
left alone), fed by :class:`GradientFlowOverlay`, which takes frames like a live panel does.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from core.training.gradient_flow import NodeFlow
from core.training.snapshot import edge_key
from gui import theme
from gui.canvas.edge_item import EdgeItem
from gui.canvas.node_item import NodeItem
from gui.canvas.scene import CanvasScene
from gui.i18n import translate
from gui.training.frames import FLOW, Frame

BAR_WIDTH = 60.0
BAR_HEIGHT = 5.0
EDGE_BAR_WIDTH = 36.0
EDGE_BAR_HEIGHT = 4.0
EDGE_BAR_GAP = 12.0  # below the connection's middle, clear of the matrix-shape label
LOW, HIGH = -6.0, 2.0  # log10 of the norms the bar spans: 1e-6 … 100
#: bars made in one turn of the event loop: a chain of 300 one-unit nodes' 600, made with
#: the first frame, held the GUI thread 30 ms and its first paint (Qt indexing them) 40 ms more
NEW_BARS = 100
FLAG_COLORS = {"": theme.GRADIENT, "vanishing": theme.POSITIVE, "exploding": theme.PROBLEM}
FLAG_WORDS = {"vanishing": QT_TRANSLATE_NOOP("GradientBar", "vanishing"),
              "exploding": QT_TRANSLATE_NOOP("GradientBar", "exploding")}


def bar_fraction(norm: float) -> float:
    """How much of the bar a gradient norm fills (log scale, 0 … 1; a broken norm fills it)."""
    if not math.isfinite(norm):
        return 1.0
    if norm <= 0:
        return 0.0
    return min(max((math.log10(norm) - LOW) / (HIGH - LOW), 0.0), 1.0)


def caption(flow: NodeFlow) -> str:
    """``‖∇‖ 0.0123`` and the flag, as drawn beside the bar."""
    text = f"‖∇‖ {flow.norm:.3g}"
    if not flow.flag:
        return text
    flag = translate("GradientBar", FLAG_WORDS[flow.flag]) if flow.flag in FLAG_WORDS else flow.flag
    return f"{text} · {flag}"


class GradientBar(QGraphicsItem):
    """The bar and caption above one node card."""

    def __init__(self, node: NodeItem) -> None:
        super().__init__(node)
        self.node = node
        self.flow: NodeFlow | None = None
        self.setAcceptHoverEvents(True)

    def set_flow(self, flow: NodeFlow | None) -> bool:
        """Show ``flow`` (None: hide the bar); whether it changed. The overlay draws a changed
        bar again (its bounds stay the same)."""
        if flow == self.flow:
            return False
        self.flow = flow
        self.setVisible(flow is not None)
        self.setToolTip(self.tooltip())
        return True

    def tooltip(self) -> str:
        """The norm, the ratio to the output's layer and the flag's meaning, in the window's
        language (rebuilt on hover, so it follows a language change)."""
        flow = self.flow
        if flow is None:
            return ""
        if flow.ratio is not None:
            tip = translate("GradientBar", "Gradient norm of the last mini-batch: {norm}; error "
                            "signal {ratio}× that of the layer next to the output").format(
                norm=f"{flow.norm:.4g}", ratio=f"{flow.ratio:.3g}")
        else:
            tip = translate("GradientBar", "Gradient norm of the last mini-batch: {norm}").format(
                norm=f"{flow.norm:.4g}")
        return f"{tip}.\n{flow.describe()}" if flow.flag else tip

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self.tooltip())
        super().hoverEnterEvent(event)

    @property
    def text(self) -> str:
        return caption(self.flow) if self.flow is not None else ""

    def _bar_rect(self) -> QRectF:
        top = self.node.body_rect().top()
        return QRectF(-BAR_WIDTH / 2, top - 10 - BAR_HEIGHT, BAR_WIDTH, BAR_HEIGHT)

    def boundingRect(self) -> QRectF:
        bar = self._bar_rect()
        return QRectF(bar.left() - 40, bar.top() - 14, BAR_WIDTH + 80, BAR_HEIGHT + 16)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.flow is None:
            return
        color = QColor(FLAG_COLORS[self.flow.flag])
        bar = self._bar_rect()
        painter.setPen(QPen(QColor(theme.BORDER), 0.6))
        painter.setBrush(QColor(theme.EMPTY_NEURON))
        painter.drawRect(bar)
        filled = QRectF(bar.left(), bar.top(), bar.width() * bar_fraction(self.flow.norm),
                        bar.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRect(filled)
        font = QFont(painter.font())
        font.setPointSizeF(6.5)
        font.setBold(bool(self.flow.flag))
        painter.setFont(font)
        painter.setPen(color if self.flow.flag else QColor(theme.MUTED_TEXT))
        painter.drawText(QRectF(bar.left() - 40, bar.top() - 13, BAR_WIDTH + 80, 12),
                         Qt.AlignmentFlag.AlignCenter, self.text)


class EdgeGradientBar(QGraphicsItem):
    """The bar at the middle of one connection: its weights' gradient norm, no caption (the
    tooltip says the number)."""

    def __init__(self, edge: EdgeItem) -> None:
        super().__init__(edge)
        self.edge = edge
        self.norm: float | None = None
        self.setAcceptHoverEvents(True)
        self.setPos(edge.midpoint())

    def set_norm(self, norm: float | None) -> bool:
        """Show ``norm`` (None: hide the bar); whether it changed (as GradientBar.set_flow)."""
        if norm == self.norm:
            return False
        self.norm = norm
        self.setVisible(norm is not None)
        self.setToolTip(self.tooltip())
        return True

    def tooltip(self) -> str:
        if self.norm is None:
            return ""
        return translate("GradientBar", "Gradient norm of this connection's weights in the last "
                         "mini-batch: {norm}").format(norm=f"{self.norm:.4g}")

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self.tooltip())
        super().hoverEnterEvent(event)

    def _bar_rect(self) -> QRectF:
        return QRectF(-EDGE_BAR_WIDTH / 2, EDGE_BAR_GAP, EDGE_BAR_WIDTH, EDGE_BAR_HEIGHT)

    def boundingRect(self) -> QRectF:
        return self._bar_rect().adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.norm is None:
            return
        bar = self._bar_rect()
        painter.setPen(QPen(QColor(theme.BORDER), 0.6))
        painter.setBrush(QColor(theme.EMPTY_NEURON))
        painter.drawRect(bar)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.GRADIENT))
        painter.drawRect(QRectF(bar.left(), bar.top(), bar.width() * bar_fraction(self.norm),
                                bar.height()))


class GradientFlowOverlay:
    """Takes frames as a live panel does (:class:`gui.training.plots.base.Panel`'s
    ``remember``/``refresh``/``stale``/``reset``) and shows their gradient flow on the
    scene's nodes and connections; a frame without gradients (or :meth:`reset`) hides every
    bar."""

    on_canvas = True  # the live refresh draws it in the canvas's turn (gui/training/live.py)
    frame_parts = frozenset({FLOW})

    def __init__(self, scene: CanvasScene) -> None:
        self.scene = scene
        self.frame: Frame | None = None
        self.waits = False  # as a panel's (Panel.remember): a frame without the flow came
        self._dirty = False

    @property
    def shown(self) -> bool:
        return any(view.isVisible() for view in self.scene.views())

    @property
    def stale(self) -> bool:
        return self._dirty and self.shown

    def remember(self, frame: Frame | None) -> None:
        self.waits = frame is not None and frame.lacks(self.frame_parts)
        if self.waits:
            return
        self.frame = frame
        self._dirty = True

    def set_frame(self, frame: Frame | None) -> None:
        self.remember(frame)
        self.refresh()

    def reset(self) -> None:
        self.set_frame(None)

    def refresh(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        flows = self.frame.flow if self.frame is not None else {}
        changed: list[QGraphicsItem] = []
        made = 0  # new bars, at most NEW_BARS a turn: the rest on the turns after
        for item in self.scene.node_items():
            bar = self.bar(item.node_id)
            if bar is None and item.node_id in flows and made < NEW_BARS:
                bar, made = GradientBar(item), made + 1
            if bar is not None and bar.set_flow(flows.get(item.node_id)):
                changed.append(bar)
        norms = self.frame.snapshot.gradient_norms if flows else {}
        for edge in self.scene.edge_items():
            norm = norms.get(edge_key(edge.edge_id))
            bar = self.edge_bar(edge.edge_id)
            if bar is None and norm is not None and made < NEW_BARS:
                bar, made = EdgeGradientBar(edge), made + 1
            if bar is not None and bar.set_norm(norm):
                changed.append(bar)
        self.scene.drawing.redraw(changed)  # on screen now, the others as they come on it
        if made == NEW_BARS:  # perhaps more to make: on the next turn
            self._dirty = True
            QTimer.singleShot(0, self.scene, self.refresh)  # none once the canvas is gone

    def bar(self, node_id: str) -> GradientBar | None:
        """The bar above a node (None before it first had one)."""
        item = self.scene.node_item(node_id)
        return next((c for c in item.childItems() if isinstance(c, GradientBar)), None)

    def edge_bar(self, edge_id: str) -> EdgeGradientBar | None:
        """The bar at a connection's middle (None before it first had one)."""
        item = self.scene.edge_item(edge_id)
        return next((c for c in item.childItems() if isinstance(c, EdgeGradientBar)), None)
