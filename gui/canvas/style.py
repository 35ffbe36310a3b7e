"""Sizes shared by the canvas items, and the QColors they paint with, built from
:mod:`gui.theme`'s colours, so every part of the canvas looks alike. Also each node kind's
title and help text, which the palette and the inspector repeat word for word."""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

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
#: canvas text (values, weights, captions, names) is drawn at least this many pixels high on
#: screen: at Zoom to Fit (about 80 % at 1280×800) 7 pt shrank to 7 px, unreadable on a
#: projector …
MIN_TEXT_PIXELS = 10.0
#: … growing on the canvas by at most this much to stay so: zoomed out further, the canvas is
#: an overview and its text shrinks with it (grown more, it would cover the network)
MAX_TEXT_GROWTH = 1.6
#: a weight of this magnitude (or more) is drawn at full width
FULL_WEIGHT = 1.5
MAX_WEIGHT_WIDTH = 5.0


def weight_strength(value: float) -> float:
    """How strongly a weight or bias is drawn: 0 at 0, 1 at :data:`FULL_WEIGHT` or more — and
    for NaN or an infinity (from a file or a paste: a NaN made every paint fail, then Qt
    crashed the window)."""
    return min(abs(value) / FULL_WEIGHT, 1.0) if math.isfinite(value) else 1.0


def weight_color(value: float, alpha: int = 230) -> QColor:
    """Blue for positive, orange for negative; fainter the closer to 0."""
    base = QColor(theme.POSITIVE if value >= 0 else theme.NEGATIVE)
    strength = weight_strength(value)
    base.setAlpha(int(120 + (alpha - 120) * strength))
    return base


def weight_width(value: float) -> float:
    return 1.2 + (MAX_WEIGHT_WIDTH - 1.2) * weight_strength(value)


def bias_fill(value: float) -> QColor:
    """A neuron's fill: white at bias 0, tinted by the bias's sign and size."""
    if value == 0:
        return QColor(theme.BODY)
    base = QColor(theme.POSITIVE if value > 0 else theme.NEGATIVE)
    strength = weight_strength(value)
    return QColor.fromRgbF(
        1 - (1 - base.redF()) * (0.25 + 0.6 * strength),
        1 - (1 - base.greenF()) * (0.25 + 0.6 * strength),
        1 - (1 - base.blueF()) * (0.25 + 0.6 * strength))


def value_fill(value: float, scale: float) -> QColor:
    """A neuron's fill for a shown value (Explain's z, a, δ): as :func:`bias_fill`, with
    ``scale`` (the largest magnitude shown beside it) drawn at full strength."""
    return bias_fill(value / scale * FULL_WEIGHT if scale > 0 else 0.0)


class PaintedText(NamedTuple):
    """Text as an item last painted it: what was shown, its box in the item's coordinates,
    and how many pixels high (its em) it came out on screen."""

    text: str
    rect: QRectF
    pixels: float


def screen_pixels(painter: QPainter, points: float) -> float:
    """How many pixels high (its em) text of ``points`` comes out on screen through
    ``painter`` (its zoom, its device's resolution)."""
    scale = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    return points * dpi / 72 * scale


def text_growth(painter: QPainter, points: float) -> float:
    """How much larger than ``points`` canvas text is drawn to be :data:`MIN_TEXT_PIXELS` on
    screen (1 when it is already; at most :data:`MAX_TEXT_GROWTH`)."""
    pixels = screen_pixels(painter, points)
    if pixels <= 0:
        return 1.0
    return min(max(MIN_TEXT_PIXELS / pixels, 1.0), MAX_TEXT_GROWTH)


def legible_font(painter: QPainter, points: float, bold: bool = False) -> QFont:
    """The painter's font at ``points``, larger where the zoom would make it hard to read
    (:func:`text_growth`)."""
    font = QFont(painter.font())
    font.setBold(bold)
    font.setPointSizeF(points * text_growth(painter, points))
    return font


def draw_footer(painter: QPainter, band: QRectF, text: str, color: str) -> PaintedText:
    """A node's footer (its activation, or an Explain step's caption) in ``band`` of its card:
    elided when it is wider (an Explain step's "L = 3.48, t = class 0" ran over both borders;
    the node's tooltip has it whole), in a box at least a line high standing on ``band``'s
    bottom, so a font the zoom grew (:func:`legible_font`) is not cut off below. Returns the
    line's box as painted."""
    painter.setPen(QColor(color))
    metrics = QFontMetricsF(painter.font(), painter.device())
    line = metrics.height()
    inside = band.adjusted(6, min(band.height() - line, 0), -6, 0)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inside.width())
    painter.drawText(inside, Qt.AlignmentFlag.AlignCenter, shown)
    width = metrics.horizontalAdvance(shown)
    return PaintedText(shown, QRectF(inside.center().x() - width / 2,
                                     inside.center().y() - line / 2, width, line),
                       screen_pixels(painter, painter.font().pointSizeF()))
