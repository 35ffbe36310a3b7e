"""New units on a big layer draw their fresh weights on a worker thread: 2-2000-2000-2's
hidden layer edited in the Inspector held the window 0.2–0.25 s at each step of the spin box,
drawing millions of starting weights. The edit lands when they are drawn — the very weights
the GUI thread would have drawn, one undo entry, the document's generator going on from
where the worker's copy ended — and a scrub made meanwhile ends where the user left it."""

from __future__ import annotations

import copy

import numpy as np

import core.engine.params as engine_params
from core.datasets.ref import DataRef
from core.spec import NetworkSpec
from tests.gui.worker_gate import Gate


def drawn_here(doc, node_id, units):
    """What the edit draws, worked out here from a copy of the document's generator."""
    rng = copy.deepcopy(doc.rng)
    after = doc.spec.with_node_changed(node_id, units=units)
    arrays, _dropped = engine_params.params_after_node_change(doc.spec, after, node_id,
                                                              doc.arrays, rng)
    return arrays, rng.bit_generator.state


def test_a_big_units_edit_draws_its_weights_on_a_worker(qtbot, window, monkeypatch):
    doc = window.doc
    doc.reset(NetworkSpec.mlp([2, 1000, 1000, 2]), data=DataRef.builtin("xor"))
    window.scene.select_only(["1"])
    form = window.inspector.node_form
    before = {name: np.array(doc.array(name)) for name in ("W1", "W2", "b1")}
    expected, state_after = drawn_here(doc, "1", 1200)
    gate = Gate(monkeypatch, engine_params, "params_after_node_change")
    entries = doc.undo_stack.count()

    form.units_spin.setValue(1200)
    try:
        assert gate.entered.wait(5), "the weights were drawn on the GUI thread"
        # The window goes on meanwhile; the network changes once they are drawn.
        assert doc.spec.node("1").units == 1000 and form.edits.busy
        assert form.units_spin.value() == 1200
    finally:
        gate.release.set()
    qtbot.waitUntil(lambda: doc.spec.node("1").units == 1200, timeout=20_000)
    assert gate.on_gui_thread == [False]
    for name in ("W1", "W2", "b1"):
        np.testing.assert_array_equal(doc.array(name), expected[name])
    assert doc.rng.bit_generator.state == state_after  # the next draw goes on from there
    assert doc.undo_stack.count() == entries + 1
    assert doc.undo_stack.undoText() == "Change units of hidden 1"
    qtbot.waitUntil(lambda: not form.edits.busy)

    # A scrub while the weights are drawn: the network ends where the spin box was left,
    # still one undo entry.
    gate.release.clear()
    form.units_spin.setValue(1300)
    assert gate.entered.wait(5)
    form.units_spin.setValue(1400)
    gate.release.set()
    qtbot.waitUntil(lambda: not form.edits.busy, timeout=20_000)
    assert doc.spec.node("1").units == 1400 and form.units_spin.value() == 1400
    assert doc.array("W1").shape == (2, 1400) and doc.array("W2").shape == (1400, 1000)
    assert doc.undo_stack.count() == entries + 1

    doc.undo_stack.undo()  # the whole scrub, back to the weights before it
    assert doc.spec.node("1").units == 1000 and form.units_spin.value() == 1000
    for name, value in before.items():
        np.testing.assert_array_equal(doc.array(name), value)


def test_a_small_units_edit_lands_at_once(qtbot, window):
    doc = window.doc
    doc.reset(NetworkSpec.mlp([2, 8, 2]), data=DataRef.builtin("xor"))
    window.scene.select_only(["1"])
    form = window.inspector.node_form
    expected, _state = drawn_here(doc, "1", 9)
    form.units_spin.setValue(9)
    assert doc.spec.node("1").units == 9 and not form.edits.busy
    np.testing.assert_array_equal(doc.array("W1"), expected["W1"])


def test_undo_train_and_save_right_after_a_big_edit_see_the_edit(qtbot, window, monkeypatch,
                                                                tmp_path):
    """A big units edit still being drawn when the student pressed Ctrl+Z, Train or Save:
    Undo took back the entry *before* it (and the edit landed after), Train trained the old
    network (the edit was then refused by the locked document and lost), a save wrote the old
    network. Now each of them has the edit land first."""
    from tests.gui.training_support import click

    doc = window.doc
    doc.reset(NetworkSpec.mlp([2, 1000, 1000, 2]), data=DataRef.builtin("xor"))
    window.scene.select_only(["1"])
    form = window.inspector.node_form
    form.units_spin.setValue(900)  # an edit before: the one Ctrl+Z took back
    qtbot.waitUntil(lambda: doc.spec.node("1").units == 900 and not form.edits.busy,
                    timeout=20_000)
    form._end_session()
    before = {name: np.array(doc.array(name)) for name in ("W1", "W2")}
    gate = Gate(monkeypatch, engine_params, "params_after_node_change")
    entries = doc.undo_stack.count()
    try:
        form.units_spin.setValue(1200)
        assert gate.entered.wait(5) and form.edits.busy
        window.undo_action.trigger()  # Ctrl+Z at once: this edit is what goes back
        assert doc.spec.node("1").units == 900 and not form.edits.busy
        for name, value in before.items():
            np.testing.assert_array_equal(doc.array(name), value)
        assert doc.undo_stack.count() == entries + 1 and doc.undo_stack.canRedo()
        form.units_spin.setValue(1100)  # a new edit, and Train pressed at once
        qtbot.waitUntil(lambda: form.edits.busy or doc.spec.node("1").units == 1100)
    finally:
        gate.release.set()
    qtbot.waitUntil(lambda: not form.edits.busy, timeout=20_000)

    gate.release.clear()
    form.units_spin.setValue(1300)
    try:
        assert gate.entered.wait(5) and form.edits.busy
        with qtbot.waitSignal(window.training.session.ended, timeout=60_000):
            click(qtbot, window, "train")
            assert doc.spec.node("1").units == 1300  # trained on the network as edited
            window.training.session.stop()
    finally:
        gate.release.set()
    assert doc.spec.node("1").units == 1300

    gate.release.clear()
    form.units_spin.setValue(1400)
    try:
        assert gate.entered.wait(5) and form.edits.busy
        project = window.files.project()  # what Save, autosave and Explain write and read
        assert project.spec.node("1").units == 1400
        assert project.params["W1"].shape == (2, 1400)
    finally:
        gate.release.set()
    qtbot.wait(200)  # the worker's late result changes nothing
    assert doc.spec.node("1").units == 1400
    assert doc.undo_stack.undoText() == "Change units of hidden 1"
