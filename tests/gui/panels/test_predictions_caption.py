"""The Predictions panel's caption names the data set as the data picker names it, in the
language of the moment (the Korean caption read "데이터의 앞부분 — digits")."""

from PySide6.QtCore import QCoreApplication

from gui.i18n import set_language
from tests.gui.training_support import open_example


def test_the_predictions_caption_names_the_data_as_the_data_picker(qtbot, window, korean):
    open_example(window, "digits_mlp")
    caption = window.predictions_panel.caption
    picker = window.data_picker.data_combo
    qtbot.waitUntil(lambda: "—" in caption.text())
    assert picker.currentText() == "손글씨 숫자 8×8"
    assert caption.text().endswith("— 손글씨 숫자 8×8")
    set_language("en")
    QCoreApplication.processEvents()
    assert caption.text().endswith("— Handwritten digits 8×8")
