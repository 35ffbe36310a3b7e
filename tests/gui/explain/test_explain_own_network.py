"""Explain in the window on a network the student drew (not an example): input feeding a
tanh hidden node with batch norm and the softmax output (a skip connection), three named
classes, standardised inputs. Every number the canvas and the dock show as → walks the row
is PyTorch autograd's; the loss step's footer names the row's class as the dock does — it said
"t = class 2" (the unit's number, in English in the Korean window too)."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core import NetworkSpec, hidden_node, input_node, output_node
from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.explain import explained_network
from core.explain.report import vector_text
from core.project import Project, save_project
from core.training.settings import TrainingSettings
from gui.explain.overlay import number
from tests.core.torch_reference import reference
from tests.gui.keys import type_into

CLASSES = ("setosa", "versicolor", "virginica")
ROW = 4


@pytest.fixture
def drawn(qtbot, window, tmp_path):
    rng = np.random.default_rng(5)
    data = Dataset("flowers", rng.normal(size=(24, 2)) * [3.0, 0.5] + [5.0, 1.0],
                   np.arange(24) % 3, "classification", ("length", "width"), CLASSES, "test")
    nodes = (input_node("0", 2, position=(0.0, 0.0)),
             hidden_node("1", 3, activation="tanh", batch_norm=True, position=(250.0, 60.0)),
             output_node("2", 3, position=(500.0, 0.0)))
    spec = NetworkSpec(nodes, ()).connect("0", "1").connect("1", "2").connect("0", "2")
    project = Project(spec, TrainingSettings(standardize=True, seed=3, split=(0.5, 0.25, 0.25)),
                      DataRef.embedded(data), title="flowers")
    network = project.build_network()
    network.state["mean1"][...] = [0.3, -0.2, 0.1]  # running statistics as after training
    network.state["var1"][...] = [1.5, 0.7, 1.1]
    path = tmp_path / "flowers.netcanvas"
    save_project(replace(project, params=dict(network.params), state=dict(network.state)), path)
    assert window.files.load(path)
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    panel.row_spin.setValue(ROW)
    qtbot.waitUntil(lambda: panel.explanation.sample == ROW)
    return panel


def overlay(window, node_id):
    return window.scene.node_item(node_id).overlay


def to_the_loss(qtbot, window, panel):
    qtbot.keyClick(window.view, Qt.Key.Key_Home)
    while panel.explanation.steps[panel.index].phase != "loss":
        qtbot.keyClick(window.view, Qt.Key.Key_Right)


def test_the_canvas_shows_autograds_numbers(qtbot, window, drawn):
    panel = drawn
    trace = panel.explanation.trace
    network = explained_network(window.files.project())
    autograd = reference(network.spec, network.params, network.state, trace.x, trace.target,
                         network.loss_name)
    to_the_loss(qtbot, window, panel)
    for node_id in ("1", "2"):  # z after batch norm | a
        assert overlay(window, node_id).left == tuple(number(v) for v in autograd.z[node_id])
        assert overlay(window, node_id).right == tuple(number(v) for v in autograd.a[node_id])
    assert overlay(window, "2").caption.startswith(f"L = {number(autograd.loss)}, t = ")
    qtbot.keyClick(window.view, Qt.Key.Key_End)  # backward to the input: δ everywhere
    for node_id in ("1", "2"):
        assert overlay(window, node_id).left == tuple(number(v)
                                                      for v in autograd.delta[node_id])
    assert overlay(window, "0").right == tuple(number(v) for v in autograd.d_a["0"])  # ∂L/∂x
    for edge_id in ("1", "2", "3"):  # ∂L/∂W on each connection, the skip included
        assert window.scene.edge_item(edge_id).overlay.labels == tuple(
            number(v) for v in np.ravel(autograd.gradients[f"W{edge_id}"]))
    qtbot.keyClick(window.view, Qt.Key.Key_Left)  # hidden 1's batch norm: γ and β
    qtbot.keyClick(window.view, Qt.Key.Key_Left)
    assert vector_text(autograd.gradients["gamma1"]) in panel.values.text()
    assert vector_text(autograd.gradients["beta1"]) in panel.values.text()


def test_the_losss_footer_names_the_rows_class(qtbot, window, drawn):
    panel = drawn
    hot = int(np.argmax(panel.explanation.trace.target))
    assert hot == ROW % 3 == 1
    to_the_loss(qtbot, window, drawn)
    assert overlay(window, "2").caption.endswith("t = class versicolor")
    assert "target class versicolor" in panel.row_label.text()  # as the dock says it


def test_the_footer_is_korean_in_the_korean_window(qtbot, window, drawn, korean):
    to_the_loss(qtbot, window, drawn)
    assert overlay(window, "2").caption.endswith("t = 클래스 versicolor")


def test_a_node_the_student_named_is_called_by_its_name_in_the_rules(qtbot, window, canvas,
                                                                      drawn):
    """The output renamed "species" in the inspector: the canvas and the step's title say
    only "species", and the rules said δ[2] and a[…] by the hidden id — now δ[species]."""
    panel = drawn
    canvas.click_node("2")
    type_into(qtbot, window.inspector.node_form.name_edit, "species")
    qtbot.waitUntil(lambda: panel.explanation.trace.spec.node("2").name == "species")
    qtbot.keyClick(window.view, Qt.Key.Key_End)
    assert panel.title.text().count("input 0")  # the input node's backward step
    assert "∂L/∂a = δ[1]·W1ᵀ + δ[species]·W3ᵀ" in panel.rule.text()
    while not ("hidden 1" in panel.title.text() and "∂L/∂a" in panel.rule.text()):
        qtbot.keyClick(window.view, Qt.Key.Key_Left)  # hidden 1's δ, three steps back
    assert "∂L/∂a = δ[species]·W2ᵀ" in panel.rule.text()
    texts = [f"{s.title} {s.rule}" for s in panel.explanation.steps]
    assert any(t.startswith("species (Softmax, 3 units) z = a[1]·W2 + a[0]·W3 + b2")
               for t in texts)


def test_a_regression_target_of_zeros_and_ones_is_not_called_a_class(qtbot, window, tmp_path):
    """MSE regression with three outputs whose row's target happens to be (0, 1, 0): the
    footer said "t = class 1" as for a one-hot class; it is values: "t = 0 …"."""
    rng = np.random.default_rng(2)
    y = rng.normal(size=(12, 3))
    y[0] = [0.0, 1.0, 0.0]
    data = Dataset("three", rng.normal(size=(12, 2)), y, "regression", ("x1", "x2"), (), "test")
    spec = NetworkSpec((input_node("0", 2), hidden_node("1", 3, activation="tanh",
                                                        position=(250.0, 0.0)),
                        output_node("2", 3, activation="identity", loss="mse",
                                    position=(500.0, 0.0))), ()).connect("0", "1").connect("1", "2")
    path = tmp_path / "three.netcanvas"
    save_project(Project(spec, TrainingSettings(split=(1.0, 0.0, 0.0)), DataRef.embedded(data)),
                 path)
    assert window.files.load(path)
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    assert list(panel.explanation.trace.target) == [0.0, 1.0, 0.0]
    to_the_loss(qtbot, window, panel)
    loss = panel.explanation.trace.loss
    assert overlay(window, "2").caption == f"L = {number(loss)}, t = 0 …"
