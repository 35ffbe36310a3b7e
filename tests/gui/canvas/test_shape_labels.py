"""A block connection's matrix shape ("784×50") is drawn at its middle, under the cards: with
two cards dragged close together it sat half under their ports. It now stands clear of both
cards (ports included) — on the line, else just above it — and is left out when there is no
room — the connection's tooltip and the inspector still say the shape."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF

from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.spec import NetworkSpec


def mnist_sized(window) -> str:
    rng = np.random.default_rng(0)
    data = Dataset("pixels", rng.standard_normal((16, 784)), rng.integers(0, 10, 16),
                   "classification", tuple(f"p{k}" for k in range(784)),
                   tuple(str(k) for k in range(10)), "randn(16, 784)")
    window.doc.reset(NetworkSpec.mlp([784, 50, 10]), data=DataRef.embedded(data))
    return next(e.id for e in window.doc.spec.edges if window.doc.spec.node(e.src).units == 784)


def card_and_ports(card) -> list[QRectF]:
    return [card.mapRectToScene(card.body_rect()), card.in_port.sceneBoundingRect(),
            card.out_port.sceneBoundingRect()]


def drag_right_card(canvas, edge, gap: float) -> None:
    """Drag the connection's right card by its header until ``gap`` scene units separate the
    two cards' borders."""
    header = edge.dst.mapToScene(QPointF(0, edge.dst.body_rect().top() + 10))
    move = edge.src.anchor("out").x() + gap - edge.dst.anchor("in").x()
    canvas.drag(header, header + QPointF(move, 0))


def painted_shape(qtbot, window, edge):
    window.view.viewport().grab()  # painted as on screen
    return edge.painted.get("shape")


def test_the_shape_label_keeps_clear_of_close_cards_ports(qtbot, window, canvas):
    edge = window.scene.edge_item(mnist_sized(window))
    window.view.fitInView(edge.src.sceneBoundingRect().united(edge.dst.sceneBoundingRect()))
    shown = painted_shape(qtbot, window, edge)
    assert shown is not None and shown.text == "784×50"  # room at the usual spacing
    for gap in (60.0, 40.0, 20.0):
        drag_right_card(canvas, edge, gap)
        assert edge.dst.anchor("in").x() - edge.src.anchor("out").x() < gap + 10  # dragged
        shown = painted_shape(qtbot, window, edge)
        if shown is None:
            continue
        label = edge.mapRectToScene(shown.rect)
        hiders = card_and_ports(edge.src) + card_and_ports(edge.dst)
        assert not any(label.intersects(rect) for rect in hiders), (gap, label)
    assert painted_shape(qtbot, window, edge) is None  # 20 units: no room at all
    assert "784×50" in edge.tooltip_at(edge.midpoint())
