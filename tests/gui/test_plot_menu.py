"""A plot's right-click menu: the app's own, in the interface's language (Copy Image, Save as
PNG…, Show All), never pyqtgraph's English one whose Export dialog failed on SVG."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from gui.i18n import set_language
from gui.theme import PNG_SCALE
from tests.gui.training_support import open_example, train_to_end


@pytest.fixture
def korean():
    set_language("ko")
    yield
    set_language("en")


def right_click(qtbot, view: pg.GraphicsView) -> list[QMenu]:
    """A right click in the middle of ``view`` as X11 delivers it (press, the context menu
    event, release); the menus it opened."""
    viewport = view.viewport()
    where = viewport.rect().center()
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, where)
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, where, viewport.mapToGlobal(where)))
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                       where)
    qtbot.wait(50)
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if action.isVisible()]


def test_a_lab_plot_has_the_app_s_own_menu_in_korean(qtbot, window, korean):
    """pyqtgraph's menu (View All, X axis, Mouse Mode, Plot Options, Export…) was English in
    the Korean interface, and its Export dialog's SVG raised 'not enough values to unpack'.
    Show All is offered where the mouse moves the plot (not on the perceptron's fixed one)."""
    for key, expected in (("perceptron", ["이미지 복사(&C)", "PNG로 저장(&S)…"]),
                          ("activations", ["이미지 복사(&C)", "PNG로 저장(&S)…", "전체 보기(&A)"])):
        lab = window.labs_menu.open_lab(key)
        qtbot.waitExposed(lab)
        view = next(v for v in lab.findChildren(pg.GraphicsView) if v.isVisible())
        menus = right_click(qtbot, view)
        for menu in menus:
            menu.close()
        assert [texts(menu) for menu in menus] == [expected], key
    box = view.ci.getItem(0, 0).vb
    box.setRange(xRange=(50, 60), padding=0)  # the student dragged the curve away
    menus[0].actions()[2].trigger()
    left, right = box.viewRange()[0]
    assert left < 0 < right  # the curve (around the origin) shown again
    lab.close()


def test_copy_image_puts_a_panel_on_the_clipboard_for_a_slide(qtbot, window, tmp_path,
                                                               monkeypatch):
    """The main window's plots had no menu: a slide needed a file saved first. Copy Image puts
    the Loss panel (at the PNG's scale, without its buttons) on the clipboard; Save as PNG…
    writes the same picture."""
    open_example(window, "xor_learned", epochs=30)
    train_to_end(qtbot, window)
    panel = window.training.docks["Loss"].widget()
    panel = getattr(panel, "panel", panel)
    view = panel.graphics
    QApplication.clipboard().clear()
    menus = right_click(qtbot, view)
    assert [texts(menu) for menu in menus] == [["&Copy Image", "&Save as PNG…"]]
    menus[0].actions()[0].trigger()
    menus[0].close()
    image = QApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (panel.width() * PNG_SCALE,
                                               panel.height() * PNG_SCALE)
    target = tmp_path / "loss"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    menus = right_click(qtbot, view)
    menus[0].actions()[1].trigger()
    menus[0].close()
    assert (tmp_path / "loss.png").stat().st_size > 1000


def test_a_right_drag_zooms_a_movable_plot_without_opening_the_menu(qtbot, window):
    """On X11 and macOS the context menu is asked for as the right button goes down: the menu
    opened at once, in the middle of pyqtgraph's right-drag zoom. Now it waits for the release
    and opens only when the mouse did not move (the click above still opens it)."""
    lab = window.labs_menu.open_lab("activations")
    qtbot.waitExposed(lab)
    view = next(v for v in lab.findChildren(pg.GraphicsView) if v.isVisible())
    box = view.ci.getItem(0, 0).vb
    viewport = view.viewport()
    start = view.mapFromScene(box.mapToScene(box.boundingRect().center()))
    before = [list(r) for r in box.viewRange()]
    QTest.mousePress(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, start)
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, start, viewport.mapToGlobal(start)))
    opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    for k in range(1, 15):
        QTest.mouseMove(viewport, start + QPoint(5 * k, -5 * k))
        qtbot.wait(20)
    QTest.mouseRelease(viewport, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(70, -70))
    qtbot.wait(50)
    opened += [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]
    for menu in opened:
        menu.close()
    assert opened == []
    assert [list(r) for r in box.viewRange()] != before  # pyqtgraph zoomed
    menus = right_click(qtbot, view)  # a click without a drag: the menu, on the release
    for menu in menus:
        menu.close()
    assert len(menus) == 1
    lab.close()
