"""The activation-functions lab's numbers: the book's sigmoid values and slopes, where each
slope vanishes, and stacked identity layers equal to one linear map."""

import numpy as np
import pytest

from core.labs.activations import (
    FUNCTIONS,
    STACK_X,
    X,
    curves,
    stack,
    values_at,
    vanishing_intervals,
)


def test_the_sigmoid_and_its_slope_at_the_books_points():
    assert values_at(0.0)["sigmoid"] == (0.5, 0.25)  # the slope is 0.25 at best
    value, slope = values_at(1.0)["sigmoid"]
    assert value == pytest.approx(0.73105858, abs=1e-8)
    assert slope == pytest.approx(0.19661193, abs=1e-8)
    assert values_at(-1.0)["sigmoid"][0] == pytest.approx(0.26894142, abs=1e-8)
    assert values_at(-1.0)["relu"] == (0.0, 0.0) and values_at(-1.0)["step"] == (0.0, 0.0)
    assert values_at(2.0)["relu"] == (2.0, 1.0) and values_at(2.0)["identity"] == (2.0, 1.0)
    assert values_at(0.0)["tanh"] == (0.0, 1.0)
    assert list(values_at(0.0)) == list(FUNCTIONS) and "softmax" not in FUNCTIONS


def test_the_curves_are_the_function_and_its_slope_over_x():
    values, slopes = curves("sigmoid")
    sigma = 1 / (1 + np.exp(-X))
    np.testing.assert_allclose(values, sigma, atol=1e-12)
    np.testing.assert_allclose(slopes, sigma * (1 - sigma), atol=1e-12)
    assert (X[0], X[-1], len(X)) == (-6.0, 6.0, 601)


def test_where_the_slope_vanishes():
    # σ′(x) < 0.01 for |x| above 4.5951 (σ′ = 0.01 there); X has a point every 0.02
    (left_start, left_end), (right_start, right_end) = vanishing_intervals("sigmoid")
    assert (left_start, right_end) == (-6.0, 6.0)
    assert left_end == pytest.approx(-4.6) and right_start == pytest.approx(4.6)
    assert vanishing_intervals("relu") == [(-6.0, pytest.approx(-0.0, abs=1e-12))]  # f′(0) = 0
    assert vanishing_intervals("step") == [(-6.0, 6.0)]  # no slope anywhere: it cannot learn
    assert vanishing_intervals("identity") == []
    assert vanishing_intervals("leaky_relu") == []  # 0.01 for x < 0: small, but not below


def test_stacked_identity_layers_are_one_linear_map():
    collapsed = stack("identity")
    x = STACK_X[:, 0]
    np.testing.assert_allclose(collapsed.y, collapsed.k * x, atol=1e-12)  # y = K·x exactly
    assert collapsed.gap < 1e-12
    np.testing.assert_array_equal(collapsed.line, collapsed.k * x)
    assert stack("identity", seed=3).k == collapsed.k != stack("identity", seed=4).k


def test_a_non_linear_activation_bends_the_stack():
    assert stack("identity").k == pytest.approx(-1.7256592)  # seed 3's W1·W2·W3·W4
    for name, gap in (("relu", 8.4787516), ("tanh", 4.5388342), ("sigmoid", 6.2280523)):
        bent = stack(name)
        assert bent.k == stack("identity").k  # the same weights, multiplied out…
        assert bent.gap == pytest.approx(gap)  # …but the output is far from y = K·x
    assert np.abs(np.diff(stack("relu").y, 2)).max() > 0.05  # ReLU's kink
