"""The guard around every command's first redo: an edit that raises leaves no undo entry and no
change behind.

:meth:`GraphDocument.push <gui.document.document.GraphDocument.push>` runs each command through
:func:`push_guarded`. If the command's first ``redo`` raises, the document is put back as it was
(a :class:`Snapshot` taken just before, restored through the document's own primitive edits,
so every view hears of each part put back), the command is made obsolete so QUndoStack drops it
instead of keeping an entry that changed nothing (or half of something), and the caller is told
what failed, in words; the traceback goes to the error output for whoever debugs it.
"""

from __future__ import annotations

import sys
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtGui import QUndoCommand, QUndoStack

from core.datasets.ref import DataRef
from core.engine.params import Params, node_params, weight_name
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


def push_guarded(doc: GraphDocument, stack: QUndoStack, command: QUndoCommand) -> str:
    """Push ``command`` onto ``stack`` (which runs its first redo). Returns "" when it worked,
    else what went wrong in a few words — and then the document is as before and the stack holds
    no entry for it."""
    before = Snapshot.of(doc)
    failures: list[BaseException] = []
    redo = command.redo

    def first_redo() -> None:
        try:
            redo()
        except Exception as exc:
            failures.append(exc)
            command.setObsolete(True)  # QUndoStack deletes it instead of keeping it

    command.redo = first_redo  # type: ignore[method-assign]
    command.id = lambda: -1 if failures else type(command).id(command)  # type: ignore[method-assign]
    try:
        stack.push(command)
    finally:
        if not failures:  # a failed command is gone with its instance attributes
            del command.redo, command.id
    if not failures:
        return ""
    error = failures[0]
    traceback.print_exception(error, file=sys.stderr)
    restore(doc, before)
    return str(error) or type(error).__name__


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
