"""CONCEPTS.md §1: gates with the book's and the seed's weights; XOR has no line."""

import pytest

from core.perceptron import PRESETS, best_line, gate_targets, outputs


def test_truth_tables():
    assert gate_targets("and").tolist() == [0, 0, 0, 1]
    assert gate_targets("nand").tolist() == [1, 1, 1, 0]
    assert gate_targets("or").tolist() == [0, 1, 1, 1]
    assert gate_targets("xor").tolist() == [0, 1, 1, 0]


@pytest.mark.parametrize(("preset", "table"), [
    ("AND (book, seed)", [0, 0, 0, 1]),
    ("NAND (book)", [1, 1, 1, 0]),
    ("OR (book)", [0, 1, 1, 1]),
    ("OR (seed)", [0, 1, 1, 1]),
])
def test_presets(preset, table):
    assert outputs(*PRESETS[preset]).tolist() == table


def test_a_line_exists_for_and_or_nand_but_never_for_xor():
    for gate in ("and", "or", "nand"):
        assert best_line(gate_targets(gate))[0] == 4
    correct, weights = best_line(gate_targets("xor"))
    assert correct == 3
    assert outputs(*weights).tolist() != [0, 1, 1, 0]
