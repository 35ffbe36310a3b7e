"""The training's status-bar messages are said again in the new language when View ▸ Language
changes: the walkthrough saw "Training ended: …" stay English after switching to Korean."""

import re

from gui.i18n import set_language
from tests.gui.training_support import open_example, train_to_end


def hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def choose(qtbot, window, code: str) -> None:
    """View ▸ Language ▸ ``code``, waiting for the posted LanguageChange to arrive."""
    window.language_menu.language_actions[code].trigger()
    title = "손실" if code == "ko" else "Loss"
    qtbot.waitUntil(lambda: window.training.docks["Loss"].windowTitle() == title)


def test_the_run_ended_message_is_said_again_in_korean_and_back(qtbot, window):
    open_example(window, "xor_learned", epochs=5, target_loss=None)
    train_to_end(qtbot, window)
    bar = window.statusBar()
    english = bar.currentMessage()
    assert english.startswith("Training ended: "), english
    try:
        choose(qtbot, window, "ko")
        qtbot.waitUntil(lambda: hangul(bar.currentMessage()))
        korean = bar.currentMessage()
        assert korean.startswith("학습이 끝났습니다: 5에폭을 마쳤습니다. "), korean
        assert not re.search(r"[A-Za-z]{4,}", korean.replace("XOR", "").replace("ReLU", "")
                             .replace("tanh", "")), korean  # the reason and verdict too
        choose(qtbot, window, "en")
        qtbot.waitUntil(lambda: bar.currentMessage() == english)
    finally:
        set_language("en")


def test_a_refused_edit_and_a_reset_are_said_again_in_korean(qtbot, window):
    from gui.document.commands import AddNodeCommand
    from gui.document.new_node import new_node
    from gui.training.session import lock_reason

    open_example(window, "xor_learned")
    bar = window.statusBar()
    ui = window.training
    try:
        ui.actions["reset"].trigger()
        assert bar.currentMessage().startswith("Weights reset from seed ")
        choose(qtbot, window, "ko")
        qtbot.waitUntil(lambda: hangul(bar.currentMessage()))
        assert "seed" not in bar.currentMessage()
        window.doc.lock(lock_reason())  # as a running training does
        node = new_node("hidden", window.doc.spec, (0.0, 300.0), window.data.dataset)
        assert not window.doc.push(AddNodeCommand(window.doc, node))
        refused = bar.currentMessage()
        assert hangul(refused)
        choose(qtbot, window, "en")
        qtbot.waitUntil(lambda: bar.currentMessage().startswith("Not now: Training is running"))
    finally:
        window.doc.unlock()
        set_language("en")
