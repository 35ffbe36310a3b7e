"""Gradient bars on the canvas: the initialisation lab's sigmoid-with-std-1 network trained in
the window (default batch size) shows "vanishing" on its first hidden layer, in words and in
the tooltip; He + ReLU shows no flag; each connection's bar is its weights' gradient norm, live
and at the epoch the timeline slider is pulled back to; the bars follow the frames they are
given."""

import math
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.engine.network import build
from core.engine.params import weight_name
from core.spec import NetworkSpec
from core.training.gradient_flow import VANISHING, NodeFlow, SignalProbe
from core.training.prepare import prepare
from core.training.settings import TrainingSettings
from core.training.snapshot import edge_key
from gui.canvas.gradient_bars import bar_fraction, caption
from gui.document.commands import ChangeSettingsCommand
from tests.gui.training_support import train_to_end


def lab_project(window, activation: str, init: str, std: float) -> None:
    """Five hidden layers of 100 as in the initialisation lab, on randn data with 10 classes,
    one epoch of plain SGD in batches of the default size (the signal is measured on fixed
    rows, so the batch size does not move it — see core's docstring)."""
    rng = np.random.default_rng(0)
    data = Dataset("randn", rng.standard_normal((256, 100)), rng.integers(0, 10, 256),
                   "classification", tuple(f"x{i}" for i in range(100)),
                   tuple(str(k) for k in range(10)), "randn(256, 100)")
    spec = NetworkSpec.mlp([100] * 6 + [10], activation, init=init, init_std=std)
    window.doc.reset(spec, data=DataRef.embedded(data))
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": 1, "optimizer": "sgd",
                                                       "lr": 0.01, "split": (1.0, 0.0, 0.0)}))


def probe_ratio(window, params, state) -> float:
    """First hidden layer's signal ÷ the last hidden layer's, for ``params``, measured as core
    measures it (on the first 256 training rows) — independently of the window's frames."""
    settings = window.doc.settings
    data = prepare(window.data.dataset, window.doc.spec, settings.split, settings.seed,
                   settings.standardize, params["W1"].dtype)
    network = build(window.doc.spec, dtype=params["W1"].dtype)
    network.load_params(params, state)
    signals = SignalProbe(data.train.x, data.train.t).measure(network)
    return signals["1"] / signals["5"]


def test_sigmoid_with_std_1_is_flagged_vanishing_on_the_canvas(qtbot, window):
    lab_project(window, "sigmoid", "std", 1.0)
    assert window.doc.settings.batch_size == TrainingSettings().batch_size == 32
    train_to_end(qtbot, window)
    bars = window.training.gradient_bars
    first = bars.bar("1")
    assert first is not None and first.isVisible()
    assert first.flow.flag == "vanishing"
    # the ratio is that of the last frame's weights, measured on the first 256 training rows
    frame = window.training.session.last_result.frame
    assert first.flow.ratio == pytest.approx(
        probe_ratio(window, frame.snapshot.params, frame.snapshot.state), rel=1e-6)
    assert first.flow.ratio < 0.7 * VANISHING  # 0.193: flagged with room to spare
    assert first.text.endswith("· vanishing")
    assert "Vanishing gradient" in first.toolTip() and "weaker" in first.toolTip()
    assert bars.bar("5").flow.flag == ""
    # the number drawn is the frame's own gradient norm
    assert first.flow.norm == pytest.approx(frame.snapshot.gradient_norms["1"])


def test_reset_weights_and_its_undo_take_the_last_runs_bars_away(qtbot, window):
    lab_project(window, "relu", "he", 0.01)
    train_to_end(qtbot, window)
    first = window.training.gradient_bars.bar("1")
    assert first.isVisible()
    window.training.actions["reset"].trigger()  # fresh weights: no gradient of theirs yet
    assert not first.isVisible()
    window.doc.undo_stack.undo()  # the trained weights and their history come back
    assert window.doc.history is not None and not first.isVisible()


def test_the_flag_follows_the_timeline_slider(qtbot, window):
    """Pulled back, the flag and ratio are those of the record's weights, not the latest."""
    lab_project(window, "sigmoid", "std", 1.0)
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": 3}))
    train_to_end(qtbot, window)
    timeline = window.training.timeline.timeline
    assert timeline.epochs == [0, 1, 2, 3]
    first = window.training.gradient_bars.bar("1")
    latest = first.flow.ratio
    slider = window.training.timeline.bar.slider
    slider.setFocus()
    for _ in range(2):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.training.loss.marked_epoch == 1)
    record = timeline.at(1)
    expected = probe_ratio(window, record.params, record.state)
    qtbot.waitUntil(lambda: first.flow.ratio == pytest.approx(expected, rel=1e-6))
    assert expected != pytest.approx(latest, rel=1e-3)  # the epochs differ: a real check
    assert first.flow.flag == "vanishing" and first.text.endswith("· vanishing")
    assert first.flow.norm == pytest.approx(record.gradient_norms["1"])


def test_he_with_relu_shows_bars_without_flags(qtbot, window):
    lab_project(window, "relu", "he", 0.01)
    train_to_end(qtbot, window)
    bars = window.training.gradient_bars
    flags = {node: bars.bar(node).flow.flag for node in "123456"}
    assert flags == dict.fromkeys("123456", "")
    assert bars.edge_bar("3").isVisible()
    # a frame without gradients hides them (one with every part: lacks none)
    bars.set_frame(SimpleNamespace(flow={}, lacks=lambda parts: False))
    assert not bars.bar("1").isVisible() and not bars.edge_bar("3").isVisible()
    bars.reset()
    assert not bars.bar("2").isVisible()


def norm(array: np.ndarray) -> float:
    return float(np.sqrt(np.sum(np.square(array, dtype=np.float64))))


def test_each_connection_shows_its_weights_gradient_norm_live_and_pulled_back(qtbot, window):
    """A 2 → 6 → 5 → 3 network on 32 rows, one plain-SGD step per epoch: the step from the
    record of epoch k−1 to that of epoch k moved each weight by −lr·g, so ‖ΔW‖/lr is the
    gradient norm of epoch k's last (only) mini-batch, computed from the records' arrays."""
    rng = np.random.default_rng(2)
    data = Dataset("blobs", rng.standard_normal((32, 2)), rng.integers(0, 3, 32),
                   "classification", ("x1", "x2"), ("a", "b", "c"), "randn(32, 2)")
    spec = NetworkSpec.mlp([2, 6, 5, 3], "tanh")
    window.doc.reset(spec, data=DataRef.embedded(data))
    lr = 0.5
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": 4, "optimizer": "sgd",
                                                       "lr": lr, "split": (1.0, 0.0, 0.0)}))
    bars = window.training.gradient_bars
    edges = [e.id for e in spec.edges]
    assert all(bars.edge_bar(e) is None or not bars.edge_bar(e).isVisible() for e in edges)
    train_to_end(qtbot, window)
    timeline = window.training.timeline.timeline
    assert timeline.epochs == [0, 1, 2, 3, 4]

    def from_records(epoch: int, edge: str) -> float:
        name = weight_name(edge)
        before, after = timeline.at(epoch - 1).params[name], timeline.at(epoch).params[name]
        return norm(before - after) / lr

    for edge in edges:
        bar = bars.edge_bar(edge)
        assert bar is not None and bar.isVisible()
        assert bar.norm == pytest.approx(from_records(4, edge), rel=1e-3)
        assert bar.norm == pytest.approx(timeline.at(4).gradient_norms[edge_key(edge)])
        assert f"{bar.norm:.4g}" in bar.tooltip() and "connection" in bar.tooltip()
        # it hangs below the middle of its connection
        middle = window.scene.edge_item(edge).midpoint()
        assert bar.sceneBoundingRect().center().x() == pytest.approx(middle.x(), abs=1)
        assert 0 < bar.sceneBoundingRect().top() - middle.y() < 20
    assert len({bars.edge_bar(e).norm for e in edges}) == 3  # three different numbers
    # pulled back to epoch 2: the bars show that record's norms
    slider = window.training.timeline.bar.slider
    slider.setFocus()
    for _ in range(2):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.training.loss.marked_epoch == 2)
    qtbot.waitUntil(lambda: bars.edge_bar(edges[0]).norm == pytest.approx(
        timeline.at(2).gradient_norms[edge_key(edges[0])]))
    for edge in edges:
        assert bars.edge_bar(edge).norm == pytest.approx(from_records(2, edge), rel=1e-3)
        assert bars.edge_bar(edge).isVisible()
    # a moved node takes its connections' bars along
    node = window.scene.node_item("2")
    node.setPos(node.pos() + QPointF(40, 60))
    for edge in ("2", "3"):
        middle = window.scene.edge_item(edge).midpoint()
        assert bars.edge_bar(edge).sceneBoundingRect().center().x() == pytest.approx(
            middle.x(), abs=1)


def test_the_bar_is_a_log_scale_and_the_caption_says_the_flag():
    assert bar_fraction(1e-6) == 0.0 and bar_fraction(100.0) == 1.0
    assert bar_fraction(0.01) == pytest.approx(0.5)
    assert bar_fraction(math.nan) == 1.0 and bar_fraction(0.0) == 0.0
    assert caption(NodeFlow(0.0123, 0.1, "vanishing")) == "‖∇‖ 0.0123 · vanishing"
