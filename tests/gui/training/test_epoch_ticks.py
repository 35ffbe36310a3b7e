"""The epoch axes label whole epochs. A three-epoch run's Loss panel read "0.5 1 1.5 2 2.5"
under its three dots and a one-epoch run's "0.2 0.4 0.6 0.8" — there is no epoch 1.5 — and the
first and last epoch, at the ends of the axis, had no label."""

import pytest
from PySide6.QtGui import QImage, QPainter

from tests.gui.training_support import open_example, train_to_end


def labels(axis) -> list[str]:
    """The tick labels the axis draws now."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []


@pytest.mark.parametrize("epochs", [1, 3])
def test_a_short_run_s_loss_and_accuracy_are_labelled_with_whole_epochs(qtbot, window,
                                                                         epochs):
    open_example(window, "xor_learned", epochs=epochs)
    train_to_end(qtbot, window)
    window.training.docks["Loss"].raise_()
    loss = window.training.loss
    qtbot.waitUntil(lambda: loss.last_epoch == epochs)
    expected = [str(k) for k in range(epochs + 1)]
    for plot in (loss.loss_plot, loss.metric_plot):
        qtbot.waitUntil(lambda plot=plot: labels(plot.getAxis("bottom")) == expected)
