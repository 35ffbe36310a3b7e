"""The spec: JSON round trip, typed validation problems in plain words, can_connect."""

import json

import numpy as np
import pytest

from core import NetworkSpec, SpecError, build, hidden_node, input_node, output_node
from core.engine.params import bias_name
from core.spec_problems import (
    ConnectionProblem,
    CycleProblem,
    DeadEndProblem,
    LossProblem,
    MultipleOutputsProblem,
    NoInputProblem,
    NoOutputProblem,
    OptionProblem,
    SizeProblem,
    UnitsProblem,
    UnreachableProblem,
)


def xor_spec():
    return NetworkSpec((
        input_node("x", 2, position=(0, 0)),
        hidden_node("h", 2, activation="sigmoid", init="xavier", position=(150, 0)),
        output_node("y", 1, activation="sigmoid", position=(300, 0)),
    )).connect("x", "h").connect("h", "y")


def kinds(spec):
    return [type(p) for p in spec.problems()]


def test_mlp_names_params_like_the_book():
    spec = NetworkSpec.mlp([784, 100, 10], hidden_activation="relu",
                           output_activation="softmax", loss="cross_entropy", init="he")
    net = build(spec, seed=0)
    assert list(net.params) == ["W1", "b1", "W2", "b2"]
    assert net.params["W1"].shape == (784, 100)
    assert net.params["W2"].shape == (100, 10)
    assert net.params["W1"].dtype == np.float32
    assert spec.output.loss == "cross_entropy"


def test_mlp_with_batch_norm_orders_params_along_the_forward_pass():
    net = build(NetworkSpec.mlp([4, 5, 5, 3], batch_norm=True))
    assert list(net.params) == ["W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2",
                                "W3", "b3"]


def test_json_round_trip():
    spec = xor_spec().with_node_changed("h", batch_norm=True, dropout=0.2, name="hidden",
                                        position=(12.5, -3.0))
    text = spec.to_json()
    assert NetworkSpec.from_json(text) == spec
    assert json.loads(text)["nodes"][1]["name"] == "hidden"


def test_default_loss_follows_the_output_activation():
    assert output_node("y", 3).loss == "cross_entropy"
    assert output_node("y", 1, activation="sigmoid").loss == "binary_cross_entropy"
    assert output_node("y", 1, activation="identity").loss == "mse"


def test_valid_spec_has_no_problems():
    assert xor_spec().problems() == []
    assert xor_spec().order() == ["x", "h", "y"]


def test_empty_spec_needs_input_and_output():
    problems = NetworkSpec().problems()
    assert [type(p) for p in problems] == [NoInputProblem, NoOutputProblem]
    assert "add an input node" in problems[0].message


def test_two_outputs():
    spec = xor_spec().with_node(output_node("z", 1, activation="sigmoid")).connect("h", "z")
    problems = spec.problems()
    assert MultipleOutputsProblem in [type(p) for p in problems]
    assert "there are 2 output nodes; keep one" in str(SpecError(problems))


def test_cycle_is_reported_with_its_nodes():
    spec = NetworkSpec((
        input_node("x", 2), hidden_node("a", 2), hidden_node("b", 2), output_node("y", 2),
        ),
        # edges written directly: connect() refuses a loop, a hand-edited file may not
    )
    from core import EdgeSpec
    spec = NetworkSpec(spec.nodes, (EdgeSpec("1", "x", "a"), EdgeSpec("2", "a", "b"),
                                    EdgeSpec("3", "b", "a"), EdgeSpec("4", "b", "y")))
    problems = spec.problems()
    cycle = [p for p in problems if isinstance(p, CycleProblem)]
    assert cycle and set(cycle[0].node_ids) == {"a", "b"}
    assert "loop" in cycle[0].message
    with pytest.raises(SpecError, match="loop"):
        spec.order()
    with pytest.raises(SpecError, match="loop"):
        build(spec)


def test_unreachable_and_dead_end_nodes():
    spec = xor_spec().with_node(hidden_node("lonely", 3)).with_node(hidden_node("sink", 2))
    spec = spec.connect("x", "sink")
    problems = spec.problems()
    unreachable = [p for p in problems if isinstance(p, UnreachableProblem)]
    dead = [p for p in problems if isinstance(p, DeadEndProblem)]
    assert [p.node_ids for p in unreachable] == [("lonely",)]
    assert {p.node_ids for p in dead} == {("lonely",), ("sink",)}
    assert "gets no data" in unreachable[0].message
    assert "does not lead to the output" in dead[0].message


def test_units_below_one():
    spec = xor_spec().with_node_changed("h", units=0)
    assert kinds(spec) == [UnitsProblem]
    assert "needs at least 1" in spec.problems()[0].message


def test_a_billion_units_is_a_problem_found_before_any_weight_is_made():
    spec = xor_spec().with_node_changed("h", units=10**9)
    assert [(type(p), p.node_ids) for p in spec.problems()] == [(SizeProblem, ("h",))]
    assert spec.problems()[0].message == (
        "hidden h has 1,000,000,000 units: a node may have at most 4,096")
    with pytest.raises(SpecError, match="at most 4,096"):
        build(spec)


def test_an_input_may_have_more_units_than_a_hidden_node_but_not_a_connection_too_many():
    wide = xor_spec().with_node_changed("x", units=12_288)  # 64 × 64 colour images
    assert wide.problems() == []
    wider = wide.with_node_changed("h", units=4096)
    assert kinds(wider) == [SizeProblem] and wider.problems()[0].node_ids == ("x", "h")
    assert wider.problems()[0].message == (
        "input x → hidden h would hold 50,331,648 weights: a connection may hold at most "
        "20,000,000; give the nodes fewer units")


@pytest.mark.parametrize(("activation", "loss", "words"), [
    ("identity", "cross_entropy", "cross_entropy loss needs a softmax output"),
    ("softmax", "binary_cross_entropy", "binary_cross_entropy loss needs a sigmoid output"),
    ("sigmoid", "hinge", "unknown loss 'hinge'"),
])
def test_loss_that_does_not_fit_the_output_activation(activation, loss, words):
    spec = xor_spec().with_node_changed("y", activation=activation, loss=loss, units=2)
    assert kinds(spec) == [LossProblem]
    assert words in spec.problems()[0].message


def test_softmax_over_one_unit_is_refused():
    spec = xor_spec().with_node_changed("y", activation="softmax", loss="cross_entropy")
    assert kinds(spec) == [LossProblem]
    assert "always outputs 1" in spec.problems()[0].message


@pytest.mark.parametrize(("change", "words"), [
    ({"activation": "swish"}, "unknown activation 'swish'"),
    ({"init": "glorot"}, "unknown initialiser 'glorot'"),
    ({"dropout": 1.0}, "dropout rate 1.0 must be at least 0 and below 1"),
    ({"init": "std", "init_std": 0.0}, "std must be above 0 and at most 10, not 0"),
    # weights a float32 network holds as infinite, drawn again by every Reset Weights
    ({"init": "std", "init_std": 1e300}, "std must be above 0 and at most 10, not 1e+300"),
])
def test_bad_node_options(change, words):
    spec = xor_spec().with_node_changed("h", **change)
    assert kinds(spec) == [OptionProblem]
    assert words in spec.problems()[0].message


def test_can_connect_refuses_with_reasons():
    spec = xor_spec().with_node(hidden_node("z", 2))
    assert spec.can_connect("x", "z")
    assert spec.can_connect("z", "y")
    cases = {
        ("h", "x"): (ConnectionProblem, "is an input node"),
        ("y", "z"): (ConnectionProblem, "is the output node"),
        ("h", "h"): (ConnectionProblem, "cannot feed itself"),
        ("x", "h"): (ConnectionProblem, "already connected"),
        ("nope", "h"): (ConnectionProblem, "there is no node"),
    }
    for (src, dst), (kind, words) in cases.items():
        assert not spec.can_connect(src, dst)
        problem = spec.connection_problem(src, dst)
        assert isinstance(problem, kind) and words in problem.message
    # a cycle through two hidden nodes
    spec = spec.connect("h", "z")
    problem = spec.connection_problem("z", "h")
    assert isinstance(problem, CycleProblem)
    assert "would make a loop" in problem.message
    with pytest.raises(SpecError, match="would make a loop"):
        spec.connect("z", "h")


def test_edits_return_new_specs_and_remove_attached_edges():
    spec = xor_spec()
    smaller = spec.without_node("h")
    assert [n.id for n in smaller.nodes] == ["x", "y"]
    assert smaller.edges == ()
    assert len(spec.edges) == 2  # the original is untouched
    assert spec.new_edge_id() == "3"


def test_from_dict_rejects_hand_edited_garbage_with_readable_messages():
    good = xor_spec().to_dict()
    bad_units = json.loads(json.dumps(good))
    bad_units["nodes"][1]["units"] = "two"
    with pytest.raises(SpecError, match=r"node #2: 'units' has the wrong type \(str\)"):
        NetworkSpec.from_dict(bad_units)
    bad_bool = json.loads(json.dumps(good))
    bad_bool["nodes"][1]["units"] = True
    with pytest.raises(SpecError, match="'units' has the wrong type"):
        NetworkSpec.from_dict(bad_bool)
    extra = json.loads(json.dumps(good))
    extra["nodes"][0]["colour"] = "red"
    with pytest.raises(SpecError, match=r"unknown field.*colour"):
        NetworkSpec.from_dict(extra)
    with pytest.raises(SpecError, match="not valid JSON"):
        NetworkSpec.from_json("{nodes: ")
    with pytest.raises(SpecError, match="must be a JSON object"):
        NetworkSpec.from_dict([1, 2])
    with pytest.raises(SpecError, match="edge #1 must be an object"):
        NetworkSpec.from_dict({"nodes": good["nodes"], "edges": [{"src": "x"}]})


def test_build_refuses_an_invalid_spec_listing_every_problem():
    spec = xor_spec().with_node_changed("h", units=0).with_node_changed("y", activation="relu")
    with pytest.raises(SpecError) as info:
        build(spec)
    assert len(info.value.problems) == 2


def test_determinism_same_seed_same_weights_and_losses():
    spec = NetworkSpec.mlp([4, 8, 3], dropout=0.2)
    x = np.random.default_rng(0).standard_normal((16, 4))
    t = np.arange(16) % 3
    a, b, c = build(spec, seed=5), build(spec, seed=5), build(spec, seed=6)
    for name in a.params:
        np.testing.assert_array_equal(a.params[name], b.params[name])
    assert not np.array_equal(a.params["W1"], c.params["W1"])
    for _ in range(3):
        assert a.loss_and_gradient(x, t)[0] == b.loss_and_gradient(x, t)[0]
    # float32 and float64 nets from one seed start from the same draws
    d = build(spec, seed=5, dtype=np.float64)
    np.testing.assert_allclose(a.params["W1"], d.params["W1"], rtol=1e-6)


@pytest.mark.parametrize(("init", "expected_std"), [
    ("he", np.sqrt(2 / 300)), ("xavier", np.sqrt(1 / 300)), ("std", 0.01), ("zeros", 0.0)])
def test_initialisers_use_total_fan_in(init, expected_std):
    spec = NetworkSpec((
        input_node("a", 100), input_node("b", 200),
        output_node("y", 500, activation="identity", loss="mse", init=init),
    )).connect("a", "y").connect("b", "y")
    net = build(spec, seed=0, dtype=np.float64)
    w = np.concatenate([net.params["W1"].ravel(), net.params["W2"].ravel()])
    assert w.std() == pytest.approx(expected_std, rel=0.02, abs=1e-12)
    assert np.all(net.params["b_y"] == 0)


def test_weights_can_be_read_and_set_by_name():
    net = build(xor_spec(), dtype=np.float64)
    net.set_weight("1", 0, 1, 0.25)
    net.set_bias("h", 1, -0.5)
    assert net.get_weight("1", 0, 1) == 0.25
    assert net.params["W1"][0, 1] == 0.25
    assert net.get_bias("h", 1) == -0.5
    assert bias_name("h") == "b_h"


def test_input_shape_mismatch_is_explained():
    net = build(xor_spec())
    with pytest.raises(ValueError, match="takes 2 input column"):
        net.forward(np.zeros((3, 5)))
