"""The status bar says whether a run trains or waits. After Step on a network never trained (a
run that starts paused), and after Pause, it said "Training… (the structure is locked until it
stops)" on its left while its right said "paused"."""

from gui.i18n import set_language
from tests.gui.training_support import click, open_example

TRAINING = "Training… (the structure is locked until it stops)"
PAUSED = ("Paused: Step trains one mini-batch, Resume trains on (the structure is locked "
          "until it stops)")


def said(window) -> str:
    return window.statusBar().currentMessage()


def test_step_pause_and_resume_say_what_the_run_does(qtbot, window):
    open_example(window, "xor_learned", epochs=100_000)
    session = window.training.session
    click(qtbot, window, "step")  # starts the run paused, then one mini-batch
    qtbot.waitUntil(lambda: session.controller.last_event is not None)
    assert said(window) == PAUSED
    try:
        set_language("ko")
        assert said(window).startswith("일시 중지됨: 한 단계를 누르면 미니배치 하나를")
    finally:
        set_language("en")
    click(qtbot, window, "resume")
    assert said(window) == TRAINING
    click(qtbot, window, "pause")
    assert said(window) == PAUSED
    with qtbot.waitSignal(session.ended, timeout=60_000):
        click(qtbot, window, "stop")
    assert said(window).startswith("Training ended: stopped by the user")
