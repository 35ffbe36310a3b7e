"""Undoable edits of a :class:`GraphDocument`. They change the document only; views follow it.

Each command remembers exactly what it removed or overwrote (indices, arrays), so undo puts the
document back bit for bit, and redo reinstalls the very weights the first redo drew.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from core.datasets.ref import DataRef
from core.engine import params
from core.engine.params import Params
from core.spec import EdgeSpec, NodeSpec
from gui.document.document import GraphDocument
from gui.document.rollback import GuardedCommand
from gui.i18n import translate

CHANGE_NODE_ID = 1  # QUndoCommand.id() of ChangeNodeCommand: only those merge with each other
CHANGE_SETTINGS_ID = 2
MOVE_NODES_ID = 3


class Command(GuardedCommand):
    """A QUndoCommand whose child commands are kept and run on the Python side (its first redo
    done by the document's guard: :mod:`gui.document.rollback`).

    PySide does not model QUndoCommand's parent ownership: a C++ parent would delete children
    that Python also owns (a double free), and a collected child wrapper would leave the parent
    calling a dead override. So children are plain Python references: redo runs them in order,
    undo in reverse — Qt's own semantics for child commands.

    ``structural`` commands change what a running training works on, so the document refuses
    them while it is locked (:meth:`GraphDocument.lock`); the others are safe meanwhile.
    ``acts_on_shown`` commands edit the values the user sees (a typed weight), so the document
    refuses them while it shows other weights than its own (:meth:`GraphDocument.set_preview`).
    """

    structural = True
    acts_on_shown = False

    def __init__(self, text: str, parent: Command | None = None) -> None:
        super().__init__(text)
        self._children: list[Command] = []
        if parent is not None:
            parent._children.append(self)

    def redo(self) -> None:
        for child in self._children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self._children):
            child.undo()

    def held_bytes(self) -> int:
        """The bytes of arrays held for undo and redo that count against the undo history's
        budget (:mod:`gui.document.undo_budget`): none for a small edit."""
        return sum(child.held_bytes() for child in self._children)


class AddNodeCommand(Command):
    def __init__(self, doc: GraphDocument, node: NodeSpec, index: int | None = None,
                 arrays: Params | None = None, parent: Command | None = None) -> None:
        super().__init__(translate("Commands", "Add {node}").format(node=node.label), parent)
        self._doc = doc
        self._node = node
        self._index = len(doc.spec.nodes) if index is None else index
        self._arrays = params.node_params(node) if arrays is None else arrays

    def redo(self) -> None:
        self._doc.insert_node(self._node, self._index, self._arrays)

    def undo(self) -> None:
        self._doc.remove_node(self._node.id)


class ConnectCommand(Command):
    """Add src → dst. The weight matrix is drawn on the first redo (or given, for paste)."""

    def __init__(self, doc: GraphDocument, src: str, dst: str, edge_id: str | None = None,
                 weight: np.ndarray | None = None, parent: Command | None = None) -> None:
        spec = doc.spec
        super().__init__(translate("Commands", "Connect {source} → {target}").format(
            source=_label(doc, src), target=_label(doc, dst)), parent)
        self._doc = doc
        self._edge = EdgeSpec(edge_id or spec.new_edge_id(), src, dst)
        self._weight = weight

    @property
    def edge_id(self) -> str:
        return self._edge.id

    def redo(self) -> None:
        if self._weight is None:
            after = self._doc.spec.with_edge(self._edge)
            self._weight = params.edge_weight(after, self._edge, self._doc.rng)
        self._doc.insert_edge(self._edge, len(self._doc.spec.edges), self._weight)

    def undo(self) -> None:
        self._doc.remove_edge(self._edge.id)


class DisconnectCommand(Command):
    def __init__(self, doc: GraphDocument, edge_id: str,
                 parent: Command | None = None) -> None:
        edge = doc.spec.edge(edge_id)
        super().__init__(translate("Commands", "Disconnect {source} → {target}").format(
            source=_label(doc, edge.src), target=_label(doc, edge.dst)), parent)
        self._doc = doc
        self._edge_id = edge_id
        self._removed: tuple[EdgeSpec, int, np.ndarray] | None = None

    def redo(self) -> None:
        self._removed = self._doc.remove_edge(self._edge_id)

    def undo(self) -> None:
        assert self._removed is not None
        self._doc.insert_edge(*self._removed)


class RemoveNodeCommand(Command):
    """Remove a node: child commands remove its edges first; undo puts the node back at its
    index, then the edges at theirs."""

    def __init__(self, doc: GraphDocument, node_id: str, parent: Command | None = None,
                 edges_handled: Iterable[str] = ()) -> None:
        super().__init__(translate("Commands", "Delete {node}").format(
            node=_label(doc, node_id)), parent)
        self._doc = doc
        self._node_id = node_id
        skip = set(edges_handled)
        spec = doc.spec
        for edge in (*spec.incoming(node_id), *spec.outgoing(node_id)):
            if edge.id not in skip:
                DisconnectCommand(doc, edge.id, parent=self)
        self._removed: tuple[NodeSpec, int, Params] | None = None

    def redo(self) -> None:
        super().redo()  # the edge removals
        self._removed = self._doc.remove_node(self._node_id)

    def undo(self) -> None:
        assert self._removed is not None
        self._doc.insert_node(*self._removed)
        super().undo()


class MoveNodesCommand(Command):
    """One drag (or one auto-layout) of any number of nodes. Moves of the same nodes in one
    ``burst`` (arrow keys pressed one after the other) merge into one undo entry, as a drag."""

    structural = False  # positions only: safe while training

    def __init__(self, doc: GraphDocument, moves: dict[str, tuple[tuple[float, float],
                                                                  tuple[float, float]]],
                 text: str = "", parent: Command | None = None,
                 burst: int | None = None) -> None:
        count = len(moves)
        if not text and count == 1:
            text = translate("Commands", "Move {node}").format(node=_label(doc, next(iter(moves))))
        elif not text:
            text = translate("Commands", "Move {count} nodes").format(count=count)
        super().__init__(text, parent)
        self._doc = doc
        self._old = {k: old for k, (old, _) in moves.items()}
        self._new = {k: new for k, (_, new) in moves.items()}
        self._burst = burst

    def id(self) -> int:
        return MOVE_NODES_ID

    def redo(self) -> None:
        self._doc.set_positions(self._new)

    def undo(self) -> None:
        self._doc.set_positions(self._old)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, MoveNodesCommand) and self._burst is not None
                and other._burst == self._burst and other._new.keys() == self._new.keys()):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)  # moved back where the burst began
        return True


class ChangeNodeCommand(Command):
    """Change node options (units, activation, name, …) and the arrays that depend on them.

    Consecutive changes of the same options of the same node within one editing ``session``
    merge, so scrubbing a spin box from 2 to 16 is one undo entry.
    """

    def __init__(self, doc: GraphDocument, node_id: str, changes: dict[str, Any],
                 session: int = 0, parent: Command | None = None,
                 arrays: tuple[Params, list[str]] | None = None) -> None:
        """``arrays``: what ``params.params_after_node_change`` gave for this change, drawn
        ahead (on a worker thread) from the document's generator; None draws them now."""
        names = ", ".join(_words(_FIELD_WORDS, k) for k in changes)
        super().__init__(translate("Commands", "Change {fields} of {node}").format(
            fields=names, node=_label(doc, node_id)), parent)
        self._doc = doc
        self._node_id = node_id
        self._changes = dict(changes)
        self._session = session
        self._before = doc.spec.node(node_id)
        self._after = replace(self._before, **changes)
        self._new_arrays, self._dropped = arrays or (None, [])
        self._old_arrays: Params = {}

    def id(self) -> int:
        return CHANGE_NODE_ID

    def redo(self) -> None:
        if self._new_arrays is None:
            spec = self._doc.spec
            after_spec = spec.with_node_changed(self._node_id, **self._changes)
            self._new_arrays, self._dropped = params.params_after_node_change(
                spec, after_spec, self._node_id, self._doc.arrays, self._doc.rng)
        self._old_arrays = self._doc.replace_node(self._after, self._new_arrays, self._dropped)

    def undo(self) -> None:
        assert self._new_arrays is not None
        created = [n for n in (*self._new_arrays, *self._dropped) if n not in self._old_arrays]
        self._doc.replace_node(self._before, self._old_arrays, created)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, ChangeNodeCommand) and other._node_id == self._node_id
                and other._changes.keys() == self._changes.keys()
                and other._session == self._session):
            return False
        assert self._new_arrays is not None and other._new_arrays is not None
        touched = {*self._new_arrays, *self._dropped}
        self._old_arrays = {**{k: v for k, v in other._old_arrays.items() if k not in touched},
                            **self._old_arrays}
        arrays = {k: v for k, v in self._new_arrays.items() if k not in other._dropped}
        arrays.update(other._new_arrays)
        self._new_arrays = arrays
        self._dropped = sorted({*self._dropped, *other._dropped} - arrays.keys())
        self._changes = other._changes
        self._after = other._after
        self.setObsolete(self._after == self._before and not arrays and not self._dropped)
        return True


class SetArrayValueCommand(Command):
    """Set one weight or bias by hand."""

    acts_on_shown = True

    def __init__(self, doc: GraphDocument, name: str, index: tuple[int, ...], value: float,
                 text: str = "", parent: Command | None = None) -> None:
        super().__init__(text or translate("Commands", "Set {name} to {value}").format(
            name=f"{name}{list(index)}", value=f"{value:g}"), parent)
        self._doc = doc
        self._name = name
        self._index = tuple(index)
        self._value = float(value)
        self._old = 0.0

    def redo(self) -> None:
        self._old = self._doc.set_array_value(self._name, self._index, self._value)

    def undo(self) -> None:
        self._doc.set_array_value(self._name, self._index, self._old)


class SetDataCommand(Command):
    """Train on another data set (structural: a running training keeps its data)."""

    def __init__(self, doc: GraphDocument, data: DataRef, text: str,
                 parent: Command | None = None) -> None:
        super().__init__(text, parent)
        self._doc = doc
        self._data = data
        self._old: DataRef | None = None

    def redo(self) -> None:
        self._old = self._doc.set_data(self._data)

    def undo(self) -> None:
        self._doc.set_data(self._old)


class DismissWarningsCommand(Command):
    """Change which teaching warnings the project shows on purpose (safe while training runs:
    it only changes what the Problems panel lists)."""

    structural = False

    def __init__(self, doc: GraphDocument, ids: tuple[str, ...], text: str,
                 parent: Command | None = None) -> None:
        super().__init__(text, parent)
        self._doc = doc
        self._ids = tuple(ids)
        self._old: tuple[str, ...] = ()

    def redo(self) -> None:
        self._old = self._doc.set_dismissed_warnings(self._ids)

    def undo(self) -> None:
        self._doc.set_dismissed_warnings(self._old)


class ChangeSettingsCommand(Command):
    """Change training settings (``{"lr": 0.05}``…). Safe while training runs: the session
    applies a new learning rate to the running trainer, and the other fields are locked there.
    Changes of the same fields within one editing ``session`` merge, like node edits."""

    structural = False

    def __init__(self, doc: GraphDocument, changes: dict[str, Any], session: int = 0,
                 parent: Command | None = None) -> None:
        names = ", ".join(_words(_SETTING_WORDS, k) for k in changes)
        super().__init__(translate("Commands", "Change {settings}").format(settings=names),
                         parent)
        self._doc = doc
        self._changes = dict(changes)
        self._session = session
        self._before = doc.settings
        self._after = replace(self._before, **changes)  # checked here: a bad value raises now

    def id(self) -> int:
        return CHANGE_SETTINGS_ID

    def redo(self) -> None:
        self._doc.set_settings(self._after)

    def undo(self) -> None:
        self._doc.set_settings(self._before)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, ChangeSettingsCommand) and other._session == self._session
                and other._changes.keys() == self._changes.keys()):
            return False
        self._changes, self._after = other._changes, other._after
        self.setObsolete(self._after == self._before)
        return True


def delete_command(doc: GraphDocument, node_ids: Iterable[str],
                   edge_ids: Iterable[str] = ()) -> Command:
    """One undo entry deleting nodes (with their edges) and edges."""
    node_ids = [n for n in dict.fromkeys(node_ids) if doc.spec.has_node(n)]
    attached = {e.id for e in doc.spec.edges if e.src in node_ids or e.dst in node_ids}
    loose = [e for e in dict.fromkeys(edge_ids) if e not in attached]
    count = len(node_ids) + len(loose)
    parent = Command(translate("Commands", "Delete {count} item").format(count=count)
                     if count == 1 else
                     translate("Commands", "Delete {count} items").format(count=count))
    for edge_id in loose:
        DisconnectCommand(doc, edge_id, parent=parent)
    claimed: set[str] = set()
    for node_id in node_ids:
        RemoveNodeCommand(doc, node_id, parent=parent, edges_handled=claimed)
        claimed |= {e.id for e in (*doc.spec.incoming(node_id), *doc.spec.outgoing(node_id))}
    return parent


def _label(doc: GraphDocument, node_id: str) -> str:
    return doc.spec.node(node_id).label if doc.spec.has_node(node_id) else node_id


def _words(words: dict[str, str], key: str) -> str:
    """A changed field's name as the undo text says it (its key when it has no words)."""
    return translate("Commands", words[key]) if key in words else key


# What an undo text calls the fields of a node and of the settings (marked, shown translated):
# every field an edit can change, or the Korean undo text said "은닉 1의 units 변경".
_FIELD_WORDS = {"name": QT_TRANSLATE_NOOP("Commands", "name"),
                "units": QT_TRANSLATE_NOOP("Commands", "units"),
                "features": QT_TRANSLATE_NOOP("Commands", "features"),
                "activation": QT_TRANSLATE_NOOP("Commands", "activation"),
                "init": QT_TRANSLATE_NOOP("Commands", "initialiser"),
                "init_std": QT_TRANSLATE_NOOP("Commands", "initial std"),
                "batch_norm": QT_TRANSLATE_NOOP("Commands", "batch norm"),
                "dropout": QT_TRANSLATE_NOOP("Commands", "dropout"),
                "loss": QT_TRANSLATE_NOOP("Commands", "loss"),
                "position": QT_TRANSLATE_NOOP("Commands", "position")}
_SETTING_WORDS = {"optimizer": QT_TRANSLATE_NOOP("Commands", "optimizer"),
                  "lr": QT_TRANSLATE_NOOP("Commands", "learning rate"),
                  "optimizer_options": QT_TRANSLATE_NOOP("Commands", "optimizer settings"),
                  "epochs": QT_TRANSLATE_NOOP("Commands", "epochs"),
                  "batch_size": QT_TRANSLATE_NOOP("Commands", "batch size"),
                  "weight_decay": QT_TRANSLATE_NOOP("Commands", "weight decay"),
                  "l1": QT_TRANSLATE_NOOP("Commands", "L1 regularisation"),
                  "seed": QT_TRANSLATE_NOOP("Commands", "seed"),
                  "split": QT_TRANSLATE_NOOP("Commands", "split"),
                  "dtype": QT_TRANSLATE_NOOP("Commands", "number precision"),
                  "target_loss": QT_TRANSLATE_NOOP("Commands", "target loss"),
                  "early_stopping_patience": QT_TRANSLATE_NOOP("Commands", "early stopping"),
                  "standardize": QT_TRANSLATE_NOOP("Commands", "standardisation")}
