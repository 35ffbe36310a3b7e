"""The Training panel says what the next Train does: start at epoch 1, or go on from the
epochs the weights were trained for — a teacher who pressed Train again with another learning
rate to compare it went on from the first run's weights, and nothing on screen said so.
Reset Weights, Undo, Continue from here and the language all change what it says."""

from PySide6.QtCore import Qt

from core.datasets.ref import DataRef
from gui.document.commands import ChangeSettingsCommand, SetDataCommand
from tests.gui.training_support import click, open_example, train_to_end

FRESH = "Train starts at epoch 1 from the weights on the canvas."


def goes_on(epoch: int) -> str:
    return (f"Train goes on after epoch {epoch} with these weights. To start again from fresh "
            f"weights, press Reset Weights first.")


def test_the_panel_says_whether_train_goes_on_or_starts_afresh(qtbot, window):
    open_example(window, "spiral", epochs=4, optimizer="sgd", lr=0.1)
    label = window.training.settings_panel.start_label
    assert label.isVisible() and label.text() == FRESH
    train_to_end(qtbot, window)
    assert label.isVisible() and label.text() == goes_on(4)
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.01}))
    train_to_end(qtbot, window)
    assert label.text() == goes_on(8)
    click(qtbot, window, "reset")
    assert label.text() == FRESH
    window.doc.undo_stack.undo()  # the reset undone: the trained weights again
    assert label.text() == goes_on(8)
    slider = window.training.timeline.bar.slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # epoch 2
    continue_button = window.training.timeline.bar.continue_button
    qtbot.waitUntil(continue_button.isEnabled)
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    assert label.text() == goes_on(2)
    click(qtbot, window, "step")  # a run starts, paused after one mini-batch
    qtbot.waitUntil(lambda: window.training.session.state != "idle")
    assert not label.isVisible()
    click(qtbot, window, "stop")
    qtbot.waitUntil(lambda: window.training.session.state == "idle", timeout=20_000)
    assert label.isVisible()


def test_it_is_said_in_korean(qtbot, window, korean):
    open_example(window, "spiral", epochs=2)
    label = window.training.settings_panel.start_label
    assert label.text() == "학습 시작을 누르면 캔버스의 가중치로 에폭 1부터 학습합니다."
    train_to_end(qtbot, window)
    assert label.text().startswith("학습 시작을 누르면 이 가중치로 에폭 2 다음부터 이어 갑니다.")


def test_a_classifier_switched_to_regression_data_is_said_to_start_at_epoch_1(qtbot, window):
    """The line had its own rule: it said 'goes on' while Train (which drops a history of
    another task) started at epoch 1."""
    open_example(window, "xor_learned", epochs=3)
    train_to_end(qtbot, window)
    label = window.training.settings_panel.start_label
    assert label.text() == goes_on(3)
    window.doc.push(SetDataCommand(window.doc, DataRef.builtin("plane"), "Use data"))
    qtbot.waitUntil(lambda: window.data.dataset is not None and window.data.dataset.name == "plane")
    assert label.text() == FRESH
    train_to_end(qtbot, window)
    epochs = window.doc.history["epochs"]["epoch"]
    assert epochs[0] == 1  # Train started afresh, as the line said
    assert label.text() == goes_on(epochs[-1])
