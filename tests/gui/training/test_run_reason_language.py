"""A run stopped in a Korean window, saved and opened in an English one: the Runs list said why
it ended in Korean (the reason was stored in the language it was made in). It is kept by key
and said in the window's language, switching live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment

from core.project import load_project
from core.training.trainer import Trainer
from gui.i18n import set_language
from tests.gui.training_support import click, open_example


def reason_tip(window) -> str:
    window.training.docks["Runs"].raise_()
    view = window.training.runs.view
    return view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_a_reason_made_in_korean_reads_in_english(qtbot, window, tmp_path):
    open_example(window, "spiral", epochs=100_000)
    session = window.training.session
    controller = session.controller
    try:
        set_language("ko")
        with qtbot.waitSignal(session.ended, timeout=60_000):
            click(qtbot, window, "train")
            qtbot.waitUntil(lambda: controller.trainer is not None
                            and controller.trainer.epoch >= 2, timeout=30_000)
            click(qtbot, window, "stop")
        assert reason_tip(window) == "실행 1: 사용자가 중지했습니다"
        path = tmp_path / "stopped.netcanvas"
        assert window.files.write(str(path))
    finally:
        set_language("en")
    assert reason_tip(window) == "run 1: stopped by the user"  # switched live
    assert window.files.new()
    assert window.files.load(path)
    assert reason_tip(window) == "run 1: stopped by the user"
    assert load_project(path).runs[0].reason_key == "stopped_by_user"


def test_a_run_an_error_ended_says_so_in_the_windows_language(qtbot, window, monkeypatch,
                                                               capfd):
    """The Runs list showed such a run's reason as the bare error ("FloatingPointError: a
    broken layer"), in no language; it says that an error stopped training, the error's own
    text after it."""
    open_example(window, "spiral", epochs=100_000)
    original = Trainer.step

    def failing_step(trainer):
        if trainer.step_count == 30:
            raise FloatingPointError("a broken layer")
        return original(trainer)

    monkeypatch.setattr(Trainer, "step", failing_step)
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000) as ended:
        click(qtbot, window, "train")
    assert ended.args[0].error == "a broken layer"
    assert "Traceback" in capfd.readouterr().err  # the worker printed it for a developer
    assert reason_tip(window) == ("run 1: training stopped by an error: "
                                  "a broken layer")
    set_language("ko")
    try:
        assert reason_tip(window) == ("실행 1: 오류로 학습이 중지되었습니다: "
                                      "a broken layer")
    finally:
        set_language("en")
    assert window.doc.runs[0].reason_key == "worker_error"


def test_the_line_under_the_buttons_says_an_error_stopped_training(qtbot, window, monkeypatch):
    """The outcome line under the Training buttons showed only the bare error ("FloatingPoint
    Error: a broken layer"), not that training had stopped because of it."""
    open_example(window, "spiral", epochs=100_000)
    original = Trainer.step

    def failing_step(trainer):
        if trainer.step_count == 30:
            raise FloatingPointError("a broken layer")
        return original(trainer)

    monkeypatch.setattr(Trainer, "step", failing_step)
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000):
        click(qtbot, window, "train")
    label = window.training.settings_panel.outcome_label
    assert label.isVisible()
    assert QTextDocumentFragment.fromHtml(label.text()).toPlainText() == (
        "Training stopped by an error: a broken layer.")
    set_language("ko")
    try:
        assert QTextDocumentFragment.fromHtml(label.text()).toPlainText() == (
            "오류로 학습이 중지되었습니다: a broken layer.")
    finally:
        set_language("en")


def test_an_error_without_text_is_said_in_a_sentence_not_its_class_name(qtbot, window,
                                                                         monkeypatch):
    """An exception with no text of its own (a bare ``MemoryError()``) reached the outcome line
    and the Runs list as its class name: "training stopped by an error: MemoryError"."""
    open_example(window, "spiral", epochs=100_000)
    original = Trainer.step

    def failing_step(trainer):
        if trainer.step_count == 30:
            raise MemoryError()
        return original(trainer)

    monkeypatch.setattr(Trainer, "step", failing_step)
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000) as ended:
        click(qtbot, window, "train")
    assert ended.args[0].error == "an unexpected error that gave no description"
    label = window.training.settings_panel.outcome_label
    assert QTextDocumentFragment.fromHtml(label.text()).toPlainText() == (
        "Training stopped by an error: an unexpected error that gave no description.")
    assert reason_tip(window) == ("run 1: training stopped by an error: an unexpected error "
                                  "that gave no description")
