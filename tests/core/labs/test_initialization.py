"""The book's activation histograms per initialisation, as numbers."""

import numpy as np
import pytest

from core.labs.initialization import (
    layer_activations,
    layer_histogram,
    saturated_fraction,
    zero_fraction,
)


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


def test_relu_zeros_are_counted_and_can_be_left_out_of_the_histogram():
    a = layer_activations("He", "relu")[0]
    z = zero_fraction(a)
    assert z == np.count_nonzero(a == 0) / a.size and 0.45 < z < 0.55  # half the units off
    edges = np.linspace(0, a.max(), 31)
    kept = layer_histogram(a, edges, drop_zeros=True)
    assert kept.sum() == pytest.approx(1 - z)  # shares of all outputs, the zeros left out
    every = layer_histogram(a, edges)
    assert every.sum() == pytest.approx(1) and every[0] - kept[0] == pytest.approx(z)
    assert zero_fraction(np.array([0.0, 0.0, 1e-300, 2.0])) == 0.5  # exactly 0 only
