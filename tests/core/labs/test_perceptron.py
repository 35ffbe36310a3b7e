"""docs/book.md §1: gates with the book's and the seed's weights; XOR has no line."""

import numpy as np
import pytest

from core.labs.perceptron import (
    PRESETS,
    best_line,
    gate_targets,
    half_plane,
    line_points,
    margin,
    outputs,
    two_layer_xor,
)


def test_truth_tables():
    assert gate_targets("and").tolist() == [0, 0, 0, 1]
    assert gate_targets("nand").tolist() == [1, 1, 1, 0]
    assert gate_targets("or").tolist() == [0, 1, 1, 1]
    assert gate_targets("xor").tolist() == [0, 1, 1, 0]


@pytest.mark.parametrize(("preset", "table"), [
    ("AND (book, notes)", [0, 0, 0, 1]),
    ("NAND (book)", [1, 1, 1, 0]),
    ("OR (book)", [0, 1, 1, 1]),
    ("OR (notes)", [0, 1, 1, 1]),
])
def test_presets(preset, table):
    assert outputs(*PRESETS[preset]).tolist() == table


def test_a_line_exists_for_and_or_nand_but_never_for_xor():
    for gate in ("and", "or", "nand"):
        assert best_line(gate_targets(gate))[0] == 4
    correct, weights = best_line(gate_targets("xor"))
    assert correct == 3
    assert outputs(*weights).tolist() != [0, 1, 1, 0]


def test_the_best_line_keeps_its_distance_from_every_point():
    for gate in ("and", "or", "nand", "xor"):
        correct, weights = best_line(gate_targets(gate))
        assert margin(*weights) > 0.3  # no point on (or grazing) the line
    correct, weights = best_line(gate_targets("xor"))
    assert int((outputs(*weights) == gate_targets("xor")).sum()) == correct == 3
    assert margin(*weights) == pytest.approx(0.5 / 2 ** 0.5)  # the best a 3/4 line can do
    assert margin(-1.0, 0.1, 0.0) == 0  # the old first-found line passed through (0, 0)
    assert margin(0.0, 0.0, 1.0) == 0  # no line at all


def test_the_books_two_layer_xor():
    s1, s2, y = two_layer_xor()
    assert s1.tolist() == gate_targets("nand").tolist()
    assert s2.tolist() == gate_targets("or").tolist()
    assert y.tolist() == gate_targets("xor").tolist() == [0, 1, 1, 0]
    assert two_layer_xor(or_=PRESETS["OR (notes)"])[2].tolist() == [0, 1, 1, 0]


def test_the_half_plane_is_the_square_cut_by_the_line():
    # AND: 0.5·x₁ + 0.5·x₂ − 0.7 > 0 above the line x₂ = 1.4 − x₁, cut out of [−50, 50]²
    corners = half_plane(0.5, 0.5, -0.7)
    np.testing.assert_allclose(corners, [[50, -48.6], [50, 50], [-48.6, 50]])
    assert half_plane(0.0, 0.0, -1.0).shape == (0, 2)  # answers 0 everywhere: nothing shaded
    np.testing.assert_allclose(half_plane(0.0, 0.0, 1.0, far=2.0),
                               [[-2, -2], [2, -2], [2, 2], [-2, 2]])  # 1 everywhere: all of it


def test_line_points_lie_on_the_line_far_out():
    x, y = line_points(0.5, 0.5, -0.7)
    np.testing.assert_allclose((x, y), ([-50, 50], [51.4, -48.6]))  # x₂ = 1.4 − x₁
    x, y = line_points(1.0, 0.1, -0.5)  # steep: solved for x₁
    np.testing.assert_allclose(y, [-50, 50])
    np.testing.assert_allclose(1.0 * x + 0.1 * y - 0.5, [0, 0], atol=1e-12)
    assert [len(a) for a in line_points(0.0, 0.0, 1.0)] == [0, 0]  # no weights: no line
