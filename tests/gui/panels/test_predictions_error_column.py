"""The Predictions panel's error column says what it holds: for a network with several
regression outputs it is the row's mean absolute error (it was headed "error", which read
as a signed difference of one output)."""

from PySide6.QtCore import QCoreApplication

from gui.i18n import set_language
from tests.gui.training_support import open_example


def headers(panel):
    table = panel.table
    return [table.horizontalHeaderItem(c) for c in range(table.columnCount())]


def test_several_outputs_head_their_error_as_the_mean_absolute_error(qtbot, window):
    open_example(window, "forward_pass_3layer")  # two outputs, Y = 0.317, 0.696; t = 0, 1
    panel = window.predictions_panel
    qtbot.waitUntil(lambda: panel.column("output") == ["0.317, 0.696"])
    assert [h.text() for h in headers(panel)] == ["x1", "x2", "target", "output",
                                                  "mean |error|"]
    assert panel.column("mean |error|") == ["0.31"]  # (|0.317 − 0| + |0.696 − 1|) / 2
    assert "mean absolute error" in headers(panel)[-1].toolTip()
    set_language("ko")
    QCoreApplication.processEvents()
    assert [h.text() for h in headers(panel)][2:] == ["정답", "출력", "평균 |오차|"]
    assert "평균 절대 오차" in headers(panel)[-1].toolTip()
    set_language("en")
    QCoreApplication.processEvents()
    assert headers(panel)[-1].text() == "mean |error|"


def test_classification_keeps_its_predicted_column(qtbot, window):
    open_example(window, "spiral")
    panel = window.predictions_panel
    qtbot.waitUntil(lambda: len(panel.column("output")) > 0)
    assert headers(panel)[-1].text() == "predicted" and headers(panel)[-1].toolTip() == ""
