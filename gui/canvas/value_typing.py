"""Typing a weight or a bias on the canvas: the value editor beside the clicked value, set as
an undoable command when Enter is pressed (:class:`~gui.canvas.value_editor.ValueEditor` is the
box itself). The scene owns one :class:`ValueTyping` and forwards ``edit_weight``,
``edit_bias`` and ``editor`` to it; its texts keep the scene's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPointF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QGraphicsProxyWidget

from core.engine import params
from gui.canvas.style import node_label
from gui.canvas.value_editor import ValueEditor, number_refusal
from gui.document import commands
from gui.i18n import translate

if TYPE_CHECKING:
    from gui.canvas.scene import CanvasScene


class ValueTyping(QObject):
    """The value editor of ``scene``: at most one open at a time."""

    def __init__(self, scene: CanvasScene) -> None:
        super().__init__(scene)
        self.scene = scene
        self._proxy: QGraphicsProxyWidget | None = None

    def edit_weight(self, edge_id: str, i: int, j: int, pos: QPointF) -> ValueEditor:
        """Open the editor of weight ``[i, j]`` of ``edge_id`` beside ``pos``."""
        spec = self.scene.doc.spec
        edge = spec.edge(edge_id)
        src, dst = spec.node(edge.src), spec.node(edge.dst)

        def names() -> dict[str, object]:  # in the current language
            return {"src": node_label(src), "i": i + 1, "dst": node_label(dst), "j": j + 1}

        return self._open(
            params.weight_name(edge_id), (i, j), pos,
            # units counted from 1 as in the tooltip and the bias's "unit 1"; "input 1[2]"
            # beside the tooltip's w[1,0] read as a third way to number the same weight
            lambda: translate(
                "CanvasScene", "Set weight {src} unit {i} → {dst} unit {j}").format(**names()),
            lambda value: translate(
                "CanvasScene", "Set weight {src} unit {i} → {dst} unit {j} to {value}").format(
                value=f"{value:g}", **names()))

    def edit_bias(self, node_id: str, j: int, pos: QPointF) -> ValueEditor:
        """Open the editor of unit ``j``'s bias of ``node_id`` beside ``pos``."""
        node = self.scene.doc.spec.node(node_id)
        return self._open(
            params.bias_name(node_id), (j,), pos,
            lambda: translate("CanvasScene", "Set bias of {node} unit {n}").format(
                node=node_label(node), n=j + 1),
            lambda value: translate("CanvasScene", "Set bias of {node} unit {n} to {value}").format(
                node=node_label(node), n=j + 1, value=f"{value:g}"))

    @property
    def editor(self) -> ValueEditor | None:
        """The open editor (None: none)."""
        return self._proxy.widget() if self._proxy is not None else None

    def _open(self, name: str, index: tuple[int, ...], pos: QPointF, action: Callable[[], str],
              undo_text: Callable[[float], str]) -> ValueEditor:
        """``action``: what typing a number does ("Set weight …"), in the current language."""
        self.close()
        doc = self.scene.doc
        editor = ValueEditor(float(doc.shown_array(name)[index]), translate(
            "CanvasScene", "{action}: type a number and press Enter (Esc cancels).").format(
            action=action()))
        editor.committed.connect(lambda value: self._set_value(name, index, value, undo_text))
        proxy = self.scene.addWidget(editor)
        editor.closed.connect(lambda: self._close_later(proxy))
        editor.refused.connect(lambda text: self.scene.say(lambda: number_refusal(text)))
        self._proxy = proxy
        proxy.setZValue(10)
        proxy.setPos(pos + QPointF(8, -12))
        proxy.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        editor.setFocus()
        self.scene.setFocusItem(proxy)
        self.scene.say(lambda: translate(
            "CanvasScene", "{action}: type a number and press Enter.").format(action=action()))
        return editor

    def _set_value(self, name: str, index: tuple[int, ...], value: float,
                   undo_text: Callable[[float], str]) -> None:
        """Set a typed value, unless the network changed under the editor (an import that
        ended meanwhile changed the input's units, …): the index may not be there any more —
        setting it raised inside the undo stack and brought the whole window down."""
        doc = self.scene.doc
        shape = doc.array(name).shape if doc.has_array(name) else ()
        if len(shape) != len(index) or not all(k < n for k, n in zip(index, shape, strict=True)):
            self.scene.say(lambda: translate(
                "CanvasScene", "The network changed while the value was being typed: nothing "
                               "was set."))
            return
        if doc.push(commands.SetArrayValueCommand(doc, name, index, value, undo_text(value))):
            # what was set, in Edit ▸ Undo's words: the editor's "type a number and press
            # Enter" stayed in the status line after Enter, as if the value had not been taken
            # (a refused edit leaves the refusal said instead: training, the timeline pulled
            # back)
            self.scene.say(lambda: undo_text(value))

    def _close_later(self, proxy: QGraphicsProxyWidget) -> None:
        # Closing from inside the editor's own signal would delete it mid-call. That editor
        # only: the next one may be open by then (Tab goes on to the next value).
        QTimer.singleShot(0, self, lambda: self.close(proxy))

    def close(self, proxy: QGraphicsProxyWidget | None = None) -> None:
        """Close ``proxy``'s editor (the open one by default), if it is still there."""
        proxy = proxy or self._proxy
        if proxy is None or not shiboken6.isValid(proxy) or proxy.scene() is not self.scene:
            return
        if proxy is self._proxy:
            self._proxy = None
        self.scene.removeItem(proxy)
        proxy.deleteLater()
