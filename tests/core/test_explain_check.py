"""Explain's check and step: the numerical gradient of the row agrees with backprop's on the
same inference-mode loss (batch norm included), and one SGD step on the row lowers its loss."""

import numpy as np
import pytest

from core.explain import explain, explained_network, numerical_gradients, relative_error, sgd_step
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
