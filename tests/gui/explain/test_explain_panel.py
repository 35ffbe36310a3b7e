"""Explain in the window: XOR's 2-2-1 stepped forward and backward with → and ←, the numbers
on the canvas and in the dock being core.explain's for that row; Check agrees with the
numerical gradient; one SGD step lowers the row's loss and one Undo puts the weights back;
Explain waits while training runs."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.explain import explain
from core.explain.report import vector_text
from gui.explain.overlay import number
from gui.explain.tables import LAYOUTS
from tests.gui.keys import type_into

XOR_ROW = 1  # x = (1, 0), target 1


@pytest.fixture
def panel(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    panel.row_spin.setValue(XOR_ROW)
    qtbot.waitUntil(lambda: panel.explanation.sample == XOR_ROW)
    return panel


def expected(window):
    return explain(window.files.project(), XOR_ROW, window.data.dataset)


def press(qtbot, panel, key, times=1):
    for _ in range(times):
        qtbot.keyClick(panel, key)


def overlay(window, node_id):
    return window.scene.node_item(node_id).overlay


def test_stepping_forward_and_backward_shows_cores_numbers(qtbot, window, panel):
    core = expected(window)
    trace, steps = core.trace, core.steps
    assert [s.phase for s in panel.explanation.steps] == [s.phase for s in steps]
    assert panel.index == 0 and "x1 = 1, x2 = 0 → target class 1" in panel.row_label.text()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # hidden 1: z (the keys work on the canvas)
    assert panel.progress.text() == f"step 2 of {len(steps)} · forward"
    assert overlay(window, "1").left == tuple(number(v) for v in trace.nodes["1"].z)
    assert overlay(window, "1").current and not overlay(window, "1").right
    assert window.scene.edge_item("1").overlay.labels == tuple(
        number(v) for v in np.ravel(window.doc.array("W1")))  # the weights, forward
    press(qtbot, panel, Qt.Key.Key_Right)  # hidden 1: a
    assert overlay(window, "1").right == tuple(number(v) for v in trace.nodes["1"].a)
    assert vector_text(trace.nodes["1"].a) in panel.values.text()
    press(qtbot, panel, Qt.Key.Key_Right, 3)  # output z, a, then the loss
    assert panel.explanation.steps[panel.index].phase == "loss"
    assert overlay(window, "2").caption == f"L = {number(trace.loss)}, t = 1"
    press(qtbot, panel, Qt.Key.Key_Right)  # backward at the output: δ = y − t
    delta = trace.output.delta
    np.testing.assert_allclose(delta, trace.output.a - trace.target, atol=1e-12)
    assert overlay(window, "2").left == (number(delta[0]),)
    assert "δ = y − t" in panel.rule.text()
    press(qtbot, panel, Qt.Key.Key_Right)  # W2 and b2 receive their gradients
    assert window.scene.edge_item("2").overlay.labels == tuple(
        number(v) for v in np.ravel(trace.gradients["W2"]))
    assert panel.matrix.isVisible() and panel.matrix.cell(1, 0) == \
        f"{trace.gradients['W2'][1, 0]:.5g}"
    press(qtbot, panel, Qt.Key.Key_Right, 2)  # hidden 1: δ, then ∂L/∂W1
    assert overlay(window, "1").left == tuple(number(v) for v in trace.nodes["1"].delta)
    assert window.scene.edge_item("1").overlay.labels == tuple(
        number(v) for v in np.ravel(trace.gradients["W1"]))
    press(qtbot, panel, Qt.Key.Key_Left, 2)  # back to the output's δ: W1's gradient hides
    assert window.scene.edge_item("1").overlay.labels == tuple(
        number(v) for v in np.ravel(window.doc.array("W1")))
    press(qtbot, panel, Qt.Key.Key_End)
    assert panel.index == len(steps) - 1 and not panel.next_button.isEnabled()
    press(qtbot, panel, Qt.Key.Key_Home)
    assert panel.index == 0 and overlay(window, "1") is None


def test_check_puts_the_numerical_gradient_beside_backprop(qtbot, window, panel):
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    errors = [float(e) for e in panel.check_table.column("rel. err")]
    assert len(errors) == 9  # W1 (4), b1 (2), W2 (2), b2 (1)
    assert max(errors) < 1e-6
    backprop = [float(v) for v in panel.check_table.column("backprop")]
    numerical = [float(v) for v in panel.check_table.column("numerical")]
    np.testing.assert_allclose(backprop, numerical, rtol=1e-4, atol=1e-9)  # as shown: 5 digits
    press(qtbot, panel, Qt.Key.Key_End)
    press(qtbot, panel, Qt.Key.Key_Left)  # ∂L/∂W1: numerical under each backprop value
    assert "numerical =" in panel.values.text()
    assert "\n" in panel.matrix.cell(0, 0)


def test_one_sgd_step_lowers_the_rows_loss_and_undo_restores_the_weights(qtbot, window, panel):
    before_weights = {k: np.array(v) for k, v in window.doc.arrays.items()}
    before = panel.explanation.trace.loss
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.explanation.trace.loss < before)
    assert "→" in panel.result.text()
    assert not np.array_equal(window.doc.array("W1"), before_weights["W1"])
    window.undo_action.trigger()
    for name, value in before_weights.items():
        np.testing.assert_array_equal(window.doc.array(name), value)
    qtbot.waitUntil(lambda: panel.explanation.trace.loss == pytest.approx(before, abs=1e-15))


def test_explain_waits_while_training_runs(qtbot, window, panel):
    press(qtbot, panel, Qt.Key.Key_Right, 3)
    window.doc.lock("training runs")
    qtbot.waitUntil(lambda: panel.explanation is None)
    assert "waits while training runs" in panel.message.text()
    assert not panel.next_button.isEnabled() and not panel.sgd_button.isEnabled()
    assert all(item.overlay is None for item in window.scene.node_items())
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # nothing happens, no error
    window.doc.unlock()
    qtbot.waitUntil(lambda: panel.explanation is not None)


def test_typed_inputs_are_traced_with_the_rows_target(qtbot, window, panel):
    press(qtbot, panel, Qt.Key.Key_Right, 2)
    assert panel.inputs_edit.text() == "1, 0"
    type_into(qtbot, panel.inputs_edit, "0, 1")
    qtbot.keyClick(panel.inputs_edit, Qt.Key.Key_Left)  # the edit keeps its arrow keys
    assert panel.index == 2
    qtbot.waitUntil(lambda: panel.explanation.typed == (0.0, 1.0))
    np.testing.assert_array_equal(panel.explanation.trace.x, [0.0, 1.0])
    assert "typed inputs" in panel.row_label.text()
    type_into(qtbot, panel.inputs_edit, "0")
    assert "give 2 input values, one per feature" in panel.message.text()
    assert panel.row_spin.isEnabled() and not panel.next_button.isEnabled()
    panel.inputs_edit.setFocus()
    panel.inputs_edit.selectAll()
    qtbot.keyClick(panel.inputs_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(panel.inputs_edit, Qt.Key.Key_Return)  # empty: the row's own inputs again
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.explanation.typed is None)


def test_the_row_line_says_the_typed_inputs_and_infinite_ones_are_a_slip(qtbot, window, panel):
    """Typed "0, 1" over row 1 (x = 1, 0): the canvas traced 0, 1 but the line above it said
    "x1 = 1, x2 = 0 → target class 1". "1e400, 1" was taken as inf and traced to NaN."""
    assert panel.row_label.text().startswith("x1 = 1, x2 = 0 → target class 1<br>")
    type_into(qtbot, panel.inputs_edit, "0, 1")
    qtbot.waitUntil(lambda: panel.explanation.typed == (0.0, 1.0))
    assert panel.row_label.text().startswith("x1 = 0, x2 = 1 → target class 1<br>")
    for slip in ("1e400, 1", "nan, 1", "-inf, 0"):
        type_into(qtbot, panel.inputs_edit, slip)
        assert panel.inputs_error.isVisible()
        assert panel.inputs_error.text().endswith(
            "Type numbers separated by commas, e.g. 0.5, 1.</span>")
        assert panel.explanation.typed == (0.0, 1.0)  # the last good inputs stay traced
        assert np.isfinite(panel.explanation.trace.loss)


def test_a_narrow_check_shares_cells_and_says_the_same(qtbot, window, panel):
    """Too narrow for four columns, the check puts backprop over numerical and the parameter
    over its relative error: every cell still holds what its header's line says."""
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    check = panel.check_table
    wide = {h: check.column(h) for h in check.HEADERS}
    assert check.layout_index == 0 and len(wide["parameter"]) == 9
    check.table.setFixedWidth(120)
    qtbot.waitUntil(lambda: check.layout_index == len(LAYOUTS) - 1)
    headers = [check.table.horizontalHeaderItem(c).toolTip().split("\n")
               for c in range(check.table.columnCount())]
    assert headers == [["parameter", "rel. err"], ["backprop", "numerical"]]
    cells = [[check.table.item(r, c).text().split("\n") for c in range(2)] for r in range(9)]
    assert [row[0] for row in cells] == [list(p) for p in zip(wide["parameter"],
                                                               wide["rel. err"], strict=True)]
    assert [row[1] for row in cells] == [list(p) for p in zip(wide["backprop"],
                                                               wide["numerical"], strict=True)]
    assert {h: check.column(h) for h in check.HEADERS} == wide
