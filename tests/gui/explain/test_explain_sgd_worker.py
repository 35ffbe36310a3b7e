"""Explain's "Apply one SGD step" on a big network built the explained network twice and
subtracted every gradient on the GUI thread (0.1–0.5 s on 2-2000-2000-2). A network Explain
traces on a worker has its step worked out on a worker too; the step is the same, to the last
bit, and Undo puts the weights from before back exactly."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

import gui.explain.sgd as sgd_module
from core.explain import sgd_step
from gui.explain import tracing
from gui.explain.shown import shown_project


def test_a_big_network_s_step_is_worked_out_on_a_worker_with_the_same_result(
        qtbot, window, monkeypatch):
    monkeypatch.setattr(tracing, "BACKGROUND_WEIGHTS", 0)  # xor's 9 weights count as big
    threads: list[bool] = []

    def recorded(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return sgd_step(*args)

    monkeypatch.setattr(sgd_module, "sgd_step", recorded)
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel, doc = window.explain, window.doc
    qtbot.waitUntil(lambda: panel.explanation is not None)
    explanation = panel.explanation
    before = {name: np.array(value) for name, value in doc.arrays.items()}
    expected, after = sgd_step(shown_project(window.context), explanation, doc.settings.lr)

    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.text().startswith("One SGD step on row 0"))
    assert threads == [False]  # worked out once, off the GUI thread
    assert panel.result.text() == (
        f"One SGD step on row 0 (lr 1): the row's loss {explanation.trace.loss:.4g} → "
        f"{after:.4g}. Undo puts the weights back.")
    for name, value in expected.items():
        assert np.array_equal(doc.array(name), value)
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.sgd_button.isEnabled())
    assert panel.explanation.trace.loss == after  # traced again: the stepped weights' loss

    window.undo_action.trigger()
    assert all(np.array_equal(doc.array(name), value) for name, value in before.items())


def test_a_step_that_fails_on_the_worker_says_so_and_changes_nothing(qtbot, window,
                                                                       monkeypatch):
    monkeypatch.setattr(tracing, "BACKGROUND_WEIGHTS", 0)

    def failing(*_args):
        raise ValueError("no step today")

    monkeypatch.setattr(sgd_module, "sgd_step", failing)
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()
    panel, doc = window.explain, window.doc
    qtbot.waitUntil(lambda: panel.explanation is not None)
    before = {name: np.array(value) for name, value in doc.arrays.items()}
    entries = doc.undo_stack.count()
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not applied: " in panel.result.text())  # (coloured as an error)
    said = QTextDocumentFragment.fromHtml(panel.result.text()).toPlainText()
    assert said == "Not applied: no step today"  # its words, not "ValueError: no step today"
    assert panel.sgd_button.isEnabled()  # it can be tried again
    assert doc.undo_stack.count() == entries
    assert all(np.array_equal(doc.array(name), value) for name, value in before.items())
