"""A value typed on the canvas while the network changed under the editor (an import ending
meanwhile changed a node's units, its node was deleted) is not set, and said so: setting an index
that was no longer there raised inside the undo stack and brought the whole window down."""

from PySide6.QtCore import QPoint, Qt

from gui.document.commands import ChangeNodeCommand


def open_bias_editor(qtbot, canvas, node_id: str, unit: int, text: str) -> None:
    item = canvas.scene.node_item(node_id)
    canvas.double_click(item.mapToScene(item.neuron_center(unit)))
    editor = canvas.scene.editor
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_a_unit_gone_while_typing_is_not_set(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    open_bias_editor(qtbot, canvas, "1", 1, "5")
    window.doc.push(ChangeNodeCommand(window.doc, "1", {"units": 1}))  # b1 has one bias now
    count = window.doc.undo_stack.count()
    before = window.doc.array("b1").copy()

    qtbot.keyClick(canvas.scene.editor, Qt.Key.Key_Return)

    assert window.statusBar().currentMessage() == (
        "The network changed while the value was being typed: nothing was set.")
    assert (window.doc.array("b1") == before).all() and window.doc.undo_stack.count() == count
    qtbot.waitUntil(lambda: canvas.scene.editor is None)


def test_a_node_deleted_while_typing_is_not_set(qtbot, window, canvas):
    canvas.drop_from_palette("hidden", QPoint(300, 300))
    open_bias_editor(qtbot, canvas, "1", 0, "5")
    window.doc.undo_stack.undo()  # the node is gone
    qtbot.keyClick(canvas.scene.editor, Qt.Key.Key_Return)
    assert window.doc.spec.nodes == ()
    assert window.statusBar().currentMessage().startswith("The network changed")
