"""The Explain dock in the window: the panel scrolling above its Check and SGD buttons and
what they did (always in view, so a result never lands below a short dock's fold), and the
"Explain…" action (Ctrl+E), which also makes the dock tall enough for the panel when the
training panels under it can give the height (a 1024 × 768 window with a 16 pt font showed
six lines of Explain, the step itself below the fold, above 300 pixels of loss plots)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui.canvas.scene import CanvasScene
from gui.context import ProjectContext
from gui.docks import add_tabbed_dock, scrolling
from gui.explain.panel import ExplainPanel
from gui.widgets import status_line

#: the least share of the window's height the training panels under the Explain dock keep when
#: it grows (1024 × 768 with a 16 pt font: 182 pixels, the Loss and Accuracy plots with their axes)
BOTTOM_SHARE = 0.25
#: a dock that shows fewer lines of the panel than this grows (more are enough to read a step)
SHORT_LINES = 12


def install_explain(window: QMainWindow, context: ProjectContext, scene: CanvasScene,
                    menu: QMenu, beside: QDockWidget) -> tuple[ExplainPanel, QAction]:
    """The Explain dock (a tab beside ``beside``, hidden until asked for) and its
    "Explain…" action (Ctrl+E) in ``menu``."""
    panel = ExplainPanel(context, scene)
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    area = scrolling(panel)
    layout.addWidget(area, 1)
    layout.addWidget(panel.action_row)
    dock = add_tabbed_dock(window, "Explain", content, beside)  # i18n: not ui
    dock.hide()
    dock.visibilityChanged.connect(panel.set_active)
    action = QAction(window)
    action.setShortcut(QKeySequence("Ctrl+E"))
    panel.dock, panel.action, panel.status = dock, action, status_line(window)
    panel.retranslate()  # the dock's title and the action's texts

    def show() -> None:
        dock.show()
        dock.raise_()
        panel.set_active(True)
        panel.next_button.setFocus()
        QTimer.singleShot(0, dock, lambda: make_room(window, dock, area))
        why = panel.refusal_source()
        if why:  # said again in a new language
            status_line(window).say(lambda: panel.tr(why), 10000)

    action.triggered.connect(show)
    window.addAction(action)
    menu.addAction(action)
    return panel, action


def make_room(window: QMainWindow, dock: QDockWidget, area: QScrollArea) -> None:
    """Make ``dock`` (in a side column), when it shows fewer than :data:`SHORT_LINES` lines,
    tall enough to show all of ``area``'s panel, taking the height from the docks under the
    column (the training panels), which keep at least :data:`BOTTOM_SHARE` of the window's
    height and their minimum size. A floating dock or one at the bottom is left as it is."""
    if not dock.isVisible() or dock.isFloating() or window.dockWidgetArea(dock) not in (
            Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
        return
    shown = area.viewport().height()
    if shown >= SHORT_LINES * area.widget().fontMetrics().lineSpacing():
        return  # roomy enough: the user's layout stays as it is
    missing = area.widget().sizeHint().height() - shown
    below = [other for other in window.findChildren(QDockWidget)
             if other.isVisible() and not other.isFloating()
             and window.dockWidgetArea(other) == Qt.DockWidgetArea.BottomDockWidgetArea
             and other.geometry().top() >= dock.geometry().bottom()]
    if missing <= 0 or not below:
        return
    under = max(below, key=lambda other: other.height())
    keep = max(under.minimumSizeHint().height(), int(window.height() * BOTTOM_SHARE))
    spare = under.height() - keep
    if spare > 0:  # the size asked for is of the dock with its tabs (when it has some)
        window.resizeDocks([under], [under.height() + _tabs_height(window, under)
                                     - min(missing, spare)], Qt.Orientation.Vertical)


def _tabs_height(window: QMainWindow, dock: QDockWidget) -> int:
    """The height of the tab bar under ``dock`` (0 when it is not one of tabbed docks)."""
    box = dock.geometry()
    for bar in window.findChildren(QTabBar):
        if (bar.isVisible() and bar.parentWidget() is window
                and 0 <= bar.geometry().top() - box.bottom() <= 2
                and bar.geometry().left() < box.right() and bar.geometry().right() > box.left()):
            return bar.height()
    return 0
