"""core.engine.params names and shapes exactly what build() makes, also for half-built specs."""

from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.engine import params
from core.project import load_project
from core.spec import EdgeSpec
from resources.examples import example_names, example_path


@pytest.mark.parametrize("name", example_names())
def test_shapes_are_the_layout_build_makes_for_every_example(name):
    spec = load_project(example_path(name)).spec
    net = build(spec)
    shapes = params.shapes(spec)
    assert list(shapes.items()) == [(k, v.shape) for k, v in net.params.items()]
    fresh = params.fresh_params(spec, np.random.default_rng(0))
    trained, state = params.split(fresh)
    assert {k: v.shape for k, v in trained.items()} == shapes
    assert {k: v.shape for k, v in state.items()} == {k: v.shape for k, v in net.state.items()}
    net.load_params(trained, state)  # the document's arrays fit the engine as they are


def skip_net():
    """x(3) → h(4, batch norm) → y(2), plus a skip edge x → y with a non-numeric id."""
    spec = NetworkSpec((
        input_node("x", 3),
        hidden_node("h", 4, batch_norm=True, init="xavier"),
        output_node("y", 2),
    )).connect("x", "h").connect("h", "y")
    return spec.with_edge(EdgeSpec("skip", "x", "y"))


def test_names_follow_ids_and_batch_norm_adds_gamma_beta_and_statistics():
    spec = skip_net()
    assert list(params.shapes(spec).items()) == [
        ("W1", (3, 4)), ("b_h", (4,)), ("gamma_h", (4,)), ("beta_h", (4,)),
        ("W2", (4, 2)), ("W_skip", (3, 2)), ("b_y", (2,)),
    ]
    net = build(spec)
    assert list(net.state) == ["mean_h", "var_h"]
    assert params.feeding(spec, "h") == ["W1", "b_h", "gamma_h", "beta_h"]
    assert params.feeding(spec, "y") == ["W2", "W_skip", "b_y"]
    start = params.node_params(spec.node("h"))
    assert [float(start[n][0]) for n in ("b_h", "gamma_h", "beta_h", "mean_h", "var_h")] == [
        0.0, 1.0, 0.0, 0.0, 1.0]
    assert params.node_params(spec.node("x")) == {}


def test_build_draws_the_weights_params_would_draw_from_the_same_generator():
    spec = skip_net()
    net = build(spec, seed=5, dtype=np.float64)
    rng = np.random.default_rng(5)
    for edge_id in ("1", "2", "skip"):  # layout order
        expected = params.edge_weight(spec, spec.edge(edge_id), rng)
        np.testing.assert_array_equal(net.params[params.weight_name(edge_id)], expected)
    # xavier on h: std √(1/3); the skip edge shares y's total fan-in 4 + 3 = 7 (he: √(2/7))
    assert params.init_std(spec, spec.node("h")) == pytest.approx((1 / 3) ** 0.5)
    assert params.init_std(spec, spec.node("y")) == pytest.approx((2 / 7) ** 0.5)


def with_raw_edge(spec, edge):
    """``spec`` plus ``edge`` without the checks of with_edge: what a half-built spec holds."""
    return replace(spec, edges=(*spec.edges, edge))


def test_half_built_specs_get_what_they_can_have():
    spec = NetworkSpec((
        input_node("0", 2),
        hidden_node("1", 0),  # no units yet
        output_node("2", 3, init="unknown"),
    )).connect("0", "1").connect("1", "2")
    spec = with_raw_edge(spec, EdgeSpec("9", "1", "gone"))  # dangling: its node was deleted
    assert params.shapes(spec) == {"W1": (2, 0), "b1": (0,), "W2": (0, 3), "b2": (3,)}
    fresh = params.fresh_params(spec, np.random.default_rng(0))
    assert set(fresh) == {"W1", "b1", "W2", "b2"}
    assert params.init_std(spec, spec.node("2")) == params.HALF_BUILT_STD
    assert params.feeding(spec, "1") == ["W1", "b1"]


def test_a_cycle_falls_back_to_spec_order():
    spec = NetworkSpec((input_node("0", 2), hidden_node("1", 3), hidden_node("2", 4)))
    spec = with_raw_edge(spec.connect("0", "1").connect("1", "2"), EdgeSpec("3", "2", "1"))
    assert list(params.shapes(spec)) == ["W1", "W3", "b1", "W2", "b2"]
    assert params.shapes(spec)["W3"] == (4, 3)


def test_node_change_reshapes_attached_weights_and_drops_batch_norm():
    old = skip_net()
    new = old.with_node_changed("h", units=5, batch_norm=False)
    current = params.fresh_params(old, np.random.default_rng(0))
    changed, dropped = params.params_after_node_change(old, new, "h", current,
                                                       np.random.default_rng(1))
    assert {k: v.shape for k, v in changed.items()} == {"b_h": (5,), "W1": (3, 5),
                                                        "W2": (5, 2)}
    assert dropped == ["gamma_h", "beta_h", "mean_h", "var_h"]


def test_split_separates_running_statistics():
    arrays = {"W1": np.zeros((2, 2)), "b1": np.zeros(2), "mean1": np.zeros(2),
              "var1": np.ones(2), "gamma1": np.ones(2)}
    trained, state = params.split(arrays)
    assert list(trained) == ["W1", "b1", "gamma1"] and list(state) == ["mean1", "var1"]
    assert params.param_name("W", "skip") == "W_skip" and params.weight_name("3") == "W3"


def test_fresh_params_use_the_kept_arrays_that_fit_and_draw_only_the_others():
    spec = skip_net()
    w_h, w_skip = params.weight_name(spec.edges[0].id), params.weight_name("skip")
    kept = {w_h: np.full((3, 4), 0.5), "gamma_h": np.full(4, 2.0),
            w_skip: np.zeros((2, 2)),  # the wrong shape: drawn afresh
            "W99": np.ones(1)}  # not in the network: ignored
    arrays = params.fresh_params(spec, np.random.default_rng(5), keep=kept)

    everything = params.fresh_params(spec, np.random.default_rng(5))
    assert list(arrays) == list(everything)  # the same names, in the same order
    assert arrays[w_h] is kept[w_h] and arrays["gamma_h"] is kept["gamma_h"]
    rng = np.random.default_rng(5)  # the first edge kept: the draws start at the second one
    second = params.edge_weight(spec, spec.edges[1], rng)
    skip = params.edge_weight(spec, spec.edge("skip"), rng)
    edge_2 = params.weight_name(spec.edges[1].id)
    assert np.array_equal(arrays[edge_2], second) and np.array_equal(arrays[w_skip], skip)
    assert arrays[w_skip].shape == (3, 2)
    for name in ("b_h", "beta_h", "var_h"):
        assert np.array_equal(arrays[name], everything[name])


def test_saved_arrays_that_do_not_fit_are_refused_whole_and_named():
    net = build(skip_net(), seed=0)
    before = {k: v.copy() for k, v in net.params.items()}
    saved = {k: np.full_like(v, 7.0) for k, v in net.params.items()}
    saved["W_skip"] = np.zeros((3, 5), np.float32)  # y has 2 units, not 5
    with pytest.raises(ValueError, match=r"saved parameter W_skip has shape \(3, 5\), the "
                                         r"network needs \(3, 2\)"):
        net.load_params(saved)
    for name, array in net.params.items():  # nothing half-copied: W1 etc. are as they were
        np.testing.assert_array_equal(array, before[name])
    del saved["W_skip"]
    with pytest.raises(ValueError, match=r"missing \['W_skip'\], unexpected \[\]"):
        net.load_params(saved)
    state = {k: np.full_like(v, 2.0) for k, v in net.state.items()}
    misfit = {**state, next(iter(state)): np.zeros(9, np.float32)}  # h has 4 units
    with pytest.raises(ValueError, match=r"saved statistic \w+ has shape \(9,\)"):
        net.load_params({**saved, "W_skip": np.ones((3, 2), np.float32)}, misfit)
    for name, array in net.params.items():  # the parameters fitted, but were not copied
        np.testing.assert_array_equal(array, before[name])
    net.load_params({**saved, "W_skip": np.ones((3, 2), np.float32)}, state)
    assert all((v == 2.0).all() for v in net.state.values())
    assert (net.params["W_skip"] == 1.0).all() and (net.params["W1"] == 7.0).all()
