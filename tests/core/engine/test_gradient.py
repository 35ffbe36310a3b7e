"""The gradient method of docs/book.md §5 on f(x0, x1) = x0² + x1²."""

from __future__ import annotations

import numpy as np
import pytest

from core.engine.gradient import gradient_descent, numerical_gradient


def square_sum(x: np.ndarray) -> float:
    return float(np.sum(x**2))


@pytest.mark.parametrize(
    ("point", "expected"),
    [((3.0, 4.0), (6.0, 8.0)), ((0.0, 2.0), (0.0, 4.0))],
)
def test_numerical_gradient_of_square_sum(point, expected):
    np.testing.assert_allclose(
        numerical_gradient(square_sum, np.array(point)), expected, rtol=0, atol=1e-6
    )


def test_numerical_gradient_handles_any_shape_and_restores_x():
    x = np.arange(6.0).reshape(2, 3) - 2.5
    before = x.copy()
    np.testing.assert_allclose(numerical_gradient(square_sum, x), 2 * x, rtol=0, atol=1e-6)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_is_float64_even_for_float32_x():
    x = np.array([3.0, 4.0], dtype=np.float32)
    grad = numerical_gradient(square_sum, x)
    assert grad.dtype == np.float64 and x.dtype == np.float32
    np.testing.assert_allclose(grad, [6.0, 8.0], rtol=1e-2)


def test_numerical_gradient_restores_x_when_f_raises():
    x = np.array([1.0, 2.0])

    def explode(_: np.ndarray) -> float:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        numerical_gradient(explode, x)
    np.testing.assert_array_equal(x, [1.0, 2.0])


def test_numerical_gradient_rejects_integer_arrays():
    with pytest.raises(TypeError, match="float"):
        numerical_gradient(square_sum, np.array([3, 4]))


def test_gradient_descent_after_20_and_100_steps():
    after_20 = gradient_descent(square_sum, np.array([-3.0, 4.0]), lr=0.1, step_num=20)
    np.testing.assert_allclose(after_20, [-0.0345876451, 0.0461168602], rtol=0, atol=1e-9)
    after_100 = gradient_descent(square_sum, np.array([-3.0, 4.0]), lr=0.1, step_num=100)
    np.testing.assert_allclose(after_100, [-6.11e-10, 8.15e-10], rtol=1e-2)


def test_learning_rate_too_large_diverges():
    x = gradient_descent(square_sum, np.array([-3.0, 4.0]), lr=10.0, step_num=100)
    assert np.linalg.norm(x) > 1e10


def test_learning_rate_too_small_barely_moves():
    x = gradient_descent(square_sum, np.array([-3.0, 4.0]), lr=1e-10, step_num=100)
    assert np.abs(x - [-3.0, 4.0]).max() < 1e-6


def test_gradient_descent_history_and_input_left_alone():
    init_x = np.array([-3.0, 4.0])
    x, points = gradient_descent(square_sum, init_x, lr=0.1, step_num=20, history=True)
    assert len(points) == 21
    np.testing.assert_array_equal(points[0], [-3.0, 4.0])
    np.testing.assert_array_equal(points[-1], x)
    np.testing.assert_array_equal(init_x, [-3.0, 4.0])
    assert points[-1] is not x


def test_gradient_descent_accepts_integer_start():
    x = gradient_descent(square_sum, [-3, 4], lr=0.1, step_num=20)
    np.testing.assert_allclose(x, [-0.0345876451, 0.0461168602], rtol=0, atol=1e-9)
