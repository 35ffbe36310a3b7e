"""A connection between big nodes is drawn as one line whose width says how strong its weights
are. Its mean |w| used to be taken over the whole matrix at every paint — 30 ms of the GUI
thread per paint of a 2000×2000 connection, several paints per edit — and the matrix copied at
every edit: now it is worked out once per set of weights, from a sample of them."""

from __future__ import annotations

import numpy as np

import gui.canvas.edge_item as edge_item
from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.engine.params import weight_name
from core.spec import NetworkSpec
from gui.document.commands import ChangeSettingsCommand
from tests.gui.training_support import click

UNITS = 600  # 600 × 600 = 360,000 weights: more than one sample


class CountingNumpy:
    """numpy, with the size of every array ``abs`` is taken of remembered."""

    def __init__(self) -> None:
        self.abs_sizes: list[int] = []

    def __getattr__(self, name: str):
        return getattr(np, name)

    def abs(self, values, *args, **kwargs):
        self.abs_sizes.append(np.size(values))
        return np.abs(values, *args, **kwargs)


def big_network(window) -> str:
    rng = np.random.default_rng(0)
    data = Dataset("blobs", rng.standard_normal((64, 2)), rng.integers(0, 2, 64),
                   "classification", ("x1", "x2"), ("a", "b"), "randn(64, 2)")
    window.doc.reset(NetworkSpec.mlp([2, UNITS, UNITS, 2]), data=DataRef.embedded(data))
    return next(e.id for e in window.doc.spec.edges
                if window.doc.spec.node(e.src).units == UNITS
                and window.doc.spec.node(e.dst).units == UNITS)


def test_a_big_connection_is_not_measured_at_every_paint(qtbot, window, monkeypatch):
    edge_id = big_network(window)
    item = window.scene.edge_item(edge_id)
    counting = CountingNumpy()
    monkeypatch.setattr(edge_item, "np", counting)
    for _ in range(4):
        for each in window.scene.edge_items():
            each.update()
        window.view.viewport().grab()  # a paint of everything on screen
    weights = window.doc.array(weight_name(edge_id))
    assert item.weights is not None and item.weights.shape == (UNITS, UNITS)
    edges = len(window.doc.spec.edges)
    assert len(counting.abs_sizes) <= edges  # once a connection, not once a paint
    assert not any(size > edge_item.MAGNITUDE_SAMPLE for size in counting.abs_sizes)
    assert abs(item.magnitude() - float(np.mean(np.abs(weights)))) < 0.05 * float(
        np.mean(np.abs(weights)))

    # new weights (Reset Weights): measured again, once
    before = item.magnitude()
    window.doc.push(ChangeSettingsCommand(window.doc, {"seed": 7}))  # seed 0's weights now
    click(qtbot, window, "reset")  # a big network's: drawn on a worker, then pushed
    qtbot.waitUntil(lambda: window.doc.array(weight_name(edge_id)).base is not weights.base
                    and item.weights is not weights)
    counting.abs_sizes.clear()
    for _ in range(3):
        for each in window.scene.edge_items():
            each.update()
        window.view.viewport().grab()
    assert len(counting.abs_sizes) <= edges
    assert item.magnitude() > 0 and item.magnitude() != before
