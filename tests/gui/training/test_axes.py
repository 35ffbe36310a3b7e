"""The plot axes keep their fitted tick spacing: every paint of every axis asks for it, and
working it out (font metrics, the end labels' texts) each time made repaints of unchanged axes
slow. A changed range, length or font works it out again."""

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

import gui.training.plots.axes as axes
from gui.training.plots.axes import FittedAxis


class Counted(QFontMetricsF):
    """QFontMetricsF, counting how many are built."""

    built = 0

    def __init__(self, font: QFont) -> None:
        Counted.built += 1
        super().__init__(font)


@pytest.fixture
def counted(monkeypatch) -> type[Counted]:
    monkeypatch.setattr(axes, "QFontMetricsF", Counted)
    Counted.built = 0
    return Counted


@pytest.fixture
def axis(qtbot, monkeypatch) -> FittedAxis:
    axis = FittedAxis("bottom")
    axis.strings_made = 0
    real = axis.tickStrings

    def tick_strings(values, scale, spacing):
        axis.strings_made += 1
        return real(values, scale, spacing)

    monkeypatch.setattr(axis, "tickStrings", tick_strings)
    return axis


def major(levels) -> float:
    return levels[0][0]


def test_repeated_spacing_of_an_unchanged_axis_is_not_worked_out_again(counted, axis):
    first = axis.tickSpacing(0.0, 1000.0, 80.0)
    assert counted.built == 1 and axis.strings_made >= 1
    made = axis.strings_made
    for _ in range(5):
        assert axis.tickSpacing(0.0, 1000.0, 80.0) == first
    assert counted.built == 1  # no new metrics …
    assert axis.strings_made == made  # … nor label texts
    # the labels ("0", "1000" …) are ~25 px wide: 80 px has room for a few only
    assert major(first) >= 250


def test_a_changed_range_length_or_font_is_worked_out_again(counted, axis):
    short = axis.tickSpacing(0.0, 1000.0, 80.0)
    made = axis.strings_made
    long = axis.tickSpacing(0.0, 1000.0, 800.0)  # a longer axis: closer labels
    assert axis.strings_made > made and major(long) < major(short)
    made = axis.strings_made
    small = axis.tickSpacing(0.0, 10.0, 80.0)  # another range: its own spacing
    assert axis.strings_made > made and major(small) < 10
    assert counted.built == 1  # the same font: the same metrics
    big = QFont(axis.font())
    big.setPointSizeF(big.pointSizeF() * 3)
    axis.setStyle(tickFont=big)
    wide = axis.tickSpacing(0.0, 1000.0, 80.0)
    assert counted.built == 2  # the new font measured
    assert major(wide) > major(short)  # bigger labels: fewer of them
    assert axis.tickSpacing(0.0, 1000.0, 80.0) == wide and counted.built == 2
