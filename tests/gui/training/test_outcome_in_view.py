"""After Train from the toolbar the run's outcome and verdict (in the Training dock) sat behind
the Inspector tab: when a run ends the Training tab comes to the front — unless the user chose a
tab of that group themselves while the run went on."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from tests.gui.training_support import END_TIMEOUT_MS, open_example

SHOTS = os.environ.get("NETCANVAS_SHOTS", "")


def group_bar(window) -> QTabBar:
    """The visible tab bar of the Inspector | Training group."""
    return next(bar for bar in window.findChildren(QTabBar) if bar.isVisible()
                and "Inspector" in [bar.tabText(i) for i in range(bar.count())])


def front(window) -> str:
    bar = group_bar(window)
    return bar.tabText(bar.currentIndex())


def click_tab(qtbot, window, title: str) -> None:
    bar = group_bar(window)
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert front(window) == title


def toolbar_press(qtbot, window, name: str = "train") -> None:
    """Press a button of the Training toolbar (not of the Training dock)."""
    button = window.training.toolbar.widgetForAction(window.training.actions[name])
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_verdict_comes_to_the_front_when_a_run_ends(qtbot, window, tmp_path):
    open_example(window, "xor_learned", epochs=40)
    click_tab(qtbot, window, "Inspector")  # as in a new window: the Inspector in front
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        toolbar_press(qtbot, window)
    assert front(window) == "Training"
    label = window.training.settings_panel.outcome_label
    assert "Finished 40 epochs." in label.text() and "XOR gate" in label.text()
    assert label.isVisible() and not label.visibleRegion().isEmpty()
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(SHOTS) / "outcome-in-view.png"))


def test_a_tab_the_user_chose_during_the_run_stays_in_front(qtbot, window):
    open_example(window, "spiral", epochs=100_000)
    click_tab(qtbot, window, "Inspector")
    session = window.training.session
    with qtbot.waitSignal(session.started, timeout=10_000):
        toolbar_press(qtbot, window)
    click_tab(qtbot, window, "Training")  # a look at the settings, then back to the Inspector
    click_tab(qtbot, window, "Inspector")
    with qtbot.waitSignal(session.ended, timeout=END_TIMEOUT_MS):
        toolbar_press(qtbot, window, "stop")
    assert front(window) == "Inspector"  # the user's choice

    # the next run, with no tab chosen during it: its outcome comes to the front again
    with qtbot.waitSignal(session.started, timeout=10_000):
        toolbar_press(qtbot, window)
    with qtbot.waitSignal(session.ended, timeout=END_TIMEOUT_MS):
        toolbar_press(qtbot, window, "stop")
    assert front(window) == "Training"
    assert "stopped" in window.training.settings_panel.outcome_label.text().lower()


def test_a_closed_training_dock_is_not_opened_again(qtbot, window):
    open_example(window, "xor_learned", epochs=20)
    dock = window.training.docks["Training"]
    dock.close()
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        toolbar_press(qtbot, window)
    assert dock.isHidden()
