"""Check on a ReLU, leaky ReLU or step unit whose z sits at 0 — a student's untrained XOR with
its biases of 0 on the row (0, 0): the numerical gradient straddles the activation's corner and
disagrees with backprop, which equals PyTorch autograd. The verdict said only "disagree" and
named b1[0], as if backprop were wrong; it now names the unit at the corner that explains it."""

from dataclasses import replace

import numpy as np
import pytest

from core.explain import (
    Corner,
    agreement,
    explain,
    explained_network,
    numerical_gradients,
    with_corners,
)
from core.project import load_project
from resources.examples import example_path
from tests.core.torch_reference import reference


def untrained_xor(activation):
    """XOR's 2-2-1 with its hidden node's activation changed, as drawn: not trained yet."""
    project = load_project(example_path("xor_learned"))
    spec = project.spec.with_node_changed("1", activation=activation)
    return replace(project, spec=spec, params=None, state=None)


def checked(project, row):
    explanation = explain(project, row)
    numerical = numerical_gradients(project, explanation)
    found = agreement(explanation.trace.gradients, numerical)
    return explanation, numerical, with_corners(project, explanation, found)


@pytest.mark.parametrize("activation", ["relu", "leaky_relu", "step"])
def test_a_unit_at_its_corner_is_named_and_backprop_is_autograds(activation):
    project = untrained_xor(activation)
    explanation, numerical, found = checked(project, 0)  # x = (0, 0): z = b1 = 0
    trace = explanation.trace
    np.testing.assert_array_equal(trace.nodes["1"].z, [0.0, 0.0])
    network = explained_network(project)
    autograd = reference(network.spec, network.params, network.state, trace.x, trace.target,
                         network.loss_name)
    np.testing.assert_allclose(trace.gradients["b1"], autograd.gradients["b1"], atol=1e-15)
    # The central difference straddles z = 0: for ReLU it is half the slope on the right.
    if activation == "relu":
        np.testing.assert_array_equal(trace.gradients["b1"], [0.0, 0.0])
        right = autograd.d_a["1"]  # what δ would be with slope 1
        np.testing.assert_allclose(numerical["b1"], right / 2, rtol=1e-4)  # O(h)
    assert not found.agree and found.where == "b1[0]"
    assert found.parameter == "b1" and found.index == (0,)
    # b1[0] moves only unit 0's z across 0
    assert found.corners == (Corner("1", 0, 0.0, activation),)


@pytest.mark.parametrize("activation", ["relu", "sigmoid"])
def test_no_corner_is_named_where_they_agree_or_the_activation_is_smooth(activation):
    _, _, found = checked(untrained_xor(activation), 1)  # x = (1, 0): z = W1[0] ≠ 0
    assert found.agree and found.corners == ()
    project = untrained_xor(activation)
    explanation = explain(project, 1)
    numerical = numerical_gradients(project, explanation)
    numerical["W2"] = numerical["W2"] + 0.01  # a real slip: no corner explains it
    found = with_corners(project, explanation, agreement(explanation.trace.gradients, numerical))
    assert not found.agree and found.parameter == "W2" and found.corners == ()
