"""Reset weights drew a big network's starting weights on the GUI thread (60–460 ms on
2-2000-2000-2 on a loaded machine). A big network's are drawn on a worker now and pushed when
ready — the very weights the seed gives, one undo entry as before; an Undo (or any edit, Train,
a save) right after the click lands the reset first, so it takes back the reset itself."""

from __future__ import annotations

import threading

import numpy as np

import gui.training.weights_reset as reset_module
from core import build
from tests.gui.training_support import click, open_example, train_to_end


def seed_arrays(window) -> dict[str, np.ndarray]:
    doc = window.doc
    network = build(doc.spec, seed=doc.settings.seed, dtype=np.float64)
    return {k: v for k, v in {**network.params, **network.state}.items() if doc.has_array(k)}


def values(doc) -> dict[str, np.ndarray]:
    return {name: np.array(value) for name, value in doc.arrays.items()}


def same(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def test_a_big_network_s_reset_is_drawn_on_a_worker(qtbot, window, monkeypatch):
    monkeypatch.setattr(reset_module, "BACKGROUND_WEIGHTS", 0)  # spiral's count as big
    on_gui_thread: list[bool] = []
    seed_weights = reset_module.seed_weights

    def recorded(*args):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return seed_weights(*args)

    monkeypatch.setattr(reset_module, "seed_weights", recorded)
    open_example(window, "spiral", epochs=2)
    doc = window.doc
    train_to_end(qtbot, window)
    trained, entries = values(doc), doc.undo_stack.count()
    click(qtbot, window, "reset")
    qtbot.waitUntil(lambda: doc.undo_stack.count() == entries + 1)
    assert on_gui_thread == [False]
    assert same(values(doc), seed_arrays(window))
    assert doc.history is None
    assert doc.undo_stack.text(entries) == "Reset weights"
    window.undo_action.trigger()
    assert same(values(doc), trained)


def test_undo_right_after_reset_takes_back_the_reset(qtbot, window, monkeypatch):
    monkeypatch.setattr(reset_module, "BACKGROUND_WEIGHTS", 0)
    arrived = []
    drawn = reset_module.WeightsReset._drawn

    def recorded(self, result, problem):  # the worker's result reaching the window
        arrived.append(result is not None)
        drawn(self, result, problem)

    monkeypatch.setattr(reset_module.WeightsReset, "_drawn", recorded)
    open_example(window, "spiral", epochs=2)
    doc = window.doc
    train_to_end(qtbot, window)
    trained, entries = values(doc), doc.undo_stack.count()
    click(qtbot, window, "reset")
    window.undo_action.trigger()  # at once: the reset lands first, then is undone
    assert doc.undo_stack.count() == entries + 1
    assert same(values(doc), trained)
    qtbot.waitUntil(lambda: arrived == [True], timeout=10000)  # the late result changes nothing
    assert same(values(doc), trained) and doc.undo_stack.count() == entries + 1
    window.redo_action.trigger()
    assert same(values(doc), seed_arrays(window))
