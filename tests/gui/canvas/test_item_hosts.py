"""The canvas items talk to their scene only through NodeHost / EdgeHost: any object with
those methods can host them, and a gesture on an item reaches it."""

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from core.spec import hidden_node, input_node
from gui.canvas.edge_item import EdgeItem
from gui.canvas.node_item import NodeItem


class RecordingHost:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def edit_bias(self, node_id: str, j: int, pos: QPointF) -> None:
        self.calls.append(("bias", node_id, j))

    def edit_weight(self, edge_id: str, i: int, j: int, pos: QPointF) -> None:
        self.calls.append(("weight", edge_id, i, j))

    def node_item_moved(self, item: NodeItem) -> None:
        self.calls.append(("moved", item.node_id, item.pos().x()))


def double_click(qtbot, view: QGraphicsView, scene_pos: QPointF) -> None:
    """The events a real double-click delivers: press, release, double-click, release."""
    pos, left = view.mapFromScene(scene_pos), Qt.MouseButton.LeftButton
    for act in (qtbot.mousePress, qtbot.mouseRelease, qtbot.mouseDClick, qtbot.mouseRelease):
        act(view.viewport(), left, pos=pos)


def test_double_clicks_and_moves_reach_the_host(qtbot):
    host = RecordingHost()
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    qtbot.addWidget(view)
    src = NodeItem(input_node("1", 2, position=(0.0, 0.0)), host)
    dst = NodeItem(hidden_node("2", 3, position=(300.0, 0.0)), host)
    edge = EdgeItem("e1", src, dst, host)
    edge.set_weights(np.array([[0.5, -1.0, 2.0], [1.5, -0.5, 1.0]]))
    edge.update_geometry()
    for item in (src, dst, edge):
        scene.addItem(item)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    host.calls.clear()

    double_click(qtbot, view, dst.mapToScene(dst.neuron_center(1)))
    assert host.calls == [("bias", "2", 1)]
    host.calls.clear()
    double_click(qtbot, view, edge.weight_point(0, 2))
    assert host.calls == [("weight", "e1", 0, 2)]
    host.calls.clear()
    src.setPos(QPointF(40.0, 0.0))
    assert host.calls == [("moved", "1", 40.0)]
