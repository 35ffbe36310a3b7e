"""Every colour of the app as plain hex strings, and the NumPy colour scales built from them.

One owner, so weights, heat maps, decision regions, labs and messages always agree. No Qt
here: :mod:`gui.training.frames` colours the decision boundary in the training worker, where
only NumPy belongs. Qt code wraps a value as ``QColor(theme.X)``; pyqtgraph and style sheets
take the hex string as it is.
"""

from __future__ import annotations

from html import escape

import numpy as np

from core.training.snapshot import finite_range as plane_range  # a plane's output range

#: the sign of a value: weights, biases, heat maps, a sigmoid's class 1 (blue) and 0 (orange)
POSITIVE = "#1c7ed6"
NEGATIVE = "#f76707"

#: header colour per node kind (the canvas, the palette, the inspector, the activation plot)
KIND_COLORS = {"input": "#1f9e89", "hidden": "#4c6ef5", "output": "#e8590c"}
#: a saved picture (a panel's, the canvas's) has this many pixels for each of the screen's: a
#: slide's picture, sharp on a projector (at the screen's resolution a 470-px-wide loss plot
#: came out blurred)
PNG_SCALE = 2
#: grey for what has no colour of its own: an unknown node kind, a diverged trial, a sample of
#: a line style
NEUTRAL = "#868e96"

#: the width (pixels) of the border in the highlight colour that shows a drawn widget (the
#: canvas, the image gallery) has the focus: without it nothing showed that Tab had reached it
FOCUS_WIDTH = 2

TEXT = "#212529"
#: captions, hints and explanations next to the main text
MUTED_TEXT = "#6c757d"
#: a lab's set-up and status lines: quieter than the text, louder than a caption
STATUS_TEXT = "#495057"

#: a good outcome (a connection that may be made, a finished run, the test curve)
ACCEPT = "#2f9e44"
#: something wrong: a refused connection, a node's problem, a failed run, an invalid value
PROBLEM = "#e03131"
#: error and all-clear messages in text, darker than the marks above for legibility
ERROR_TEXT = "#c92a2a"
WARNING_TEXT = "#e67700"
#: a next step (a part of the network not built yet, such as a new network's missing input
#: node): neutral, not an error
STEP_TEXT = STATUS_TEXT
OK_TEXT = "#2b8a3e"
#: the background behind a value that is right / wrong
OK_BACKGROUND = "#ebfbee"
PROBLEM_BACKGROUND = "#fff5f5"

SELECTION = "#fab005"
#: guides drawn over a plot (a marker line, a reference line) and a region shaded behind it
GUIDE = "#5a5a5a"
SHADE = "#787878"
NEUTRAL_EDGE = "#7b8794"
BODY = "#ffffff"
#: a neuron without a bias (an input unit)
EMPTY_NEURON = "#f1f3f5"
BORDER = "#adb5bd"
GRID_MINOR = "#eef1f4"
GRID_MAJOR = "#dfe4ea"
BACKGROUND = "#f8f9fb"

#: the per-batch loss behind the smoothed curve
BATCH_LOSS = "#ced4da"
#: a "what to notice" box at the top of every lab
NOTICE_BACKGROUND = "#f4f6fb"
NOTICE_BORDER = "#d5dbe8"

#: the computational-graph lab: forward values above the arrows, gradients below
FORWARD_VALUE = "#2b8a3e"
GRADIENT = "#d6336c"
#: a graph node's fill while it is being edited / at rest, and the graph's background
GRAPH_NODE_ACTIVE = "#e6f6f3"
GRAPH_BACKGROUND = "#fbfcfd"

#: the optimizer race: one colour per optimizer (Okabe–Ito, told apart by colour-blind eyes
#: too), the loss surface's contour lines and the marker on its minimum
OPTIMIZER_COLORS = {"sgd": "#e69f00", "momentum": "#0072b2", "nesterov": "#009e73",
                    "adagrad": "#cc79a7", "rmsprop": "#7f3c0a", "adam": "#000000"}
CONTOUR = "#a3a9b8"
MINIMUM = "#c92a2a"

#: earlier training runs overlaid on the Loss panel, one per run number (cycling), drawn with
#: RUN_ALPHA so the current run's training/validation/test curves stay in front
RUN_COLORS = ("#ae3ec9", "#0c8599", "#e64980", "#5c940d", "#364fc7", "#f59f00", "#7f3c0a",
              "#495057")
RUN_ALPHA = 170

#: the outline of a point in the search's results
POINT_OUTLINE = "#343a40"

#: class 0 orange and class 1 blue (the weight colours), then distinct hues; also the colours
#: of any short list of things to tell apart (the regularisation lab's variants)
CLASS_HEX = (NEGATIVE, POSITIVE, "#37b24d", "#ae3ec9", "#f59f00", "#0c8599", "#e64980",
             "#5c940d", "#364fc7", "#862e9c")

WHITE = np.array([255.0, 255.0, 255.0])


def coloured(text: str, color: str) -> str:
    """Plain ``text`` in ``color`` for a rich-text label: a ``<`` or ``&`` in it (a node's or a
    column's name) is shown as it is, never read as markup."""
    return f"<span style='color:{color}'>{escape(text, quote=False)}</span>"  # i18n: not ui


def kind_color(kind: str) -> str:
    """A node kind's colour; a kind the app does not know (yet) is grey, not an error."""
    return KIND_COLORS.get(kind, NEUTRAL)


def rgb(hex_color: str) -> np.ndarray:
    """``"#rrggbb"`` as a float RGB triple, for arithmetic on colours."""
    h = hex_color.lstrip("#")
    return np.array([int(h[i:i + 2], 16) for i in (0, 2, 4)], dtype=np.float64)


def rgba(hex_color: str, alpha: int) -> tuple[int, int, int, int]:
    """A theme colour made translucent, as the four integers QColor and pyqtgraph take."""
    red, green, blue = (int(c) for c in rgb(hex_color))
    return red, green, blue, alpha


def diverging_rgb(values: np.ndarray, limit: float, soft: float = 1.0) -> np.ndarray:
    """(…, 3) float RGB: white at 0, full blue at +limit, full orange at −limit.

    ``soft`` < 1 keeps the strongest colour lighter (for backgrounds under points)."""
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=np.float64)) / (limit or 1.0), -1, 1)
    t = t[..., None] * soft
    pos, neg = rgb(POSITIVE), rgb(NEGATIVE)
    return np.where(t >= 0, WHITE + (pos - WHITE) * t, WHITE + (neg - WHITE) * (-t))


def class_colors(n: int) -> np.ndarray:
    """(n, 3) float RGB, one colour per class (cycling after ten)."""
    return np.array([rgb(CLASS_HEX[k % len(CLASS_HEX)]) for k in range(n)]).reshape(n, 3)


def grid_rgb(values: np.ndarray, classification: bool,
             value_range: tuple[float, float] | None = None) -> np.ndarray:
    """(…, 3) float RGB for a network's output over a grid, ``values`` of shape (…, outputs):
    one sigmoid unit blue/orange by probability, several classes in their class colours
    (paler where the network is unsure), regression blue/orange by value on the scale of
    ``value_range`` (the first output's :func:`plane_range`, if it is known already: a grid's
    :attr:`~core.training.snapshot.OutputGrid.first_range`)."""
    if classification and values.shape[-1] == 1:
        p = np.clip(values[..., 0], 0.0, 1.0) * 2 - 1  # probability of class 1 → [-1, 1]
        return diverging_rgb(p, 1.0, soft=0.55)
    if classification:
        palette = class_colors(values.shape[-1])
        confidence = np.nan_to_num(values.max(axis=-1, keepdims=True))
        return 255 - (255 - palette[np.nan_to_num(values).argmax(axis=-1)]) * (
            0.25 + 0.5 * confidence)
    first = values[..., 0]
    return regression_rgb(first, *(value_range or plane_range(first)))


REGRESSION_SOFT = 0.7  # a regression plane's strongest colour, lighter under the points
PLANE_FLOOR = 0.08  # a one-signed plane's lowest value: a tint, not the page's white


def regression_rgb(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """(…, 3) float RGB for regression outputs on the scale of their own range ``low`` …
    ``high`` (the Output panel's colour bar says it): across 0, white at 0 and blue/orange up
    to the larger end in size; all of one sign, from a tint at the end nearer 0 to the full
    colour at the other, so a plane whose outputs differ by 0.03 (the book's three-layer
    example) shows them instead of one flat colour."""
    if low < 0 < high:
        return diverging_rgb(values, max(-low, high), soft=REGRESSION_SOFT)
    if low == high == 0:
        return diverging_rgb(np.zeros_like(values, dtype=np.float64), 1.0)  # white
    sign = 1.0 if high > 0 else -1.0
    near, far = (low, high) if sign > 0 else (-high, -low)  # sizes, nearer 0 first
    span = far - near
    sizes = np.nan_to_num(np.asarray(values, dtype=np.float64)) * sign
    t = np.clip((sizes - near) / span, 0.0, 1.0) if span > 0 else np.ones_like(sizes)
    return diverging_rgb(sign * (PLANE_FLOOR + (1 - PLANE_FLOOR) * t), 1.0, soft=REGRESSION_SOFT)
