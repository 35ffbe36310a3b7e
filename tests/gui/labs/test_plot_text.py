"""Every lab's plot text (titles, axis ticks and labels, legends) is dark enough to read on a
projector: pyqtgraph's default light grey (150, 150, 150) is 2.96:1 on white."""

import re

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from gui import theme
from gui.labs import LABS

COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6,8})")


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour.getRgbF()[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(colour: QColor) -> float:
    return 1.05 / (luminance(colour) + 0.05)


def html_colours(html: str) -> list[QColor]:
    return [QColor(code[:1] + code[-6:]) for code in COLOUR.findall(html)]


def plot_texts(lab) -> dict[str, list[QColor]]:
    """What each plot text of ``lab`` is drawn in: titles and legends (LabelItems), the
    axes' tick labels and their titles."""
    found: dict[str, list[QColor]] = {"labels": [], "ticks": [], "axis titles": []}
    for view in lab.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.LabelItem) and item.text:
                found["labels"] += html_colours(item.item.toHtml())
            elif isinstance(item, pg.AxisItem) and item.isVisible() and item.style["showValues"]:
                found["ticks"].append(item.textPen().color())
                if item.label.isVisible() and item.labelText:
                    found["axis titles"] += html_colours(item.label.toHtml())
    return found


@pytest.mark.parametrize("key", [info.key for info in LABS if info.key != "comp_graph"])
def test_lab_plot_text_is_dark_enough_to_read(qtbot, window, open_lab, key):
    lab = open_lab(key)
    texts = plot_texts(lab)
    assert texts["ticks"] and texts["labels"] + texts["axis titles"]  # every lab here plots
    for kind, colours in texts.items():
        weak = {c.name() for c in colours if contrast_on_white(c) < 4.5}
        assert not weak, f"{key}: {kind} in {weak}"
    assert QColor(theme.TEXT) in texts["ticks"]  # the app's text colour, not pyqtgraph's grey
