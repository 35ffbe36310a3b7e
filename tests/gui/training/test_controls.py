"""Pause, Resume, Step, Stop and closing the window while training runs — with the real
buttons; the worker thread is always joined, and nothing waits long."""

import numpy as np
from PySide6.QtWidgets import QApplication

from core.project import load_project
from gui.main_window import MainWindow
from gui.training.controller import IDLE, PAUSED, RUNNING
from tests.gui.training_support import (
    END_TIMEOUT_MS,
    click,
    open_example,
    train_to_end,
    training_settings,
)

LONG = {"epochs": 100_000}


def running_window(qtbot, window, example: str = "spiral", **changes):
    open_example(window, example, **{**LONG, **changes})
    click(qtbot, window, "train")
    controller = window.training.session.controller
    qtbot.waitUntil(lambda: controller.frames_received >= 2, timeout=10_000)
    return controller


def test_pause_stops_the_frames_and_resume_brings_them_back(qtbot, window):
    controller = running_window(qtbot, window)
    click(qtbot, window, "pause")
    assert controller.state == PAUSED
    qtbot.wait(150)  # the frame of the paused state (and any in flight) arrives
    frames, steps = controller.frames_received, controller.trainer.step_count
    qtbot.wait(500)
    assert controller.frames_received == frames
    assert controller.trainer.step_count == steps
    assert window.training.progress.label.text().endswith("paused")

    click(qtbot, window, "resume")
    assert controller.state == RUNNING
    qtbot.waitUntil(lambda: controller.frames_received > frames + 1, timeout=10_000)
    assert controller.trainer.step_count > steps
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")


def test_step_trains_exactly_one_mini_batch_at_a_time(qtbot, window):
    open_example(window, "spiral")
    controller = window.training.session.controller
    with qtbot.waitSignal(controller.frame_ready, timeout=10_000):
        click(qtbot, window, "step")  # from idle: start paused, then one step
    assert controller.state == PAUSED
    qtbot.waitUntil(lambda: controller.latest.snapshot.step == 1, timeout=10_000)
    for expected in (2, 3):
        click(qtbot, window, "step")
        qtbot.waitUntil(lambda e=expected: controller.latest.snapshot.step == e,
                        timeout=10_000)
    qtbot.wait(100)
    assert controller.trainer.step_count == 3
    assert window.training.loss.frame.snapshot.step == 3  # drawn at once while paused
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")
    assert controller.state == IDLE


def test_stop_ends_a_run_mid_epoch(qtbot, window):
    # batch size 1: an epoch is ~1,250 mini-batches, but only ~50 ms here, and the epoch's end
    # (measuring every part) a good part of that: where a Stop pressed while it runs lands is
    # luck (once in a loaded run, exactly on an epoch's end). So the run is paused between two
    # mini-batches, moved off an epoch's end by a Step if it paused there, and stopped: it
    # must end on that very mini-batch, not at the epoch's end (how long Stop takes is the
    # benchmark's Stop step)
    controller = running_window(qtbot, window, "digits_mlp", batch_size=1)
    qtbot.waitUntil(lambda: controller.trainer.step_count > 200, timeout=10_000)
    click(qtbot, window, "pause")
    trainer = controller.trainer
    qtbot.wait(150)  # the mini-batch in flight ends; then the worker waits
    steps = trainer.step_count
    if trainer.batch == 0:
        click(qtbot, window, "step")
        qtbot.waitUntil(lambda: trainer.step_count == steps + 1, timeout=10_000)
    batch = trainer.batch
    assert 0 < batch < controller_batches(window)
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS) as blocker:
        click(qtbot, window, "stop")
    result = blocker.args[0]
    assert result.outcome.kind == "stopped"
    assert result.frame.snapshot.batch == batch
    assert controller.state == IDLE and controller.trainer is None


def controller_batches(window) -> int:
    dataset = window.data.dataset
    s = training_settings(window)
    return round(dataset.n_samples * s.split[0]) // s.batch_size


def test_closing_the_window_while_training_joins_the_thread_20_times(qtbot, settings, qtlog):
    for _ in range(20):
        window = MainWindow(settings)
        window.show()
        open_example(window, "spiral", **LONG)
        click(qtbot, window, "train")
        controller = window.training.session.controller
        qtbot.waitUntil(lambda c=controller: c.frames_received >= 1, timeout=10_000)
        assert controller.state == RUNNING
        assert window.close()  # the dialogs fixture answers "Discard"
        assert controller.state == IDLE and controller.trainer is None
        window.deleteLater()
        QApplication.processEvents()
    problems = [m.message for m in qtlog.records if "QThread" in m.message]
    assert problems == []


def test_opening_another_project_stops_the_run(qtbot, window):
    controller = running_window(qtbot, window)
    assert window.files.open_example("xor_learned")  # "Discard" the running project
    assert controller.state == IDLE
    assert not window.doc.locked_reason
    assert window.doc.history is None  # nothing of the old run leaks in
    train_to_end(qtbot, window)  # and the new one trains


def test_a_huge_learning_rate_diverges_and_says_why(qtbot, window):
    open_example(window, "spiral", optimizer="sgd", optimizer_options={}, lr=1000.0)
    result = train_to_end(qtbot, window)
    assert result.outcome.kind == "diverged"
    ui = window.training
    reason = ui.settings_panel.outcome_label.text()
    assert "NaN" in reason and "learning rate 1000 is probably too high" in reason
    assert "diverged" in window.statusBar().currentMessage()
    marked = [item for item in window.scene.node_items()
              if any("diverged" in p for p in item.problems)]
    assert marked, "the nodes the NaN went through are marked on the canvas"
    assert window.doc.undo_stack.canUndo()  # undo brings the weights back from NaN


def test_saving_while_training_stores_the_history_of_the_weights_shown(qtbot, window, tmp_path):
    running_window(qtbot, window)
    click(qtbot, window, "pause")
    trainer = window.training.session.controller.trainer

    def canvas_shows_the_paused_weights() -> bool:
        return all(np.array_equal(window.doc.arrays[k], v)
                   for k, v in trainer.network.params.items())

    qtbot.waitUntil(canvas_shows_the_paused_weights, timeout=5_000)
    path = str(tmp_path / "mid_run.netcanvas")
    assert window.files.write(path)
    saved = load_project(path)
    assert saved.load_history().n_epochs == trainer.epoch >= 1
    for name, value in saved.params.items():
        np.testing.assert_array_equal(value, trainer.network.params[name])
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")
    assert window.training.session.live_history() is None


def test_the_status_bar_shows_how_far_the_run_has_come(qtbot, window):
    controller = running_window(qtbot, window, epochs=400, batch_size=8)
    progress = window.training.progress
    qtbot.waitUntil(lambda: progress.bar.value() >= 2, timeout=30_000)  # 0.2 % done
    click(qtbot, window, "pause")
    qtbot.wait(150)  # the paused state's own progress event arrives
    event = controller.last_event
    done = (event.epoch - 1 + event.batch / event.batches_per_epoch) / 400
    assert 0 < done < 1
    assert progress.isVisible() and progress.bar.isVisible()
    assert progress.bar.value() == round(done * progress.bar.maximum())
    assert progress.label.text().startswith(f"epoch {event.epoch}/400 · batch {event.batch}/")
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")
    assert not progress.isVisible()
