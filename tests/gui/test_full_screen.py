"""Keys for showing NetCanvas to a class: View ▸ Full Screen (F11), Canvas Only (F12), Zoom In
with Ctrl+=."""

import pytest
from PySide6.QtCore import Qt

from gui.i18n import set_language


def test_f11_shows_the_window_full_screen_and_back(qtbot, window):
    """There was no full screen: a teacher showing the canvas had the window's title bar and
    the desktop's panel taking room. F11 (on the canvas or in a panel) makes it full screen,
    the View menu's item checked; F11 again brings the window back as it was."""
    before = window.geometry()
    qtbot.keyClick(window.view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.full_screen_action.isChecked()
    view_menu = window.view_menu
    assert window.full_screen_action in view_menu.actions()
    qtbot.keyClick(window.inspector, Qt.Key.Key_F11)  # from a panel too
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()
    assert window.geometry().size() == before.size()


def test_the_menu_item_follows_the_window(qtbot, window):
    """Full screen entered another way (the window manager's key) checks the item, and the
    item then leaves it."""
    window.showFullScreen()
    qtbot.waitUntil(lambda: window.full_screen_action.isChecked())
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()


def test_full_screen_is_translated_with_its_key(qtbot, window):
    set_language("ko")
    try:
        action = window.full_screen_action
        assert action.text() == "전체 화면(&U)"
        assert action.toolTip().startswith("전체 화면 (F11")
        assert "프로젝터" in action.statusTip()
    finally:
        set_language("en")


def test_ctrl_equals_zooms_in_as_ctrl_plus_does(qtbot, window):
    """Zoom In was Ctrl++ only: on a laptop's keyboard "+" is Shift+=, and Ctrl+= (what a
    teacher presses to make the canvas bigger for the class) did nothing."""
    window.files.open_example("xor_learned")
    before = window.view.zoom
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(before * 1.25)
    assert window.zoom_label.text() == f"{round(before * 125)} %"
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(before)


def test_f12_shows_the_canvas_alone_and_brings_the_panels_back(qtbot, window):
    """Full screen on a 1024 × 768 projector still left the canvas a third of the screen
    between the docks, and closing them one by one in class (and finding them again) took a
    dozen clicks. F12 hides every panel and gives the canvas the window; F12 again brings
    the same panels back where they were."""
    from PySide6.QtWidgets import QDockWidget

    window.files.open_example("xor_learned")
    qtbot.wait(20)
    shown = {dock.objectName() for dock in window.findChildren(QDockWidget) if dock.isVisible()}
    assert "training_dock" in {d.objectName() for d in window.findChildren(QDockWidget)}
    before, zoom = window.view.size(), window.view.zoom
    qtbot.keyClick(window.view, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.view.width() > before.width())
    qtbot.waitUntil(lambda: window.view.zoom > zoom)  # the network fitted to the larger canvas
    assert [d for d in window.findChildren(QDockWidget) if d.isVisible()] == []
    assert window.canvas_only_action.isChecked()
    assert window.view.height() > before.height()
    assert window.training.actions["train"].isEnabled()  # the toolbar's Train is still there
    qtbot.keyClick(window.view, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: window.view.width() < before.width() + 2)
    assert {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()} == shown
    assert not window.canvas_only_action.isChecked()
    assert window.view.size() == before
    qtbot.waitUntil(lambda: window.view.zoom == pytest.approx(zoom))  # and fitted back


def test_canvas_only_keeps_explain_while_it_steps_on_the_canvas(qtbot, window):
    """Explain walks a row through the network on the canvas: Canvas Only hid it with the
    other panels, and its numbers left the canvas. It stays while it is open."""
    from PySide6.QtWidgets import QDockWidget

    window.files.open_example("xor_learned")
    window.explain_action.trigger()
    dock = window.explain.dock
    qtbot.waitUntil(dock.isVisible)
    window.canvas_only_action.trigger()
    assert [d for d in window.findChildren(QDockWidget) if d.isVisible()] == [dock]
    window.canvas_only_action.trigger()
    assert window.docks["Build"].isVisible() and dock.isVisible()
