"""A percentage reads the same in every panel of one language: "100.0 %" and "100 %" in
English, "100.0%" and "100%" in Korean (the Output caption after training XOR, the zoom label
in the status bar), switching live both ways."""

from gui.i18n import set_language
from tests.gui.training_support import accuracy_of_document, open_example, train_to_end


def test_output_caption_and_zoom_label_write_percent_as_the_language_does(qtbot, window):
    open_example(window, "xor_learned")
    train_to_end(qtbot, window)
    assert accuracy_of_document(window) == 1.0
    note = window.training.output.note
    assert note.text() == "training accuracy 100.0 %"
    assert window.zoom_label.text() == f"{100 * window.view.zoom:.0f} %"
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: "정확도" in note.text())
        assert "정확도 100.0%" in note.text() and "100.0 %" not in note.text()
        assert window.zoom_label.text() == f"{100 * window.view.zoom:.0f}%"
        window.zoom_in_action.trigger()  # a new zoom is written the Korean way too
        assert window.zoom_label.text() == f"{100 * window.view.zoom:.0f}%"
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: window.zoom_label.text().endswith(" %"))
    assert note.text() == "training accuracy 100.0 %"
