"""The scalar computational graph: the book's numbers (docs/book.md §6), every local backward
rule against the numerical gradient, the step schedule, editing and validation."""

import math

import pytest

from core.labs.comp_graph import (
    OPS,
    PRESETS,
    Graph,
    Step,
    input_node,
    op_node,
)
from core.labs.comp_graph_check import check_gradients, numerical_gradient

APPLES = PRESETS["apples"].graph
FRUIT = PRESETS["apples_oranges"].graph


def test_apples_forward_and_backward_are_the_books():
    values = APPLES.forward()
    assert values["mul_apple"] == pytest.approx(200)
    assert values[APPLES.output] == pytest.approx(220)
    grads = APPLES.backward()
    assert grads["apple"] == pytest.approx(2.2)
    assert grads["apple_num"] == pytest.approx(110)
    assert grads["tax"] == pytest.approx(200)
    assert grads["mul_apple"] == pytest.approx(1.1)  # what the last × sends back to 200


def test_apples_and_oranges_forward_and_backward_are_the_books():
    assert FRUIT.forward()[FRUIT.output] == pytest.approx(715)
    grads = FRUIT.backward()
    assert [grads[n] for n in ("apple", "apple_num", "orange", "orange_num", "tax")] == \
        pytest.approx([2.2, 110, 3.3, 165, 650])
    assert grads["mul_apple"] == grads["mul_orange"] == pytest.approx(1.1)  # + passes it on


def test_backward_starts_from_dout():
    assert APPLES.backward(dout=2.0)["tax"] == pytest.approx(400)


def test_schedule_is_forward_in_order_then_backward_from_the_output():
    steps = APPLES.schedule()
    assert [(s.phase, s.node) for s in steps] == [
        ("forward", "mul_apple"), ("forward", "mul_tax"),
        ("backward", "mul_tax"), ("backward", "mul_apple")]
    assert steps[1].value == pytest.approx(220)
    assert steps[2].value == 1.0 and steps[2].edge_grads == pytest.approx((1.1, 200))
    assert steps[3].value == pytest.approx(1.1)
    assert steps[3].edge_grads == pytest.approx((2.2, 110))  # × swaps its inputs


def test_fruit_schedule_visits_the_add_before_both_multiplications():
    backward = [s.node for s in FRUIT.schedule() if s.phase == "backward"]
    assert backward == ["mul_tax", "add_fruit", "mul_orange", "mul_apple"]


UNARY = [("exp", 0.7), ("log", 1.3), ("reciprocal", -0.8), ("relu", 0.9), ("relu", -0.9),
         ("sigmoid", 0.4), ("sigmoid", -30.0)]


@pytest.mark.parametrize(("kind", "x"), UNARY)
def test_each_unary_backward_agrees_with_the_numerical_gradient(kind, x):
    graph = Graph((input_node("x", x), op_node("y", kind, "x")))
    (check,) = check_gradients(graph)
    assert check.ok, (kind, check)
    assert check.backprop == pytest.approx(numerical_gradient(graph)["x"], rel=1e-6, abs=1e-12)


@pytest.mark.parametrize("kind", ["add", "mul"])
def test_each_binary_backward_agrees_with_the_numerical_gradient(kind):
    graph = Graph((input_node("a", 1.3), input_node("b", -0.7), op_node("y", kind, "a", "b")))
    assert all(check.ok for check in check_gradients(graph))


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_passes_the_gradient_check(name):
    checks = check_gradients(PRESETS[name].graph)
    assert checks and all(c.ok and c.relative_error < 1e-6 for c in checks)


def test_sigmoid_by_hand_and_the_sigmoid_node_give_the_same_gradient():
    by_hand, node = PRESETS["sigmoid_by_hand"].graph, PRESETS["sigmoid_node"].graph
    y = 1 / (1 + math.exp(-1))
    assert by_hand.forward()["y"] == pytest.approx(node.forward()["y"]) == pytest.approx(y)
    assert by_hand.backward()["x"] == pytest.approx(node.backward()["x"]) == \
        pytest.approx(y * (1 - y))


def test_softplus_slope_is_the_sigmoid():
    assert PRESETS["softplus"].graph.backward()["x"] == pytest.approx(1 / (1 + math.exp(-1)))


def test_a_node_used_twice_sums_both_edges():
    graph = Graph((input_node("x", 3), op_node("sq", "mul", "x", "x")))
    assert graph.backward()["x"] == pytest.approx(6)
    assert graph.schedule()[-1].edge_grads == pytest.approx((3, 3))


def test_nodes_the_output_does_not_use_get_zero_and_no_backward_step():
    graph = Graph((input_node("a", 2), input_node("b", 5), op_node("e", "exp", "b"),
                   op_node("y", "mul", "a", "a")))
    assert graph.backward()["b"] == 0 and graph.backward()["e"] == 0
    assert [s.node for s in graph.schedule() if s.phase == "backward"] == ["y"]


def test_relu_blocks_the_gradient_below_zero():
    graph = PRESETS["relu_neuron"].graph.with_value("b", -2)
    assert graph.forward()["y"] == 0
    assert set(graph.backward()[n] for n in ("x", "w", "b")) == {0.0}


def test_depths_put_inputs_first_and_each_op_after_its_deepest_operand():
    assert APPLES.depths() == {"apple": 0, "apple_num": 0, "tax": 0, "mul_apple": 1,
                               "mul_tax": 2}


# ---------------------------------------------------------------------- editing
def test_changing_an_input_value_returns_a_new_graph():
    graph = APPLES.with_value("apple", 200)
    assert graph.forward()["mul_tax"] == pytest.approx(440)
    assert graph.backward()["tax"] == pytest.approx(400)
    assert APPLES.forward()["mul_tax"] == pytest.approx(220)  # the original is unchanged


def test_an_added_operation_becomes_the_output():
    graph = APPLES.with_node("log", ("mul_tax",))
    assert graph.output == "log1"
    assert graph.forward()["log1"] == pytest.approx(math.log(220))
    assert graph.backward()["tax"] == pytest.approx(200 / 220)
    assert graph.with_node("log", ("log1",)).output == "log2"  # the first free name


def test_an_added_input_joins_the_inputs_and_keeps_the_output():
    graph = APPLES.with_node("input", value=3)
    assert graph.names == ("apple", "apple_num", "tax", "x1", "mul_apple", "mul_tax")
    assert graph.output == "mul_tax" and graph.node("x1").value == 3


def test_removing_a_node_removes_what_depends_on_it():
    graph = FRUIT.without("orange")
    assert graph.names == ("apple", "apple_num", "orange_num", "tax", "mul_apple")
    assert graph.output == "mul_apple"
    with pytest.raises(ValueError, match="leave nothing"):
        Graph((input_node("x", 1), op_node("y", "exp", "x"))).without("x")


# ---------------------------------------------------------------------- validation
@pytest.mark.parametrize(("nodes", "message"), [
    ((), "at least one node"),
    ((input_node("x", 1), op_node("y", "pow", "x")), "unknown node kind 'pow'"),
    ((input_node("x", 1), op_node("y", "mul", "x")), "mul takes 2 operand"),
    ((input_node("x", 1), op_node("y", "exp", "x", "x")), "exp takes 1 operand"),
    ((input_node("x", 1), op_node("y", "exp", "z"), op_node("z", "exp", "x")),
     "not computed before it"),
    ((input_node("x", 1), op_node("y", "add", "x", "y")), "cycle"),
    ((input_node("x", 1), op_node("y", "exp", "nope")), "unknown node 'nope'"),
    ((input_node("x", 1), input_node("x", 2)), "two nodes are named 'x'"),
    ((input_node("x", math.nan),), "finite value"),
])
def test_bad_graphs_are_refused_with_a_clear_message(nodes, message):
    with pytest.raises(ValueError, match=message):
        Graph(nodes)


@pytest.mark.parametrize(("kind", "x", "message"), [
    ("log", 0.0, r"node 'y' \(log\): log needs a positive input, got log\(0\)"),
    ("log", -2.0, r"log\(-2\)"),
    ("reciprocal", 0.0, r"1/x is undefined at x = 0"),
    ("exp", 1000.0, "too large"),
])
def test_values_outside_an_operations_domain_are_refused(kind, x, message):
    graph = Graph((input_node("x", x), op_node("y", kind, "x")))
    with pytest.raises(ValueError, match=message):
        graph.forward()


def test_edit_errors_are_value_errors():
    with pytest.raises(ValueError, match="only inputs have values"):
        APPLES.with_value("mul_tax", 3)
    with pytest.raises(ValueError, match="no node named 'pear'"):
        APPLES.with_value("pear", 3)
    with pytest.raises(ValueError, match="unknown node 'pear'"):
        APPLES.with_node("exp", ("pear",))


def test_every_operation_documents_its_backward_rule():
    assert set(OPS) == {"add", "mul", "exp", "log", "reciprocal", "relu", "sigmoid"}
    assert all(op.rule.startswith("backward:") for op in OPS.values())
    assert "swaps its inputs" in OPS["mul"].rule
    assert Step("forward", "y", 1.0).edge_grads == ()


@pytest.mark.parametrize(("preset", "name", "value"), [
    ("softplus", "x", 30.0),  # f ≈ 30: its numerical gradient of `one` is 0 ± 1e-10
    ("sigmoid_by_hand", "x", 20.0),  # σ′(20) ≈ 2e-9, known numerically to only ~4 digits
])
def test_round_off_in_the_numerical_gradient_is_not_called_a_mistake(preset, name, value):
    graph = PRESETS[preset].graph.with_value(name, value)
    checks = check_gradients(graph)
    assert all(c.ok for c in checks), [(c.name, c.backprop, c.numerical) for c in checks]
    assert max(c.relative_error for c in checks) > 1e-6  # relatively, they do differ


def test_a_relu_exactly_at_its_kink_still_fails_the_check():
    # relu(w·x + b) with w·x + b = 0: backprop takes the x ≤ 0 side (0), the central
    # difference averages both sides (half the slope) — a real disagreement, worth seeing.
    graph = PRESETS["relu_neuron"].graph.with_value("b", -1.6)
    assert graph.forward()["z"] == 0  # 0.8 × 2 − 1.6: exactly on the kink
    failed = {c.name: c.numerical for c in check_gradients(graph) if not c.ok}
    assert failed == pytest.approx({"x": 0.4, "w": 1.0, "b": 0.5})  # half of each slope
