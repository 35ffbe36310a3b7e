"""The perceptron & XOR lab, driven through its spin boxes, presets and buttons."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from core.labs.perceptron import gate_targets, margin
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target


@pytest.fixture
def lab(open_lab):
    return open_lab("perceptron")


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def as_ints(texts):
    return [int(t) for t in texts]


def test_opens_with_the_two_layer_xor_reproduced_by_hand_and_learned(qtbot, lab):
    assert column(lab.two_layer, 5) == ["0", "1", "1", "0"]  # learned, without pressing Train
    assert "4 of 4 right" in lab.train_result.text()
    assert as_ints(column(lab.two_layer, 2)) == gate_targets("nand").tolist()  # s₁
    assert as_ints(column(lab.two_layer, 3)) == gate_targets("or").tolist()  # s₂
    assert as_ints(column(lab.two_layer, 4)) == gate_targets("xor").tolist()  # y = AND(s₁, s₂)
    hand = [[float(lab.weight_table.item(r, c).text()) for c in (1, 2, 3)] for r in range(3)]
    assert hand == [[-0.5, -0.5, 0.7], [0.5, 0.5, -0.2], [0.5, 0.5, -0.7]]  # the book's
    # the learned weights shown are the ones that answer 0, 1, 1, 0
    (a1, a2, ab), (b1, b2, bb), (y1, y2, yb) = lab.learned_weights().values()
    x = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=float)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    h = sig(np.column_stack([x @ [a1, a2] + ab, x @ [b1, b2] + bb]))
    assert (sig(h @ [y1, y2] + yb) > 0.5).astype(int).tolist() == [0, 1, 1, 0]
    assert lab.weight_table.item(3, 1).text() == f"{a1:.2f}"
    assert lab.weight_table.item(5, 3).text() == f"{yb:.2f}"


def test_train_again_with_another_seed(qtbot, lab):
    lab.seed.setValue(2)
    qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
    assert "Seed 2: 3 of 4 right" in lab.train_result.text()  # a local minimum
    assert "local minimum" in lab.train_result.text()
    lab.seed.setValue(1)
    qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
    assert column(lab.two_layer, 5) == ["0", "1", "1", "0"]


def test_cells_are_read_only_and_controls_explain_themselves(qtbot, lab):
    for table in (lab.table, lab.two_layer, lab.weight_table):
        for r in range(table.rowCount()):
            for c in range(table.columnCount()):
                assert table.item(r, c).flags() == Qt.ItemFlag.ItemIsEnabled
    for widget in (*lab.weights, lab.gate, lab.train_button, lab.seed, lab.search_button):
        assert widget.toolTip()


def test_opens_on_the_and_gate_with_the_seeds_weights(qtbot, lab):
    assert lab.values() == (0.5, 0.5, -0.7)
    assert column(lab.table, 2) == ["0", "0", "0", "1"]
    assert column(lab.table, 3) == ["0", "0", "0", "1"]


@pytest.mark.parametrize(("preset", "table"), [
    ("NAND (book)", ["1", "1", "1", "0"]),
    ("OR (book)", ["0", "1", "1", "1"]),
    ("OR (notes)", ["0", "1", "1", "1"]),
])
def test_presets_set_the_weights_and_the_table_follows(qtbot, lab, preset, table):
    qtbot.mouseClick(lab.preset_buttons[preset], Qt.MouseButton.LeftButton)
    assert column(lab.table, 3) == table == column(lab.table, 2)


def test_preset_buttons_name_their_source_in_words_a_student_knows(qtbot, lab):
    """"AND (book, seed)" read as the lab's random-seed box: the source is the study notes."""
    texts = [button.text() for button in lab.preset_buttons.values()]
    assert texts == ["AND (book, notes)", "NAND (book)", "OR (book)", "OR (notes)"]
    assert not any("seed" in text for text in texts)


def test_typing_a_bias_changes_the_answers_and_the_line(qtbot, lab):
    box = lab.weights[2]
    box.selectAll()
    qtbot.keyClicks(box, "-0.2")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert lab.values()[2] == pytest.approx(-0.2)
    assert column(lab.table, 3) == ["0", "1", "1", "1"]  # now it is OR
    x, y = lab.line.getData()
    assert 0.5 * x[0] + 0.5 * y[0] - 0.2 == pytest.approx(0)  # on w·x + b = 0


def test_no_line_solves_xor_but_two_layers_do(qtbot, lab):
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    assert "3 of 4 right" in lab.search_result.text()
    assert "no straight line separates XOR" in lab.search_result.text()
    assert column(lab.table, 3) != ["0", "1", "1", "0"]
    assert column(lab.two_layer, 4) == ["0", "1", "1", "0"]  # AND(NAND, OR) by hand
    assert column(lab.two_layer, 5) == ["0", "1", "1", "0"]  # the learned 2-2-1


def test_the_best_xor_line_clearly_gets_one_point_wrong(qtbot, lab):
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    assert margin(*lab.values()) > 0.3  # no point on the line
    assert "nearest point 0.35 away" in lab.search_result.text()
    wrong = lab.wrong_rows()
    assert len(wrong) == 1  # 3 of 4
    (r,) = wrong
    assert lab.table.item(r, 3).font().bold() and not lab.table.item((r + 1) % 4, 3).font().bold()
    rx, ry = lab.rings.getData()
    assert (rx.tolist(), ry.tolist()) == ([float(lab.table.item(r, 0).text())],
                                          [float(lab.table.item(r, 1).text())])


def test_the_search_verdict_goes_when_the_line_or_gate_changes(qtbot, lab):
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    assert lab.search_result.text().startswith("Best line found for XOR")
    type_into(qtbot, lab.weights[0], "0")  # another line: the verdict no longer describes it
    assert lab.search_result.text() == ""
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    lab.gate.setCurrentIndex(lab.gate.findData("and"))  # another gate
    assert lab.search_result.text() == ""


@pytest.mark.parametrize("preset", ["AND (book, notes)", "NAND (book)", "OR (book)"])
def test_the_shaded_half_plane_is_where_the_neuron_answers_1(qtbot, lab, preset):
    qtbot.mouseClick(lab.preset_buttons[preset], Qt.MouseButton.LeftButton)
    polygon = lab.shade.polygon()
    inside = [int(polygon.containsPoint(QPointF(x1, x2), Qt.FillRule.OddEvenFill))
              for x1, x2 in ((0, 0), (1, 0), (0, 1), (1, 1))]
    assert inside == lab.answers() == gate_targets(preset.split()[0].lower()).tolist()
    assert len(lab.rings.getData()[0]) == 0  # nothing wrong, no ring


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_perceptron.png."""
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    lab.resize(1200, 760)
    qtbot.wait(50)
    target = screenshot_target("lab_perceptron.png", tmp_path)
    assert lab.grab().toImage().save(str(target))
