"""The Explain dock in the window: the panel scrolling above its Check and SGD buttons and
what they did (always in view, so a result never lands below a short dock's fold), and the
"Explain…" action (Ctrl+E)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QVBoxLayout, QWidget

from gui.canvas.scene import CanvasScene
from gui.context import ProjectContext
from gui.docks import add_tabbed_dock, scrolling
from gui.explain.panel import ExplainPanel
from gui.widgets import status_line


def install_explain(window: QMainWindow, context: ProjectContext, scene: CanvasScene,
                    menu: QMenu, beside: QDockWidget) -> tuple[ExplainPanel, QAction]:
    """The Explain dock (a tab beside ``beside``, hidden until asked for) and its
    "Explain…" action (Ctrl+E) in ``menu``."""
    panel = ExplainPanel(context, scene)
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(scrolling(panel), 1)
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
        why = panel.refusal_source()
        if why:  # said again in a new language
            status_line(window).say(lambda: panel.tr(why), 10000)

    action.triggered.connect(show)
    window.addAction(action)
    menu.addAction(action)
    return panel, action
