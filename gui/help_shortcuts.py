"""Help ▸ Keyboard Shortcuts: every key the window answers to, in a filterable list.

The menu commands are read from the window's live actions each time the list is shown or the
language changes (the menu path, the action's text, its shortcuts as the menus show them), so
the list cannot go stale. Keys that are not actions come from where they are handled: the
canvas's Tab and bracket keys (:mod:`gui.canvas.keyboard`) and arrow keys
(:data:`gui.canvas.keyboard_move.MOVE_KEYS`), Explain's step keys (its panel's
``step_keys``; tables and text boxes keep them: :mod:`gui.focus_keys`) and the timeline
slider's (:data:`gui.training.timeline_bar.SLIDER_KEYS`); the mouse gestures of the canvas
are the short table :data:`CANVAS_GESTURES`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.canvas.keyboard import EDGE_KEYS, TAB_KEYS
from gui.canvas.keyboard_move import MOVE_KEYS
from gui.i18n import on_language_change, translate
from gui.labs import CLOSE_KEYS
from gui.training.timeline_bar import SLIDER_KEYS
from gui.widgets import menu_path, plain_label, show_one

NATIVE = QKeySequence.SequenceFormat.NativeText
#: a row of the list: (group — a menu path or a place —, what it does, its keys)
Row = tuple[str, str, str]

#: the canvas's mouse gestures and keys handled in its widgets' event handlers (gui/canvas:
#: view.py pans and zooms, scene.py and value_editor.py take Escape and Enter)
CANVAS_GESTURES = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Wheel"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Zoom in or out")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Middle-drag, Space+drag"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the view (pan)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Drag on empty canvas"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Select the nodes inside the rectangle")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Double-click"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Type a weight (on a weight line) or a bias (on a "
                                          "neuron)")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Set the weight or bias being typed")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Tab, Shift+Tab (while typing a value)"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Set it and type the node's next (previous) value")),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Esc"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Cancel the typing or the connection being "
                                          "dragged; else clear the selection")),
)


def typed(key: QKeySequence) -> bool:
    """Is ``key`` a combination a student types? Not a lone key of those Qt numbers after F35
    (the Undo, Redo, Copy, Back … keys some keyboards have): Undo was listed as "Ctrl+Z,
    Alt+Backspace, Undo", and in Korean as "…, 실행 취소", the command's own name."""
    if key.count() != 1:
        return key.count() > 1
    combination = key[0]
    return (combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier
            or combination.key().value <= Qt.Key.Key_F35.value)


def key_text(action: QAction) -> str:
    """An action's shortcuts as the menus show them, the primary one first, without lone
    special keys (:func:`typed`): "Del, Backspace", "Ctrl+Z, Alt+Backspace"."""
    return ", ".join(key.toString(NATIVE) for key in action.shortcuts() if typed(key))


def menu_rows(menu: QMenu, path: tuple[str, ...] = ()) -> list[Row]:
    """Each visible action with a shortcut in ``menu`` and its submenus."""
    path = (*path, menu.title())
    rows: list[Row] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            rows += menu_rows(action.menu(), path)
        elif key_text(action):
            rows.append((menu_path(*path), plain_label(action.text()), key_text(action)))
    return rows


def action_rows(window: QMainWindow) -> list[Row]:
    """The menu commands with shortcuts, in the menus' order."""
    rows: list[Row] = []
    for action in window.menuBar().actions():
        if action.menu() is not None and action.isVisible():
            rows += menu_rows(action.menu())
    return rows


def other_rows(window: QMainWindow) -> list[Row]:
    """The keys that are not menu commands: the canvas's, Explain's and the timeline's."""
    canvas = translate("ShortcutsDialog", "Canvas")
    rows = [(canvas, translate("CanvasKeys", what), key.toString(NATIVE))
            for key, what in (*TAB_KEYS, *EDGE_KEYS)]
    rows += [(canvas, translate("NodeMover", what), translate("NodeMover", keys))
             for keys, what in MOVE_KEYS]
    rows += [(canvas, translate("ShortcutsDialog", what), translate("ShortcutsDialog", keys))
             for keys, what in CANVAS_GESTURES]
    explain = getattr(window, "explain", None)
    if explain is not None and explain.dock is not None:
        # window-wide, but a focused table, slider or text box keeps them (gui.focus_keys)
        step = translate("ShortcutsDialog", "{step} (not in tables or text boxes)")
        rows += [(plain_label(explain.dock.windowTitle()),
                  step.format(step=plain_label(button.text())), shortcut.key().toString(NATIVE))
                 for shortcut, button in explain.step_keys]
    training = getattr(window, "training", None)
    if training is not None:
        rows.append((training.timeline_toolbar.windowTitle(), translate(
            "ShortcutsDialog", "Move the slider through the epochs (when it has the focus)"),
            ", ".join(QKeySequence(key).toString(NATIVE) for key in SLIDER_KEYS)))
    labs = getattr(window, "labs_menu", None)
    if labs is not None:
        rows.append((plain_label(labs.title()),
                     translate("ShortcutsDialog", "Close the lab's window"),
                     ", ".join(QKeySequence(key).toString(NATIVE) for key in CLOSE_KEYS)))
    return rows


class ShortcutsDialog(QDialog):
    """The list, grouped by menu or place, with a filter box above it."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.apply_filter)
        self.filter_edit.returnPressed.connect(self.go_to_list)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # not the default: Enter after typing a filter closed the list it had just filtered
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 640)
        # After the window's own retranslate has renamed its actions (same event, any order)
        on_language_change(self, lambda: QTimer.singleShot(0, self, self.refresh))

    def refresh(self) -> None:
        """Read the window's actions and keys again, in the current language."""
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.filter_edit.setPlaceholderText(self.tr("Filter: type a command or a key"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for group, what, keys in action_rows(self.window_) + other_rows(self.window_):
            if group not in groups:
                groups[group] = QTreeWidgetItem(self.tree, [group])
                groups[group].setFirstColumnSpanned(True)
                font = groups[group].font(0)
                font.setBold(True)
                groups[group].setFont(0, font)
                groups[group].setFlags(Qt.ItemFlag.ItemIsEnabled)
            QTreeWidgetItem(groups[group], [what, keys])
        self.tree.expandAll()
        self.apply_filter(self.filter_edit.text())

    def apply_filter(self, text: str) -> None:
        """Show the rows whose group, command or keys contain ``text`` (any case)."""
        wanted = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            whole = wanted in group.text(0).casefold()
            shown = 0
            for k in range(group.childCount()):
                child = group.child(k)
                hit = whole or any(wanted in child.text(c).casefold() for c in (0, 1))
                child.setHidden(not hit)
                shown += hit
            group.setHidden(shown == 0)

    def go_to_list(self) -> None:
        """Enter in the filter box: the focus to the first command the filter left."""
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            shown = [group.child(k) for k in range(group.childCount())
                     if not group.isHidden() and not group.child(k).isHidden()]
            if shown:
                self.tree.setCurrentItem(shown[0])
                self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def rows(self) -> list[Row]:
        """The rows the list shows now (after the filter)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            found += [(group.text(0), group.child(k).text(0), group.child(k).text(1))
                      for k in range(group.childCount())
                      if not group.isHidden() and not group.child(k).isHidden()]
        return found

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)


def show_shortcuts(window: QWidget) -> ShortcutsDialog:
    """Open (or bring forward) the window's Keyboard Shortcuts list, read afresh."""
    dialog = show_one(window, ShortcutsDialog)
    dialog.refresh()
    return dialog
