"""File ▸ Export ▸ Canvas as PNG… (a teacher's slides had no way to take the network itself):
the whole network drawn from the scene at twice its size on white — cards outside the view
too, and Explain's numbers while it is open — named after the project, said in Korean too."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from gui import theme
from tests.gui.test_export_menu import menu_action, save_to  # noqa: F401 (a fixture)
from tests.gui.training_support import open_example, train_to_end


def test_the_canvas_is_saved_whole_on_white_at_twice_its_size(qtbot, window, save_to,  # noqa: F811
                                                              tmp_path):
    open_example(window, "spiral", epochs=2)
    train_to_end(qtbot, window)
    window.view.set_zoom(3.0)  # most of the network is outside the view: it is drawn all the same
    window.explain_action.trigger()
    qtbot.waitUntil(lambda: window.explain.explanation is not None)
    asked = save_to(tmp_path / "spiral")
    menu_action(window, "Canvas as PNG…").trigger()
    assert [caption for caption, _start in asked] == ["Save the canvas as PNG"]
    assert asked[0][1].endswith("Spiral.png")
    image = QImage(str(tmp_path / "spiral.png"))
    items = window.scene.itemsBoundingRect()
    assert abs(image.width() - 2 * (items.width() + 48)) <= 1
    assert abs(image.height() - 2 * (items.height() + 48)) <= 1
    assert image.pixelColor(2, 2) == QColor(Qt.GlobalColor.white)
    card = window.scene.node_item("3")  # the output card, off screen
    header = card.mapToScene(QPointF(0, card.body_rect().top() + 10)) - items.topLeft()
    assert not window.view.viewport().rect().contains(window.view.mapFromScene(
        card.mapToScene(QPointF(0, card.body_rect().top() + 10))))
    color = image.pixelColor(round(2 * (header.x() + 24)), round(2 * (header.y() + 24)))
    assert color == QColor(theme.KIND_COLORS["output"])
    assert window.statusBar().currentMessage() == f"Saved the canvas as {tmp_path / 'spiral.png'}."


def test_the_action_is_in_korean(qtbot, window, korean):
    assert window.canvas_picture.action.text() == "캔버스를 PNG로(&C)…"
    assert window.canvas_picture.action.toolTip().startswith("신경망 전체를 발표 자료용 그림으로")
