"""A bound on what the undo history holds.

Training entries are heavy: a run's entry keeps the weights it replaced, and a Continue from
here keeps the epochs it cut off (weights and optimizer state at each) so that Undo can bring
them back — a spiral project trained all day grew 0.8 MB per train / pull back / continue cycle,
and one Continue on an MNIST-sized network can keep up to the timeline's whole budget. So the
history holds at most :data:`UNDO_BYTES` in such entries (and :data:`UNDO_LIMIT` entries):
past it, the oldest heavy entry is dropped together with everything older (undo is a stack),
and :attr:`UndoBudget.trimmed` tells the window, which says so on the status line.

Small edits (moves, settings, typed weights) hold nothing counted here, so the byte rule alone
never drops them; only the count limit does, after :data:`UNDO_LIMIT` of them.

Qt cannot drop the bottom of a QUndoStack that holds entries (setUndoLimit works on an empty
stack only), so the stack is rebuilt: the entries kept are copied (same class, same state,
their own redo not run again) and pushed back onto the same stack, its clean state kept.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

if TYPE_CHECKING:
    from gui.document.document import GraphDocument

#: the bytes the undo entries may hold between them (weights, cut-off epochs)
UNDO_BYTES = 300 * 1024 * 1024
#: the most entries the undo history keeps (Qt drops the oldest past it)
UNDO_LIMIT = 1000


def held_bytes(command: QUndoCommand) -> int:
    """The bytes of arrays ``command`` holds for its undo and redo (0: a small edit)."""
    held = getattr(command, "held_bytes", None)
    return int(held()) if callable(held) else 0


def first_kept(stack: QUndoStack, budget: int) -> int:
    """The index of the oldest entry kept when the newest ones may hold ``budget`` bytes: the
    newest entry is always kept; an older one that would pass the budget goes, with all before
    it."""
    total = 0
    for index in range(stack.count() - 1, -1, -1):
        total += held_bytes(stack.command(index))
        if total > budget and index < stack.count() - 1:
            return index + 1
    return 0


class UndoBudget(QObject):
    """Keeps ``doc``'s undo history within :data:`UNDO_BYTES`, once each edit or run is done:
    never while training runs (its entry is being filled) nor while there is something to
    redo (the user is walking the history)."""

    #: entries were dropped from the bottom of the undo history, for the first time in this
    #: project: said once (a day of train / pull back / continue would repeat it every cycle);
    #: later drops go on quietly, :attr:`dropped` counts them all
    trimmed = Signal()

    def __init__(self, doc: GraphDocument) -> None:
        super().__init__(doc)
        # no reference back: a document made without a parent is collected whole (a cycle
        # through this object left its timer calling a collected wrapper)
        self._doc = weakref.ref(doc)
        # a timer of its own (deleted with it), so a check never comes after the document went
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.check)
        doc.undo_stack.setUndoLimit(UNDO_LIMIT)
        #: the entries dropped since the project was opened
        self.dropped = 0
        budget = weakref.ref(self)
        doc.about_to_reset.connect(lambda: _forget(budget))
        # checked after the edit's own work (a run ends by unlocking, then fills in its
        # entry); lambdas on the timer, not methods of this object: a document collected with
        # a method of it connected had PySide look for a slot it no longer had
        timer = self._timer
        doc.undo_stack.indexChanged.connect(lambda _index: timer.start())
        doc.lock_changed.connect(lambda _reason: timer.start())  # a run's entry is complete

    def check(self) -> int:
        """Drop what is past the budget now; returns how many entries went."""
        doc = self._doc()
        if doc is None:
            return 0
        stack = doc.undo_stack
        if doc.locked_reason or stack.index() != stack.count():
            return 0
        keep = first_kept(stack, UNDO_BYTES)
        if keep:
            drop_oldest(stack, keep)
            first, self.dropped = not self.dropped, self.dropped + keep
            if first:
                self.trimmed.emit()
        return keep


def _forget(budget: weakref.ref[UndoBudget]) -> None:
    """Another project: its first drop is said again."""
    alive = budget()
    if alive is not None:
        alive.dropped = 0


def drop_oldest(stack: QUndoStack, count: int) -> None:
    """Drop the ``count`` oldest entries of ``stack`` (nothing to redo on it): the others are
    pushed back as copies, without being done again; the stack's signals tell the change
    once."""
    clean = stack.cleanIndex() - count if stack.cleanIndex() >= count else -1
    kept = [_copy(stack.command(i)) for i in range(count, stack.count())]
    blocked = stack.blockSignals(True)
    try:
        stack.clear()
        for index, command in enumerate(kept):
            if index == clean:
                stack.setClean()
            command.redone_already()
            command._apart = True  # type: ignore[attr-defined]  # no merging on the way back
            stack.push(command)
        for command in kept:
            command._apart = False  # type: ignore[attr-defined]
        if clean == len(kept):
            stack.setClean()
        elif clean < 0:
            stack.resetClean()
    finally:
        stack.blockSignals(blocked)
    stack.indexChanged.emit(stack.index())
    stack.cleanChanged.emit(stack.isClean())
    stack.canUndoChanged.emit(stack.canUndo())
    stack.canRedoChanged.emit(stack.canRedo())
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())


def _copy(command: QUndoCommand) -> QUndoCommand:
    """A new entry of ``command``'s class sharing its state (the stack deletes the old one)."""
    cls = type(command)
    copy = cls.__new__(cls)
    QUndoCommand.__init__(copy, command.text())
    copy.__dict__.update(command.__dict__)
    copy._origin = getattr(command, "_origin", command)  # what was pushed: see same_entry
    return copy


def same_entry(entry: QUndoCommand, command: object) -> bool:
    """Whether the stack's ``entry`` is ``command`` as it was pushed (or its copy)."""
    return entry is command or getattr(entry, "_origin", None) is command
