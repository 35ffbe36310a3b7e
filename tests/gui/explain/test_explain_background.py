"""Explain on a big network, or on image data not prepared yet, traces its row on a worker
thread: opening it on 2-2000-2000-2 held the window 0.15–0.8 s (two networks built, each
drawing 4 million starting weights only to overwrite them, and every weight copied), and the
first row of 60,000 × 784 images 1.5 s (the data's split and statistics). The panel says what
it is doing meanwhile and then shows the very numbers core.explain gives; a small network's
row is still traced at once."""

from __future__ import annotations

import numpy as np
import pytest

import gui.document.prepared as prepared_module
import gui.explain.tracing as tracing
from core.datasets.ref import DataRef
from core.explain import explain
from core.spec import NetworkSpec
from gui.document.commands import SetArrayValueCommand
from gui.explain.shown import shown_project
from tests.gui.panels.test_predictions_worker import image_data
from tests.gui.worker_gate import Gate


def same_numbers(shown, expected) -> None:
    assert shown.sample == expected.sample and shown.part == expected.part
    assert shown.trace.loss == expected.trace.loss
    assert shown.trace.gradients.keys() == expected.trace.gradients.keys()
    for name, gradient in expected.trace.gradients.items():
        np.testing.assert_array_equal(shown.trace.gradients[name], gradient)
    for node_id, node in expected.trace.nodes.items():
        np.testing.assert_array_equal(shown.trace.nodes[node_id].a, node.a)


def test_a_big_networks_row_is_traced_on_a_worker_and_shown(qtbot, window, monkeypatch):
    gate = Gate(monkeypatch, tracing, "explain")
    window.doc.reset(NetworkSpec.mlp([2, 500, 500, 2]), data=DataRef.builtin("xor"))
    qtbot.waitUntil(lambda: window.data.dataset is not None)
    panel = window.explain
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    try:
        assert gate.entered.wait(10)
        # The window goes on meanwhile and says what it is doing; nothing to step yet.
        assert panel.explanation is None
        assert panel.message.isVisibleTo(panel)
        assert panel.message.text() == "Stepping row 0 through the network…"
        assert not panel.next_button.isEnabled() and not panel.check_button.isEnabled()
    finally:
        gate.release.set()
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=20_000)
    assert gate.on_gui_thread == [False]
    expected = explain(shown_project(window.context), 0, window.data.dataset)
    same_numbers(panel.explanation, expected)
    assert not panel.message.isVisibleTo(panel)
    assert panel.progress.text() == f"step 1 of {len(expected.steps)} · forward"
    assert panel.next_button.isEnabled()

    # Another row while one is on its way: only the newest is shown.
    gate.release.clear()
    panel.row_spin.setValue(2)
    assert gate.entered.wait(10)
    panel.row_spin.setValue(3)
    gate.release.set()
    qtbot.waitUntil(lambda: panel.explanation is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not panel.tracer.busy)
    assert panel.explanation.sample == 3
    same_numbers(panel.explanation, explain(shown_project(window.context), 3,
                                            window.data.dataset))


def test_unprepared_image_data_is_traced_on_a_worker(qtbot, window, monkeypatch):
    # The data's split and statistics are still being worked out (as for 60,000 images)...
    preparing = Gate(monkeypatch, prepared_module, "prepare_ahead")
    tracing_gate = Gate(monkeypatch, tracing, "explain")
    tracing_gate.release.set()
    panel = window.explain
    try:
        window.doc.reset(NetworkSpec.mlp([784, 16, 10]),
                         data=DataRef.embedded(image_data(400)))
        qtbot.waitUntil(lambda: window.data.dataset is not None)
        assert preparing.entered.wait(10)
        window.explain_action.trigger()
        # ... so Explain works them out for its row on a worker, not on the GUI thread.
        qtbot.waitUntil(lambda: panel.explanation is not None, timeout=20_000)
        assert tracing_gate.on_gui_thread == [False]
        same_numbers(panel.explanation, explain(shown_project(window.context), 0,
                                                window.data.dataset))
    finally:
        preparing.release.set()


def test_an_edit_while_a_row_is_traced_shows_the_edited_networks_numbers(qtbot, window,
                                                                           monkeypatch):
    gate = Gate(monkeypatch, tracing, "explain")
    window.doc.reset(NetworkSpec.mlp([2, 500, 500, 2]), data=DataRef.builtin("xor"))
    qtbot.waitUntil(lambda: window.data.dataset is not None)
    panel = window.explain
    window.explain_action.trigger()
    assert gate.entered.wait(10)
    doc = window.doc
    doc.push(SetArrayValueCommand(doc, "W1", (0, 0), 3.0))  # the weights the trace read go
    qtbot.wait(200)  # the panel asks again; the first trace still runs
    gate.release.set()
    qtbot.waitUntil(lambda: panel.explanation is not None and not panel.tracer.busy,
                    timeout=20_000)
    assert len(gate.on_gui_thread) == 2 and not any(gate.on_gui_thread)
    same_numbers(panel.explanation, explain(shown_project(window.context), 0,
                                            window.data.dataset))
    assert panel.explanation.trace.nodes["1"].z[0] == pytest.approx(
        3.0 * panel.explanation.trace.x[0] + float(doc.array("W1")[1, 0])
        * panel.explanation.trace.x[1] + float(doc.array("b1")[0]))
