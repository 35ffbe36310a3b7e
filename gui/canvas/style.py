"""Sizes shared by the canvas items, and the QColors they paint with, built from
:mod:`gui.theme`'s colours, so every part of the canvas looks alike. Also each node kind's
title and help text, which the palette and the inspector repeat word for word."""

from __future__ import annotations

from PySide6.QtGui import QColor

from gui import theme

KIND_TITLES = {"input": "Input", "hidden": "Hidden", "output": "Output"}
KIND_HELP = {
    "input": "An input node holds the data features (x₁, x₂, …): one unit per feature. "
             "It has no weights of its own; drag from its right port to feed another node.",
    "hidden": "A hidden node is a layer of neurons: each sums its weighted inputs, adds a bias "
              "and applies an activation. Its outputs feed later nodes.",
    "output": "The output node makes the prediction and carries the loss. Give it one unit per "
              "class (softmax) or one sigmoid unit for yes/no answers.",
}

NODE_WIDTH = 112.0
BLOCK_WIDTH = 132.0
HEADER_HEIGHT = 24.0
NEURON_RADIUS = 9.0
NEURON_SPACING = 26.0
BODY_PADDING = 10.0
PORT_RADIUS = 6.0
THUMBNAIL_SIZE = 96.0
#: a weight of this magnitude (or more) is drawn at full width
FULL_WEIGHT = 1.5
MAX_WEIGHT_WIDTH = 5.0


def weight_color(value: float, alpha: int = 230) -> QColor:
    """Blue for positive, orange for negative; fainter the closer to 0."""
    base = QColor(theme.POSITIVE if value >= 0 else theme.NEGATIVE)
    strength = min(abs(value) / FULL_WEIGHT, 1.0)
    base.setAlpha(int(120 + (alpha - 120) * strength))
    return base


def weight_width(value: float) -> float:
    return 1.2 + (MAX_WEIGHT_WIDTH - 1.2) * min(abs(value) / FULL_WEIGHT, 1.0)


def bias_fill(value: float) -> QColor:
    """A neuron's fill: white at bias 0, tinted by the bias's sign and size."""
    if value == 0:
        return QColor(theme.BODY)
    base = QColor(theme.POSITIVE if value > 0 else theme.NEGATIVE)
    strength = min(abs(value) / FULL_WEIGHT, 1.0)
    return QColor.fromRgbF(
        1 - (1 - base.redF()) * (0.25 + 0.6 * strength),
        1 - (1 - base.greenF()) * (0.25 + 0.6 * strength),
        1 - (1 - base.blueF()) * (0.25 + 0.6 * strength))


def value_fill(value: float, scale: float) -> QColor:
    """A neuron's fill for a shown value (Explain's z, a, δ): as :func:`bias_fill`, with
    ``scale`` (the largest magnitude shown beside it) drawn at full strength."""
    return bias_fill(value / scale * FULL_WEIGHT if scale > 0 else 0.0)
