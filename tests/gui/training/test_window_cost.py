"""What the window spends while it trains, counted (never timed): a redraw of a plot panel is
one paint, not two."""

import pytest
from PySide6.QtCore import QEvent, QObject

from gui.training.benchmark import side_by_side
from tests.gui.training_support import open_example, train_to_end

PANELS = ("Loss", "Weights", "Output", "Activations")


class PaintCounter(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def all_panels_on_screen(qtbot, window) -> dict:
    side_by_side(window)
    hosts = window.training.hosts
    qtbot.waitUntil(lambda: all(hosts[name].is_built and hosts[name].panel.shown
                                for name in PANELS))
    return {name: hosts[name].panel for name in PANELS}


def early_and_last_frames(qtbot, window) -> tuple:
    """A run's first frame and its last: far apart, so every plot's range moves between them."""
    controller = window.training.session.controller
    frames = []
    controller.frame_ready.connect(lambda: frames.append(controller.latest))
    train_to_end(qtbot, window)
    return frames[0], controller.latest


@pytest.mark.parametrize("name", PANELS)
def test_a_redraw_paints_the_panel_once(qtbot, window, name):
    """pyqtgraph moves a view to a new range when it paints, and the plot items it moves then
    ask for another paint: a redraw with new ranges — most redraws of a run's first epochs —
    was painted twice (measured at MNIST's size: 2.5 ms of the GUI thread a paint)."""
    open_example(window, "digits_mlp", epochs=100)
    panels = all_panels_on_screen(qtbot, window)
    early, last = early_and_last_frames(qtbot, window)
    panel = panels[name]
    qtbot.waitUntil(lambda: not panel.stale)
    qtbot.wait(100)  # the run's own paints
    counter = PaintCounter(panel.graphics.viewport())
    redraws = 0
    for frame in (early, last, early, last):
        panel.remember(frame)
        panel.refresh()
        redraws += 1
        qtbot.wait(60)  # its paints (a second one followed the first at once)
    assert 1 <= counter.paints <= redraws, counter.paints


def test_live_redraws_take_at_most_three_percent_of_the_gui_thread(qtbot, window,
                                                                   monkeypatch):
    """Counted on a clock where every turn of the live refresh costs the GUI thread 10 ms: it
    waits 10 ms / 3 % = 0.33 s between turns (at 4 %, 0.25 s: the window trained MNIST at
    0.87–0.95 of headless speed). The GUI thread's time is what training loses, as both
    share the interpreter lock."""
    from gui.training import live

    turns = {"n": 0}

    def cpu() -> float:
        turns["n"] += 1
        return turns["n"] * 0.010

    monkeypatch.setattr(live, "gui_cpu", cpu)
    open_example(window, "digits_mlp", epochs=100_000)
    all_panels_on_screen(qtbot, window)
    refresh = window.training.live
    with qtbot.waitSignal(window.training.session.controller.frame_ready, timeout=10_000):
        window.training.actions["train"].trigger()
    qtbot.waitUntil(lambda: turns["n"] >= 10, timeout=20_000)  # the interval settles
    interval = refresh.interval
    with qtbot.waitSignal(window.training.session.ended, timeout=10_000):
        window.training.actions["stop"].trigger()
    assert refresh.frames_drawn > 0
    assert interval >= 0.9 * 0.010 / 0.03, interval


def test_the_gradient_bars_are_drawn_in_the_canvas_turn(qtbot, window, monkeypatch):
    """The gradient bars sit on the canvas: drawn in a live turn of their own, the canvas was
    repainted once for them and once more for the weights, for every frame. Now every turn
    that draws the bars while training is the canvas's own (its weights drawn in it)."""
    ui = window.training
    open_example(window, "digits_mlp", epochs=100_000)
    all_panels_on_screen(qtbot, window)
    turns: list[set[str]] = []
    original_tick = type(ui.live).tick

    def tick(live) -> None:
        turns.append(set())
        original_tick(live)

    def noting(name, original):
        def call(*args):
            if turns:
                turns[-1].add(name)
            return original(*args)
        return call

    monkeypatch.setattr(type(ui.live), "tick", tick)
    ui.live._timer.timeout.disconnect()
    ui.live._timer.timeout.connect(lambda: ui.live.tick())
    monkeypatch.setattr(ui.gradient_bars, "refresh", noting("bars", ui.gradient_bars.refresh))
    monkeypatch.setattr(ui.session, "show_weights", noting("canvas", ui.session.show_weights))
    ui.actions["train"].trigger()
    qtbot.waitUntil(lambda: sum("canvas" in t for t in turns) >= 2, timeout=20_000)
    with qtbot.waitSignal(ui.session.ended, timeout=10_000):
        ui.actions["stop"].trigger()
    with_bars = [t for t in turns if "bars" in t]
    assert with_bars  # the bars followed the run
    assert all("canvas" in t for t in with_bars), turns


def test_predictions_that_follow_a_run_bin_no_weights(qtbot, window, monkeypatch):
    """The predictions follow the live weights (the sample rows, the first layer's weight
    images on the canvas), and binned every weight matrix for the Weights panel each time —
    which draws them only while no run shows frames. While a run goes on they bin nothing;
    after it, they do again."""
    from gui.document import predictions

    binned: list[str] = []
    original = predictions.edge_histograms
    monkeypatch.setattr(predictions, "edge_histograms", lambda *args, **kwargs: (
        binned.append(window.training.session.state), original(*args, **kwargs))[1])
    open_example(window, "digits_mlp", epochs=100_000)
    all_panels_on_screen(qtbot, window)
    followed: list[str] = []
    window.predictions.updated.connect(
        lambda _result: followed.append(window.training.session.state))
    window.training.actions["train"].trigger()
    qtbot.waitUntil(lambda: followed.count("running") >= 2, timeout=20_000)
    with qtbot.waitSignal(window.training.session.ended, timeout=10_000):
        window.training.actions["stop"].trigger()
    assert "running" not in binned, binned
    binned.clear()
    window.training.session.reset_weights()  # new weights while idle: binned for the panel
    qtbot.waitUntil(lambda: "idle" in binned, timeout=10_000)


def test_a_canvas_turn_paints_the_canvas_once(qtbot, window, monkeypatch):
    """The canvas's turn puts the run's weights on it, and the predictions follow them (the
    first layer's weight images): they came 30 ms later (the predictions gather edits that
    long), and the canvas was painted twice for every turn (3 ms of the GUI thread each at
    MNIST's size). Now they are worked out in the same turn: one paint."""
    ui = window.training
    open_example(window, "digits_mlp", epochs=100_000)
    counter = PaintCounter(window.view.viewport())
    turns = {"n": 0}
    original = ui.live._show_weights

    def canvas_turn() -> None:
        turns["n"] += 1
        original()

    monkeypatch.setattr(ui.live, "_show_weights", canvas_turn)
    ui.actions["train"].trigger()
    qtbot.waitUntil(lambda: turns["n"] >= 2, timeout=20_000)
    qtbot.wait(100)  # the start's own paints, and the second turn's
    paints, counted = counter.paints, turns["n"]
    qtbot.waitUntil(lambda: turns["n"] >= counted + 4, timeout=20_000)
    ui.live._timer.stop()  # no more turns; what the last one asked for comes within 30 ms
    qtbot.wait(150)
    paints, turns_seen = counter.paints - paints, turns["n"] - counted
    with qtbot.waitSignal(ui.session.ended, timeout=10_000):
        ui.actions["stop"].trigger()
    assert paints <= turns_seen, (paints, turns_seen)
