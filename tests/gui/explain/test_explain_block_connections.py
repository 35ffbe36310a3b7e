"""Explain on the spiral's 32-unit layers, after training: a block connection's norm is read
under the gradient bar that hangs at its middle (it was drawn across it), between the two
cards' ports, and the dashed line marking the step's connections runs under the matrix-shape
label (it struck "32×32" through)."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor

from gui import theme
from tests.gui.training_support import open_example, train_to_end

EDGE = "2"  # hidden 1 → hidden 2, 32×32


def scene_rect(item, rect: QRectF) -> QRectF:
    return item.mapRectToScene(rect)


def test_a_block_connections_norm_sits_under_its_gradient_bar(qtbot, window):
    open_example(window, "spiral", epochs=3)
    train_to_end(qtbot, window)
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    edge = window.scene.edge_item(EDGE)
    assert window.doc.spec.edge(EDGE).src == "1" and window.doc.spec.edge(EDGE).dst == "2"
    for _ in range(3):  # hidden 1's z and a, then hidden 2's z: its incoming weights
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert edge.overlay.current and edge.overlay.caption.startswith("‖W‖ =")
    image = window.view.viewport().grab().toImage()  # painted as on screen
    caption = scene_rect(edge, edge.painted["caption"].rect)
    bar = window.training.gradient_bars.edge_bar(EDGE)
    assert bar is not None and bar.isVisible()
    assert not caption.intersects(bar.sceneBoundingRect())
    assert caption.left() >= edge.src.anchor("out").x()
    assert caption.right() <= edge.dst.anchor("in").x()
    shape = scene_rect(edge, edge.painted["shape"].rect).adjusted(3, 3, -3, -3)
    box = window.view.mapFromScene(shape).boundingRect()
    accent = QColor(theme.FORWARD_VALUE)
    dashed = [(x, y) for x in range(box.left(), box.right()) for y in range(box.top(), box.bottom())
              if _near(image.pixelColor(x, y), accent)]
    assert dashed == []


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 60
