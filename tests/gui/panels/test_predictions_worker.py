"""A big network's predictions are worked out on a worker thread: 784-512-512-10 on MNIST-shaped
data froze the window 0.2–0.4 s at every edit, undo, reset, Stop and timeline step (784-2000-…
for 0.7 s, ten layers of 256 for 1.2 s), all of it the predictions' forward passes on the GUI
thread. The newest edit's predictions are the ones shown, and a small network's still come at
once."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt

import gui.panels.predictions as predictions_module
from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.spec import NetworkSpec
from core.training.snapshot import Histogram
from gui.inspector.node_form import NodeForm
from tests.gui.training_support import open_example

SIDE = 28


def image_data(rows: int = 400) -> Dataset:
    rng = np.random.default_rng(0)
    return Dataset("pixels", rng.integers(0, 256, (rows, SIDE * SIDE), dtype=np.uint8),
                   rng.integers(0, 10, rows), "classification",
                   tuple(f"p{k}" for k in range(SIDE * SIDE)),
                   tuple(str(k) for k in range(10)), "random pixels", x_divisor=255.0)


def record_threads(monkeypatch) -> list[bool]:
    """Whether each computation of the predictions ran on the GUI thread."""
    on_gui_thread: list[bool] = []
    compute = predictions_module.compute

    def recorded(*args, **kwargs):
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return compute(*args, **kwargs)

    monkeypatch.setattr(predictions_module, "compute", recorded)
    return on_gui_thread


def record_binning(monkeypatch) -> list[bool]:
    """Whether each histogram of the first layer's weights was binned on the GUI thread."""
    on_gui_thread: list[bool] = []
    of = Histogram.of.__func__

    def recorded(cls, values, *args, **kwargs):
        if np.size(values) >= SIDE * SIDE * 1000:
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return of(cls, values, *args, **kwargs)

    monkeypatch.setattr(Histogram, "of", classmethod(recorded))
    return on_gui_thread


def test_a_big_networks_predictions_come_from_a_worker(qtbot, window, monkeypatch):
    on_gui_thread = record_threads(monkeypatch)
    binned_on_gui_thread = record_binning(monkeypatch)
    predictions = window.predictions
    window.doc.reset(NetworkSpec.mlp([SIDE * SIDE, 1000, 10]),
                     data=DataRef.embedded(image_data()))
    qtbot.waitUntil(lambda: predictions.result.weight_images.get("1", np.zeros(0)).shape
                    == (1000, SIDE, SIDE), timeout=30_000)
    assert on_gui_thread and not any(on_gui_thread)

    # Three quick edits in the Inspector: the window goes on while each is predicted, and
    # what it finally shows is the last one's (no older network's predictions after it).
    window.scene.select_only(["1"])
    spin = window.inspector.findChild(NodeForm).units_spin
    shown: list[int] = []
    predictions.updated.connect(lambda result: shown.append(
        result.weight_images["1"].shape[0]))
    for units in (1100, 1200, 1300):
        spin.setValue(units)
        qtbot.waitUntil(lambda: predictions.busy, timeout=5000)
    qtbot.waitUntil(lambda: not predictions.busy and 1300 in shown, timeout=30_000)
    assert window.doc.spec.node("1").units == 1300
    assert predictions.result.weight_images["1"].shape == (1300, SIDE, SIDE)
    assert set(shown) <= {1100, 1200, 1300} and shown[-1] == 1300
    assert not any(on_gui_thread)
    assert predictions.result.held_out is not None  # the Output panel's answers came too
    assert predictions.result.held_out.outputs.shape[1] == 10
    # the Weights panel's histograms of the current weights were binned on the worker too
    assert binned_on_gui_thread and not any(binned_on_gui_thread)
    first = window.doc.spec.edges[0].id
    assert predictions.result.weight_histograms[first].counts.sum() == SIDE * SIDE * 1300


def test_the_books_784_100_10_is_predicted_on_a_worker_after_the_fit_button(
        qtbot, window, monkeypatch):
    """The Handwritten digits example switched to MNIST-shaped data, then "Give input 0 784
    units": its predictions (with the held-out rows the Output panel draws) counted 1.8e8
    multiply-adds, under the worker's threshold, but scaling its 2,264 × 784 input values cost
    as much again: the GUI thread stalled 0.2–0.4 s at that click, at Stop and at every edit."""
    open_example(window, "digits_mlp")
    window.training.docks["Output"].raise_()  # its preview asks for the held-out rows
    window.doc.reset(window.doc.spec, data=DataRef.embedded(image_data()))
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.fit_button.isVisible() and "784" in panel.fit_button.text())
    qtbot.waitUntil(lambda: not window.predictions.busy)
    on_gui_thread = record_threads(monkeypatch)
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    assert window.doc.spec.nodes[0].units == SIDE * SIDE
    qtbot.waitUntil(lambda: window.predictions.result.held_out is not None
                    and not window.predictions.busy, timeout=30_000)
    assert on_gui_thread and not any(on_gui_thread)
    assert window.predictions.result.held_out.outputs.shape[1] == 10
    assert window.predictions.result.weight_images["1"].shape == (100, SIDE, SIDE)


def test_a_small_networks_predictions_come_at_once(qtbot, window, monkeypatch):
    on_gui_thread = record_threads(monkeypatch)
    open_example(window, "digits_mlp")
    on_gui_thread.clear()
    window.predictions.recompute()
    assert on_gui_thread == [True] and not window.predictions.busy
    assert len(window.predictions.result.rows) == 8
