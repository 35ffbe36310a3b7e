"""The open project: its network spec, weights, training settings, data reference, history,
training runs, undo stack and where it is saved.

The document is the model of the canvas and the Training dock. Commands
(:mod:`gui.document.commands`) call the primitive edits below and nothing else; every view
(scene, inspector, problems, predictions, settings form, running training) listens to the
signal of the part it shows and never changes the document by hand.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.datasets.ref import DataRef
from core.engine import params
from core.engine.params import Params
from core.spec import EdgeSpec, NetworkSpec, NodeSpec
from core.spec_problems import SpecProblem
from core.training.runs import Runs
from core.training.settings import TrainingSettings
from gui.document.arrays import copies, frozen, read_only
from gui.document.draw_seed import hand_drawn_generator
from gui.document.rollback import GuardedCommand, push_guarded
from gui.document.shown_weights import ShownWeights
from gui.document.undo_budget import UndoBudget
from gui.i18n import on_language_change


class GraphDocument(QObject):
    """One project being edited. Signals carry ids or names; read the new values from the
    document (:attr:`spec`, :attr:`settings`, :attr:`data`, :attr:`history`)."""

    node_added = Signal(str)
    node_removed = Signal(str)
    node_changed = Signal(str)
    edge_added = Signal(str)
    edge_removed = Signal(str)
    #: names of the arrays (``W1``, ``b2``…) whose values or shapes changed in place
    params_changed = Signal(list)
    spec_reset = Signal()
    problems_changed = Signal(list)
    #: the training settings changed; carries the frozenset of the names of the fields that did
    settings_changed = Signal(object)
    #: the data set reference changed
    data_changed = Signal()
    #: the stored training history changed
    history_changed = Signal()
    #: the recorded training runs changed (one added, renamed, hidden, deleted)
    runs_changed = Signal()
    path_changed = Signal(str)
    #: the teaching warnings the project shows on purpose changed
    dismissed_changed = Signal()
    #: emitted first thing in :meth:`reset`, while the old network is still there
    about_to_reset = Signal()
    #: an edit was refused while the structure is locked; carries the reason
    edit_refused = Signal(str)
    #: an edit failed as it was done (its first redo raised) and was taken back: carries the
    #: edit's name (the command's text) and the exception's text (developer English, for the
    #: error output and a tooltip — never the message itself)
    edit_failed = Signal(str, str)
    #: the structure was locked (the reason) or unlocked ("")
    lock_changed = Signal(str)
    #: edits still under way (the Inspector's, drawn on a worker) must land now: something that
    #: needs the document as the user left it comes next (another edit, Undo/Redo, Train, a save)
    settle_requested = Signal()

    def __init__(self, parent: QObject | None = None, seed: int | None = None) -> None:
        super().__init__(parent)
        self._spec = NetworkSpec()
        self._arrays: Params = {}
        self._settings = TrainingSettings()
        self._data: DataRef | None = None
        self._history: dict[str, Any] | None = None
        self._runs = Runs()
        self._title = ""
        self._description = ""
        self._dismissed: tuple[str, ...] = ()
        self._path = ""
        self._problems: list[SpecProblem] = []
        self._lock_reason = ""
        self._preview = ShownWeights()
        self.rng = np.random.default_rng(seed)
        self.undo_stack = QUndoStack(self)
        self.undo_budget = UndoBudget(self)  # what the undo history may hold
        # core words the problems in the language of the moment: word them again on a switch
        # (the window is this document's parent, so it passes the change on)
        on_language_change(self, self._update_problems)

    # ------------------------------------------------------------------ reading
    @property
    def spec(self) -> NetworkSpec:
        return self._spec

    @property
    def arrays(self) -> Params:
        """Every weight, bias and statistic by name (read-only views; edit through commands)."""
        return {name: read_only(value) for name, value in self._arrays.items()}

    def array(self, name: str) -> np.ndarray:
        return read_only(self._arrays[name])

    def has_array(self, name: str) -> bool:
        return name in self._arrays

    # ------------------------------------------------------------------ preview
    # Other weights shown for a while (:mod:`gui.document.shown_weights`).
    def shown_array(self, name: str) -> np.ndarray:
        return read_only(self._preview.arrays.get(name, self._arrays[name]))

    @property
    def shown_arrays(self) -> Params:
        return {name: self.shown_array(name) for name in self._arrays}

    @property
    def previewing(self) -> bool:
        return bool(self._preview.arrays)

    @property
    def preview_refusal(self) -> str:
        """What :meth:`push` says when it refuses an edit of the weights on show ("" when
        the document's own are shown)."""
        return self._preview.refusal

    def set_preview(self, arrays: Params | None, refusal: str = "") -> None:
        """Show ``arrays`` (those the document holds, same shapes) instead of the document's
        own until ``set_preview(None)``; ``params_changed`` tells the views. ``refusal``: why
        an edit of the values on show is refused meanwhile, in words."""
        names = self._preview.replace(arrays, refusal, self._arrays)
        if names:
            self.params_changed.emit(names)

    @property
    def problems(self) -> list[SpecProblem]:
        return list(self._problems)

    @property
    def settings(self) -> TrainingSettings:
        return self._settings

    @property
    def data(self) -> DataRef | None:
        """The data set the project trains on (None: none chosen)."""
        return self._data

    @property
    def history(self) -> dict[str, Any] | None:
        """The training history that goes with the weights, as
        :meth:`core.training.history.History.to_dict` data (None: untrained)."""
        return self._history

    @property
    def runs(self) -> Runs:
        """The training runs recorded so far (:mod:`core.training.runs`), oldest first."""
        return self._runs

    @property
    def title(self) -> str:
        """The project's title and story, as the file brought them (they change only with
        :meth:`reset`)."""
        return self._title

    @property
    def description(self) -> str:
        return self._description

    @property
    def dismissed_warnings(self) -> tuple[str, ...]:
        """Ids of teaching warnings not listed for this project (:mod:`core.lint`)."""
        return self._dismissed

    @property
    def path(self) -> str:
        return self._path

    def set_path(self, path: str) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def push(self, command: GuardedCommand, settle: bool = True) -> bool:
        """Do ``command`` and put it on the undo stack — unless the structure is locked and the
        command is structural (``command.structural``, True unless a command says otherwise),
        or other weights are on show and the command edits the values on show
        (``command.acts_on_shown``): then nothing happens, ``edit_refused`` says why, and the
        result is False. A command whose first redo raises is taken back
        (:func:`gui.document.rollback.push_guarded`): no undo entry, the document as before,
        ``edit_failed`` says what went wrong, and the result is False. Edits still under way
        land first (``settle``) — except for an edit that was itself under way and is landing
        now: everything still pending then was asked after it, and must come after it."""
        if settle:
            self.settle()
        if self._lock_reason and getattr(command, "structural", True):
            self.edit_refused.emit(self._lock_reason)
            return False
        if self.previewing and getattr(command, "acts_on_shown", False):
            self.edit_refused.emit(self.preview_refusal)
            return False
        error = push_guarded(self, self.undo_stack, command)
        if error:  # a failed command was never pushed: it is still there to ask
            self.edit_failed.emit(command.text(), error)
        return not error

    # ------------------------------------------------------------------ locking
    @property
    def locked_reason(self) -> str:
        """Why structural edits are refused right now ("" when they are allowed)."""
        return self._lock_reason

    def lock(self, reason: str) -> None:
        """Refuse structural edits (training runs on the current network) until :meth:`unlock`
        (edits under way land first: :meth:`settle`)."""
        if reason:
            self.settle()
        if reason != self._lock_reason:
            self._lock_reason = reason
            self.lock_changed.emit(reason)

    def unlock(self) -> None:
        self.lock("")

    def settle(self) -> None:
        """Have every edit still under way land now (``settle_requested``)."""
        self.settle_requested.emit()

    # ------------------------------------------------------------------ whole document
    def reset(self, spec: NetworkSpec, arrays: Params | None = None, *,
              settings: TrainingSettings | None = None, data: DataRef | None = None,
              history: dict[str, Any] | None = None, title: str = "", description: str = "",
              dismissed_warnings: tuple[str, ...] = (), path: str = "",
              runs: Runs | None = None) -> None:
        """Replace everything (New, Open): the undo history starts again and is clean.

        Arrays that do not fit ``spec`` are replaced by freshly initialised ones. Everything is
        in place before the first signal, so a follower of ``spec_reset`` reads the new project
        whole; the settings, data and history signals follow for the parts that changed."""
        self.about_to_reset.emit()
        self._preview = ShownWeights()
        given = copies(arrays or {})  # read-only from the start, as every array it keeps
        old = (self._settings, self._data, self._history)
        self._spec = spec
        self._settings = settings if settings is not None else TrainingSettings()
        self.rng = hand_drawn_generator(self._settings.seed, given)
        self._arrays = copies(params.fresh_params(spec, self.rng, keep=given), owned=True)
        self._data, self._history = data, history
        self._title, self._description = title, description
        self._dismissed = tuple(dismissed_warnings)
        self._runs = runs if runs is not None else Runs()
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.set_path(path)
        self.spec_reset.emit()
        self._announce(*old)
        self.runs_changed.emit()
        self._update_problems()

    # ------------------------------------------------------------------ primitive edits
    # Called by commands only. Each takes the exact arrays to install, so undo/redo restore
    # weights bit for bit; removals return the arguments that would insert the item again.
    def insert_node(self, node: NodeSpec, index: int, arrays: Params) -> None:
        self._spec = self._spec.with_node(node, index)
        self._arrays.update(copies(arrays))
        self.node_added.emit(node.id)
        self._update_problems()

    def remove_node(self, node_id: str) -> tuple[NodeSpec, int, Params]:
        """Remove a node that has no edges left (commands remove its edges first)."""
        if self._spec.incoming(node_id) or self._spec.outgoing(node_id):
            raise ValueError(f"node {node_id} still has connections")  # i18n: not ui
        index = [n.id for n in self._spec.nodes].index(node_id)
        node = self._spec.node(node_id)
        removed = self._take(params.node_params(node))
        self._spec = self._spec.without_node(node_id)
        self.node_removed.emit(node_id)
        self._update_problems()
        return node, index, removed

    def insert_edge(self, edge: EdgeSpec, index: int, weight: np.ndarray) -> None:
        self._spec = self._spec.with_edge(edge, index)
        self._arrays[params.weight_name(edge.id)] = frozen(np.asarray(weight))
        self.edge_added.emit(edge.id)
        self._update_problems()

    def remove_edge(self, edge_id: str) -> tuple[EdgeSpec, int, np.ndarray]:
        index = [e.id for e in self._spec.edges].index(edge_id)
        edge = self._spec.edge(edge_id)
        weight = self._arrays.pop(params.weight_name(edge_id))
        self._spec = self._spec.without_edge(edge_id)
        self.edge_removed.emit(edge_id)
        self._update_problems()
        return edge, index, weight

    def replace_node(self, node: NodeSpec, arrays: Params, dropped: list[str]) -> Params:
        """Swap in a changed node (same id), install ``arrays`` and remove ``dropped``.

        Returns the previous values of every array it overwrote or removed."""
        old_values = self._take([*arrays, *dropped])
        changes = {f: getattr(node, f) for f in node.__dataclass_fields__ if f != "id"}
        self._spec = self._spec.with_node_changed(node.id, **changes)
        self._arrays.update(copies(arrays))
        self.node_changed.emit(node.id)
        if arrays or dropped:
            self.params_changed.emit([*arrays, *dropped])
        self._update_problems()
        return old_values

    def set_positions(self, positions: dict[str, tuple[float, float]]) -> None:
        for node_id, position in positions.items():
            self._spec = self._spec.with_node_changed(node_id, position=tuple(position))
            self.node_changed.emit(node_id)

    def set_arrays(self, arrays: Params) -> Params:
        """Replace whole arrays that exist already, same shapes (new weights from training or
        a reset); returns their previous values."""
        for name, value in arrays.items():
            if np.shape(value) != self._arrays[name].shape:
                shapes = f"{self._arrays[name].shape}, got {np.shape(value)}"  # i18n: not ui
                raise ValueError(f"{name} has shape {shapes}")  # i18n: not ui
        old = {name: self._arrays[name] for name in arrays}
        self._arrays.update(copies(arrays))
        self.params_changed.emit(list(arrays))
        return old

    def set_array_value(self, name: str, index: tuple[int, ...], value: float) -> float:
        """Set one weight or bias; returns the old value. The array is replaced by a changed
        copy, never changed in place: the arrays handed out (a rollback snapshot, a worker's
        predictions) stay as they were without copying them."""
        old = float(self._arrays[name][index])
        changed = np.array(self._arrays[name], dtype=np.float64)
        changed[index] = value
        self._arrays[name] = frozen(changed)
        self.params_changed.emit([name])
        return old

    def set_settings(self, settings: TrainingSettings) -> TrainingSettings:
        """Install new training settings; returns the old ones. Another seed starts the
        generator of hand-drawn weights again (:mod:`gui.document.draw_seed`)."""
        old, self._settings = self._settings, settings
        if settings.seed != old.seed:
            self.rng = hand_drawn_generator(settings.seed, self._arrays)
        self._announce(old, self._data, self._history)
        return old

    def set_data(self, data: DataRef | None) -> DataRef | None:
        """Install another data set reference; returns the old one."""
        old, self._data = self._data, data
        self._announce(self._settings, old, self._history)
        return old

    def set_dismissed_warnings(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Install the dismissed warning ids; returns the old ones."""
        old, self._dismissed = self._dismissed, tuple(ids)
        if old != self._dismissed:
            self.dismissed_changed.emit()
        return old

    def set_history(self, history: dict[str, Any] | None) -> dict[str, Any] | None:
        """Install the history that goes with the weights; returns the old one."""
        old, self._history = self._history, history
        self._announce(self._settings, self._data, old)
        return old

    def set_runs(self, runs: Runs) -> Runs:
        """Install another list of runs; returns the old one."""
        old, self._runs = self._runs, runs
        if old is not runs:
            self.runs_changed.emit()
        return old

    def _announce(self, settings: TrainingSettings, data: DataRef | None,
                  history: dict[str, Any] | None) -> None:
        """Signal the parts that differ from the given old ones. Data references and histories
        are never changed in place (a change installs another object), so ``is`` tells."""
        keys = settings.changed_keys(self._settings)
        if keys:
            self.settings_changed.emit(keys)
        if data is not self._data:
            self.data_changed.emit()
        if history is not self._history:
            self.history_changed.emit()

    # ------------------------------------------------------------------ helpers
    def _take(self, names: Any) -> Params:
        return {name: self._arrays.pop(name) for name in list(names) if name in self._arrays}

    def _update_problems(self) -> None:
        problems = self._spec.problems()
        if problems != self._problems:
            self._problems = problems
            self.problems_changed.emit(list(problems))

