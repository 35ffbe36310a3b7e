"""Undoable edits of the recorded training runs: rename, hide or show, delete.

Each changes one run by its number against the runs as they are when it is done or undone, so
they interleave safely with a training run that records itself while they are made (none of
them is structural: the list may be edited while training runs).
"""

from __future__ import annotations

from gui.document.commands import Command
from gui.document.document import GraphDocument
from gui.i18n import translate


class RenameRunCommand(Command):
    structural = False

    def __init__(self, doc: GraphDocument, number: int, name: str,
                 parent: Command | None = None) -> None:
        super().__init__(translate("Commands", "Rename run {number}").format(number=number),
                         parent)
        self._doc = doc
        self._number = number
        self._name = name
        self._old = doc.runs.run(number).name

    def redo(self) -> None:
        self._doc.set_runs(self._doc.runs.renamed(self._number, self._name))

    def undo(self) -> None:
        self._doc.set_runs(self._doc.runs.renamed(self._number, self._old))


class HideRunCommand(Command):
    """Hide a run from the runs list and the Loss panel (or show it again)."""

    structural = False

    def __init__(self, doc: GraphDocument, number: int, hidden: bool = True,
                 parent: Command | None = None) -> None:
        text = (translate("Commands", "Hide run {number}") if hidden
                else translate("Commands", "Show run {number}"))
        super().__init__(text.format(number=number), parent)
        self._doc = doc
        self._number = number
        self._hidden = hidden
        self._old = doc.runs.run(number).hidden

    def redo(self) -> None:
        self._doc.set_runs(self._doc.runs.with_hidden(self._number, self._hidden))

    def undo(self) -> None:
        self._doc.set_runs(self._doc.runs.with_hidden(self._number, self._old))


class DeleteRunCommand(Command):
    """Delete a run's record; undo puts it back at its place. The weights and the history
    they go with stay as they are."""

    structural = False

    def __init__(self, doc: GraphDocument, number: int, parent: Command | None = None) -> None:
        super().__init__(translate("Commands", "Delete run {number}").format(number=number),
                         parent)
        self._doc = doc
        self._number = number
        self._run = doc.runs.run(number)
        self._index = doc.runs.index(number)

    def redo(self) -> None:
        self._index = self._doc.runs.index(self._number)
        self._doc.set_runs(self._doc.runs.without(self._number))

    def undo(self) -> None:
        self._doc.set_runs(self._doc.runs.with_run(self._run, self._index))
