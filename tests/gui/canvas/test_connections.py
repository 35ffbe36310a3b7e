"""Dragging connections: live feedback, refusals explained in the status bar, cancelling."""

from PySide6.QtCore import QPoint, QPointF, Qt


def three_nodes(canvas):
    canvas.drop_from_palette("input", QPoint(100, 250))
    canvas.drop_from_palette("hidden", QPoint(300, 250))
    canvas.drop_from_palette("hidden", QPoint(500, 250))
    canvas.connect("1", "2")
    canvas.connect("2", "3")
    assert [(e.src, e.dst) for e in canvas.window.doc.spec.edges] == [("1", "2"), ("2", "3")]


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_a_cycle_is_refused_and_explained(window, canvas):
    three_nodes(canvas)
    edges_before = window.doc.spec.edges
    count = window.doc.undo_stack.count()

    canvas.start_connection("3", "2")
    assert canvas.scene.node_item("2").drop_hint == "refuse"
    assert "loop" in status(window)
    assert status(window).startswith("Cannot connect")
    canvas.release("2")

    assert window.doc.spec.edges == edges_before
    assert window.doc.undo_stack.count() == count
    assert canvas.scene.node_item("2").drop_hint == ""
    assert status(window).startswith("Not connected:") and "loop" in status(window)


def test_a_connection_into_an_input_node_is_refused_and_explained(window, canvas):
    three_nodes(canvas)
    canvas.start_connection("3", "1")
    assert canvas.scene.node_item("1").drop_hint == "refuse"
    assert "is an input node" in status(window)
    canvas.release("1")
    assert [(e.src, e.dst) for e in window.doc.spec.edges] == [("1", "2"), ("2", "3")]


def test_an_allowed_target_is_marked_while_hovering(window, canvas):
    three_nodes(canvas)
    canvas.start_connection("1", "3")
    assert canvas.scene.node_item("3").drop_hint == "accept"
    assert status(window).startswith("Release to connect")
    canvas.release("3")
    assert ("1", "3") in [(e.src, e.dst) for e in window.doc.spec.edges]
    assert window.doc.undo_stack.undoText().startswith("Connect")


def test_dropping_on_empty_canvas_cancels(qtbot, window, canvas):
    three_nodes(canvas)
    start = canvas.point(canvas.scene.node_item("1").anchor("out"))
    empty = canvas.point(QPointF(150, 900))
    qtbot.mousePress(canvas.viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport, start + QPoint(30, 60))
    qtbot.mouseMove(canvas.viewport, empty)
    qtbot.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, pos=empty)
    assert len(window.doc.spec.edges) == 2
    assert status(window) == "Connection cancelled."
    assert all(item.drop_hint == "" for item in canvas.scene.node_items())


def test_a_duplicate_connection_is_refused(window, canvas):
    three_nodes(canvas)
    canvas.connect("1", "2")
    assert len(window.doc.spec.edges) == 2
    assert "already connected" in status(window)


def test_escape_cancels_a_connection_drag(qtbot, window, canvas):
    three_nodes(canvas)
    canvas.start_connection("1", "3")
    assert canvas.scene.node_item("3").drop_hint == "accept"
    qtbot.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert canvas.scene.node_item("3").drop_hint == ""
    assert status(window) == "Connection cancelled."
    canvas.release("3")
    assert len(window.doc.spec.edges) == 2
