"""A diverged run's weights reach the document with their NaN: the Weights panel kept its frame
but took the run's gradient norms away and the Output panel dropped the frame (a frame "did
not hold" its own weights, NaN ≠ NaN) — the views that show where the run broke."""

import numpy as np

from tests.gui.training_support import open_example, train_to_end


def test_a_diverged_run_keeps_its_frame_and_gradient_norms(qtbot, window):
    open_example(window, "spiral", optimizer="sgd", optimizer_options={}, lr=1000.0, epochs=20)
    ui = window.training
    ui.docks["Weights"].raise_()
    weights = ui.weights
    result = train_to_end(qtbot, window)
    assert result.outcome.kind == "diverged"
    assert any(np.isnan(v).any() for v in window.doc.arrays.values())
    assert result.frame.holds(window.doc.arrays)
    qtbot.waitUntil(lambda: weights.frame is not None and not weights.stale)
    qtbot.wait(500)  # the diverged weights' predictions arrive, and the panels follow them
    assert not weights.edited
    assert len(weights.norm_bars.opts["height"]) > 0
    ui.docks["Output"].raise_()
    output = ui.output
    qtbot.wait(200)
    assert output.frame is result.frame
