"""The epoch axes of a long run: "Weights over time", first shown during a run planned to
100,000 epochs, ran to epoch 100,000 — the columns recorded so far a sliver at its left edge,
for minutes — and the Loss panel's curves likewise. Until the epochs drawn fill a quarter of
the plan, both axes end at the first power of two at least twice as far as the data."""

from __future__ import annotations

import pytest

from gui.training.controller import PAUSED
from gui.training.plots.axes import epoch_axis_end
from tests.gui.training.test_plot_fit import raised
from tests.gui.training_support import click, open_example

PLANNED = 100_000


def test_an_epoch_axis_ends_at_the_plan_once_a_quarter_is_drawn():
    assert epoch_axis_end(1, 100) == 2
    assert epoch_axis_end(3, 100) == 8
    assert epoch_axis_end(2_000, PLANNED) == 4_096  # the data fills nearly half
    assert epoch_axis_end(11, 50) == 32
    assert epoch_axis_end(13, 50) == 50
    assert epoch_axis_end(13, 20) == 20  # a quarter of the plan and more: the plan
    assert epoch_axis_end(30_000, PLANNED) == PLANNED
    assert epoch_axis_end(230, 230) == 230  # an ended run: the epochs trained
    assert epoch_axis_end(0, 0) == 1  # nothing drawn yet


def test_weights_over_time_first_shown_in_a_long_run_shows_the_epochs_so_far(qtbot, window):
    open_example(window, "spiral", epochs=PLANNED)
    controller = window.training.session.controller
    click(qtbot, window, "train")
    qtbot.waitUntil(lambda: controller.last_event is not None
                    and controller.last_event.epoch >= 40, timeout=30_000)
    weights = raised(qtbot, window, "Weights")  # made now, during the run
    click(qtbot, window, "pause")
    qtbot.waitUntil(lambda: controller.state == PAUSED)
    qtbot.waitUntil(lambda: weights.frame is controller.latest and not weights.stale)
    trail = weights.frame.weight_trails[weights.edge_id]
    right = weights.trail_image.mapRectToView(weights.trail_image.boundingRect()).right()
    assert right == pytest.approx(trail.x[-1] + (trail.x[-1] - trail.x[0]) / (
        trail.x.size - 1) / 2)  # the columns' right edge: the last one's middle and half
    low, high = weights.trail_plot.vb.viewRange()[0]
    end = epoch_axis_end(right, PLANNED)
    assert end < PLANNED / 4
    assert high == pytest.approx(end * 1.02) and low == pytest.approx(-end * 0.02)
    assert right / high > 0.24  # the columns fill a quarter of the plot at least
    loss = raised(qtbot, window, "Loss")
    curves = loss.curves_shown
    drawn = max(curves.epochs[-1], curves.batch_x[-1])
    assert loss.loss_plot.vb.viewRange()[0][1] == pytest.approx(
        epoch_axis_end(drawn, PLANNED) * 1.02)
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")
