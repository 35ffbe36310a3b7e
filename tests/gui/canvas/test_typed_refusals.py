"""A weight or bias typed on the canvas that cannot be taken is refused in words in the status
bar (the editor stays open, red); "-0" is set as 0."""

from PySide6.QtCore import Qt


def type_bias(qtbot, canvas, text: str) -> None:
    item = canvas.scene.node_item("2")
    if canvas.scene.editor is None:
        canvas.double_click(item.mapToScene(item.neuron_center(0)))
    editor = canvas.scene.editor
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_text_and_a_too_large_number_are_refused_in_words(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    bias = float(window.doc.array("b2")[0])
    count = window.doc.undo_stack.count()
    type_bias(qtbot, canvas, "abc")
    assert window.statusBar().currentMessage() == (
        "“abc” is not a number: type one such as 0.5 or -0.7, then press Enter (Esc cancels).")
    assert canvas.scene.editor is not None and canvas.scene.editor.toolTip() == (
        window.statusBar().currentMessage())
    type_bias(qtbot, canvas, "1000000.5")
    assert window.statusBar().currentMessage() == (
        "1000000.5 is too large: a weight or bias must be between −1,000,000 and 1,000,000.")
    type_bias(qtbot, canvas, "1e400")  # past what a float holds: too large, not "not a number"
    assert window.statusBar().currentMessage() == (
        "1e400 is too large: a weight or bias must be between −1,000,000 and 1,000,000.")
    type_bias(qtbot, canvas, "nan")
    assert window.statusBar().currentMessage().startswith("“nan” is not a number")
    assert window.doc.array("b2")[0] == bias and window.doc.undo_stack.count() == count
    type_bias(qtbot, canvas, "-0")
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    assert str(window.doc.array("b2")[0]) == "0.0"
    assert window.doc.undo_stack.undoText() == "Set bias of output 2 unit 1 to 0"


def test_the_refusal_is_said_in_korean(qtbot, window, canvas, korean):
    window.files.open_example("xor_learned")
    type_bias(qtbot, canvas, "abc")
    message = window.statusBar().currentMessage()
    assert "abc" in message and "숫자" in message


def test_the_ends_of_the_range_the_refusal_names_are_taken(qtbot, window, canvas):
    """The refusal says "between −1,000,000 and 1,000,000": those two are taken too."""
    window.files.open_example("xor_learned")
    type_bias(qtbot, canvas, "1e6")
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    assert window.doc.array("b2")[0] == 1e6
    type_bias(qtbot, canvas, "-1000000")
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    assert window.doc.array("b2")[0] == -1e6
