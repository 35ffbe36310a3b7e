"""Explain's check and step: the numerical gradient of the row agrees with backprop's on the
same inference-mode loss (batch norm included), and one SGD step on the row lowers its loss."""

import numpy as np
import pytest

from core.explain import (
    agreement,
    explain,
    explained_network,
    numerical_gradients,
    relative_error,
    sgd_step,
)
from core.project import load_project
from resources.examples import example_path


@pytest.mark.parametrize("name", ["xor_learned", "digits_mlp"])
def test_numerical_gradients_agree_with_backprop(name):
    project = load_project(example_path(name))
    explanation = explain(project, 1)
    numerical = numerical_gradients(project, explanation)
    assert list(numerical) == list(explanation.trace.gradients)
    for key, value in numerical.items():
        backprop = explanation.trace.gradients[key]
        significant = np.abs(value) > 1e-6  # relative error is meaningless next to h²
        assert relative_error(backprop, value)[significant].max(initial=0) < 1e-6, key


def test_relative_error_is_zero_where_both_vanish():
    np.testing.assert_array_equal(relative_error(np.array([0.0, 2.0]), np.array([0.0, 1.0])),
                                  [0.0, 0.5])


def test_round_off_sized_gradients_agree_by_their_difference():
    """Gradients of 1e-11 (a loss of ~1e-18) differ by 2 % relatively: that is round-off, and
    their difference, 1.3e-12, is far inside 1e-6: they agree. A real slip does not."""
    backprop = {"W": np.array([[-5.3823e-11, 2.0e-3]]), "b": np.array([0.0])}
    numerical = {"W": np.array([[-5.5134e-11, 2.0000000001e-3]]), "b": np.array([1e-13])}
    assert relative_error(backprop["W"], numerical["W"])[0, 0] > 0.02  # the old alarm
    found = agreement(backprop, numerical)
    assert found.agree
    assert found.difference == pytest.approx(1.311e-12, rel=1e-3) and found.where == "W[0,0]"
    assert found.relative == pytest.approx(5e-11, rel=1e-2)  # only 2e-3 is large enough to count
    tiny = agreement({"b": np.array([3e-9])}, {"b": np.array([1e-9])})
    assert tiny.agree and tiny.relative is None
    slip = agreement({"W": np.array([0.5, 2e-7])}, {"W": np.array([0.5, 4e-6])})
    assert not slip.agree and slip.where == "W[1]"
    assert slip.difference == pytest.approx(3.8e-6)


def test_a_disagreement_names_a_gradient_that_disagrees():
    """W1's gradient of 1000 is off by 5e-3, 5e-6 of itself: it agrees. W2's 0.1 is off by
    1e-4, 1e-3 of itself: that one disagrees, and the verdict names it, though W1's gap is
    the larger."""
    found = agreement({"W1": np.array([1000.0]), "W2": np.array([0.1])},
                      {"W1": np.array([1000.005]), "W2": np.array([0.1001])})
    assert not found.agree
    assert found.where == "W2[0]" and found.difference == pytest.approx(1e-4)
    assert found.relative == pytest.approx(1e-3, rel=1e-3)
    both = agreement({"W1": np.array([1000.0, 3.0]), "W2": np.array([0.1])},
                     {"W1": np.array([1000.005, 3.0]), "W2": np.array([0.1])})
    assert both.agree and both.where == "W1[0]"  # agreeing: the largest gap, as before
    assert both.difference == pytest.approx(5e-3)


def test_the_books_forward_pass_checks_with_real_gradients():
    """The three-layer example's target is not its own output: its gradients are real
    (|∂L/∂b3| ≈ 0.3) and backprop agrees with the numerical gradient to ~1e-10."""
    project = load_project(example_path("forward_pass_3layer"))
    explanation = explain(project, 0)
    gradients = explanation.trace.gradients
    np.testing.assert_allclose(gradients["b3"], [0.31682708, 0.69627909 - 1], atol=1e-8)
    assert explanation.trace.loss == pytest.approx(0.0963129, rel=1e-6)
    found = agreement(gradients, numerical_gradients(project, explanation))
    assert found.agree and found.difference < 1e-9 and found.relative < 1e-6


@pytest.mark.parametrize("sample", [0, 1, 2, 3])
def test_one_sgd_step_on_the_row_lowers_its_loss(sample):
    project = load_project(example_path("xor_learned"))
    explanation = explain(project, sample)
    stepped, after = sgd_step(project, explanation, lr=0.1)
    assert after < explanation.trace.loss
    before = explained_network(project).params  # the seed's weights: the example is untrained
    assert list(stepped) == list(before)
    np.testing.assert_allclose(stepped["W1"], before["W1"]
                               - 0.1 * explanation.trace.gradients["W1"])


def test_typed_inputs_replace_the_rows_and_keep_its_target():
    project = load_project(example_path("xor_learned"))
    typed = explain(project, 1, inputs=[0, 1])  # row 1 is (1, 0) → 1; (0, 1) → 1 is row 2
    row2 = explain(project, 2)
    np.testing.assert_array_equal(typed.trace.x, row2.trace.x)
    assert typed.trace.loss == row2.trace.loss and "typed inputs" in typed.where
    with pytest.raises(ValueError, match="give 2 input value"):
        explain(project, 1, inputs=[0])
