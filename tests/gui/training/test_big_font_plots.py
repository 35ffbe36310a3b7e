"""The training panels' plot titles with a projector's big system font."""

import pytest

from gui.training.plots import LossPanel, OutputPanel
from tests.gui.text_fit import system_font


@pytest.fixture
def big_font():
    with system_font(15) as font:
        yield font


@pytest.mark.parametrize("make", [LossPanel, OutputPanel])
def test_plot_titles_grow_with_the_system_font(qtbot, big_font, make):
    """The titles were always 9 pt: with a 15 pt system font the axes' labels and numbers
    grew and "Loss", "Accuracy", "Confusion matrix" stayed the smallest, unreadable text on a
    projector. A title is now as large as an axis label beside it."""
    panel = make()
    qtbot.addWidget(panel)
    panel.resize(900, 420)
    panel.show()
    qtbot.waitExposed(panel)
    plots = [item for item in panel.graphics.ci.items if hasattr(item, "titleLabel")]
    titled = [plot for plot in plots if plot.titleLabel.text and plot.getAxis("left").labelText]
    assert titled, [plot.titleLabel.text for plot in plots]
    for plot in titled:
        title = plot.titleLabel.item.boundingRect().height()
        label = plot.getAxis("left").label.boundingRect().height()
        assert title >= label, (plot.titleLabel.text, title, label)
