"""Hovering an output unit of a classifier names the class it stands for, in the data set's
words as the gallery and Predictions name it: the walkthrough saw only "unit 4" on MNIST's
output, where unit 4 is the digit 3 (units count from 1, classes from 0)."""

from PySide6.QtCore import QPoint

from tests.gui.training_support import open_example


def hovered_tooltip(qtbot, window, node_id: str, j: int) -> str:
    """The tooltip the canvas gives when the mouse rests on neuron ``j`` of node ``node_id``."""
    item = window.scene.node_item(node_id)
    view = window.view
    view.centerOn(item)
    centre = item.mapToScene(item.neuron_center(j))
    assert item.neuron_at(centre) == j
    point = view.mapFromScene(centre)
    qtbot.mouseMove(view.viewport(), point + QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), point)
    return item.toolTip()


def opened(qtbot, window, example: str) -> None:
    window.resize(1280, 800)
    open_example(window, example)
    qtbot.waitUntil(lambda: window.data.dataset is not None
                    and window.data.ref is window.doc.data, timeout=10_000)


def test_a_digit_unit_names_its_digit(qtbot, window):
    opened(qtbot, window, "digits_mlp")
    output = window.doc.spec.nodes_of_kind("output")[0]
    qtbot.waitUntil(lambda: "class 3" in hovered_tooltip(qtbot, window, output.id, 3))
    tip = window.scene.node_item(output.id).toolTip()
    assert tip.startswith(f"{output.label}, unit 4 · class 3: bias b[3] = ")
    hidden = window.doc.spec.nodes_of_kind("hidden")[0]
    assert "class" not in window.scene.node_item(hidden.id).neuron_tooltip(3)  # no class


def test_a_spiral_unit_names_its_arm_in_korean(qtbot, window, korean):
    opened(qtbot, window, "spiral")
    output = window.doc.spec.nodes_of_kind("output")[0]
    qtbot.waitUntil(lambda: "클래스" in hovered_tooltip(qtbot, window, output.id, 1))
    assert window.scene.node_item(output.id).toolTip().startswith(
        f"{output.label}, 뉴런 2 · 클래스 팔 2: 편향 b[1] = ")


def test_one_sigmoid_unit_says_the_probability_of_its_class(qtbot, window):
    opened(qtbot, window, "xor_learned")
    output = window.doc.spec.nodes_of_kind("output")[0]
    assert output.units == 1
    qtbot.waitUntil(lambda: "P(class 1)" in hovered_tooltip(qtbot, window, output.id, 0))
    assert window.scene.node_item(output.id).toolTip().startswith(
        f"{output.label}, unit 1 · P(class 1): bias b[0] = ")


def test_one_tanh_unit_names_its_class_above_zero_not_a_probability(qtbot, window):
    """A tanh (or identity) output is split at 0, not 0.5, and is no probability: its tooltip
    said "P(class 1)" all the same."""
    opened(qtbot, window, "xor_learned")
    output = window.doc.spec.nodes_of_kind("output")[0]
    window.scene.select_only([output.id])
    combo = window.inspector.node_form.activation_combo
    combo.setCurrentIndex(combo.findData("tanh"))
    assert window.doc.spec.node(output.id).activation == "tanh"
    qtbot.waitUntil(lambda: "class 1" in hovered_tooltip(qtbot, window, output.id, 0))
    tip = window.scene.node_item(output.id).toolTip()
    assert tip.startswith(f"{output.label}, unit 1 · above 0: class 1: bias b[0] = "), tip
    assert "P(" not in tip
    combo.setCurrentIndex(combo.findData("step"))  # step is split at 0.5, as sigmoid is
    qtbot.waitUntil(lambda: "P(class 1)" in hovered_tooltip(qtbot, window, output.id, 0))


def test_one_tanh_unit_names_its_class_in_korean(qtbot, window, korean):
    opened(qtbot, window, "xor_learned")
    output = window.doc.spec.nodes_of_kind("output")[0]
    window.scene.select_only([output.id])
    combo = window.inspector.node_form.activation_combo
    combo.setCurrentIndex(combo.findData("identity"))
    qtbot.waitUntil(lambda: "클래스" in hovered_tooltip(qtbot, window, output.id, 0))
    assert window.scene.node_item(output.id).toolTip().startswith(
        f"{output.label}, 뉴런 1 · 0보다 크면 클래스 1: 편향 b[0] = ")


def test_the_probability_outputs_are_those_the_network_splits_at_a_half():
    """The canvas's words follow the network's labels: 0.25 is the first class where one
    unit is split at 0.5 (a probability), the second where it is split at 0."""
    import numpy as np

    from core.engine.activations import NAMES, PROBABILITY_OUTPUTS
    from core.engine.network import Network
    from core.spec import NetworkSpec, input_node, output_node

    for name in NAMES:
        if name == "softmax":
            continue
        spec = NetworkSpec((input_node("a", 1), output_node("b", 1, activation=name)), ())
        net = Network(spec.connect("a", "b"))
        split_at_half = net.labels(np.array([[0.25]]))[0] == 0
        assert split_at_half == (name in PROBABILITY_OUTPUTS), name
