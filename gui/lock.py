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
from gui.i18n import on_language_change, translate
from gui.widgets import plain_label, with_key


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
    """Undo and Redo for menus: their text names the step ("&Undo Add hidden 1"), they take
    the standard keys, and they wait while the document is locked."""
    stack = doc.undo_stack
    keys = QKeySequence.StandardKey
    undo = _step_action(doc, parent, stack.undo, stack.canUndo, stack.canUndoChanged,
                        stack.undoText, stack.undoTextChanged, _menu_undo_text)
    undo.setShortcuts(QKeySequence.keyBindings(keys.Undo))
    redo = _step_action(doc, parent, stack.redo, stack.canRedo, stack.canRedoChanged,
                        stack.redoText, stack.redoTextChanged, _menu_redo_text)
    redo.setShortcuts(QKeySequence.keyBindings(keys.Redo))
    return undo, redo


def short_undo_actions(doc: GraphDocument, parent: QWidget) -> tuple[QAction, QAction]:
    """Toolbar Undo/Redo with a fixed label (the menu's say what they undo), so the toolbar
    does not jump; the tooltip names the step. They too wait while the document is locked."""
    stack = doc.undo_stack
    undo = _step_action(doc, parent, stack.undo, stack.canUndo, stack.canUndoChanged,
                        stack.undoText, stack.undoTextChanged, _tool_undo_text)
    redo = _step_action(doc, parent, stack.redo, stack.canRedo, stack.canRedoChanged,
                        stack.redoText, stack.redoTextChanged, _tool_redo_text)
    return undo, redo


def _step_action(doc: GraphDocument, parent: QWidget, trigger: Callable[[], None],
                 able: Callable[[], bool], able_changed: SignalInstance,
                 step: Callable[[], str], step_changed: SignalInstance,
                 texts: Callable[[str], tuple[str, str]]) -> QAction:
    """An action taking one step of the undo stack; ``texts(step)`` gives its (text, tooltip)
    in the current language, set again when the step or the language changes."""
    action = QAction(parent)
    # an edit still under way lands first: Undo takes back the last edit made, not the one
    # before it (an Inspector edit drawn on a worker would land after the undo)
    action.triggered.connect(lambda: (doc.settle(), trigger()))
    action.setEnabled(able())
    able_changed.connect(action.setEnabled)
    # Connected after the stack's own enabling: the gate has the last word.
    LockGate(doc, action, able, able_changed)
    _StepText(action, step(), step_changed, texts)
    return action


class _StepText(QObject):
    """Names the step in its action's text. A child of the action: its slot goes with it (the
    stack also says its step while it is destroyed); it keeps the step's words itself, so a
    language change never asks a stack that may be gone."""

    def __init__(self, action: QAction, step: str, step_changed: SignalInstance,
                 texts: Callable[[str], tuple[str, str]]) -> None:
        super().__init__(action)
        self._action, self._step, self._texts = action, step, texts
        step_changed.connect(self.step_changed)
        on_language_change(action.parent(), self.retranslate)

    @Slot(str)
    def step_changed(self, step: str) -> None:
        self._step = step
        self.retranslate()

    def retranslate(self) -> None:
        text, tip = self._texts(self._step)
        self._action.setText(text)
        self._action.setToolTip(tip)


def _menu_undo_text(step: str) -> tuple[str, str]:
    text = (translate("Lock", "&Undo {step}").format(step=step) if step
            else translate("Lock", "&Undo"))
    return text, plain_label(text)


def _menu_redo_text(step: str) -> tuple[str, str]:
    text = (translate("Lock", "&Redo {step}").format(step=step) if step
            else translate("Lock", "&Redo"))
    return text, plain_label(text)


def _tool_undo_text(step: str) -> tuple[str, str]:
    word = translate("Lock", "Undo")
    tip = translate("Lock", "Undo {step}").format(step=step) if step else word
    return word, with_key(tip, QKeySequence.StandardKey.Undo)


def _tool_redo_text(step: str) -> tuple[str, str]:
    word = translate("Lock", "Redo")
    tip = translate("Lock", "Redo {step}").format(step=step) if step else word
    return word, with_key(tip, QKeySequence.StandardKey.Redo)
