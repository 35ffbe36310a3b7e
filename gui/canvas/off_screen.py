"""What changes off screen is drawn when a view shows it.

Every ``update()`` of a canvas item makes Qt ask the item, and each of its children, for its
bounds — a call into Python — though it is off screen. A live frame of a chain of 300 one-unit
nodes updated every card, connection and gradient bar: about 1,200 such calls a frame, 20–70 ms
of the GUI thread while training (the worker holds the interpreter lock in between). So the
scene updates the items on screen at once and keeps the others stale until a view paints the
part of the canvas they are in (:class:`gui.canvas.view.CanvasView` asks as it paints) or the
canvas is made into a picture (:mod:`gui.canvas.picture`).
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene


class OffScreenDrawing:
    """The stale items of one scene."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self.scene = scene
        self._stale: set[QGraphicsItem] = set()

    def redraw(self, items: Sequence[QGraphicsItem]) -> None:
        """Draw ``items`` again (their pictures changed): those on screen now, the others
        when a view shows them."""
        shown = self._on_screen()
        for item in items:
            if item in shown:
                item.update()
            else:
                self._stale.add(item)

    def draw_stale(self, rect: QRectF | None = None) -> None:
        """Draw again the items changed off screen that lie in ``rect`` (scene coordinates;
        None: all of them), before it is painted."""
        if not self._stale:
            return
        if rect is None:  # a bar goes with its card or connection, unnamed: still there?
            found = [item for item in self._stale
                     if shiboken6.isValid(item) and item.scene() is self.scene]
            self._stale.clear()
        else:
            found = [item for item in self.scene.items(
                rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect) if item in self._stale]
            self._stale.difference_update(found)
        for item in found:
            item.update()  # a cached picture is made again at the next paint: this one

    def forget(self, item: QGraphicsItem | None = None) -> None:
        """``item`` leaves the scene (None: every item does)."""
        if item is None:
            self._stale.clear()
        else:
            self._stale.discard(item)

    @property
    def stale(self) -> frozenset[QGraphicsItem]:
        return frozenset(self._stale)

    def _on_screen(self) -> set[QGraphicsItem]:
        shown: set[QGraphicsItem] = set()
        for view in self.scene.views():
            if view.isVisible():
                rect = view.mapToScene(view.viewport().rect()).boundingRect()
                shown.update(self.scene.items(
                    rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect))
        return shown
