"""The Activations panel's first show made its three pyqtgraph plots in one piece: 90–200 ms
of the GUI thread on a big network on a loaded machine. It is now made one plot per turn of the
event loop, shown once whole — with all three plots, drawn as before."""

from __future__ import annotations

import numpy as np

import gui.training.plots.activations as activations_module
from tests.gui.training.plot_turns import PlotTurns
from tests.gui.training_support import open_example, train_to_end


def test_the_activations_panel_is_made_one_plot_per_turn_and_shows_all_three(
        qtbot, window, monkeypatch):
    open_example(window, "spiral", epochs=2)
    frame = train_to_end(qtbot, window).frame
    turns = PlotTurns(monkeypatch, activations_module)
    ui = window.training
    host = ui.hosts["Activations"]
    assert not host.is_built
    ui.docks["Activations"].raise_()
    qtbot.waitUntil(lambda: host.is_built and host.panel.draw_count > 0, timeout=10_000)
    turns.stop()
    assert len(turns.made_at) == 3 and turns.one_per_turn()  # a turn between plots

    panel = host.panel
    plots = (panel.hist_plot, panel.stats_plot, panel.fraction_plot)
    assert all(plot in panel.graphics.ci.items for plot in plots)
    assert all(plot.isVisible() for plot in plots)
    assert panel.frame is frame
    trained = [n.id for n in window.doc.spec.nodes if n.kind != "input"]
    _x, mean = panel.means.getData()
    assert np.allclose(mean, [frame.snapshot.activations[n].mean for n in trained])
    assert len(panel.saturated_bars.opts["height"]) == len(trained)
    _edges, counts = panel.hist_curve.getData()
    assert counts.sum() > 0  # the chosen node's histogram
    assert panel.node_combo.count() == len(trained)


def test_an_activations_panel_asked_for_at_once_is_whole(qtbot, window):
    open_example(window, "spiral", epochs=1)
    panel = window.training.activations  # made now, in one piece: code uses it at once
    assert all(plot in panel.graphics.ci.items
               for plot in (panel.hist_plot, panel.stats_plot, panel.fraction_plot))
    assert panel.parts_left == []
