"""The main window's actions — each with its keys and slot; its texts come from
:data:`gui.window_text.ACTIONS`, set by the window's ``retranslate`` — and the menu bar's menus
and the toolbar that hold them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from gui.about import show_about
from gui.canvas.picture import CanvasPicture
from gui.canvas.scene import CanvasScene
from gui.canvas.view import CanvasView
from gui.context import ProjectContext
from gui.document.document import GraphDocument
from gui.export_menu import ExportMenu
from gui.files import FileController
from gui.help_shortcuts import show_shortcuts
from gui.labs.menu import LabsMenu
from gui.language_menu import LanguageMenu
from gui.lock import short_undo_actions, undo_actions
from gui.window_text import ACTIONS, MENU_TITLES


def keys_with(standard: QKeySequence.StandardKey, extra: str) -> list[QKeySequence]:
    """The platform's key for ``standard``, then ``extra`` if it is another: full screen is
    F11 where a desktop names none or Ctrl+Shift+F; Zoom In is Ctrl+= too, the key without
    Shift that a laptop's "+" is on (Ctrl++ alone did nothing there)."""
    keys = [QKeySequence(standard), QKeySequence(extra)]
    return [key for index, key in enumerate(keys) if not key.isEmpty() and key not in keys[:index]]


class WindowActions:
    """Mixed into the main window, which has ``doc``, ``files``, ``view``, ``settings``,
    ``context``, ``palette`` and ``docks`` before :meth:`_create_actions`, and the slots the
    actions call (``delete_selection``, ``select_all``, ``copy_selection``, ``paste``,
    ``auto_layout``, ``choose_neuron_limit``, ``show_help``)."""

    doc: GraphDocument
    files: FileController
    view: CanvasView
    scene: CanvasScene
    palette: QWidget
    settings: QSettings
    context: ProjectContext
    docks: dict[str, QDockWidget]
    explain: Any  # the Explain panel (gui.explain.panel.ExplainPanel), made after the actions

    def _action(self, name: str, slot: object, shortcut: object = None,
                canvas: bool = False) -> QAction:
        """The action ``name`` of :data:`ACTIONS`; its texts are set in :meth:`retranslate`
        (the tooltip: the label without accelerator and ellipsis, then the tip). Its keys work
        window-wide, or with ``canvas`` while the canvas or the node palette has the focus.

        (Its menu item and toolbar button work anywhere. Window-wide, Backspace in a combo box
        or in the Predictions table deleted the node selected on the canvas, out of sight,
        Ctrl+V there pasted nodes, and Ctrl+C in the table copied nodes instead of the cell.)"""
        action = QAction(self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        self._action_texts.append((action, *ACTIONS[name]))
        action.triggered.connect(slot)
        if canvas:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
            self.palette.addAction(action)  # Space on a button adds a node; Del takes it away
        else:
            self.addAction(action)
        return action

    def _create_actions(self) -> None:
        keys = QKeySequence.StandardKey
        files = self.files
        self._action_texts: list[tuple[QAction, str, str]] = []
        self._menu_titles: list[tuple[QMenu, str]] = []
        self.new_action = self._action("new", files.new, keys.New)
        self.open_action = self._action("open", files.open, keys.Open)
        self.save_action = self._action("save", files.save, keys.Save)
        self.save_as_action = self._action("save_as", files.save_as, keys.SaveAs)
        # Ctrl+Q where the platform names no key for Quit (Windows; Qt's own default)
        quit_keys = keys_with(keys.Quit, "Ctrl+Q")  # i18n: not ui
        self.quit_action = self._action("quit", self.close, quit_keys)
        self.undo_action, self.redo_action = undo_actions(self.doc, self)
        self.delete_action = self._action(
            "delete", self.delete_selection,
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence(Qt.Key.Key_Backspace)],
            canvas=True)
        self.select_all_action = self._action("select_all", self.select_all, keys.SelectAll,
                                              canvas=True)
        self.copy_action = self._action("copy", self.copy_selection, keys.Copy, canvas=True)
        self.paste_action = self._action("paste", self.paste, keys.Paste, canvas=True)
        self.layout_action = self._action("layout", self.auto_layout, QKeySequence("Ctrl+L"))
        self.fit_action = self._action("fit", self.view.fit_to_view, QKeySequence("Ctrl+0"))
        # back to the canvas from any panel in one key (it was up to ~20 Shift+Tabs)
        self.go_canvas_action = self._action("go_canvas", lambda: self.view.setFocus(
            Qt.FocusReason.ShortcutFocusReason), QKeySequence("Ctrl+1"))
        self.zoom_in_action = self._action("zoom_in", lambda: self.view.set_zoom(
            self.view.zoom * 1.25), keys_with(keys.ZoomIn, "Ctrl+="))  # i18n: not ui
        self.zoom_out_action = self._action("zoom_out", lambda: self.view.set_zoom(
            self.view.zoom / 1.25), keys.ZoomOut)
        self.neuron_limit_action = self._action("neuron_limit", self.choose_neuron_limit)
        self.full_screen_action = self._action("full_screen", self.set_full_screen,
                                               keys_with(keys.FullScreen, "F11"))
        self.full_screen_action.setCheckable(True)
        self.canvas_only_action = self._action("canvas_only", self.set_canvas_only,
                                               QKeySequence("F12"))
        self.canvas_only_action.setCheckable(True)
        self._panels: QByteArray | None = None  # the docks as they were before Canvas Only
        self.help_action = self._action("help", self.show_help, keys.HelpContents)
        self.shortcuts_action = self._action("shortcuts", lambda: show_shortcuts(self),
                                             QKeySequence("Ctrl+/"))
        self.about_action = self._action("about", lambda: show_about(self))
        self._create_menus()

    def set_full_screen(self, on: bool) -> None:
        """View ▸ Full Screen: the window over the whole screen (no title bar, no taskbar),
        the most room for the canvas and the plots on a class's projector; off: back as it was
        (maximized or not). The menu item's check follows the window
        (:meth:`show_full_screen_state`), however it entered or left full screen."""
        if on == self.isFullScreen():
            return
        if on:
            self._maximized_before_full_screen = self.isMaximized()
            self.showFullScreen()
        elif getattr(self, "_maximized_before_full_screen", False):
            self.showMaximized()
        else:
            self.showNormal()
        self.show_full_screen_state()

    def set_canvas_only(self, on: bool) -> None:
        """View ▸ Canvas Only: every panel hidden, the canvas as large as the window (the
        toolbars stay: Train and the timeline; Explain too while it is open, as it steps
        through the network on the canvas); off: the panels back where they were."""
        if on and self._panels is None:
            self._panels = self.saveState()
            for dock in self.findChildren(QDockWidget):
                if dock is not self.explain.dock:
                    dock.hide()
        elif not on and self._panels is not None:
            self.restoreState(self._panels)
            self._panels = None
        self.canvas_only_action.setChecked(self._panels is not None)
        # the network fitted to the canvas's new size once the window has laid it out: it
        # stayed as small as the canvas between the docks had needed
        QTimer.singleShot(0, self.view, self.view.fit_to_view)

    def show_full_screen_state(self) -> None:
        """The Full Screen item checked when the window is full screen (its state changed)."""
        self.full_screen_action.setChecked(self.isFullScreen())

    def _menu(self, name: str) -> QMenu:
        """The menu bar's menu ``name`` of :data:`MENU_TITLES` (titled in retranslate)."""
        menu = self.menuBar().addMenu(MENU_TITLES[name])
        self._menu_titles.append((menu, MENU_TITLES[name]))
        return menu

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self._menu("file")
        file_menu.addActions([self.new_action, self.open_action])
        file_menu.addMenu(self.files.recent_menu)
        file_menu.addMenu(self.files.examples_menu)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action])
        file_menu.addSeparator()
        self.export_menu = ExportMenu(self, self.context)
        file_menu.addMenu(self.export_menu.menu)
        self.canvas_picture = CanvasPicture(self, self.context, self.scene,
                                            self.export_menu.menu)
        file_menu.addAction(self.export_menu.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = self._menu("edit")
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        edit.addActions([self.copy_action, self.paste_action, self.delete_action,
                         self.select_all_action])
        view = self.view_menu = self._menu("view")
        view.addActions([self.go_canvas_action, self.fit_action, self.zoom_in_action,
                         self.zoom_out_action, self.layout_action, self.neuron_limit_action])
        view.addSeparator()
        view.addActions([self.full_screen_action, self.canvas_only_action])
        self.language_menu = LanguageMenu(self)
        view.addMenu(self.language_menu)
        view.addSeparator()
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        self.labs_menu = LabsMenu(self.context, self)
        bar.addMenu(self.labs_menu)
        tools = self.tools = self.addToolBar("")
        tools.setObjectName("main_toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.new_action, self.open_action, self.save_action])
        tools.addSeparator()
        self.tool_undo_action, self.tool_redo_action = short_undo_actions(self.doc, self)
        tools.addActions([self.tool_undo_action, self.tool_redo_action, self.delete_action])
        tools.addSeparator()
        tools.addActions([self.layout_action, self.fit_action])
