"""The Loss dock's accuracy plot reads in percent, as every other text of the app says
accuracy ("73.3 %"): the walkthrough saw its axis labelled 0 to 1.0 beside a read-out of
"73.3 %". The curves keep the history's fractions (so does the CSV export); only the labels
change. R² keeps plain numbers."""

from PySide6.QtGui import QImage, QPainter

from core.training.history import History
from gui.i18n import set_language
from gui.training.plots import LossPanel
from tests.gui.training.test_plot_fit import raised
from tests.gui.training_support import open_example, train_to_end


def tick_texts(axis) -> list[str]:
    """The tick labels the axis draws (pyqtgraph's own layout of them)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in texts]


def test_the_accuracy_axis_is_in_percent_in_both_languages(qtbot, window):
    window.resize(1280, 800)
    open_example(window, "xor_learned")
    train_to_end(qtbot, window)
    loss = raised(qtbot, window, "Loss")
    qtbot.waitUntil(lambda: loss.history is not None and loss.history.n_epochs > 0)
    axis = loss.metric_plot.getAxis("left")
    texts = tick_texts(axis)
    assert texts[0] == "0 %" and texts[-1] == "100 %", texts
    assert all(text.endswith(" %") for text in texts)
    assert loss.metric_plot.vb.viewRange()[1] == [0.0, 1.02]  # the fractions, whole
    assert max(loss.curve("train_accuracy").getData()[1]) <= 1.0
    # the wider labels do not shift the accuracy plot's epochs against the loss plot's
    views = [plot.vb.sceneBoundingRect() for plot in (loss.loss_plot, loss.metric_plot)]
    assert views[0].left() == views[1].left() and views[0].width() == views[1].width()
    assert loss.metric_plot.vb.viewRange()[0] == loss.loss_plot.vb.viewRange()[0]
    try:
        set_language("ko")
        texts = tick_texts(axis)
        assert texts[0] == "0%" and texts[-1] == "100%", texts
    finally:
        set_language("en")
    assert tick_texts(axis)[-1] == "100 %"


def test_a_narrow_accuracy_range_has_decimals_and_r2_stays_a_number(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    axis = panel.metric_plot.getAxis("left")
    assert axis.tickStrings([0.95, 0.955], 1.0, 0.005) == ["95.0 %", "95.5 %"]
    history = History("regression")
    for epoch, r2 in ((1, 0.2), (2, 0.6)):
        history.append_epoch(epoch, {"train_loss": 1.0 - r2, "train_mse": 1.0 - r2,
                                     "train_r2": r2})
    panel.show_history(history)
    texts = tick_texts(axis)
    assert texts and not any("%" in text for text in texts), texts
