"""Explain on MNIST, whose last 10,000 rows are its own test part: it located a row by a split
that ignored that part, so data-set row 69999 (a test image) was said to be "row 15120 of the
training part" and the numbers traced were those of that other training image — not the row
whose pixels and target the panel named. Here MNIST's 30 + 10 generated images, downloaded
from a local server."""

from __future__ import annotations

import numpy as np

from core.spec import NetworkSpec
from core.training.prepare import prepare
from core.training.settings import TrainingSettings
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, SIDE, env, serve  # noqa: F401
from tests.gui.downloads import downloaded

ROW = N_TRAIN  # the first image of MNIST's own test part


def test_a_row_of_the_sets_own_test_part_is_traced_as_itself(env, qtbot, window,  # noqa: F811
                                                              monkeypatch):
    _, files = env
    downloaded(qtbot, window, monkeypatch, files)
    window.doc.reset(NetworkSpec.mlp([SIDE * SIDE, 16, 10]), data=window.doc.data,
                     settings=TrainingSettings())
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    panel.row_spin.setValue(ROW)
    qtbot.waitUntil(lambda: panel.explanation.sample == ROW)
    explanation = panel.explanation
    last = N_TRAIN + N_TEST - 1
    assert (f"data-set row {ROW} (of 0–{last}), row 0 of the test part ({N_TEST} rows)"
            in panel.row_label.text())
    # the traced inputs and target are that row's: its pixels, scaled as training scales them
    dataset, settings = window.data.dataset, window.doc.settings
    data = prepare(dataset, window.doc.spec, settings.split, settings.seed,
                   settings.standardize, np.float64)
    np.testing.assert_array_equal(explanation.trace.x, data.parts["test"].x[0])
    assert int(np.argmax(explanation.trace.target)) == int(dataset.y[ROW])
