"""Plot axes whose tick labels never overlap, however short the axis.

pyqtgraph spaces the labelled ticks for at least 2.25 intervals whatever the axis's length, so
a plot 60 px high in the docked Loss panel stacked "1.0 0.8 0.6 0.4 0.2 0" on top of each
other. :class:`FittedAxis` widens that spacing (1, 2, 5 × a power of ten, as pyqtgraph's own)
until each label has the room it needs: a line's height on a vertical axis, the widest label
on a horizontal one. Labels the plot's owner gives (``setTicks``: the layers of the gradient
norms, a confusion matrix's classes) are thinned instead: one that would overlap the label
before it is left out.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from core.i18n import percent

#: pixels between neighbouring labels
LABEL_GAP = 4
#: pixels a whole-number axis's label may reach past either end of the axis
EDGE_LABEL_ROOM = 14


#: an epoch axis shows a run's planned length once the epochs drawn fill this much of it
PLANNED_SHARE = 0.25


def epoch_axis_end(drawn: float, planned: float) -> float:
    """Where an epoch axis ends (it starts at 0) with epochs drawn up to ``drawn`` of a run
    planned to end at ``planned`` (once it has ended: the epochs trained): at ``planned``
    when the drawing fills at least :data:`PLANNED_SHARE` of that, so the axis stays put for
    most of the run; before, at the first power of two at least twice ``drawn``, so the data
    so far fills a quarter to a half of the plot and the axis moves in a few jumps, not with
    every frame. Sized to the plan alone, a run planned to 100,000 epochs drew its first
    thousands as a sliver at the plot's left edge, for minutes."""
    drawn = max(drawn, 1.0)
    if drawn >= PLANNED_SHARE * planned:
        return max(planned, drawn)
    return min(float(2 ** math.ceil(math.log2(2 * drawn))), planned)


def next_step(step: float) -> float:
    """The next spacing in the 1, 2, 5, 10 … sequence after ``step``."""
    power = 10.0 ** math.floor(math.log10(step) + 1e-9)
    mantissa = round(step / power, 6)
    for m in (2.0, 5.0, 10.0):
        if m > mantissa:
            return m * power
    return 20.0 * power


def divides(small: float, big: float) -> bool:
    """``big`` is a whole multiple of ``small`` (minor ticks that fall between the major ones
    as they should)."""
    ratio = big / small
    return abs(ratio - round(ratio)) < 1e-6


class FittedAxis(pg.AxisItem):
    """A :class:`pyqtgraph.AxisItem` whose major (labelled) ticks are at least a label apart.

    Every paint of an axis asks for its spacing: the answer is kept with what it was worked
    out from (range, length, font, scale …), so repaints of an unchanged axis (each frame of a
    run repaints a plot's curves, not its range) neither measure the labels again nor build
    font metrics; the metrics are kept per font."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._fitted: tuple[tuple, list[tuple[float, float]]] | None = None
        self._metrics: tuple[QFont, QFontMetricsF] | None = None
        self.percent = False
        self.whole = False  # ticks at whole numbers only (epochs)
        self._aligned: list[FittedAxis] = []

    def align_with(self, other: FittedAxis) -> None:
        """Keep this vertical axis and ``other`` equally wide: x-linked plots stacked in a
        column line their epochs up only when their views start at the same x ("100 %" is
        wider than the loss's "0.5", and the accuracy plot's epochs were shifted)."""
        self._aligned.append(other)
        other._aligned.append(self)
        self._updateMaxTextSize(other.textWidth)
        other._updateMaxTextSize(self.textWidth)

    def _updateMaxTextSize(self, x: int) -> None:
        super()._updateMaxTextSize(x)
        for other in self._aligned:
            if other.textWidth < self.textWidth:  # grows only: no back and forth
                other._updateMaxTextSize(self.textWidth)

    def set_percent(self, on: bool) -> None:
        """Label fractions as percentages ("50 %", Korean "50%"), as every text of the app
        says accuracy; set again after a language change (the labels are drawn anew)."""
        self.percent = on
        self._fitted = None
        self.picture = None  # pyqtgraph's drawn ticks
        self.update()

    def set_whole(self, ends: bool = True) -> None:
        """Ticks at whole numbers only: an epoch axis of a three-epoch run read "0.5 1 1.5 2
        2.5", of a one-epoch run "0.2 0.4 0.6 0.8" — there is no epoch 1.5. ``ends``: the
        first and the last epoch are the ends of the range, and their labels may reach past
        the axis a little (pyqtgraph hid them, and a one-epoch run had no label at all) — not
        for a plot with another beside it, whose labels they would run into."""
        self.whole = True
        if ends:
            self.setStyle(hideOverlappingLabels=EDGE_LABEL_ROOM)
        self._fitted = None
        self.picture = None
        self.update()

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if not self.percent:
            return super().tickStrings(values, scale, spacing)
        step = 100 * spacing * scale
        digits = max(0, math.ceil(-math.log10(step) - 1e-9)) if step > 0 else 0
        return [percent(v * scale, digits) for v in values]

    def tickSpacing(self, minVal: float, maxVal: float, size: float
                    ) -> list[tuple[float, float]]:
        if self._tickSpacing is not None:  # spacing the plot's owner gave: pyqtgraph's own
            return super().tickSpacing(minVal, maxVal, size)
        key = (minVal, maxVal, size, QFont(self._tick_font()), self.scale, self.autoSIPrefixScale,
               self.logMode, self._tickDensity, self.style["maxTickLevel"], self.whole)
        if self._fitted is None or self._fitted[0] != key:
            self._fitted = (key, self._fit(minVal, maxVal, size))
        return self._fitted[1]

    def _fit(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, float]]:
        """pyqtgraph's spacing, widened until the labels have room."""
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.whole and levels:
            levels = [(s, o) for s, o in levels if s >= 1] or [(1.0, 0.0)]
        span = abs(maxVal - minVal)
        if not levels or size <= 0 or span == 0:
            return levels
        major = levels[0][0]
        while major * size / span < self.label_room(minVal, maxVal, major):
            bigger = next_step(major)
            if bigger > span:  # keep one label on the axis at least
                break
            major = bigger
        if major == levels[0][0]:
            return levels
        return [(major, 0.0)] + [(spacing, offset) for spacing, offset in levels[1:]
                                 if spacing < major and divides(spacing, major)]

    def generateDrawSpecs(self, p: object) -> tuple | None:
        specs = super().generateDrawSpecs(p)
        if specs is None or self._tickLevels is None:
            return specs  # pyqtgraph's own labels: already spaced by tickSpacing
        axis, ticks, texts = specs
        return axis, ticks, apart(texts, self.orientation in ("left", "right"))

    def _tick_font(self) -> QFont:
        return self.style["tickFont"] or self.font()

    def _font_metrics(self) -> QFontMetricsF:
        font = self._tick_font()
        if self._metrics is None or self._metrics[0] != font:
            self._metrics = (QFont(font), QFontMetricsF(font))
        return self._metrics[1]

    def label_room(self, low: float, high: float, spacing: float) -> float:
        """The pixels a label needs along the axis at this spacing."""
        metrics = self._font_metrics()
        if self.orientation in ("left", "right"):
            return metrics.height() + LABEL_GAP
        ends = [math.floor(low / spacing) * spacing, math.ceil(high / spacing) * spacing]
        texts = self.tickStrings(ends, self.autoSIPrefixScale * self.scale, spacing)
        return max(metrics.horizontalAdvance(text) for text in texts) + 2 * LABEL_GAP


def apart(texts: list[tuple[QRectF, object, str]], vertical: bool) -> list:
    """The labels (pyqtgraph's ``(rect, flags, text)``) in order along the axis, each left out
    that would come within :data:`LABEL_GAP` of the one kept before it: in a narrow Weights
    panel the layers' names ran into one another ("hiddenhidden 2output 3")."""
    kept: list[tuple[QRectF, object, str]] = []
    for spec in sorted(texts, key=lambda t: t[0].top() if vertical else t[0].left()):
        if kept:
            last = kept[-1][0]
            room = (spec[0].top() - last.bottom() if vertical
                    else spec[0].left() - last.right())
            if room < LABEL_GAP:
                continue
        kept.append(spec)
    return kept
