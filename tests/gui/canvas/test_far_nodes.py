"""Nodes placed beyond the canvas's ±20,000 (a 300-layer chain from the Python API reaches
x = 60,000): the view could not scroll to them, and Zoom to Fit showed the middle 60 % of the
chain. The view's reach grows with the nodes; the arrow keys still keep moves inside it."""

from PySide6.QtCore import QRectF

from core.datasets.ref import DataRef
from core.spec import NetworkSpec
from gui.canvas.view import CANVAS_RECT


def shown(view) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def test_every_node_of_a_long_chain_can_be_reached_and_fit_shows_them_all(qtbot, window):
    window.doc.reset(NetworkSpec.mlp([2] + [1] * 300 + [2]), data=DataRef.builtin("spiral"))
    scene, view = window.scene, window.view
    last = scene.node_item(window.doc.spec.nodes[-1].id).sceneBoundingRect()
    assert last.left() > CANVAS_RECT.right()  # the case: placed past the canvas
    qtbot.waitUntil(lambda: view.sceneRect().contains(last))
    view.centerOn(last.center())
    assert shown(view).contains(last.center())
    view.fit_to_view()
    every = scene.itemsBoundingRect()
    area = shown(view)
    assert area.left() <= every.left() + 1 and area.right() >= every.right() - 1


def test_an_ordinary_network_keeps_the_canvas_as_it_was(qtbot, window):
    window.files.open_example("xor_learned")
    qtbot.wait(10)
    assert window.view.sceneRect() == CANVAS_RECT
