"""Explain: the numbers one row gets through the user's network are the engine's, in inference
mode, and the gradients match the numerical gradient of that row's data loss."""

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.explain import build_steps, explain, format_table, to_json, trace_row
from core.project import Project, load_project
from core.training.prepare import prepare
from core.training.settings import TrainingSettings
from resources.examples import example_names, example_path

H = 1e-5


def float64_network(project):
    """The project's network in float64 with its saved weights, built independently."""
    net = build(project.spec, seed=project.settings.seed, dtype=np.float64)
    if project.params is not None:
        net.load_params(project.params, project.state or {})
    return net


def assert_matches_numerical(net, trace):
    numerical = net.numerical_gradient(trace.x[None], trace.target[None], train=False)
    assert list(trace.gradients) == list(net.params)
    for name, expected in numerical.items():
        scale = max(1.0, float(np.abs(expected).max()))
        np.testing.assert_allclose(trace.gradients[name], expected, rtol=1e-6,
                                   atol=1e-7 * scale, err_msg=name)


def numerical_input_gradient(net, x, t):
    grad = np.zeros_like(x)
    for i in range(x.size):
        up, down = x.copy(), x.copy()
        up[i] += H
        down[i] -= H
        grad[i] = (net.loss(up[None], t[None]) - net.loss(down[None], t[None])) / (2 * H)
    return grad


@pytest.mark.parametrize("name", example_names())
def test_gradients_equal_the_numerical_gradient_on_every_example(name):
    project = load_project(example_path(name))
    explanation = explain(project, 0)
    trace = explanation.trace
    net = float64_network(project)
    assert_matches_numerical(net, trace)
    assert trace.loss == pytest.approx(net.loss(trace.x[None], trace.target[None]), abs=1e-12)
    # What the network is fed: the raw row, standardised and with features as in training.
    dataset = project.data.load()
    s = project.settings
    data = prepare(dataset, project.spec, s.split, s.seed, s.standardize, np.float64)
    np.testing.assert_allclose(trace.x, data.inputs_for(dataset.x[:1], np.float64)[0])
    np.testing.assert_array_equal(trace.x, data.parts[explanation.part].x[explanation.part_row])
    output = trace.output
    np.testing.assert_allclose(output.a, net.predict(trace.x[None])[0], atol=1e-12)


def skip_bn_dropout_dag(output_activation="softmax", loss=None, units=3):
    """0 → 1 (tanh, batch norm, dropout) → 2 (relu, batch norm) → 3, with skips 0 → 2 and
    1 → 3: node 1 has two outgoing connections and nodes 2 and 3 two incoming ones."""
    spec = NetworkSpec((
        input_node("0", 3),
        hidden_node("1", 4, activation="tanh", batch_norm=True, dropout=0.3),
        hidden_node("2", 5, activation="relu", batch_norm=True),
        output_node("3", units, activation=output_activation, loss=loss),
    ), ())
    for src, dst in (("0", "1"), ("1", "2"), ("2", "3"), ("0", "2"), ("1", "3")):
        spec = spec.connect(src, dst)
    net = build(spec, seed=1, dtype=np.float64)
    rng = np.random.default_rng(0)
    for key, value in net.state.items():  # running statistics as after some training
        value[...] = rng.uniform(0.5, 1.5, value.shape) if "var" in key else rng.normal(
            size=value.shape)
    for key in net.params:
        if key.startswith(("gamma", "beta", "b")):
            net.params[key] = rng.normal(size=net.params[key].shape)
    return net, rng


@pytest.mark.parametrize(("activation", "loss", "units"), [
    ("softmax", None, 3), ("sigmoid", None, 1), ("identity", "mse", 2), ("sigmoid", "mse", 2)])
def test_a_dag_with_a_skip_connection_and_batch_norm(activation, loss, units):
    net, rng = skip_bn_dropout_dag(activation, loss, units)
    x = rng.normal(size=3)
    t = np.eye(units)[0] if units > 1 else np.array([1.0])
    trace = trace_row(net, x, t)
    assert_matches_numerical(net, trace)
    y = trace.output.a
    # The output's δ: y − t for the fused pairs and identity + MSE; MSE through a sigmoid
    # also multiplies by the sigmoid's slope.
    slope = y * (1 - y) if (activation, loss) == ("sigmoid", "mse") else 1.0
    np.testing.assert_allclose(trace.output.delta, (y - t) * slope, atol=1e-12)
    # Every other δ is ∂L/∂(the node's z): ∂L/∂b without batch norm, ∂L/∂β after it (z is
    # taken after batch norm), and ∂L/∂x for the input.
    numerical = net.numerical_gradient(x[None], t[None], train=False)
    for node_id in ("1", "2"):
        np.testing.assert_allclose(trace.nodes[node_id].delta, numerical[f"beta{node_id}"],
                                   atol=1e-7)
    np.testing.assert_allclose(trace.nodes["0"].delta, numerical_input_gradient(net, x, t),
                               atol=1e-7)
    # Inference mode: batch norm's running averages, no dropout.
    values = net.activations(x[None], train=False)
    for node_id, node in trace.nodes.items():
        np.testing.assert_allclose(node.z, values[node_id].pre[0], atol=1e-12)
        np.testing.assert_allclose(node.a, values[node_id].post[0], atol=1e-12)


def test_delta_follows_the_local_rules():
    net, rng = skip_bn_dropout_dag()
    trace = trace_row(net, rng.normal(size=3), np.array([0.0, 0.0, 1.0]))
    one, two = trace.nodes["1"], trace.nodes["2"]
    # ReLU passes δ where z > 0 and blocks it elsewhere; tanh multiplies by 1 − a².
    np.testing.assert_allclose(two.delta, np.where(two.z > 0, two.d_a, 0.0), atol=1e-12)
    np.testing.assert_allclose(one.delta, one.d_a * (1 - one.a**2), atol=1e-12)
    # Node 1 has two outgoing connections: the δ coming back over both is summed.
    w2, w5 = net.params["W2"], net.params["W5"]
    back = (two.delta * two.bn_scale) @ w2.T + trace.output.delta @ w5.T
    np.testing.assert_allclose(one.d_a, back, atol=1e-12)
    # W receives xᵀ·δ (δ before batch norm where the node has it).
    np.testing.assert_allclose(trace.gradients["W3"], np.outer(two.a, trace.output.delta),
                               atol=1e-12)
    np.testing.assert_allclose(trace.gradients["W2"], np.outer(one.a, two.delta * two.bn_scale),
                               atol=1e-12)


def test_the_network_is_left_as_it_was():
    net, rng = skip_bn_dropout_dag()
    params = {k: v.copy() for k, v in net.params.items()}
    state = {k: v.copy() for k, v in net.state.items()}
    trace_row(net, rng.normal(size=3), np.array([1.0, 0.0, 0.0]))
    for key, value in params.items():
        np.testing.assert_array_equal(net.params[key], value)
    for key, value in state.items():
        np.testing.assert_array_equal(net.state[key], value)


def test_steps_walk_forward_then_backward_with_the_rules_in_words():
    net, rng = skip_bn_dropout_dag()
    steps = build_steps(trace_row(net, rng.normal(size=3), np.array([0.0, 1.0, 0.0])))
    phases = [s.phase for s in steps]
    assert phases == sorted(phases, key=["forward", "loss", "backward"].index)
    assert phases.count("loss") == 1
    forward = [s.node_id for s in steps if s.phase == "forward"]
    backward = [s.node_id for s in steps if s.phase == "backward"]
    assert list(dict.fromkeys(forward)) == ["0", "1", "2", "3"]
    assert list(dict.fromkeys(backward)) == ["3", "2", "1", "0"]
    rules = {(s.phase, s.node_id): [] for s in steps}
    for s in steps:
        rules[(s.phase, s.node_id)].append(s.rule)
    text = " | ".join(s.rule for s in steps)
    assert "softmax + cross-entropy: δ = y − t" in rules[("backward", "3")][0]
    assert "ReLU passes δ where z > 0" in rules[("backward", "2")][0]
    assert "a node with 2 outgoing connections sums the δ coming back" in \
        rules[("backward", "1")][0]
    assert "a node with 2 incoming connections adds their products" in \
        rules[("forward", "2")][0]
    assert "W3 receives a[2]ᵀ·δ" in text and "b3 receives δ" in text
    assert "batch norm at inference" in text and "dropout is off at inference" in text


def _features_project():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 2)) * [1.0, 50.0] + [0.0, 10.0]
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    data = Dataset("quadrants", x, y, "classification", ("x1", "x2"), ("no", "yes"), "test")
    spec = NetworkSpec((input_node("0", 3, features=("x1", "x2", "x1*x2")),
                        hidden_node("1", 4, activation="sigmoid", init="xavier"),
                        output_node("2", 2)), ()).connect("0", "1").connect("1", "2")
    settings = TrainingSettings(split=(0.5, 0.25, 0.25), standardize=True, seed=4)
    return Project(spec, settings, DataRef.embedded(data), title="Quadrants"), data


def test_derived_features_and_standardisation_are_what_the_network_is_fed():
    project, data = _features_project()
    explanation = explain(project, 7)
    s = project.settings
    prepared = prepare(data, project.spec, s.split, s.seed, True, np.float64)
    expected = prepared.inputs_for(data.x[7:8], np.float64)[0]
    np.testing.assert_allclose(explanation.trace.x, expected)
    np.testing.assert_allclose(to_json(explanation)["nodes"]["0"]["a"], expected)
    part = prepared.parts[explanation.part]
    np.testing.assert_array_equal(part.x[explanation.part_row], explanation.trace.x)
    assert part.n == explanation.part_size
    assert_matches_numerical(float64_network(project), explanation.trace)
    assert "data-set row 7 (of 0–39)" in format_table(explanation)


@pytest.mark.parametrize("sample", [-1, 40, 2.0, True])
def test_a_row_that_does_not_exist_is_refused_in_words(sample):
    project, data = _features_project()
    with pytest.raises(ValueError, match="sample"):
        explain(project, sample, data)
