"""Frames are made without the parts no panel on screen draws (the worker's time is training's),
and a panel that comes on screen gets the current data at once, not an old or empty plot."""

from gui.training import live
from gui.training.frames import ACTIVATIONS, ALL_PARTS, FLOW, OUTPUT, WEIGHTS
from tests.gui.training_support import open_example


def frames_of(controller) -> list:
    frames = []
    controller.frame_ready.connect(lambda: frames.append(controller.latest))
    return frames


def test_a_panel_behind_a_tab_costs_no_frame_part_and_gets_the_current_one_when_shown(
        qtbot, window, monkeypatch):
    """The window's own layout: Weights behind Loss, Activations behind Output. The live
    frames have no weight histograms nor activations (3.5 ms of a 12 ms frame at MNIST's size);
    brought to the front, the Weights panel has a frame made for it and draws it at once —
    the refresh's own turns never come in this test (30 s apart): one is taken by hand."""
    monkeypatch.setattr(live, "MIN_INTERVAL", 30.0)
    monkeypatch.setattr(live, "MAX_INTERVAL", 30.0)
    ui = window.training
    controller = ui.session.controller
    open_example(window, "digits_mlp", epochs=100_000)
    hosts = ui.hosts
    qtbot.waitUntil(lambda: hosts["Loss"].shown and hosts["Output"].shown)
    assert not hosts["Weights"].isVisible() or not hosts["Weights"].shown
    frames = frames_of(controller)
    ui.actions["train"].trigger()
    qtbot.waitUntil(lambda: len(frames) >= 1, timeout=20_000)
    first = frames[0]
    assert first.parts == {OUTPUT, FLOW}
    assert first.snapshot.weight_histograms == {} and first.snapshot.activations == {}
    assert first.evaluation is not None and first.evaluation.confusion is not None
    ui.live.draw_all()  # the panels are given that frame

    ui.docks["Weights"].raise_()
    qtbot.waitUntil(lambda: hosts["Weights"].is_built and hosts["Weights"].shown,
                    timeout=10_000)
    panel = hosts["Weights"].panel
    qtbot.waitUntil(lambda: panel.frame is not None and panel.draw_count >= 1
                    and not panel.stale, timeout=5_000)
    drawn = panel.frame
    assert WEIGHTS in drawn.parts and drawn.snapshot.weight_histograms
    assert drawn.snapshot.step > first.snapshot.step  # made after it was shown
    assert drawn in frames  # one the worker made for it (a newer one may be on its way)
    assert controller.wanted == {OUTPUT, FLOW, WEIGHTS}  # Activations still behind Output

    # Behind its tab again: frames without it; back in front: the current one at once.
    ui.live.draw_all()  # the newest taken: the worker is free to make the next one
    made = len(frames)
    ui.docks["Loss"].raise_()
    qtbot.waitUntil(lambda: not panel.shown and controller.wanted == {OUTPUT, FLOW})
    qtbot.waitUntil(lambda: len(frames) > made, timeout=10_000)  # the next, taken or not
    if frames[-1].parts != {OUTPUT, FLOW}:  # made before: taken, the worker makes another
        ui.live.draw_all()
        qtbot.waitUntil(lambda: frames[-1].parts == {OUTPUT, FLOW}, timeout=10_000)
    ui.live.draw_all()  # handed out: the hidden panel keeps the frame it had
    qtbot.waitUntil(lambda: panel.waits)
    held = panel.frame  # the last with its part
    assert WEIGHTS in held.parts and frames[-1].snapshot.step > held.snapshot.step
    ui.docks["Weights"].raise_()
    qtbot.waitUntil(lambda: panel.frame is not held and not panel.stale, timeout=5_000)
    # made since it came back: every frame while it was hidden lacked its part
    assert WEIGHTS in panel.frame.parts and panel.frame.snapshot.step > held.snapshot.step
    with qtbot.waitSignal(ui.session.ended, timeout=10_000):
        ui.actions["stop"].trigger()


def test_a_paused_run_s_frame_has_every_part(qtbot, window):
    """While paused the panels may be looked at one by one: the frame of a pause has every
    part, so a tab brought to the front then draws at once, whatever was on screen."""
    ui = window.training
    controller = ui.session.controller
    open_example(window, "digits_mlp", epochs=100_000)
    frames = frames_of(controller)
    ui.actions["train"].trigger()
    qtbot.waitUntil(lambda: len(frames) >= 1, timeout=20_000)
    assert ACTIVATIONS not in frames[-1].parts
    ui.actions["pause"].trigger()
    qtbot.waitUntil(lambda: controller.trainer is not None and controller.trainer.paused
                    and frames[-1].parts == ALL_PARTS, timeout=10_000)
    ui.docks["Activations"].raise_()
    host = ui.hosts["Activations"]
    qtbot.waitUntil(lambda: host.is_built and host.shown and host.panel.frame is not None
                    and not host.panel.stale, timeout=10_000)
    assert host.panel.frame.snapshot.activations
    with qtbot.waitSignal(ui.session.ended, timeout=10_000):
        ui.actions["stop"].trigger()
