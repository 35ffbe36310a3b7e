"""The worker and its controller without a window: frames at a bounded rate and only when the
GUI took the last one, failures reported, the thread joined however the owner goes away."""

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget

from core.project import load_project
from core.training.trainer import Trainer
from gui.training.controller import IDLE, RUNNING, TrainingController
from gui.training.worker import FRAME_INTERVAL
from resources.examples import example_path


@pytest.fixture(scope="module")
def spiral():
    project = load_project(example_path("spiral"))
    return project, project.data.load()


def trainer(spiral, epochs: int = 100_000) -> Trainer:
    project, dataset = spiral
    return Trainer(project.spec, dataset, replace(project.settings, epochs=epochs))


def test_frames_come_at_a_bounded_rate_and_only_after_the_last_was_taken(qtbot, spiral):
    controller = TrainingController()
    controller.start(trainer(spiral))
    qtbot.wait(600)  # nobody takes frames: the worker makes one and waits
    assert controller.frames_received == 1
    assert controller.trainer.step_count > 100  # … while training goes on

    taken, started = 0, time.perf_counter()
    while time.perf_counter() - started < 1.0:  # a greedy GUI takes every frame at once
        if controller.take_frame() is not None:
            taken += 1
        qtbot.wait(1)
    assert taken <= 1.0 / FRAME_INTERVAL + 2
    assert taken >= 5
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        controller.stop()
    assert blocker.args[0].outcome.kind == "stopped"
    assert controller.state == IDLE


def test_the_frames_arrive_in_the_gui_thread(qtbot, spiral):
    controller = TrainingController()
    threads = []
    controller.frame_ready.connect(lambda: threads.append(QThread.currentThread()))
    controller.start(trainer(spiral))
    qtbot.waitUntil(lambda: controller.take_frame() is not None and len(threads) >= 3,
                    timeout=10_000)
    controller.shutdown()
    assert set(threads) == {QApplication.instance().thread()}


def test_a_failing_run_reports_the_error_and_joins(qtbot, spiral, monkeypatch):
    run = trainer(spiral)
    steps = {"n": 0}
    original = run.step

    def failing_step():
        steps["n"] += 1
        if steps["n"] == 50:
            raise FloatingPointError("a broken layer")
        return original()

    monkeypatch.setattr(run, "step", failing_step)
    controller = TrainingController()
    with qtbot.waitSignal(controller.finished, timeout=10_000) as blocker:
        controller.start(run)
    result = blocker.args[0]
    assert result.error == "a broken layer"
    assert result.frame is not None  # the state it failed in can still be drawn
    assert controller.state == IDLE


def test_deleting_the_owner_during_training_stops_and_joins_20_times(qtbot, spiral, qtlog):
    for _ in range(20):
        owner = QWidget()
        controller = TrainingController(owner)
        run = trainer(spiral)
        controller.start(run)
        qtbot.waitUntil(lambda r=run: r.step_count > 10, timeout=10_000)
        assert controller.state == RUNNING
        owner.deleteLater()  # no shutdown(): the controller goes with its owner
        with qtbot.waitSignal(owner.destroyed, timeout=10_000):
            pass
        assert run.outcome is not None and run.outcome.kind == "stopped"
    assert [r.message for r in qtlog.records if "QThread" in r.message] == []


def test_pause_while_paused_and_stop_while_paused(qtbot, spiral):
    controller = TrainingController()
    run = trainer(spiral)
    controller.start(run, paused=True)
    qtbot.wait(200)
    assert run.step_count == 0
    controller.step()
    qtbot.waitUntil(lambda: run.step_count == 1, timeout=10_000)
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.stop()
    assert run.step_count == 1


class LateLook(Trainer):
    """A trainer whose ``paused`` always reads False, as it did to a worker that looked just
    before Pause landed: only the trainer's own hook before it waits can say it paused."""

    @property
    def paused(self) -> bool:
        return False


def test_a_pause_the_worker_did_not_see_still_sends_the_state_it_waits_in(qtbot, spiral):
    project, dataset = spiral
    run = LateLook(project.spec, dataset, replace(project.settings, epochs=100_000))
    original = run.step

    def step():
        event = original()
        if run.step_count == 40:
            run.pause()  # after this step: the trainer waits before the next one
        return event

    run.step = step
    controller = TrainingController()
    controller.start(run)
    # nobody takes frames, so only the first frame and the paused state's can come
    qtbot.waitUntil(lambda: controller.latest is not None
                    and controller.latest.snapshot.step == 40, timeout=10_000)
    assert run.step_count == 40 and controller.last_event.step == 40
    assert controller.frames_received == 2
    controller.shutdown()


def test_making_frames_takes_at_most_its_budget_of_the_worker(qtbot, spiral, monkeypatch):
    """Counted, not timed: on a clock where each mini-batch costs the worker 1 ms and each
    frame 0.5 s (a big network's), a GUI that takes every frame at once still gets no more
    frames than FRAME_BUDGET of the worker's time pays for (before, one every FRAME_INTERVAL:
    a frame of a big network stopped training for longer than the steps between two)."""
    from gui.training import worker

    run = trainer(spiral)
    made = {"n": 0}
    monkeypatch.setattr(worker, "thread_cpu",
                        lambda: run.step_count * 0.001 + made["n"] * 0.5)
    original = worker.FrameMaker.make

    def make(maker, **parts):
        made["n"] += 1
        return original(maker, **parts)

    monkeypatch.setattr(worker.FrameMaker, "make", make)
    controller = TrainingController()
    controller.frame_ready.connect(controller.take_frame)  # greedy: every frame at once
    controller.start(run)
    qtbot.waitUntil(lambda: run.step_count >= 10_000, timeout=30_000)
    with qtbot.waitSignal(controller.finished, timeout=10_000):
        controller.stop()
    steps, frames = run.step_count, made["n"] - 1  # the last: the run's end, always drawn
    training_per_frame = 0.5 * (1 - worker.FRAME_BUDGET) / worker.FRAME_BUDGET
    assert frames >= 2  # frames still come while it trains
    assert frames <= 1 + steps * 0.001 / training_per_frame, (frames, steps)
