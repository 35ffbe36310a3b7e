"""After Explain's "Apply one SGD step" the window's status bar says what happened (no longer
"Opened …"), with the numbers the panel shows, and says it again in a new language."""

import pytest
from PySide6.QtCore import Qt

from gui.document.commands import ChangeSettingsCommand
from gui.i18n import set_language

ROW = 0  # x = (0, 0), target 0


@pytest.fixture
def english_after():
    yield
    set_language("en")


def test_the_status_bar_says_the_sgd_step_and_how_to_undo_it(qtbot, window, english_after):
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.explanation.sample == ROW)
    bar = window.statusBar()
    assert bar.currentMessage().startswith("Opened")
    lr = window.doc.settings.lr
    before = panel.explanation.trace.loss
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.explanation.trace.loss < before)
    after = panel.explanation.trace.loss  # the row's loss traced again with the new weights
    assert bar.currentMessage() == (
        f"Applied one SGD step (lr {lr:g}): the loss on row {ROW} {before:.4g} → {after:.4g} "
        "— Ctrl+Z undoes it")
    assert f"{before:.4g} → {after:.4g}" == "0.6628 → 0.3724"  # the walkthrough's numbers
    set_language("ko")
    qtbot.waitUntil(lambda: "SGD" in bar.currentMessage()
                    and not bar.currentMessage().startswith("Applied"))
    assert bar.currentMessage() == (
        f"SGD 한 단계를 적용했습니다(lr {lr:g}): 행 {ROW}의 손실 {before:.4g} → {after:.4g} "
        "— Ctrl+Z로 되돌립니다")
    set_language("en")
    qtbot.waitUntil(lambda: bar.currentMessage().startswith("Applied one SGD step"))
    window.undo_action.trigger()  # Ctrl+Z does what the message says
    qtbot.waitUntil(lambda: panel.explanation.trace.loss == pytest.approx(before, abs=1e-15))


def _said_change(text: str) -> str:
    """The "before → after" a message says (the two numbers around the arrow)."""
    left, right = text.split(" → ")
    return f"{left.split()[-1]} → {right.split()[0].rstrip('.')}"


def one_step(qtbot, window):
    """Explain opened on ``ROW`` and one SGD step applied: the panel, and the row's loss
    before the step."""
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.explanation.sample == ROW)
    before = panel.explanation.trace.loss
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.explanation.trace.loss < before)
    return panel, before


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_dock_and_the_status_bar_say_the_loss_change_with_the_same_digits(
        qtbot, window, english_after, language):
    """The dock said "0.662812 → 0.372413" where the status bar said "0.6628 → 0.3724"."""
    set_language(language)
    assert window.files.open_example("xor_learned")
    panel, _before = one_step(qtbot, window)
    assert _said_change(panel.result.text()) == "0.6628 → 0.3724"
    assert _said_change(window.statusBar().currentMessage()) == "0.6628 → 0.3724"


def test_a_tiny_steps_loss_change_is_said_with_the_digits_that_show_it(qtbot, window,
                                                                        english_after):
    """A learning rate of 1e-5 moves the loss in its 6th digit: both places say that digit
    (4 digits would read "0.6628 → 0.6628")."""
    assert window.files.open_example("xor_learned")
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 1e-5}))
    panel, before = one_step(qtbot, window)
    after = panel.explanation.trace.loss
    said = _said_change(panel.result.text())
    assert said == _said_change(window.statusBar().currentMessage())
    left, right = said.split(" → ")
    assert left != right and float(left) == pytest.approx(before, rel=1e-5)
    assert float(right) == pytest.approx(after, rel=1e-5)
    assert said.startswith("0.6628")
