"""Check on the student's own XOR with ReLU hidden units, not trained yet: on row (0, 0) every
hidden z is exactly 0, ReLU's corner, and the central difference straddles it. The dock said
in red "Backprop and the numerical gradient disagree" at b1[0], as if backprop were wrong
(it equals PyTorch autograd); it now says which unit sits at the corner and why they differ,
in Korean too, and a row away from the corner still agrees."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.explain import explained_network
from gui import theme
from tests.core.torch_reference import reference


@pytest.fixture
def relu_xor(qtbot, window, canvas):
    """xor_learned's 2-2-1 with its hidden activation switched to ReLU in the inspector."""
    assert window.files.open_example("xor_learned")
    canvas.click_node("1")
    combo = window.inspector.node_form.activation_combo
    combo.setCurrentIndex(combo.findData("relu"))
    assert window.doc.spec.node("1").activation == "relu"
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None
                    and panel.explanation.trace.spec.node("1").activation == "relu")
    return panel


def checked(qtbot, panel, row):
    panel.row_spin.setValue(row)
    qtbot.waitUntil(lambda: panel.explanation.sample == row)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.check_table.isVisible)
    return panel.check_table.summary.text()


def test_a_unit_at_relus_corner_is_named_not_blamed_on_backprop(qtbot, window, relu_xor):
    panel = relu_xor
    said = checked(qtbot, panel, 0)  # x = (0, 0), biases 0: z = 0
    trace = panel.explanation.trace
    np.testing.assert_array_equal(trace.nodes["1"].z, [0.0, 0.0])
    network = explained_network(window.files.project())
    autograd = reference(network.spec, network.params, network.state, trace.x, trace.target,
                         network.loss_name)
    np.testing.assert_array_equal(trace.gradients["b1"], autograd.gradients["b1"])  # 0 and 0
    table = panel.check_table
    b1 = table.column("parameter").index("b1[0]")
    assert table.column("backprop")[b1] == "0"
    assert float(table.column("numerical")[b1]) == pytest.approx(autograd.d_a["1"][0] / 2,
                                                                  rel=1e-3)
    assert "disagree." not in said and theme.WARNING_TEXT in said
    assert ("Backprop and the numerical gradient differ at b1[0]: a unit sits at its "
            "activation's corner.") in said
    assert ("Unit 1 of hidden 1 has z = 0, and ReLU bends there: its slope is 0 below 0 and "
            "1 above. Moving b1[0] by ±0.0001 takes that z across 0") in said
    assert "in all sit this close" not in said  # b1[0] moves the first unit only
    said = checked(qtbot, panel, 1)  # x = (1, 0): z = W1's first row, away from 0
    assert "Backprop agrees with the numerical gradient." in said


def test_it_is_said_in_korean(qtbot, window, relu_xor, korean):
    said = checked(qtbot, relu_xor, 0)
    assert ("오차역전파법과 수치 미분의 기울기가 b1[0]에서 다릅니다: 한 뉴런이 활성화 함수의 "
            "꺾인 점에 있습니다.") in said
    assert ("은닉 1의 뉴런 1에서 z = 0이며, ReLU 함수는 그곳에서 꺾입니다: 기울기가 0보다 작은 "
            "쪽에서는 0, 큰 쪽에서는 1. b1[0] 값을 ±0.0001만큼 움직이면") in said


def test_one_nudge_across_two_corners_says_how_many(qtbot, window, tmp_path):
    """input → hidden 1 (one identity unit, z = 0 on the row of zeros) → hidden 3 (two ReLU
    units, each fed ×5) → output: nudging b1 moves both ReLU units across 0."""
    from dataclasses import replace

    from core import NetworkSpec, hidden_node, input_node, output_node
    from core.project import load_project, save_project
    from resources.examples import example_path

    project = load_project(example_path("xor_learned"))
    spec = NetworkSpec((input_node("0", 2), hidden_node("1", 1, activation="identity",
                                                        position=(200.0, 0.0)),
                        hidden_node("3", 2, activation="relu", position=(400.0, 0.0)),
                        output_node("2", 1, activation="sigmoid", position=(600.0, 0.0))), ())
    spec = spec.connect("0", "1").connect("1", "3").connect("3", "2")
    project = replace(project, spec=spec, params=None, state=None)
    params = {k: np.array(v) for k, v in explained_network(project).params.items()}
    params["W2"][...] = [[5.0, 5.0]]
    params["W3"][...] = [[1.0], [1.0]]
    path = tmp_path / "deeper.netcanvas"
    save_project(replace(project, params=params), path)
    assert window.files.load(path)
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    said = checked(qtbot, panel, 0)
    assert "differ at b1[0]: a unit sits at its activation's corner." in said
    assert "Unit 1 of hidden 3 has z = 0" in said
    assert said.endswith("2 units in all sit this close to a corner.")
