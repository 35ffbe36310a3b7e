"""The main window's dock tab groups at first show: each group has exactly one visible tab bar,
on screen below its own docks, and no tab bar is drawn over another dock (Qt 6.11 left a stray
"Loss | Weights" bar over the Problems panel when the groups were made on the hidden window)."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QTabBar, QTextEdit

from gui.docks import add_dock, add_tabbed_dock
from gui.main_window import MainWindow

GROUPS = {("Inspector", "Training"), ("Loss", "Weights"), ("Output", "Activations", "Runs")}


def visible_bars(window: QMainWindow) -> list[tuple[tuple[str, ...], QRect]]:
    return [(tuple(bar.tabText(i) for i in range(bar.count())), bar.geometry())
            for bar in window.findChildren(QTabBar) if bar.isVisible()]


def on_screen_docks(window: QMainWindow) -> list[QDockWidget]:
    """Docks the user sees (a dock behind another tab is moved off the window, not hidden)."""
    return [d for d in window.findChildren(QDockWidget)
            if d.isVisible() and window.rect().intersects(d.geometry())]


def check_tab_bars(window: QMainWindow) -> None:
    bars = visible_bars(window)
    assert sorted(tabs for tabs, _ in bars) == sorted(GROUPS)
    docks = on_screen_docks(window)
    assert {d.windowTitle() for d in docks} == {
        "Build", "Predictions", "Problems", "Inspector", "Loss", "Output"}
    for tabs, rect in bars:
        assert window.rect().contains(rect), tabs
        assert not [d.windowTitle() for d in docks if d.geometry().intersects(rect)], tabs
        front = next(d for d in docks if d.windowTitle() == tabs[0])
        assert rect.top() == front.geometry().bottom() + 1  # right under its own group
        assert (rect.left(), rect.width()) == (front.x(), front.width())


@pytest.mark.parametrize("size", [(1400, 900), (1280, 800), (1366, 768)])
def test_each_tab_group_has_one_tab_bar_and_none_covers_a_dock(qtbot, settings, size):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    check_tab_bars(window)  # the first frame on screen
    for _ in range(20):
        QApplication.processEvents()
    check_tab_bars(window)
    qtbot.wait(50)  # the event loop runs, as after a real start (deferred deletes too)
    check_tab_bars(window)


def test_a_tabbed_dock_joins_its_group_behind_the_dock_in_front(qtbot):
    """Three tab groups made one after another on a hidden window (the nested layout pass that
    orphaned a bar needs an earlier group): one bar each, the first dock of each in front."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit())
    bottom, right = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    a, c, d = (add_dock(window, name, QTextEdit(name), area)
               for name, area in (("A", right), ("C", bottom), ("D", bottom)))
    window.splitDockWidget(c, d, Qt.Orientation.Horizontal)
    b = add_tabbed_dock(window, "B", QTextEdit("B"), a)
    add_tabbed_dock(window, "E", QTextEdit("E"), c)
    add_tabbed_dock(window, "F", QTextEdit("F"), d)
    assert len(window.findChildren(QTabBar)) == 3  # none made only to be deleted later
    assert window.tabifiedDockWidgets(a) == [b]
    window.resize(900, 700)
    window.show()
    qtbot.waitExposed(window)
    assert sorted(tabs for tabs, _ in visible_bars(window)) == [("A", "B"), ("C", "E"), ("D", "F")]
    assert sorted(d.windowTitle() for d in on_screen_docks(window)) == ["A", "C", "D"]
