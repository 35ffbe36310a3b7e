"""Where a node added from the palette (Space or Enter on its button, or a click) lands: on a
free spot, overlapping no other node. Beside the selected node — to its right, the way the
network flows — while that node is in view, else near the middle of the view. Nodes added one
after the other with Space landed 30 px apart, nearly on top of each other, and a keyboard user
could not drag them apart.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF

from core.spec import NodeSpec
from gui.canvas.node_item import NodeItem
from gui.canvas.scene import CanvasScene
from gui.canvas.view import GRID, CanvasView

#: the room kept free round a new node's card, and between it and the selected node
GAP = 2 * GRID
#: how far (in grid steps) the search goes out from where it starts
RINGS = 60


def ring(r: int) -> list[tuple[int, int]]:
    """The grid offsets ``r`` steps out (a square's border), nearest first."""
    if r == 0:
        return [(0, 0)]
    cells = [(dx, dy) for dx in range(-r, r + 1) for dy in range(-r, r + 1)
             if max(abs(dx), abs(dy)) == r]
    return sorted(cells, key=lambda c: (math.hypot(*c), -c[0], c[1]))


def free_spot(scene: CanvasScene, view: CanvasView, node: NodeSpec) -> QPointF:
    """The centre nearest the start (see the module) at which ``node``'s card, with
    :data:`GAP` round it, overlaps no node already on the canvas."""
    card = NodeItem(node, scene, scene.neuron_limit).boundingRect()  # never added to the scene
    taken = [item.sceneBoundingRect() for item in scene.node_items()]
    start = _start(scene, view, card)
    for r in range(RINGS + 1):
        for dx, dy in ring(r):
            centre = start + QPointF(dx * GRID, dy * GRID)
            room = card.translated(centre).adjusted(-GAP, -GAP, GAP, GAP)
            if not any(room.intersects(rect) for rect in taken):
                return centre
    return start  # a canvas full for RINGS steps round: where it would have gone before


def _start(scene: CanvasScene, view: CanvasView, card: QRectF) -> QPointF:
    """Right of the (last) selected node when it shows in the view, else the view's middle."""
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    selected = scene.selected_node_ids()
    if selected:
        item = scene.node_item(selected[-1])
        beside = item.sceneBoundingRect()
        if shown.intersects(beside):
            return QPointF(beside.right() + GAP - card.left(), item.pos().y())
    return shown.center()
