"""Before every edit the document keeps what a failing edit is taken back to. It copied every
weight for it — 0.25 s of the GUI thread per keystroke in the Inspector's units box of
784-2000-512-10 — because a typed weight changed its array in place. A typed weight now
replaces its array with a changed copy, so the arrays themselves are kept, and a failed edit
is still taken back whole."""

from __future__ import annotations

import numpy as np

import gui.document.rollback as rollback
from core.engine.params import weight_name
from core.spec import NetworkSpec
from gui.document.commands import SetArrayValueCommand
from gui.inspector.node_form import NodeForm


def record_snapshots(monkeypatch) -> list[rollback.Snapshot]:
    taken: list[rollback.Snapshot] = []
    of = rollback.Snapshot.of.__func__

    def recorded(cls, doc):
        taken.append(of(cls, doc))
        return taken[-1]

    monkeypatch.setattr(rollback.Snapshot, "of", classmethod(recorded))
    return taken


def test_an_edit_of_a_big_network_keeps_its_weights_without_copying(qtbot, window,
                                                                    monkeypatch):
    window.doc.reset(NetworkSpec.mlp([784, 1000, 10]))
    taken = record_snapshots(monkeypatch)
    first = weight_name(window.doc.spec.edges[0].id)
    window.scene.select_only(["2"])  # the output node: its units edit leaves the first layer
    spin = window.inspector.findChild(NodeForm).units_spin
    before = window.doc.array(first)
    spin.setValue(12)
    assert window.doc.spec.node("2").units == 12 and taken
    assert np.shares_memory(taken[-1].arrays[first], before)  # kept, not copied


def test_a_typed_weight_leaves_the_kept_arrays_as_they_were(qtbot, window):
    window.files.open_example("xor_by_hand")
    doc = window.doc
    name = weight_name(doc.spec.edges[0].id)
    kept = rollback.Snapshot.of(doc)
    old = float(kept.arrays[name][0, 0])
    doc.push(SetArrayValueCommand(doc, name, (0, 0), old + 5.0))
    assert doc.array(name)[0, 0] == old + 5.0
    assert kept.arrays[name][0, 0] == old  # the snapshot still says how it was
    doc.undo_stack.undo()
    assert doc.array(name)[0, 0] == old


def test_an_edit_that_fails_after_a_typed_weight_is_taken_back_to_it(qtbot, window,
                                                                      monkeypatch):
    window.files.open_example("xor_by_hand")
    doc = window.doc
    name = weight_name(doc.spec.edges[0].id)
    doc.push(SetArrayValueCommand(doc, name, (0, 0), 2.5))
    arrays = {k: v.copy() for k, v in doc.arrays.items()}

    def fails(*_args, **_kwargs):
        raise RuntimeError("no")

    monkeypatch.setattr(doc, "remove_node", fails)
    window.scene.select_only(["1"])
    window.delete_selection()
    assert all(np.array_equal(doc.array(k), v) for k, v in arrays.items())
    assert doc.array(name)[0, 0] == 2.5
