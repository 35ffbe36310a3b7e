"""What a big network's training and timeline did on the GUI thread, now done on workers
(2-2000-2000-2, a loaded 2-core machine): the first step back along the timeline built the
replay's network there (120–150 ms: drawing 4 M weights the record's then replace), showing an
epoch converted its weights to the document's float64 (~0.1 s), and every time the canvas
followed a run the frame's weights were converted too (0.1–0.5 s). The worker makes all of
it; the GUI thread keeps the very arrays it made, and they hold the same values as before."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt

import gui.panels.predictions as predictions_module
import gui.training.continuation as continuation_module
import gui.training.replay as replay_module
from core.engine.params import weight_name
from core.training.snapshot import Histogram
from gui.document.commands import SetArrayValueCommand
from tests.gui.training.test_docks_before_a_run import shows_weights_of, weights_panel
from tests.gui.training.test_timeline import frames_shown, press, ui
from tests.gui.training_support import click, open_example, train_to_end
from tests.gui.worker_gate import Gate


def test_the_first_step_back_builds_the_replay_network_on_the_worker(
        qtbot, trained_spiral, monkeypatch):
    window = trained_spiral
    gate = Gate(monkeypatch, replay_module, "build")
    shown = frames_shown(window)
    press(qtbot, window, Qt.Key.Key_Left, 4)  # epoch 8
    qtbot.waitUntil(gate.entered.is_set)  # held on the worker: the window went on meanwhile
    assert gate.on_gui_thread == [False]
    assert ui(window).bar.label.text() == "epoch 8 / 12"  # the label moved at once
    assert not shown and not window.doc.previewing  # the epoch waits for its frame
    gate.release.set()
    qtbot.waitUntil(lambda: shown == [8])
    record = ui(window).timeline.at(8)
    frame = window.training.output.frame
    assert frame.snapshot.epoch == 8
    for name, value in record.params.items():
        assert np.array_equal(frame.snapshot.params[name], value), name
        # the document shows the record's values, as float64, in the array the worker made
        shown_array = window.doc.shown_array(name)
        assert np.array_equal(shown_array, np.array(value, dtype=np.float64)), name
        assert np.shares_memory(shown_array, frame.arrays[name]), name
    press(qtbot, window, Qt.Key.Key_Left)  # epoch 7: the same replay network, no new build
    qtbot.waitUntil(lambda: shown == [8, 7])
    assert gate.on_gui_thread == [False]


def test_a_run_s_weights_reach_the_document_as_the_worker_converted_them(qtbot, window):
    open_example(window, "spiral", epochs=3)
    assert window.doc.settings.dtype == "float32"  # converted to the document's float64
    result = train_to_end(qtbot, window)
    frame = result.frame
    params = frame.snapshot.params
    for name, value in window.doc.arrays.items():
        expected = params.get(name, frame.snapshot.state.get(name))
        assert value.dtype == np.float64
        assert np.array_equal(value, np.array(expected, dtype=np.float64)), name
        assert np.shares_memory(value, frame.arrays[name]), name  # not copied again
    assert window.training.session.holds_run_weights()
    edge = window.doc.spec.edges[0].id
    assert np.shares_memory(window.scene.edge_item(edge).weights, frame.arrays[weight_name(edge)])


def binned_on_the_gui_thread(monkeypatch) -> list[int]:
    """The sizes of the weight matrices binned on the GUI thread from now on."""
    binned_here: list[int] = []
    of = Histogram.of.__func__

    def recorded(cls, values, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            binned_here.append(np.size(values))
        return of(cls, values, *args, **kwargs)

    monkeypatch.setattr(Histogram, "of", classmethod(recorded))
    return binned_here


def test_a_big_network_s_last_weights_are_binned_on_a_worker_when_the_run_ends(
        qtbot, window, monkeypatch):
    """The Weights panel's histograms of the run's last weights were binned on the GUI thread
    as the run ended (65–85 ms on 2-2000-2000-2); the predictions bin them, on their worker
    for a big network (here: every network)."""
    monkeypatch.setattr(predictions_module, "BACKGROUND_WORK", 0)
    open_example(window, "spiral", epochs=3)
    panel = weights_panel(window)
    binned_here = binned_on_the_gui_thread(monkeypatch)
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: not window.predictions.busy and all(
        shows_weights_of(window, panel, edge.id) for edge in window.doc.spec.edges[:1]))
    assert binned_here == []
    edges = [edge.id for edge in window.doc.spec.edges]
    for edge_id in edges:  # each connection's histogram is that of the run's last weights
        expected = Histogram.of(window.doc.array(weight_name(edge_id)))
        got = panel.weights.histograms[edge_id]
        assert np.array_equal(got.counts, expected.counts), edge_id
        assert np.array_equal(got.edges, expected.edges), edge_id


def test_a_live_prediction_landing_after_the_run_bins_nothing_on_the_gui_thread(
        qtbot, window, monkeypatch):
    """Live predictions are made unbinned; one still on its worker as the run ends used to
    land in the idle window and have every weight matrix binned on the GUI thread (review).
    The job the end asks for bins them, on its worker."""
    monkeypatch.setattr(predictions_module, "BACKGROUND_WORK", 0)
    open_example(window, "spiral", epochs=400)
    panel = weights_panel(window)
    qtbot.waitUntil(lambda: not window.predictions.busy)
    gate = Gate(monkeypatch, predictions_module, "compute")
    binned_here = binned_on_the_gui_thread(monkeypatch)
    session = window.training.session
    click(qtbot, window, "train")
    qtbot.waitUntil(gate.entered.is_set, timeout=20_000)  # a live prediction, held
    with qtbot.waitSignal(session.ended, timeout=20_000):
        click(qtbot, window, "stop")
    qtbot.waitUntil(lambda: window.predictions._again)  # the end's job waits for it
    gate.release.set()
    edge_id = window.doc.spec.edges[0].id
    qtbot.waitUntil(lambda: not window.predictions.busy and not window.predictions._again
                    and shows_weights_of(window, panel, edge_id))
    assert binned_here == []
    expected = Histogram.of(window.doc.array(weight_name(edge_id)))  # the run's last weights
    assert np.array_equal(panel.weights.histograms[edge_id].counts, expected.counts)


class CountedNumpy:
    """NumPy as one module sees it, counting the weights each copy or comparison reads."""

    def __init__(self) -> None:
        self.read: list[int] = []

    def __getattr__(self, name: str):
        found = getattr(np, name)
        if name not in ("array", "array_equal"):
            return found

        def counted(value, *args, **kwargs):
            self.read.append(int(np.size(value)))
            return found(value, *args, **kwargs)
        return counted


def test_the_optimizer_state_is_kept_with_the_document_s_own_weights(
        qtbot, window, monkeypatch):
    """The end of a run copied every weight to remember which the optimizer state belongs to,
    and the next Train compared them all (2-2000-2000-2: 30-100 ms, then ~20 ms, of the GUI
    thread): the document's weights never change in place, so they are kept as they are."""
    counted = CountedNumpy()
    monkeypatch.setattr(continuation_module, "np", counted)
    open_example(window, "spiral", epochs=2)
    session = window.training.session
    train_to_end(qtbot, window)
    assert session.continuation.for_document(window.doc) is not None  # Train goes on from it
    assert counted.read == []  # nothing copied at the end, nothing compared
    weights = window.doc.array("W1")
    window.doc.push(SetArrayValueCommand(window.doc, "W1", (0, 0), 5.0))
    assert session.continuation.for_document(window.doc) is None  # a weight typed: afresh
    window.undo_action.trigger()  # not the run's array any more: compared, and it fits again
    assert session.continuation.for_document(window.doc) is not None
    assert counted.read and set(counted.read) == {weights.size}  # that one array only
