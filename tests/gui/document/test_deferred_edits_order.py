"""Edits worked out on a worker land in the order they were asked: a result that arrives late
neither overwrites an edit asked after it nor lands that later edit first.

Found in review: an Explain SGD step still being worked out when Reset weights was pressed
pushed its stale weights over the reset (the undo list read "Reset weights", "One SGD step"
with the old trained weights minus a step); and a Reset whose draw ended while a later units
edit was still being drawn landed that edit first and then failed on the shapes ("W1 has shape
(2, 1200), got (2, 1000)", "an internal error")."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

import core.engine.params as engine_params
import gui.explain.sgd as sgd_module
import gui.training.weights_reset as reset_module
from core import build
from core.datasets.ref import DataRef
from core.spec import NetworkSpec
from gui.explain import tracing
from tests.gui.worker_gate import Gate


def test_a_reset_pressed_while_explain_works_out_a_step_is_not_overwritten(
        qtbot, window, monkeypatch):
    monkeypatch.setattr(tracing, "BACKGROUND_WEIGHTS", 0)  # both on workers, as on big nets
    monkeypatch.setattr(reset_module, "BACKGROUND_WEIGHTS", 0)
    step = Gate(monkeypatch, sgd_module, "sgd_step")
    reset = Gate(monkeypatch, reset_module, "seed_weights")
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()
    panel, doc, session = window.explain, window.doc, window.training.session
    qtbot.waitUntil(lambda: panel.explanation is not None)
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    assert panel.sgd.busy
    session.reset_weights()  # Ctrl+Shift+R while the step is worked out
    assert session.resets.busy
    step.release.set()  # the step's result arrives while the reset is still being drawn
    qtbot.waitUntil(lambda: not panel.sgd.busy, timeout=10000)
    reset.release.set()
    qtbot.waitUntil(lambda: not session.resets.busy, timeout=10000)
    net = build(doc.spec, seed=doc.settings.seed, dtype=np.float64)
    for name, value in {**net.params, **net.state}.items():
        if doc.has_array(name):
            np.testing.assert_array_equal(doc.array(name), value.astype(doc.array(name).dtype))
    texts = [doc.undo_stack.text(i) for i in range(doc.undo_stack.count())]
    assert texts[-1] == "Reset weights" and not any("SGD" in t for t in texts)
    assert "weights changed while the step was worked out" in panel.result.text()


def test_a_units_edit_after_a_reset_lands_after_it(qtbot, window, monkeypatch):
    doc, session = window.doc, window.training.session
    doc.reset(NetworkSpec.mlp([2, 1000, 1000, 2]), data=DataRef.builtin("xor"))
    monkeypatch.setattr(reset_module, "BACKGROUND_WEIGHTS", 0)
    draw = Gate(monkeypatch, engine_params, "params_after_node_change")  # ends after the reset
    failed = []
    doc.edit_failed.connect(lambda action, error: failed.append((action, error)))
    session.reset_weights()
    window.scene.select_only(["1"])
    window.inspector.node_form.units_spin.setValue(1200)
    qtbot.waitUntil(lambda: not session.resets.busy, timeout=10000)
    draw.release.set()
    qtbot.waitUntil(lambda: not window.inspector.node_form.edits.busy, timeout=10000)
    texts = [doc.undo_stack.text(i) for i in range(doc.undo_stack.count())]
    assert failed == []
    assert texts[-2] == "Reset weights" and texts[-1].startswith("Change")
    assert doc.array("W1").shape == (2, 1200) and doc.spec.node("1").units == 1200
