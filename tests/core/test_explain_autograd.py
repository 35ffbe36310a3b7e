"""Explain's numbers on networks a student draws equal PyTorch autograd's for the same weights
and row: every node's z (before and after batch norm), a, δ and ∂L/∂a, ∂L/∂x, every ∂L/∂W,
∂L/∂b, ∂L/∂γ and ∂L/∂β, the row's loss, and the weights after one SGD step."""

from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.explain import explain, explained_network, sgd_step, trace_row
from core.project import Project
from core.training.settings import TrainingSettings
from tests.core.torch_reference import reference

ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu", "identity", "softmax")


def drawn(*nodes, edges):
    spec = NetworkSpec(tuple(nodes), ())
    for src, dst in edges:
        spec = spec.connect(src, dst)
    return spec


def mlp(hidden="tanh", out="softmax", units=3, loss=None, **options):
    return drawn(input_node("0", 3), hidden_node("1", 4, activation=hidden, **options),
                 output_node("2", units, activation=out, loss=loss), edges=[("0", "1"), ("1", "2")])


NETWORKS = {
    "skip connection": drawn(input_node("0", 2), hidden_node("1", 3, activation="tanh"),
                             output_node("2", 2), edges=[("0", "1"), ("1", "2"), ("0", "2")]),
    "two hidden nodes merging": drawn(
        input_node("0", 2), hidden_node("1", 3, activation="relu"),
        hidden_node("2", 2, activation="sigmoid"), output_node("3", 3),
        edges=[("0", "1"), ("0", "2"), ("1", "3"), ("2", "3")]),
    "a node with two inputs": drawn(
        input_node("0", 2), input_node("1", 1), hidden_node("2", 3, activation="tanh"),
        output_node("3", 1, activation="sigmoid"), edges=[("0", "2"), ("1", "2"), ("2", "3")]),
    "batch norm and dropout": mlp("relu", batch_norm=True, dropout=0.5),
    "batch norm everywhere, skips": drawn(
        input_node("0", 2), hidden_node("1", 3, batch_norm=True),
        hidden_node("2", 3, activation="leaky_relu", batch_norm=True),
        output_node("3", 1, activation="identity", loss="mse", batch_norm=True),
        edges=[("0", "1"), ("1", "2"), ("0", "2"), ("2", "3"), ("1", "3"), ("0", "3")]),
    **{f"hidden {name}": mlp(name) for name in ACTIVATIONS},
    **{f"{name} output with MSE": mlp(out=name, loss="mse") for name in ACTIVATIONS},
    "BCE with one sigmoid unit": mlp(out="sigmoid", units=1),
    "BCE with three sigmoid units": mlp(out="sigmoid", loss="binary_cross_entropy"),
    "MSE regression, one output": mlp(out="identity", units=1, loss="mse"),
}


def assert_close(actual, expected, what):
    np.testing.assert_allclose(actual, expected, rtol=1e-10, atol=1e-12, err_msg=what)


def assert_like_autograd(trace, network):
    ref = reference(network.spec, network.params, network.state, trace.x, trace.target,
                    network.loss_name)
    assert trace.loss == pytest.approx(ref.loss, rel=1e-12)
    fused = network.loss_name != "mse"
    for node_id, node in trace.nodes.items():
        if network.spec.node(node_id).kind == "input":
            assert_close(node.delta, ref.d_a[node_id], f"∂L/∂x of {node_id}")
            continue
        assert_close(node.z, ref.z[node_id], f"z of {node_id}")
        assert_close(node.a, ref.a[node_id], f"a of {node_id}")
        assert_close(node.delta, ref.delta[node_id], f"δ of {node_id}")
        if node.z_raw is not None:
            assert_close(node.z_raw, ref.z_raw[node_id], f"z before batch norm of {node_id}")
        if not (fused and node_id == network.spec.output.id):  # a fused output has no ∂L/∂y
            assert_close(node.d_a, ref.d_a[node_id], f"∂L/∂a of {node_id}")
    assert list(trace.gradients) == list(ref.gradients)
    for name, grad in trace.gradients.items():
        assert_close(grad, ref.gradients[name], f"∂L/∂{name}")
    return ref


@pytest.mark.parametrize("name", list(NETWORKS))
def test_every_number_equals_autograd(name):
    network = build(NETWORKS[name], seed=1, dtype=np.float64)
    rng = np.random.default_rng(len(name))
    for key, value in network.state.items():  # running statistics as after some training
        value[...] = rng.uniform(0.5, 1.5, value.shape) if "var" in key else rng.normal(
            size=value.shape)
    for value in network.params.values():
        value[...] = rng.normal(size=value.shape)
    units = network.output_units
    target = np.eye(units)[1] if network.loss_name == "cross_entropy" else \
        rng.integers(0, 2, units).astype(float) if network.loss_name != "mse" else \
        rng.normal(size=units)
    assert_like_autograd(trace_row(network, rng.normal(size=network.input_units), target),
                         network)


def quadrants_project(**settings):
    """A student's project: derived feature x1·x2, a batch-norm and dropout hidden node with a
    skip to the output, standardised inputs, weight decay and L1 on, trained weights."""
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 2)) * [1.0, 50.0] + [0.0, 10.0]
    data = Dataset("quadrants", x, (x[:, 0] * x[:, 1] > 0).astype(np.int64), "classification",
                   ("x1", "x2"), ("no", "yes"), "test")
    spec = drawn(input_node("0", 3, features=("x1", "x2", "x1*x2")),
                 hidden_node("1", 4, activation="tanh", batch_norm=True, dropout=0.2),
                 output_node("2", 2), edges=[("0", "1"), ("1", "2"), ("0", "2")])
    project = Project(spec, TrainingSettings(split=(0.5, 0.25, 0.25), seed=4, **settings),
                      DataRef.embedded(data))
    network = project.build_network()
    for key, value in network.state.items():
        value[...] = rng.uniform(0.5, 1.5, value.shape) if "var" in key else rng.normal(
            size=value.shape)
    params = {k: rng.normal(size=v.shape).astype(v.dtype) for k, v in network.params.items()}
    return replace(project, params=params, state=dict(network.state)), data


@pytest.mark.parametrize("settings", [
    {"standardize": True}, {"standardize": True, "weight_decay": 0.1, "l1": 0.01},
    {"dtype": "float64"}])
def test_a_projects_row_and_its_sgd_step_equal_autograd(settings):
    project, data = quadrants_project(**settings)
    explanation = explain(project, 7, data)
    network = explained_network(project)
    ref = assert_like_autograd(explanation.trace, network)
    stepped, after = sgd_step(project, explanation, 0.5)
    for name, value in ref.stepped(network.params, 0.5).items():
        assert_close(stepped[name], value, f"{name} after the step")
    assert after == pytest.approx(reference(
        network.spec, stepped, network.state, explanation.trace.x, explanation.trace.target,
        network.loss_name).loss, rel=1e-12)
