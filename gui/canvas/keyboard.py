"""Building with the keyboard alone. With the canvas focused, Tab and Shift+Tab select the next
and previous node (left to right, top to bottom) and bring it to the middle of the view — past
the last node Tab goes on to the next widget, as everywhere else, and coming back by Tab starts
at the first (Shift+Tab: the last) node; Ctrl+Tab and Ctrl+Shift+Tab
add the next or previous node to the selection. ] and [ select the next and previous
connection — of the selected node, round and round, else of the whole canvas (by where their
ends are) — for Del, F2 and the Inspector: a connection could be selected only by a click.
Edit ▸ Connect Selected Nodes (Ctrl+K) connects two selected nodes in the flow's direction
(input → hidden → output, then left to right) with the same checks, words and undoable command
as dragging from a port.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from core.spec import NetworkSpec
from gui.canvas.scene import CanvasScene
from gui.canvas.style import node_label
from gui.canvas.view import CanvasView
from gui.i18n import on_language_change
from gui.lock import LockGate
from gui.widgets import plain_label

CONNECT_SHORTCUT = "Ctrl+K"  # i18n: not ui (Ctrl+L is Auto-layout)
KEYBOARD_FOCUS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
FLOW = {"input": 0, "hidden": 1, "output": 2}  # the rank of each kind along the flow
#: the keys :meth:`CanvasKeys.eventFilter` handles and what they do, as the help and Help ▸
#: Keyboard Shortcuts name them (Tab and Shift+Tab; with Ctrl they add to the selection)
TAB_KEYS = (
    (QKeySequence("Tab"), QT_TRANSLATE_NOOP("CanvasKeys", "Select the next node")),
    (QKeySequence("Shift+Tab"), QT_TRANSLATE_NOOP("CanvasKeys", "Select the previous node")),
    (QKeySequence("Ctrl+Tab"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Add the next node to the selection")),
    (QKeySequence("Ctrl+Shift+Tab"),
     QT_TRANSLATE_NOOP("CanvasKeys", "Add the previous node to the selection")),
)
#: the keys that select connections (with the Tab keys in the help and the shortcuts list)
EDGE_KEYS = (
    (QKeySequence("]"), QT_TRANSLATE_NOOP(
        "CanvasKeys", "Select the next connection (of the selected node, else of all)")),
    (QKeySequence("["), QT_TRANSLATE_NOOP("CanvasKeys", "Select the previous connection")),
)


def canvas_order(spec: NetworkSpec) -> list[str]:
    """The node ids as the canvas shows them: left to right, then top to bottom."""
    return [n.id for n in sorted(spec.nodes, key=lambda n: (n.position[0], n.position[1]))]


def edge_order(spec: NetworkSpec, node_id: str | None = None) -> list[str]:
    """The connections ] goes through: ``node_id``'s (coming in, then going out) in the
    canvas's order of their other ends; without a node, all of them by their source's place,
    then their destination's."""
    def place(other: str) -> tuple[float, float]:
        return spec.node(other).position

    if node_id is not None:
        incoming = sorted(spec.incoming(node_id), key=lambda e: place(e.src))
        outgoing = sorted(spec.outgoing(node_id), key=lambda e: place(e.dst))
        return [e.id for e in (*incoming, *outgoing)]
    return [e.id for e in sorted(spec.edges, key=lambda e: (place(e.src), place(e.dst)))]


def flow_pair(spec: NetworkSpec, first: str, second: str) -> tuple[str, str]:
    """Two nodes as (source, destination): the one earlier in the flow (input → hidden →
    output) first, else the one further left."""
    def key(node_id: str) -> tuple[int, float]:
        node = spec.node(node_id)
        return FLOW.get(node.kind, FLOW["hidden"]), node.position[0]

    src, dst = sorted((first, second), key=key)
    return src, dst


def add_to_edit_menu(window: QMainWindow, action: QAction) -> None:
    """Add a canvas key's ``action`` to the window's Edit menu (the one holding Select All),
    where its shortcut is listed; without that menu (a test's bare window) it is only a key."""
    edit = next((a.menu() for a in window.menuBar().actions()
                 if isinstance(a.menu(), QMenu)
                 and getattr(window, "select_all_action", None) in a.menu().actions()), None)
    if edit is not None:
        edit.addAction(action)


class CanvasKeys(QObject):
    """Tab through the canvas's nodes, and the Connect Selected Nodes action (added to the
    Edit menu: the menu that holds ``window.select_all_action``)."""

    def __init__(self, window: QMainWindow, scene: CanvasScene, view: CanvasView) -> None:
        super().__init__(window)
        self._scene = scene
        self._view = view
        self._current: str | None = None  # the node Tab last went to
        self._left = False  # Tab went past the last node: the next Tab starts afresh
        self._hub: str | None = None  # the node whose connections ] goes round
        view.installEventFilter(self)
        self.connect_action = action = QAction(window)
        action.setShortcut(QKeySequence(CONNECT_SHORTCUT))
        action.triggered.connect(self.connect_selected)
        LockGate(scene.doc, action)
        window.addAction(action)
        add_to_edit_menu(window, action)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        label = self.tr("Co&nnect Selected Nodes")
        tip = self.tr("Connect the two selected nodes, from the one earlier in the flow (input "
                      "→ hidden → output) to the other. On the canvas, Tab selects the next "
                      "node and Ctrl+Tab adds it to the selection.")
        self.connect_action.setText(label)
        self.connect_action.setIconText(plain_label(label))
        self.connect_action.setStatusTip(tip)
        self.connect_action.setToolTip(f"{plain_label(label)}: {tip}")  # i18n: not ui

    # ------------------------------------------------------------------ Tab
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view and event.type() == QEvent.Type.FocusIn and isinstance(
                event, QFocusEvent) and event.reason() in KEYBOARD_FOCUS:
            self._current, self._left = None, True  # come in by Tab: start at an end
        if watched is self._view and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            typing = self._scene.focusItem() is not None  # a weight's editor has the keys
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not typing:
                modifiers = event.modifiers()
                shift = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
                extend = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
                return self.step(key == Qt.Key.Key_Tab and not shift, extend)
            if key in (Qt.Key.Key_BracketRight, Qt.Key.Key_BracketLeft) and not typing:
                self.step_edge(key == Qt.Key.Key_BracketRight)
                return True
        return super().eventFilter(watched, event)

    def step(self, forward: bool, extend: bool = False) -> bool:
        """Select the next (or previous) node — or add it to the selection with ``extend`` —
        and centre it in view. False when there is none (the Tab moves the focus on)."""
        order = canvas_order(self._scene.doc.spec)
        start = self._start(order, forward)
        k = (0 if forward else len(order) - 1) if start is None else (
            order.index(start) + (1 if forward else -1))
        if not 0 <= k < len(order):
            if extend:
                return True  # nothing more to add: stay on the canvas
            self._current, self._left = None, True
            return False
        node_id = self._current = order[k]
        self._left = False
        item = self._scene.node_item(node_id)
        if extend:
            item.setSelected(True)
        else:
            self._scene.select_only([node_id])
        self._view.centerOn(item)
        self._say_selected(node_id)
        return True

    def _say_selected(self, node_id: str) -> None:
        """Say the node Tab selected and, briefly (a screen reader reads it all), the keys
        for it: the arrows move it (Alt+arrows while another key of the window — Explain's
        steps — has ← and →), ] goes through its connections, F2 types its values; each only
        where it does something."""
        spec = self._scene.doc.spec
        node = spec.node(node_id)
        connected = bool(spec.incoming(node_id) or spec.outgoing(node_id))
        taken = self._arrows_taken()

        def words() -> str:
            keys = [self.tr("Tab: the next node"), self.tr("Ctrl+Tab: add the next"),
                    self.tr("Alt+arrow keys: move") if taken else self.tr("arrow keys: move")]
            if connected:
                keys.append(self.tr("]: its connections"))
            if node.kind != "input":  # an input node has no bias and nothing coming in
                keys.append(self.tr("F2: type values"))
            keys.append(self.tr("Ctrl+K: connect two"))
            return self.tr("Selected {node}. {keys}").format(
                node=node_label(node), keys=" · ".join(keys))  # i18n: not ui
        self._scene.say(words)

    def _arrows_taken(self) -> bool:
        """Whether an enabled key of this window has ← (Explain's Back while it steps): the
        plain arrows do that then, Alt+arrows move the nodes."""
        window = self._view.window()
        left = QKeySequence(Qt.Key.Key_Left)
        return any(s.isEnabled() and s.key() == left and isinstance(s.parent(), QWidget)
                   and s.parent().window() is window for s in window.findChildren(QShortcut))

    def _start(self, order: list[str], forward: bool) -> str | None:
        """Where Tab goes on from: the node it last went to while still selected, else the
        last (first) selected node — none after Tab has left the canvas."""
        selected = [i for i in order if i in set(self._scene.selected_node_ids())]
        if self._current in selected:
            return self._current
        if self._left or not selected:
            return None
        return selected[-1] if forward else selected[0]

    # ------------------------------------------------------------------ connections
    def step_edge(self, forward: bool) -> str | None:
        """Select the next (previous) connection of the selected node — or, with no single
        node selected, of the canvas — round at the ends, and bring it into view; say why not
        when there is none. Its id, or None."""
        scene, spec = self._scene, self._scene.doc.spec
        nodes, edges = scene.selected_node_ids(), scene.selected_edge_ids()
        if len(nodes) == 1 and not edges:
            self._hub = nodes[0]
        elif nodes or len(edges) != 1 or (
                self._hub is not None and edges[0] not in edge_order(spec, self._hub)):
            self._hub = None  # not going round one node's connections (any more)
        order = edge_order(spec, self._hub if spec.has_node(self._hub or "") else None)
        if not order:
            hub = spec.node(self._hub) if self._hub and spec.has_node(self._hub) else None
            scene.say(lambda: self.tr("{node} has no connections.").format(
                node=node_label(hub)) if hub else self.tr("The network has no connections."))
            return None
        current = edges[0] if len(edges) == 1 and edges[0] in order else None
        k = (0 if forward else len(order) - 1) if current is None else (
            order.index(current) + (1 if forward else -1)) % len(order)
        edge_id = order[k]
        scene.select_only([], [edge_id])
        item = scene.edge_item(edge_id)
        self._view.ensureVisible(item.sceneBoundingRect(), 20, 20)
        edge = spec.edge(edge_id)
        ends = spec.node(edge.src), spec.node(edge.dst)
        scene.say(lambda: self.tr(
            "Selected the connection {src} → {dst} ({k} of {n}). ]: the next connection · "
            "F2: type its weights · Del: delete it").format(
                src=node_label(ends[0]), dst=node_label(ends[1]), k=k + 1, n=len(order)))
        return edge_id

    # ------------------------------------------------------------------ connecting
    def connect_selected(self) -> bool:
        """Connect the two selected nodes in the flow's direction, or say why not."""
        scene = self._scene
        selected = scene.selected_node_ids()
        if len(selected) != 2:
            scene.say(lambda: self.tr(
                "Select two nodes to connect (on the canvas, Tab selects a node and Ctrl+Tab "
                "adds the next one)."))
            return False
        return scene.connect_nodes(*flow_pair(scene.doc.spec, *selected))
