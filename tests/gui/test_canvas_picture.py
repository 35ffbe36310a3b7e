"""File ▸ Export ▸ Canvas as PNG… (a teacher's slides had no way to take the network itself):
the whole network drawn from the scene at twice its size on white — cards outside the view
too, and Explain's numbers while it is open — named after the project, said in Korean too."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage

from gui import theme
from gui.document.commands import MoveNodesCommand
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


def test_an_empty_canvas_is_refused_before_the_file_dialog(window, dialogs, save_to,  # noqa: F811
                                                            tmp_path):
    """It asked for a file name, then said "….png could not be written."."""
    assert window.scene.itemsBoundingRect().isEmpty()
    asked = save_to(tmp_path / "empty")
    assert not window.canvas_picture.ask()
    assert asked == []
    assert dialogs.shown == [(
        "information", "Nothing to save", "The canvas is empty: there is nothing to save as a "
        "picture. Drag Input, Hidden and Output nodes onto it first.")]
    assert not (tmp_path / "empty.png").exists()


def test_a_network_too_spread_out_for_one_picture_says_so(window, dialogs, save_to,  # noqa: F811
                                                          tmp_path):
    """Twice a scene a million units across is no image at all (the memory for it is not
    there): it was reported as a file that could not be written."""
    window.files.open_example("xor_learned")
    start = window.doc.spec.node("2").position
    window.doc.push(MoveNodesCommand(window.doc, {"2": (start, (1e6, 1e6))}, "far"))
    save_to(tmp_path / "far")
    assert not window.canvas_picture.ask()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warning", "Cannot save the image")
    assert text.startswith("The network spreads too far for one picture (2,0")
    assert text.endswith("pixels). Bring its nodes closer together (View ▸ Auto-layout), then "
                         "save again.")
    assert not (tmp_path / "far.png").exists()


def test_the_refusals_are_in_korean(window, dialogs, save_to, tmp_path, korean):  # noqa: F811
    save_to(tmp_path / "empty")
    window.canvas_picture.ask()
    window.files.open_example("xor_learned")
    start = window.doc.spec.node("2").position
    window.doc.push(MoveNodesCommand(window.doc, {"2": (start, (1e6, 1e6))}, "far"))
    window.canvas_picture.ask()
    far = window.scene.itemsBoundingRect()
    assert [text for _kind, _title, text in dialogs.shown] == [
        "캔버스가 비어 있어 그림으로 저장할 것이 없습니다. 먼저 입력, 은닉, 출력 노드를 캔버스로 "
        "드래그하세요.",
        "신경망이 너무 넓게 퍼져 있어 한 장의 그림으로 만들 수 없습니다("
        f"{2 * far.width() + 96:,.0f} × {2 * far.height() + 96:,.0f} 픽셀). "
        "노드를 서로 가까이 모은 뒤(보기 ▸ 자동 배치) 다시 저장하세요."]
