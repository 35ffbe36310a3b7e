"""What the document's lock turns off: while training runs the document refuses structural
edits, so the widgets that make them and Undo/Redo (which could change the network under the
run) are disabled — each following ``GraphDocument.lock_changed`` itself, with no window code in
between.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, SignalInstance, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.document.document import GraphDocument


class LockGate(QObject):
    """Keeps its parent (a widget or an action) disabled while the document is locked; once
    unlocked it is enabled if ``able()`` says so (Undo/Redo: the stack has a step to take).

    A child of what it gates, so it goes with it. It follows ``able_changed`` (on which the
    stack enables its own actions) only while locked, to disable them again: the stack also
    emits it while being destroyed, when Python may already have let go of the actions."""

    def __init__(self, doc: GraphDocument, target: QWidget | QAction,
                 able: Callable[[], bool] = lambda: True,
                 able_changed: SignalInstance | None = None) -> None:
        super().__init__(target)
        self._target = target
        self._able = able
        self._able_changed = able_changed
        self._following = False
        doc.lock_changed.connect(self._lock_changed)
        self._lock_changed(doc.locked_reason)

    @Slot(str)
    def _lock_changed(self, reason: str) -> None:
        locked = bool(reason)
        if self._able_changed is not None and locked != self._following:
            if locked:
                self._able_changed.connect(self._stay_disabled)
            else:
                self._able_changed.disconnect(self._stay_disabled)
            self._following = locked
        self._target.setEnabled(not locked and self._able())

    @Slot()
    def _stay_disabled(self) -> None:
        self._target.setEnabled(False)


def undo_actions(doc: GraphDocument, parent: QWidget) -> tuple[QAction, QAction]:
    """Undo and Redo for menus: their text names the step, they take the standard keys, and
    they wait while the document is locked."""
    stack = doc.undo_stack
    keys = QKeySequence.StandardKey
    undo = stack.createUndoAction(parent, "&Undo")
    undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
    redo = stack.createRedoAction(parent, "&Redo")
    redo.setShortcuts(QKeySequence.keyBindings(keys.Redo))
    # The stack enables its own actions; a gate connected after it has the last word.
    LockGate(doc, undo, stack.canUndo, stack.canUndoChanged)
    LockGate(doc, redo, stack.canRedo, stack.canRedoChanged)
    return undo, redo


def short_undo_actions(doc: GraphDocument, parent: QWidget) -> tuple[QAction, QAction]:
    """Toolbar Undo/Redo with a fixed label (the menu's say what they undo), so the toolbar
    does not jump; the tooltip names the step. They too wait while the document is locked."""
    stack = doc.undo_stack
    actions = []
    for word, trigger, able, able_changed, text in (
            ("Undo", stack.undo, stack.canUndo, stack.canUndoChanged, stack.undoTextChanged),
            ("Redo", stack.redo, stack.canRedo, stack.canRedoChanged, stack.redoTextChanged)):
        action = QAction(word, parent)
        action.triggered.connect(trigger)
        able_changed.connect(action.setEnabled)
        LockGate(doc, action, able, able_changed)
        text.connect(lambda t, a=action, w=word: a.setToolTip(f"{w} {t}" if t else w))
        actions.append(action)
    return actions[0], actions[1]
