"""CONCEPTS.md §8's pictures as numbers."""

import numpy as np
import pytest

from core.init_experiment import layer_activations, saturated_fraction


def test_std_1_sigmoid_piles_up_at_0_and_1():
    layers = layer_activations("std 1", "sigmoid")
    assert len(layers) == 5 and layers[0].shape == (1000, 100)
    assert all(saturated_fraction(a) > 0.7 for a in layers)


def test_std_001_sigmoid_collapses_to_one_half():
    for a in layer_activations("std 0.01", "sigmoid"):
        assert abs(a.mean() - 0.5) < 0.01 and a.std() < 0.03  # 0.025 in layer 1, then 0.012


def test_xavier_sigmoid_spreads():
    for a in layer_activations("Xavier", "sigmoid"):
        assert saturated_fraction(a) < 0.3 and a.std() > 0.05


def test_he_keeps_relu_alive_while_std_001_dies_out():
    he = [a.std() for a in layer_activations("He", "relu")]
    small = [a.std() for a in layer_activations("std 0.01", "relu")]
    assert max(he) / min(he) < 2  # steady across layers
    assert small[-1] < 1e-4 * small[0]  # shrinks about ×0.07 per layer: it dies out


def test_same_seed_same_pictures():
    a = layer_activations("He", "tanh", seed=3)
    b = layer_activations("He", "tanh", seed=3)
    for x, y in zip(a, b, strict=True):
        np.testing.assert_array_equal(x, y)
    with pytest.raises(KeyError):
        layer_activations("glorot", "relu")
