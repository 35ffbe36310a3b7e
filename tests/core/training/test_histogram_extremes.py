"""Histograms of a diverged network's weights: values near float64's limit."""

import numpy as np

from core.training.snapshot import Histogram


def test_equal_huge_values_are_binned_without_dividing_by_zero():
    """1e308 ± 0.5 is 1e308: the width of the bins was 0, and every frame of a run with such
    weights printed a ZeroDivisionError traceback."""
    hist = Histogram.of(np.full(4, 1e308), 5)
    assert hist.counts.sum() == 4 and hist.edges[0] < 1e308 < hist.edges[-1]


def test_a_range_wider_than_a_float_holds_is_binned_to_its_ends():
    """-1e308 to 1e308 spans 2e308, past float64: the bins' width was infinite."""
    hist = Histogram.of(np.array([-1e308, 0.0, 1e308]), 4)
    assert hist.counts.tolist() == [1, 0, 1, 1]  # 0 on the middle edge: the upper bin
    assert np.isfinite(hist.edges).all() and hist.edges[0] == -1e308 and hist.edges[-1] == 1e308
