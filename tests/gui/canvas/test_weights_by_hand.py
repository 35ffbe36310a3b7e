"""Typing weights on the canvas: the AND gate of the book, and what the views show."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from core import build
from core.datasets import BUILTIN


def choose_data(qtbot, window, name: str) -> None:
    combo = window.data_picker.data_combo
    combo.setFocus()
    qtbot.keyClicks(combo, BUILTIN[name].title)
    assert window.data.dataset is not None and window.data.dataset.name == name


def perceptron(qtbot, window, canvas) -> None:
    """input 2 → output 1 with a step activation, chosen in the inspector."""
    choose_data(qtbot, window, "and")
    canvas.drop_from_palette("input", QPoint(150, 300))
    canvas.drop_from_palette("output", QPoint(450, 300))
    canvas.connect("1", "2")
    canvas.click_node("2")
    combo = window.inspector.node_form.activation_combo
    combo.setFocus()
    qtbot.keyClicks(combo, "step")
    spec = window.doc.spec
    assert spec.node("2").activation == "step" and spec.node("2").loss == "mse"
    assert spec.problems() == []


def test_the_and_weights_typed_by_hand_make_the_truth_table_read_0001(qtbot, window, canvas):
    perceptron(qtbot, window, canvas)
    edge = canvas.scene.edge_item("1")
    assert edge.per_weight
    for i, value in ((0, "0.5"), (1, "0.5")):
        point = edge.weight_point(i, 0)
        assert edge.weight_at(point) == (i, 0)
        canvas.type_value(point, value)
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "-0.7")

    np.testing.assert_array_equal(window.doc.array("W1"), [[0.5], [0.5]])
    np.testing.assert_array_equal(window.doc.array("b2"), [-0.7])
    panel = window.predictions_panel
    # the panel follows the document shortly after each edit (debounced)
    qtbot.waitUntil(lambda: panel.column("predicted") == ["0", "0", "0", "1"])
    assert panel.caption.text().startswith("<b>Truth table")
    assert panel.column("x1") == ["0", "1", "0", "1"]
    assert panel.column("x2") == ["0", "0", "1", "1"]
    assert panel.column("target") == ["0", "0", "0", "1"]
    # three typed values, three undo entries, each named for what it set
    assert window.doc.undo_stack.undoText() == "Set bias of output 2 unit 1 to -0.7"
    # the thumbnail of the output over the plane is on the output node
    assert output.thumbnail is not None


def test_the_canvas_draws_the_typed_weight_and_the_tooltip_tells_it(qtbot, window, canvas):
    perceptron(qtbot, window, canvas)
    edge = canvas.scene.edge_item("1")
    canvas.type_value(edge.weight_point(1, 0), "-1.25")
    assert edge.weight(1, 0) == -1.25
    assert "w[1,0] = -1.25" in edge.tooltip_at(edge.weight_point(1, 0))
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "0.3")
    assert "bias b[0] = 0.3" in output.neuron_tooltip(0)


def test_escape_cancels_and_a_bad_number_is_not_taken(qtbot, window, canvas):
    perceptron(qtbot, window, canvas)
    count = window.doc.undo_stack.count()
    before = window.doc.array("W1").copy()
    canvas.double_click(canvas.scene.edge_item("1").weight_point(0, 0))
    editor = canvas.scene.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.scene.editor is editor  # still open, marked red
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    assert window.doc.undo_stack.count() == count
    np.testing.assert_array_equal(window.doc.array("W1"), before)


def test_the_status_line_says_what_was_set_once_enter_is_pressed(qtbot, window, canvas):
    """The editor's prompt ("… type a number and press Enter") stayed up after Enter, as if
    the number had not been taken. Units are counted from 1 as in the tooltips ("unit 1"),
    not as "input 1[2]" beside the tooltip's w[1,0]."""
    perceptron(qtbot, window, canvas)
    edge = canvas.scene.edge_item("1")
    canvas.double_click(edge.weight_point(1, 0))
    assert "type a number and press Enter" in window.statusBar().currentMessage()
    editor = canvas.scene.editor
    editor.selectAll()
    qtbot.keyClicks(editor, "0.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    assert window.statusBar().currentMessage() == (
        "Set weight input 1 unit 2 → output 2 unit 1 to 0.5")
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "-0.7")
    assert window.statusBar().currentMessage() == "Set bias of output 2 unit 1 to -0.7"


def test_the_status_line_says_what_was_set_in_korean(qtbot, korean, window, canvas):
    canvas.drop_from_palette("input", QPoint(150, 300))
    canvas.drop_from_palette("output", QPoint(450, 300))
    canvas.connect("1", "2")
    canvas.type_value(canvas.scene.edge_item("1").weight_point(1, 0), "0.5")
    assert window.statusBar().currentMessage() == "가중치 설정 입력 1 뉴런 2 → 출력 2 뉴런 1 = 0.5"
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "-0.7")
    assert window.statusBar().currentMessage() == "출력 2 뉴런 1의 편향 설정 = -0.7"


@pytest.mark.parametrize("example", ["xor_by_hand", "and_gate", "or_gate", "nand_gate"])
def test_gate_examples_show_their_truth_table(qtbot, window, example):
    assert window.files.open_example(example)
    expected = {"xor_by_hand": ["0", "1", "1", "0"], "and_gate": ["0", "0", "0", "1"],
                "or_gate": ["0", "1", "1", "1"], "nand_gate": ["1", "1", "1", "0"]}[example]
    qtbot.waitUntil(lambda: window.predictions_panel.table.rowCount() == 4)
    qtbot.waitUntil(lambda: window.predictions_panel.column("predicted") == expected)


def test_predictions_use_the_document_weights_exactly(qtbot, window):
    window.files.open_example("xor_learned")
    window.predictions.recompute()
    doc = window.doc
    net = build(doc.spec, dtype=np.float64)
    net.load_params({k: v for k, v in doc.arrays.items()})
    x = window.data.dataset.x
    expected = net.predict(x[:4])[:, 0]
    shown = [float(v) for v in window.predictions_panel.column("output")]
    np.testing.assert_allclose(shown, expected, atol=5e-4)


def test_small_hidden_nodes_show_each_units_response_over_the_plane(qtbot, window):
    """As TensorFlow Playground draws its neurons: XOR by hand's hidden units are NAND and OR,
    and their thumbnails say so."""
    assert window.files.open_example("xor_by_hand")
    model = window.predictions
    qtbot.waitUntil(lambda: model.result is not None and "1" in model.result.node_grids)
    grid = model.result.grid
    units = model.result.node_grids["1"]  # (ny, nx, 2): NAND, OR
    assert units.shape == (grid.ys.size, grid.xs.size, 2)

    def at(x, y):
        return units[np.abs(grid.ys - y).argmin(), np.abs(grid.xs - x).argmin()]

    assert at(0, 0).tolist() == [1, 0]  # NAND(0,0) = 1, OR(0,0) = 0
    assert at(1, 1).tolist() == [0, 1]
    assert at(1, 0).tolist() == [1, 1]
    hidden, inputs = window.scene.node_item("1"), window.scene.node_item("0")
    qtbot.waitUntil(lambda: hidden.thumbnail is not None)
    assert inputs.thumbnail is None  # inputs have no response of their own
    image = hidden.thumbnail
    # two tiles side by side: the NAND tile is blue at (0,0) (bottom-left), the OR tile orange
    h = image.height()
    nand_corner = image.pixelColor(4, h // 2 + h // 4 - 4)
    or_corner = image.pixelColor(image.width() // 2 + 4, h // 2 + h // 4 - 4)
    assert nand_corner.blue() > nand_corner.red()
    assert or_corner.red() > or_corner.blue()
