"""The Explain dock on a projector at 1024 × 768 and 150 % (683 × 512 logical pixels), where
the docks beside the canvas are at their narrowest: the step buttons keep their words, in
English and in Korean (a fixed 48 px each cut "← 이전" and "다음 →")."""

import pytest

from tests.gui.scaled import run_scaled

EXPLAIN = """
from gui.main_window import MainWindow
from tests.gui.text_fit import clipped_texts
window = MainWindow(settings)
window.place_on(window.screen().availableGeometry())
window.show()
window.files.open_example("forward_pass_3layer")
window.explain_action.trigger()
for _ in range(60):
    app.processEvents()
bar = window.explain.step_bar
result["shown"] = bar.isVisible()
result["texts"] = [b.text() for b in (bar.back_button, bar.next_button)]
result["clipped"] = clipped_texts(bar)
"""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_step_buttons_keep_their_words_on_a_projector(tmp_path, language):
    shown = run_scaled(EXPLAIN, tmp_path, (1024, 768), 1.5, language)
    assert shown["shown"]
    assert shown["texts"] == (["← Back", "Next →"] if language == "en" else ["← 이전", "다음 →"])
    assert shown["clipped"] == []
