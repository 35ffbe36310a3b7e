"""Moving nodes with the keyboard: with the canvas focused, the arrow keys move the selected
nodes one grid step (Shift+arrow: a major grid step, five). While Explain steps through a row,
← and → are its step keys everywhere in the window; Alt+arrow keys move the nodes then (and
always), as they are nobody else's. Every press is one move of all selected nodes together,
kept inside the canvas; the presses of one burst — until another key, another selection or
another edit — are one undo entry, like one drag. Each move is said in the status bar (and so to
a screen reader): where the node now is, or that the canvas ends there. With nothing selected
the arrow keys scroll the view, as before.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QKeyEvent

from gui.canvas.scene import CanvasScene
from gui.canvas.style import node_label
from gui.canvas.view import CANVAS_RECT, GRID, MAJOR_EVERY, CanvasView
from gui.document.commands import MoveNodesCommand
from gui.i18n import translate

#: each arrow key: its step (in grid steps) and the way it moves, as the status bar says it
ARROWS = {
    Qt.Key.Key_Left: ((-1, 0), QT_TRANSLATE_NOOP("NodeMover", "left")),
    Qt.Key.Key_Right: ((1, 0), QT_TRANSLATE_NOOP("NodeMover", "right")),
    Qt.Key.Key_Up: ((0, -1), QT_TRANSLATE_NOOP("NodeMover", "up")),
    Qt.Key.Key_Down: ((0, 1), QT_TRANSLATE_NOOP("NodeMover", "down")),
}
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
#: the modifiers an arrow may come with (a keypad's arrows carry KeypadModifier)
ALLOWED = ALT | SHIFT | Qt.KeyboardModifier.KeypadModifier
#: the keys :class:`NodeMover` handles and what they do, for Help ▸ Keyboard Shortcuts
MOVE_KEYS = (
    (QT_TRANSLATE_NOOP("NodeMover", "Arrow keys (Alt+arrow keys while Explain steps)"),
     QT_TRANSLATE_NOOP("NodeMover", "Move the selected nodes")),
    (QT_TRANSLATE_NOOP("NodeMover", "Shift+arrow keys"),
     QT_TRANSLATE_NOOP("NodeMover", "Move the selected nodes further")),
)
_bursts = itertools.count(1)  # every burst of every canvas its own number


def clamped(rect: QRectF, dx: float, dy: float) -> tuple[float, float]:
    """(dx, dy) shortened so that ``rect`` moved by it stays inside :data:`CANVAS_RECT` —
    never turned round: a node already past an edge (placed there by a file) stays put rather
    than jump back the other way."""
    def along(step: float, low: float, high: float) -> float:
        return min(step, max(high, 0.0)) if step > 0 else max(step, min(low, 0.0))

    return (along(dx, CANVAS_RECT.left() - rect.left(), CANVAS_RECT.right() - rect.right()),
            along(dy, CANVAS_RECT.top() - rect.top(), CANVAS_RECT.bottom() - rect.bottom()))


class NodeMover(QObject):
    """The arrow keys on the canvas view (an event filter on it)."""

    def __init__(self, scene: CanvasScene, view: CanvasView) -> None:
        super().__init__(scene)
        self._scene, self._view = scene, view
        self._burst = next(_bursts)
        self._mark: tuple[int, int] | None = None  # the undo stack just after the last move
        view.installEventFilter(self)
        scene.selectionChanged.connect(self.end_burst)

    def end_burst(self) -> None:
        """The next arrow key starts a new undo entry."""
        self._burst, self._mark = next(_bursts), None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.FocusOut:
            self.end_burst()
        if watched is self._view and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent):
            step = ARROWS.get(Qt.Key(event.key()))
            if step is None or event.modifiers() & ~ALLOWED:
                if event.key() not in (Qt.Key.Key_Alt, Qt.Key.Key_Shift):
                    self.end_burst()
                return False
            if self._scene.focusItem() is not None or not self._scene.selected_node_ids():
                return False  # typing a weight, or nothing to move: the view scrolls
            far = bool(event.modifiers() & SHIFT)
            return self.move(*step, far=far)
        return False

    def move(self, way: tuple[int, int], direction: str, far: bool = False) -> bool:
        """Move the selected nodes one grid step (``far``: a major step) along ``way``, or say
        that the canvas ends there. True (the key is used) when nodes are selected."""
        scene, doc = self._scene, self._scene.doc
        ids = scene.selected_node_ids()
        if not ids:
            return False
        size = GRID * (MAJOR_EVERY if far else 1)
        items = [scene.node_item(node_id) for node_id in ids]
        around = QRectF()
        for item in items:
            around = around.united(item.sceneBoundingRect())
        dx, dy = clamped(around, way[0] * size, way[1] * size)
        names = ", ".join(node_label(item.node) for item in items)
        if not (dx or dy):
            scene.say(lambda: translate(
                "NodeMover", "The canvas ends there: {nodes} cannot go further {direction}.")
                .format(nodes=names, direction=translate("NodeMover", direction)))
            return True
        moves = {}
        for item in items:
            old = doc.spec.node(item.node_id).position
            moves[item.node_id] = (old, (round(old[0] + dx, 1), round(old[1] + dy, 1)))
        stack = doc.undo_stack
        if self._mark != (stack.index(), stack.count()):  # an undo or another edit between
            self._burst = next(_bursts)
        if doc.push(MoveNodesCommand(doc, moves, burst=self._burst)):
            self._mark = (stack.index(), stack.count())
        self._view.ensureVisible(around.translated(dx, dy), GRID, GRID)
        self._say_moved(ids, direction)
        return True

    def _say_moved(self, ids: list[str], direction: str) -> None:
        spec = self._scene.doc.spec
        nodes = [spec.node(node_id) for node_id in ids]
        if len(nodes) == 1:
            node = nodes[0]
            x, y = node.position
            self._scene.say(lambda: translate(
                "NodeMover", "Moved {node} {direction}: it is at x {x}, y {y}.").format(
                    node=node_label(node), direction=translate("NodeMover", direction),
                    x=f"{x:g}", y=f"{y:g}"))
        else:
            self._scene.say(lambda: translate(  # two or more: no English plural to pick
                "NodeMover", "Moved {n} nodes {direction}.").format(
                    n=len(nodes), direction=translate("NodeMover", direction)))

