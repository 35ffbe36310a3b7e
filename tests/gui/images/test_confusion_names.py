"""The confusion matrix's class names beside the gallery: Fashion-MNIST's ten names under
columns a few pixels wide ran into one another ("TrouPulloverDressCoat…")."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from core.datasets.dataset import Dataset
from core.datasets.remote import REMOTE
from gui.training.plots.output import OutputPanel


def images(class_names: tuple[str, ...]) -> Dataset:
    rng = np.random.default_rng(2)
    return Dataset("images", rng.random((200, 784)), np.arange(200) % 10, "classification",
                   tuple(f"p{k}" for k in range(784)), class_names, "")


def labels(panel: OutputPanel, side: str) -> list[tuple[str, float, float]]:
    """The labels on an axis of the confusion matrix: text, and where it starts and ends
    along the axis on screen (pixels)."""
    plot = panel.confusion.plot
    axis = plot.getAxis(side)
    metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
    found = []
    for level in axis._tickLevels or []:  # the ticks set with setTicks
        for value, text in level:
            if side == "bottom":
                centre = plot.vb.mapViewToScene(QPointF(value, 0)).x()
                half = metrics.horizontalAdvance(text) / 2
            else:
                centre = plot.vb.mapViewToScene(QPointF(0, value)).y()
                half = metrics.tightBoundingRect(text).height() / 2  # its ink
            found.append((text, centre - half, centre + half))
    return found


def overlapping(found: list[tuple[str, float, float]]) -> list[str]:
    ordered = sorted(found, key=lambda label: label[1])
    return [f"{a[0]!r} runs into {b[0]!r}" for a, b in pairwise(ordered)
            if a[2] > b[1]]


@pytest.mark.parametrize("size", [(640, 300), (420, 220), (1000, 600)])
def test_long_class_names_never_overlap_and_numbers_say_which_column(qtbot, size):
    panel = OutputPanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_data(images(REMOTE["fashion-mnist"].class_names), None)
    qtbot.wait(50)  # the layout gives the plot its size
    bottom, left = labels(panel, "bottom"), labels(panel, "left")
    assert bottom and left
    assert overlapping(bottom) == [] and overlapping(left) == []
    rows = [text for text, _, _ in left]
    if [text for text, _, _ in bottom][:2] == ["T-shirt/top", "Trouser"]:  # room for names
        assert rows[:2] == ["T-shirt/top", "Trouser"]
    else:  # numbered columns; each row's name says its number
        assert {text for text, _, _ in bottom} <= {str(k) for k in range(10)}
        assert rows[0] == "T-shirt/top 0"
        named = {f"{name} {k}" for k, name in enumerate(REMOTE["fashion-mnist"].class_names)}
        assert set(rows) <= named


@pytest.mark.parametrize("size", [(1000, 600), (460, 260)])
def test_digits_keep_their_names_on_both_axes(qtbot, size):
    # ten digits fit rows and columns of 14 pixels (the Output panel of a 1280×800 window)
    panel = OutputPanel()
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_data(images(tuple(str(k) for k in range(10))), None)
    qtbot.wait(50)
    if size[0] < 600:  # rows lower than a line of text
        assert 1 / panel.confusion.plot.vb.viewPixelSize()[1] < 16
    assert [text for text, _, _ in labels(panel, "bottom")] == [str(k) for k in range(10)]
    assert [text for text, _, _ in labels(panel, "left")] == [str(k) for k in range(10)]
    assert overlapping(labels(panel, "bottom")) == [] == overlapping(labels(panel, "left"))
