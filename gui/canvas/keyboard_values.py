"""Typing weights and biases with the keyboard: Edit ▸ Type Values (F2) opens the in-place
editor on the first bias of the one selected node, or on the first weight of the one selected
connection (] selects one: :mod:`gui.canvas.keyboard`). In the editor, Tab sets the value and
goes on to the next — a node's biases, then the weights coming into it, one connection after
the other; a connection's weights — and Shift+Tab to the previous one (round at either end).
Enter sets the value and closes the editor, Esc closes it. A double-click on a neuron or a
weight line opens the same editor with the mouse; both edit only what the neuron view draws one
by one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from gui.canvas.keyboard import add_to_edit_menu
from gui.canvas.scene import CanvasScene
from gui.canvas.style import node_label
from gui.canvas.value_editor import ValueEditor
from gui.canvas.view import CanvasView
from gui.i18n import on_language_change
from gui.widgets import plain_label

VALUES_SHORTCUT = "F2"  # i18n: not ui (the usual key for editing what is selected)
EDITOR_ROOM = (120, 30)  # what the editor covers right of and below the point it opens at
# one value of a node: ("bias", node id, j) or ("weight", edge id, i, j)
Value = tuple


class KeyboardValues(QObject):
    """The Type Values action (added to the Edit menu: the menu of ``select_all_action``). Its
    key works while the canvas has the focus: F2 renames a run in the runs list, and an
    Inspector text box is not the canvas."""

    def __init__(self, window: QMainWindow, scene: CanvasScene, view: CanvasView) -> None:
        super().__init__(window)
        self._scene, self._view = scene, view
        self._values: list[Value] = []
        self.action = action = QAction(window)
        action.setShortcut(QKeySequence(VALUES_SHORTCUT))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.type_values)
        view.addAction(action)
        add_to_edit_menu(window, action)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        label = self.tr("Type &Values")
        tip = self.tr("Type the biases of the selected node and the weights coming into it, or "
                      "the weights of the selected connection: Tab sets a value and goes to the "
                      "next, Enter sets it and stops, Esc stops.")
        self.action.setText(label)
        self.action.setIconText(plain_label(label))
        self.action.setStatusTip(tip)
        self.action.setToolTip(f"{plain_label(label)}: {tip}")  # i18n: not ui

    def type_values(self) -> ValueEditor | None:
        """Open the editor on the selected node's (or connection's) first value, or say why
        not."""
        scene = self._scene
        nodes, edges = scene.selected_node_ids(), scene.selected_edge_ids()
        if not nodes and len(edges) == 1:
            return self._type_weights(edges[0])
        if len(nodes) != 1:
            scene.say(lambda: self.tr("Select one node (on the canvas, Tab selects the next "
                                      "node) or one connection (] selects the next), then "
                                      "press {key} to type its values.").format(
                                          key=VALUES_SHORTCUT))
            return None
        node = scene.doc.spec.node(nodes[0])
        if not scene.node_item(node.id).neuron_mode:
            scene.say(lambda: self.tr(
                "{node} has more neurons than the neuron view draws one by one: raise View ▸ "
                "Neuron View Limit to type its values.").format(node=node_label(node)))
            return None
        self._values = self.values_of(node.id)
        if not self._values:
            scene.say(lambda: self.tr(
                "{node} has no bias, and no weights come into it: select a node it feeds and "
                "press {key}.").format(node=node_label(node), key=VALUES_SHORTCUT))
            return None
        return self._start()

    def _type_weights(self, edge_id: str) -> ValueEditor | None:
        """Open the editor on the first weight of connection ``edge_id``, or say why not."""
        spec = self._scene.doc.spec
        edge = spec.edge(edge_id)
        ends = spec.node(edge.src), spec.node(edge.dst)
        self._values = self.weights_of(edge_id)
        if not self._values:
            self._scene.say(lambda: self.tr(
                "{src} → {dst} has more weights than the neuron view draws one by one: raise "
                "View ▸ Neuron View Limit to type them.").format(
                    src=node_label(ends[0]), dst=node_label(ends[1])))
            return None
        return self._start()

    def _start(self) -> ValueEditor:
        # chosen from the menu, another widget (the Inspector's name box …) may have the
        # focus: the canvas takes it first (a box left commits its edit), so what is typed
        # goes into the editor and not on into that widget
        self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return self._open(0)

    def selected_values(self) -> list[Value]:
        """The values F2 goes through for the selection as it is now (none for another)."""
        nodes, edges = self._scene.selected_node_ids(), self._scene.selected_edge_ids()
        if len(nodes) == 1:
            return self.values_of(nodes[0])
        return self.weights_of(edges[0]) if not nodes and len(edges) == 1 else []

    def weights_of(self, edge_id: str) -> list[Value]:
        """A connection's weights, when the neuron view draws them one by one."""
        spec = self._scene.doc.spec
        edge = spec.edge(edge_id)
        if not self._scene.edge_item(edge_id).per_weight:
            return []
        return [("weight", edge_id, i, j) for j in range(spec.node(edge.dst).units)
                for i in range(spec.node(edge.src).units)]

    def values_of(self, node_id: str) -> list[Value]:
        """The node's values the editor goes through: its biases (not an input node's), then
        the weights coming into it, from each connection the neuron view draws one by one."""
        spec = self._scene.doc.spec
        node = spec.node(node_id)
        values: list[Value] = []
        if node.kind != "input":
            values += [("bias", node_id, j) for j in range(node.units)]
        for edge in spec.incoming(node_id):
            values += self.weights_of(edge.id)
        return values

    def _open(self, k: int) -> ValueEditor:
        scene = self._scene
        value = self._values[k]
        if value[0] == "bias":
            _kind, node_id, j = value
            item = scene.node_item(node_id)
            at = item.mapToScene(item.neuron_center(j))
            editor = scene.edit_bias(node_id, j, at)
        else:
            _kind, edge_id, i, j = value
            at = scene.edge_item(edge_id).weight_point(i, j)
            editor = scene.edit_weight(edge_id, i, j, at)
        for view in scene.views():
            view.ensureVisible(at.x(), at.y(), EDITOR_ROOM[0], EDITOR_ROOM[1])
        editor.stepped.connect(lambda step: self._step(k, step))
        return editor

    def _step(self, k: int, step: int) -> None:
        """Tab (Shift+Tab) set value ``k``: open the next (previous) one, round at the ends,
        unless the values changed meanwhile (the undo of a connection …)."""
        if self.selected_values() == self._values:
            self._open((k + step) % len(self._values))
