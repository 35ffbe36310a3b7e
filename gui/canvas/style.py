"""Sizes shared by the canvas items, and the QColors they paint with, built from
:mod:`gui.theme`'s colours, so every part of the canvas looks alike. Also each node kind's
title and help text, which the palette and the inspector repeat word for word."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor

from core.spec import NodeSpec
from gui import theme
from gui.i18n import translate

KIND_TITLES = {"input": QT_TRANSLATE_NOOP("NodeKind", "Input"),
               "hidden": QT_TRANSLATE_NOOP("NodeKind", "Hidden"),
               "output": QT_TRANSLATE_NOOP("NodeKind", "Output")}
KIND_HELP = {
    "input": QT_TRANSLATE_NOOP(
        "NodeKind", "An input node holds the data features (x₁, x₂, …): one unit per feature. "
        "It has no weights of its own; drag from its right port to feed another node."),
    "hidden": QT_TRANSLATE_NOOP(
        "NodeKind", "A hidden node is a layer of neurons: each sums its weighted inputs, adds a "
        "bias and applies an activation. Its outputs feed later nodes."),
    "output": QT_TRANSLATE_NOOP(
        "NodeKind", "The output node makes the prediction and carries the loss. Give it one "
        "unit per class (softmax) or one sigmoid unit for yes/no answers."),
}
#: the word for a node's kind in its default label ("hidden 2": kind and id)
KIND_WORDS = {"input": QT_TRANSLATE_NOOP("NodeKind", "input"),
              "hidden": QT_TRANSLATE_NOOP("NodeKind", "hidden"),
              "output": QT_TRANSLATE_NOOP("NodeKind", "output")}


def kind_title(kind: str) -> str:
    """"Input", "Hidden" or "Output" in the window's language (unknown kinds as they are)."""
    return translate("NodeKind", KIND_TITLES[kind]) if kind in KIND_TITLES else kind


def kind_help(kind: str) -> str:
    """The teaching text of a node kind, in the window's language ("" for unknown kinds)."""
    return translate("NodeKind", KIND_HELP[kind]) if kind in KIND_HELP else ""


def node_label(node: NodeSpec) -> str:
    """What the canvas calls ``node``: the user's name, else its kind and id in the window's
    language (``NodeSpec.label`` is the English one, which files and the command line use)."""
    if node.name:
        return node.name
    word = translate("NodeKind", KIND_WORDS[node.kind]) if node.kind in KIND_WORDS else node.kind
    return translate("NodeKind", "{kind} {id}").format(kind=word, id=node.id)


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
