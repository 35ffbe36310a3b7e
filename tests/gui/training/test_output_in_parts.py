"""The Output panel's first show during a run made its two pyqtgraph plots and its image
gallery in one piece: 35–50 ms of the GUI thread, more on a loaded machine. It is now made one
part per turn of the event loop, shown once whole — with both plots, drawn as before."""

from __future__ import annotations

import numpy as np

import gui.training.plots.output as output_module
from gui.theme import class_colors
from tests.gui.training.plot_turns import PlotTurns
from tests.gui.training_support import open_example, train_to_end


def test_the_output_panel_is_made_one_plot_per_turn_and_shows_both(qtbot, window, monkeypatch):
    turns = PlotTurns(monkeypatch, output_module)
    ui = window.training
    host = ui.hosts["Output"]
    open_example(window, "spiral", epochs=2)
    frame = train_to_end(qtbot, window).frame
    ui.docks["Output"].raise_()
    qtbot.waitUntil(lambda: host.is_built and host.panel.draw_count > 0, timeout=10_000)
    turns.stop()
    assert len(turns.made_at) == 2 and turns.one_per_turn()  # a turn between plots

    panel = host.panel
    plots = (panel.boundary.plot, panel.confusion.plot)
    assert all(plot in panel.graphics.ci.items for plot in plots)
    assert all(plot.isVisible() for plot in plots)
    assert panel.frame is frame
    confusion = frame.evaluation.confusion
    assert np.array_equal(panel.confusion.shown, confusion)
    assert panel.boundary.image.image is not None  # the output over the plane
    assert panel.note.text() == output_module.caption(frame.evaluation) != ""


def test_an_output_panel_asked_for_at_once_is_whole(qtbot, window):
    open_example(window, "spiral", epochs=1)
    panel = window.training.output  # made now, in one piece: code uses it at once
    assert all(plot in panel.graphics.ci.items
               for plot in (panel.boundary.plot, panel.confusion.plot))
    assert panel.parts_left == []
    assert panel.splitter.indexOf(panel.gallery) == 1


def test_the_points_of_a_class_share_one_brush_in_their_class_colour(qtbot, window):
    """pyqtgraph draws a symbol once per brush object: a brush for each of the spiral's 400
    rows took the panel's first show 30 ms more."""
    open_example(window, "spiral", epochs=1)
    boundary = window.training.output.boundary
    palette = class_colors(2)
    for item in (boundary.train, boundary.test):
        brushes = list(item.data["brush"])
        assert len(brushes) > 50
        assert len({id(brush) for brush in brushes}) == 2
        x, _y = item.getData()
        assert len(brushes) == len(x)
        shown = {brush.color().getRgb()[:3] for brush in brushes}
        assert shown == {tuple(int(c) for c in rgb) for rgb in palette}
