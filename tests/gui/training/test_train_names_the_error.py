"""Train refused on a network with a real error names that error, not a step still to take:
with no output node yet *and* a loop, the status said "Fix the network first: add an output
node" — the student added one and was refused again for the loop nobody had mentioned."""

from __future__ import annotations

from core.datasets.ref import DataRef
from core.spec import EdgeSpec, NetworkSpec, hidden_node, input_node


def test_train_names_a_loop_before_a_missing_output(qtbot, window):
    spec = NetworkSpec(nodes=(input_node("0", 2), hidden_node("1", 3), hidden_node("2", 3)),
                       edges=(EdgeSpec("a", "0", "1"), EdgeSpec("b", "1", "2"),
                              EdgeSpec("c", "2", "1")))
    window.doc.reset(spec, data=DataRef.builtin("xor"))
    kinds = [p.is_step for p in window.doc.problems]
    assert True in kinds and False in kinds
    assert window.doc.problems[0].is_step  # the step is listed first
    error = next(p for p in window.doc.problems if not p.is_step)
    assert window.training.session.problem() == f"Fix the network first: {error.message}"
    assert "loop" in error.message


def test_only_steps_left_ask_to_build_not_to_fix(qtbot, window):
    window.doc.reset(NetworkSpec(nodes=(input_node("0", 2),), edges=()),
                     data=DataRef.builtin("xor"))
    step = window.doc.problems[0]
    assert all(p.is_step for p in window.doc.problems)
    said = window.training.session.problem()
    assert said == f"Build the network first: {step.message}"
    assert not window.training.session.train()
