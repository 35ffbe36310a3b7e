"""Engineered input features, as TensorFlow Playground offers them."""

import numpy as np
import pytest

from core.datasets import FEATURES, DataError, apply_features, feature_info, load_builtin

POINT = np.array([[2.0, 3.0]])


@pytest.mark.parametrize(("name", "value"), [
    ("x1", 2.0), ("x2", 3.0), ("x1^2", 4.0), ("x2^2", 9.0), ("x1*x2", 6.0),
    ("sin(x1)", 0.9092974268256817), ("sin(x2)", 0.1411200080598672),
])
def test_feature_values(name, value):
    np.testing.assert_allclose(apply_features(POINT, [name]), [[value]], rtol=1e-12)


def test_columns_follow_the_order_of_names():
    x = np.array([[2.0, 3.0], [-1.0, 0.5]])
    out = apply_features(x, ["x1*x2", "x1", "x2^2"])
    np.testing.assert_allclose(out, [[6.0, 2.0, 9.0], [-0.5, -1.0, 0.25]])
    assert out.dtype == np.float64 and out.shape == (2, 3)


def test_registry_is_playgrounds_seven_with_labels():
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]
    assert FEATURES["x1*x2"].label == "X₁X₂" and FEATURES["sin(x1)"].label == "sin(X₁)"
    assert all(info.label for info in FEATURES.values())


def test_raw_columns_beyond_two():
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(apply_features(x, ["x4", "x3"]), x[:, [3, 2]])
    assert feature_info("x12").label == "X₁₂" and feature_info("x12").needs_columns == 12
    assert [feature_info(f"x{k}").label for k in (1, 3, 784)] == ["X₁", "X₃", "X₇₈₄"]  # alike


def test_one_dimensional_data_allows_x1_features_only():
    x = np.array([[np.pi / 2]])
    np.testing.assert_allclose(apply_features(x, ["x1", "x1^2", "sin(x1)"]),
                               [[np.pi / 2, np.pi**2 / 4, 1.0]])
    for name in ["x2", "x2^2", "x1*x2", "sin(x2)"]:
        with pytest.raises(DataError, match="needs at least 2 data columns"):
            apply_features(x, [name])


def test_circle_becomes_linear_in_squared_features():
    d = load_builtin("circle", noise=0)
    r2 = apply_features(d.x, ["x1^2", "x2^2"]).sum(axis=1)
    assert r2[d.y == 1].max() < r2[d.y == 0].min()


def test_integer_input_is_converted():
    assert apply_features(np.array([[2, 3]]), ["x1*x2"]).dtype == np.float64


@pytest.mark.parametrize("names", [["x0"], ["cos(x1)"], ["X1"], ["x1", "x9"], [1]])
def test_unknown_or_missing_features_are_refused(names):
    with pytest.raises(DataError):
        apply_features(np.zeros((2, 2)), names)


def test_unknown_feature_message_lists_the_choices():
    with pytest.raises(DataError) as err:
        apply_features(np.zeros((2, 2)), ["cos(x1)"])
    assert "'cos(x1)'" in str(err.value) and "sin(x1)" in str(err.value)


@pytest.mark.parametrize(("x", "names"), [(np.zeros(3), ["x1"]), (np.zeros((2, 2)), []),
                                          (np.zeros((2, 2)), "x1")])
def test_bad_arguments_are_refused(x, names):
    with pytest.raises(DataError):
        apply_features(x, names)
