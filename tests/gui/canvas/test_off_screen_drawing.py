"""A live frame of a chain of 300 one-unit nodes made every card, connection and gradient bar
on the canvas update, and Qt asked each for its bounds (a call into Python) though it was off
screen: about 1,200 calls a frame, 20–70 ms of the GUI thread while training. Now what is off
screen is drawn again when a view shows it."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QApplication

from core.engine.params import fresh_params
from gui.canvas import gradient_bars
from gui.canvas.edge_item import EdgeItem
from gui.canvas.gradient_bars import NEW_BARS, EdgeGradientBar, GradientBar
from gui.canvas.node_item import NodeItem
from gui.canvas.picture import render_canvas
from tests.gui.canvas.test_cached_drawing import assert_current
from tests.gui.document.test_deep_chain_predictions import open_chain
from tests.gui.training_support import click


def bounds_asked(monkeypatch) -> set[int]:
    """The canvas items (ids) asked for their bounds, of those made from now on (PySide finds
    a virtual's Python override once per item)."""
    asked: set[int] = set()
    for cls in (NodeItem, EdgeItem, GradientBar, EdgeGradientBar):
        original = cls.boundingRect

        def recorded(item, original=original):
            asked.add(id(item))
            return original(item)

        monkeypatch.setattr(cls, "boundingRect", recorded)
    return asked


def settle_canvas(window) -> None:
    for _ in range(3):  # the scene's updates are queued: handled, and the canvas painted
        QApplication.processEvents()
    window.view.viewport().repaint()


def test_new_weights_ask_only_what_is_on_screen_for_its_bounds(qtbot, window, monkeypatch):
    asked = bounds_asked(monkeypatch)
    open_chain(window)
    qtbot.waitUntil(lambda: window.scene.node_item("1").thumbnail is not None, timeout=10_000)
    settle_canvas(window)
    on_screen = window.view.items(window.view.viewport().rect())
    assert 0 < len([i for i in on_screen if isinstance(i, NodeItem)]) < 10
    arrays = fresh_params(window.doc.spec, np.random.default_rng(1))
    asked.clear()
    window.doc.set_arrays(arrays)  # as a live frame: every weight and bias is new
    settle_canvas(window)
    assert asked  # what is on screen is drawn again
    assert len(asked) < 60, len(asked)  # of 302 cards and 301 connections: those near the view


def test_what_changed_off_screen_shows_as_it_comes_on_screen(qtbot, window):
    open_chain(window)
    settle_canvas(window)
    far = window.scene.node_item("90")
    assert far not in window.view.items(window.view.viewport().rect())
    window.doc.set_arrays(fresh_params(window.doc.spec, np.random.default_rng(2)))
    settle_canvas(window)
    assert far in window.scene.drawing.stale  # changed, not drawn yet
    bias = float(window.doc.array("b90")[0])
    window.view.centerOn(far)
    assert far in window.view.items(window.view.viewport().rect())
    assert f"b[0] = {bias:.4g}" in far.neuron_tooltip(0)
    assert_current(window)  # every card shown, the far one too, as drawn from scratch
    assert far not in window.scene.drawing.stale


def test_a_picture_of_the_canvas_draws_what_changed_off_screen(qtbot, window):
    open_chain(window)
    settle_canvas(window)
    window.doc.set_arrays(fresh_params(window.doc.spec, np.random.default_rng(3)))
    settle_canvas(window)
    stale = window.scene.drawing.stale
    assert len(stale) > 500  # cards, connections: all but those on screen
    window.scene.removeItem(window.scene.node_item("200"))  # gone with its bar, unnamed
    assert not render_canvas(window.scene).isNull()
    assert not window.scene.drawing.stale


def test_a_deep_chain_s_gradient_bars_are_made_in_parts(qtbot, window, monkeypatch):
    """The first frame of a run made 600 bars at once (30 ms of the GUI thread, and 40 ms more
    for Qt to index them at the next paint): now NEW_BARS at a time, the rest on the turns
    after, all of them in the end."""
    made: list[int] = []  # bars made by each refresh
    refresh = gradient_bars.GradientFlowOverlay.refresh

    def counted(overlay):
        before = count_bars(window)
        refresh(overlay)
        made.append(count_bars(window) - before)

    monkeypatch.setattr(gradient_bars.GradientFlowOverlay, "refresh", counted)
    open_chain(window)
    click(qtbot, window, "train")
    everything = len(window.doc.spec.nodes) - 1 + len(window.doc.spec.edges)
    qtbot.waitUntil(lambda: count_bars(window) == everything, timeout=30_000)
    assert max(made) == NEW_BARS and len([m for m in made if m]) >= everything / NEW_BARS
    bars = window.training.gradient_bars
    last = window.doc.spec.edges[-1]
    assert bars.bar(last.dst) is not None and bars.edge_bar(last.id) is not None
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def count_bars(window) -> int:
    return sum(isinstance(item, (GradientBar, EdgeGradientBar))
               for item in window.scene.items())
