"""A chain of 300 one-unit nodes (input → 300 hidden nodes → output) trained in the window
stalled it 0.4–0.8 s at each frame the canvas showed, part of it here: each hidden node's
thumbnail was painted on the GUI thread, one node at a time (0.4 s), and the predictions were
computed there too (few multiply-adds, but 300 layers of Python in every pass). Now a
network's nodes count in the work that sends the predictions to a worker, and their pictures
are made with them."""

from __future__ import annotations

import threading

import numpy as np

import gui.panels.predictions as predictions_module
from core.datasets.ref import DataRef
from core.engine.params import fresh_params
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from gui.document.predictions import BACKGROUND_WORK, work_of
from tests.gui.training_support import click
from tests.gui.worker_gate import Gate

DEPTH = 300


def chain(depth: int = DEPTH) -> NetworkSpec:
    return NetworkSpec.mlp([2] + [1] * depth + [2])


def open_chain(window) -> None:
    window.doc.reset(chain(), data=DataRef.builtin("spiral"),
                     settings=TrainingSettings(epochs=100_000))
    window.training.docks["Training"].raise_()


def test_a_deep_chain_is_predicted_on_a_worker_a_small_network_at_once():
    dataset = DataRef.builtin("spiral").load()
    rng = np.random.default_rng(0)
    deep, small = chain(), NetworkSpec.mlp([2, 8, 8, 2])
    assert work_of(deep, fresh_params(deep, rng), dataset, 8, True) > BACKGROUND_WORK
    assert work_of(small, fresh_params(small, rng), dataset, 8, True) < BACKGROUND_WORK / 10


def test_a_deep_chain_s_predictions_and_pictures_are_made_on_a_worker_while_it_trains(
        qtbot, window, monkeypatch):
    pictures_here: list[bool] = []
    node_images = predictions_module.node_images

    def recorded(*args, **kwargs):
        pictures_here.append(threading.current_thread() is threading.main_thread())
        return node_images(*args, **kwargs)

    monkeypatch.setattr(predictions_module, "node_images", recorded)
    gate = Gate(monkeypatch, predictions_module, "compute")
    open_chain(window)
    qtbot.waitUntil(gate.entered.is_set, timeout=10_000)  # held on the worker
    assert gate.on_gui_thread == [False]
    gate.release.set()
    output = window.scene.node_item(str(DEPTH + 1))
    hidden = window.scene.node_item("150")
    qtbot.waitUntil(lambda: output.thumbnail is not None and hidden.thumbnail is not None)
    session = window.training.session
    click(qtbot, window, "train")
    calls = len(gate.on_gui_thread)
    with qtbot.waitSignal(session.weights_shown, timeout=30_000):
        pass  # the canvas shows the run's weights: the predictions follow them
    qtbot.waitUntil(lambda: len(gate.on_gui_thread) > calls and not window.predictions.busy,
                    timeout=30_000)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        click(qtbot, window, "stop")
    qtbot.waitUntil(lambda: not window.predictions.busy, timeout=30_000)
    assert gate.on_gui_thread and not any(gate.on_gui_thread)
    assert pictures_here and not any(pictures_here)
