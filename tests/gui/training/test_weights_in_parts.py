"""The Weights panel's first show made its three pyqtgraph plots in one piece: 117–140 ms of
the GUI thread during a run. It is now made one plot per turn of the event loop, shown once
whole — with all three plots, drawn as before."""

from __future__ import annotations

import numpy as np

import gui.training.plots.weights as weights_module
from tests.gui.training.plot_turns import PlotTurns
from tests.gui.training_support import open_example, train_to_end


def test_the_weights_panel_is_made_one_plot_per_turn_and_shows_all_three(
        qtbot, window, monkeypatch):
    open_example(window, "spiral", epochs=2)
    frame = train_to_end(qtbot, window).frame
    turns = PlotTurns(monkeypatch, weights_module)
    ui = window.training
    host = ui.hosts["Weights"]
    assert not host.is_built
    ui.docks["Weights"].raise_()
    qtbot.waitUntil(lambda: host.is_built and host.panel.draw_count > 0, timeout=10_000)
    turns.stop()
    assert len(turns.made_at) == 3 and turns.one_per_turn()  # a turn between plots

    panel = host.panel
    plots = (panel.now_plot, panel.trail_plot, panel.norm_plot)
    assert all(plot in panel.graphics.ci.items for plot in plots)
    assert all(plot.isVisible() for plot in plots)
    assert panel.frame is frame
    edge_id = panel.edge_id
    assert edge_id is not None
    assert panel.edge_combo.count() == len(window.doc.spec.edges)
    _edges, counts = panel.now_curve.getData()
    assert np.array_equal(counts, frame.snapshot.weight_histograms[edge_id].counts)
    assert panel.trail_image.image is not None  # the weights over the epochs
    trained = [n.id for n in window.doc.spec.nodes if n.kind != "input"]
    assert np.allclose(panel.norm_bars.opts["height"],
                       [frame.snapshot.gradient_norms.get(n, 0.0) for n in trained])


def test_a_weights_panel_asked_for_at_once_is_whole(qtbot, window):
    open_example(window, "spiral", epochs=1)
    panel = window.training.weights  # made now, in one piece: code uses it at once
    assert all(plot in panel.graphics.ci.items
               for plot in (panel.now_plot, panel.trail_plot, panel.norm_plot))
    assert panel.parts_left == []
