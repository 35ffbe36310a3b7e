"""A window closed while a panel was still being made in parts (one plot per turn of the event
loop) left the half-made panel behind: it had no parent yet, so Qt did not delete it with the
window, and its pyqtgraph items lived on until Python's collector broke the panel's reference
cycles — during a later test, clearing the items' Python state in no particular order while Qt
could still ask them for their size (the suite once failed with "'LabelItem' object has no
attribute '_sizeHint'"). A half-made panel now goes with its window, as a whole one does."""

from __future__ import annotations

import gc
import weakref

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

import gui.training.lazy_panel as lazy_panel
from gui.training import plots
from gui.training.panel_hosts import IN_PARTS, PANELS


def live(ref: weakref.ref) -> bool:
    """The object is still there, its Qt (C++) side too."""
    obj = ref()
    return obj is not None and shiboken6.isValid(obj)


@pytest.mark.parametrize("dock", sorted(name for name, cls in PANELS.items() if cls in IN_PARTS))
def test_a_window_closed_mid_build_deletes_its_half_made_panel(qtbot, settings, monkeypatch,
                                                                dock):
    from gui.main_window import MainWindow

    monkeypatch.setattr(lazy_panel, "BUILD_GAP_MS", 2_000)  # time to close it between parts
    made: list[weakref.ref] = []
    real = getattr(plots, PANELS[dock])

    def recorded(*args, **kwargs):
        panel = real(*args, **kwargs)
        made.append(weakref.ref(panel))
        return panel

    monkeypatch.setattr(plots, PANELS[dock], recorded)
    window = MainWindow(settings)  # not qtbot's: this test deletes it itself
    window.show()
    qtbot.waitExposed(window)
    host = window.training.hosts[dock]
    window.training.docks[dock].raise_()  # on screen: made after the frame that shows it
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    panel = made[0]
    assert live(panel) and not host.is_built  # its first part made, the others to come
    assert panel().parts_left
    plot = weakref.ref(next(iter(panel().graphics.ci.items)))
    assert live(plot)  # a pyqtgraph plot of the half-made panel

    assert not gc.isenabled()  # the window turned automatic collection off: only its timer
    window.close()
    window.deleteLater()
    del window, host
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not live(panel)  # deleted with its window, not left to the collector
    assert not live(plot)
    gc.collect()  # what the collector's timer does later: nothing of the panel is left for it
    qtbot.wait(50)


def test_a_half_made_panel_stays_hidden_when_its_dock_comes_back(qtbot, window, monkeypatch):
    """The Weights dock on screen, then closed before the Weights panel's first part: made
    under a hidden host, the half-made panel was not marked hidden (Qt hides a new child
    only under a visible parent), so opening the dock again showed it, 640 × 480 and not yet
    laid out, over the dock until its last part."""
    monkeypatch.setattr(lazy_panel, "BUILD_GAP_MS", 1_500)
    made: list[weakref.ref] = []
    real = plots.WeightsPanel

    def recorded(*args, **kwargs):
        panel = real(*args, **kwargs)
        made.append(weakref.ref(panel))
        return panel

    monkeypatch.setattr(plots, "WeightsPanel", recorded)
    docks, host = window.training.docks, window.training.hosts["Weights"]
    docks["Weights"].raise_()
    qtbot.waitUntil(lambda: host._scheduled, timeout=10_000)  # painted: queued to be made
    docks["Weights"].hide()  # closed again before its turn
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    panel = made[0]()
    assert panel is not None and panel.parts_left and not host.isVisible()
    docks["Weights"].show()
    qtbot.waitUntil(host.isVisible)
    qtbot.wait(50)
    assert not host.is_built and not panel.isVisible()  # not shown half-made
    qtbot.waitUntil(lambda: host.is_built, timeout=20_000)
    assert panel.isVisible() and panel.geometry() == host.contentsRect()
