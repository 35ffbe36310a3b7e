"""The perceptron & XOR lab, driven through its spin boxes, presets and buttons."""

import pytest
from PySide6.QtCore import Qt
from screenshots import screenshot_target


@pytest.fixture
def lab(open_lab):
    return open_lab("perceptron")


def column(table, c):
    return [table.item(r, c).text() for r in range(table.rowCount())]


def test_opens_on_the_and_gate_with_the_seeds_weights(qtbot, lab):
    assert lab.values() == (0.5, 0.5, -0.7)
    assert column(lab.table, 2) == ["0", "0", "0", "1"]
    assert column(lab.table, 3) == ["0", "0", "0", "1"]


@pytest.mark.parametrize(("preset", "table"), [
    ("NAND (book)", ["1", "1", "1", "0"]),
    ("OR (book)", ["0", "1", "1", "1"]),
    ("OR (seed)", ["0", "1", "1", "1"]),
])
def test_presets_set_the_weights_and_the_table_follows(qtbot, lab, preset, table):
    qtbot.mouseClick(lab.preset_buttons[preset], Qt.MouseButton.LeftButton)
    assert column(lab.table, 3) == table == column(lab.table, 2)


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
    assert column(lab.two_layer, 2) == ["0", "1", "1", "0"]  # AND(NAND, OR) by hand
    qtbot.mouseClick(lab.train_button, Qt.MouseButton.LeftButton)
    assert column(lab.two_layer, 3) == ["0", "1", "1", "0"]  # the learned 2-2-1


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_perceptron.png."""
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, Qt.MouseButton.LeftButton)
    lab.resize(1200, 620)
    qtbot.wait(50)
    target = screenshot_target("lab_perceptron.png", tmp_path)
    assert lab.grab().toImage().save(str(target))
