"""The guard around every command's first redo: an edit that raises leaves no undo entry and no
change behind, and the undo history as it was.

:meth:`GraphDocument.push <gui.document.document.GraphDocument.push>` runs each command through
:func:`push_guarded`, which does the command's first ``redo`` itself, before the command goes
near the stack: QUndoStack.push deletes every undone entry (the redo history) before it even
looks at the command, so a failure inside push would take the redo history with it. If that
redo raises, the document is put back as it was (a :class:`Snapshot` taken just before,
restored through the document's own primitive edits, so every view hears of each part put
back), the command is never pushed, and the caller is told what failed; the traceback goes to
the error output for whoever debugs it. Only a command that worked is pushed, with the stack's
own first redo skipped (:class:`GuardedCommand`): it was done already.
"""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.datasets.ref import DataRef
from core.engine.params import Params, node_params, weight_name
from core.error_words import own_words
from core.spec import NetworkSpec
from core.training.runs import Runs
from core.training.settings import TrainingSettings

if TYPE_CHECKING:
    from gui.document.document import GraphDocument


@dataclass(frozen=True)
class Snapshot:
    """Everything a command may change, as it was. The arrays are the document's own, not
    copies: it replaces arrays and never changes one in place, and copying them all before
    every edit took 0.25 s of the GUI thread for 784-2000-512-10."""

    spec: NetworkSpec
    arrays: Params
    settings: TrainingSettings
    data: DataRef | None
    history: dict[str, Any] | None
    runs: Runs
    dismissed: tuple[str, ...]

    @classmethod
    def of(cls, doc: GraphDocument) -> Snapshot:
        return cls(doc.spec, doc.arrays, doc.settings, doc.data, doc.history, doc.runs,
                   doc.dismissed_warnings)


class GuardedCommand(QUndoCommand):
    """A command whose first redo :func:`push_guarded` does before pushing it: every ``redo``
    a subclass defines is wrapped (once, when the class is made) so the stack's call in push
    is skipped after :meth:`redone_already`; every later redo runs as written."""

    _skip_redo = False
    #: pushed back by :func:`gui.document.undo_budget.drop_oldest`: merges with nothing
    _apart = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "redo" in cls.__dict__:
            cls.redo = _skippable(cls.__dict__["redo"])  # type: ignore[method-assign]
        if "id" in cls.__dict__:
            cls.id = _apart_id(cls.__dict__["id"])  # type: ignore[method-assign]

    def redone_already(self) -> None:
        """The next redo (the one in QUndoStack.push) is not done again."""
        self._skip_redo = True


def _skippable(redo: Callable[[Any], None]) -> Callable[[Any], None]:
    @functools.wraps(redo)
    def wrapped(command: GuardedCommand) -> None:
        if command._skip_redo:
            command._skip_redo = False
            return
        redo(command)

    return wrapped


def _apart_id(command_id: Callable[[Any], int]) -> Callable[[Any], int]:
    @functools.wraps(command_id)
    def wrapped(command: GuardedCommand) -> int:
        return -1 if command._apart else command_id(command)

    return wrapped


def push_guarded(doc: GraphDocument, stack: QUndoStack, command: GuardedCommand) -> str:
    """Do ``command`` and push it onto ``stack``. Returns "" when it worked, else what went
    wrong (the exception's own text, for the error output) — and then the document is as
    before and the stack as it was, its redo history included."""
    before = Snapshot.of(doc)
    try:
        command.redo()
    except Exception as error:
        traceback.print_exception(error, file=sys.stderr)
        restore(doc, before)
        return own_words(error)
    command.redone_already()
    stack.push(command)
    return ""


def restore(doc: GraphDocument, old: Snapshot) -> None:
    """Put ``doc`` back to ``old`` with its primitive edits: what changed is undone, each
    with its signal; what did not is left alone (no signal)."""
    spec = doc.spec
    old_nodes = {n.id: n for n in old.spec.nodes}
    old_edges = {e.id: e for e in old.spec.edges}
    for edge in spec.edges:
        if old_edges.get(edge.id) != edge:
            doc.remove_edge(edge.id)
    for node in doc.spec.nodes:
        if node.id not in old_nodes:
            doc.remove_node(node.id)
    for index, node in enumerate(old.spec.nodes):
        now = doc.spec.node(node.id) if doc.spec.has_node(node.id) else None
        edges = [*old.spec.incoming(node.id), *old.spec.outgoing(node.id)]
        names = [*node_params(node), *(weight_name(e.id) for e in edges)]
        arrays = {k: old.arrays[k] for k in names if k in old.arrays}
        if now is None:
            doc.insert_node(node, index, arrays)
        elif now != node:
            doc.replace_node(node, arrays, [k for k in node_params(now) if k not in arrays])
    present = {e.id for e in doc.spec.edges}
    for index, edge in enumerate(old.spec.edges):
        if edge.id not in present:
            doc.insert_edge(edge, index, old.arrays[weight_name(edge.id)])
    differ = {k: v for k, v in old.arrays.items()
              if doc.has_array(k) and not np.array_equal(doc.array(k), v)}
    if differ:
        doc.set_arrays(differ)
    doc.set_settings(old.settings)
    doc.set_data(old.data)
    doc.set_history(old.history)
    doc.set_runs(old.runs)
    doc.set_dismissed_warnings(old.dismissed)
