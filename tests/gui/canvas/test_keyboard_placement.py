"""Nodes added with Space on the palette's buttons land on free spots, each beside the one
selected (the one added before), never on top of another, and always in view."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
