"""Nodes added with Space on the palette's buttons land on free spots, each beside the one
selected (the one added before), never on top of another, and always in view."""


import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from core.spec import NetworkSpec, hidden_node
from gui.canvas import placement
from gui.canvas.node_item import NodeItem
from gui.canvas.view import GRID
from gui.document.new_node import new_node
from tests.gui.canvas.test_keyboard_building import press, tab_to


def shown_rect(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


def overlaps(window) -> list[tuple[str, str]]:
    items = window.scene.node_items()
    return [(a.node_id, b.node_id) for k, a in enumerate(items) for b in items[k + 1:]
            if a.sceneBoundingRect().intersects(b.sceneBoundingRect())]


def test_nodes_added_with_space_do_not_overlap_and_stay_in_view(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for kind in ("input", "hidden", "hidden", "hidden", "output"):
        tab_to(qtbot, window, window.palette.buttons[kind])
        press(qtbot, window, Qt.Key.Key_Space)
    nodes = window.doc.spec.nodes
    assert [n.kind for n in nodes] == ["input", "hidden", "hidden", "hidden", "output"]
    assert overlaps(window) == []
    # each beside the one added before it (selected then): left to right, the flow's way
    xs = [n.position[0] for n in nodes]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    last = window.scene.node_item(nodes[-1].id)  # scrolled into view
    assert shown_rect(window.view).contains(last.sceneBoundingRect())

    # the selected node scrolled out of view: the next lands in the middle of the view
    window.view.centerOn(5000, 0)
    tab_to(qtbot, window, window.palette.buttons["hidden"], backwards=True)  # not via the canvas
    press(qtbot, window, Qt.Key.Key_Space)
    added = window.scene.node_item(window.doc.spec.nodes[-1].id)
    assert shown_rect(window.view).contains(added.sceneBoundingRect())
    middle = shown_rect(window.view).center() - added.pos()
    assert abs(middle.x()) < 100 and abs(middle.y()) < 100
    assert overlaps(window) == []
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one undo each
    assert len(window.doc.spec.nodes) == 5


def spot_trying_each_in_turn(scene, view, node) -> QPointF:
    """The search as it was written first (each spot in turn against every node, in
    Python): the fast one must find the same spot."""
    card = NodeItem(node, scene, scene.neuron_limit).boundingRect()
    taken = [item.sceneBoundingRect() for item in scene.node_items()]
    start = placement._start(scene, view, card)
    for r in range(placement.RINGS + 1):
        for dx, dy in placement.ring(r):
            centre = start + QPointF(dx * GRID, dy * GRID)
            room = card.translated(centre).adjusted(-placement.GAP, -placement.GAP,
                                                    placement.GAP, placement.GAP)
            if not any(room.intersects(rect) for rect in taken):
                return centre
    return start


def packed(window, n: int, seed: int, step: float) -> None:
    """``n`` nodes scattered round the view's middle, ``step`` px apart on average (grid
    multiples, so many cards touch exactly), the last one selected."""
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    nodes = []
    for k in range(n):
        x, y = (k % side) * step, (k // side) * step
        if k % 3:  # a third exactly on the grid, the others shifted off it
            x, y = x + float(rng.integers(-3, 4)) * 7.5, y + float(rng.integers(-3, 4)) * 5
        nodes.append(hidden_node(f"h{k}", int(rng.integers(1, 40)), position=(x, y)))
    window.doc.reset(NetworkSpec(tuple(nodes), ()))
    window.view.centerOn(side * step / 2, side * step / 2)


@pytest.mark.parametrize(("n", "seed", "step", "selected"), [
    (500, 1, 60.0, None), (500, 2, 110.0, "h250"), (300, 3, 140.0, "h17"),
    (500, 6, 80.0, "h100"), (200, 7, 100.0, None), (40, 4, 200.0, "h39"), (0, 5, 100.0, None)])
def test_the_search_finds_the_spot_trying_each_in_turn_finds(window, n, seed, step, selected):
    packed(window, n, seed, step)
    if selected:
        window.scene.select_only([selected])
    for kind in ("input", "hidden", "output"):
        probe = new_node(kind, window.doc.spec, (0.0, 0.0), window.data.dataset)
        fast = placement.free_spot(window.scene, window.view, probe)
        assert fast == spot_trying_each_in_turn(window.scene, window.view, probe), kind
