"""One thread lifecycle for the training run and the labs' jobs: the worker runs off the GUI
thread, comes back to it when done, and is deleted; join (or the owner going away) stops the
work and leaves no thread running."""

import dataclasses
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread
from PySide6.QtWidgets import QWidget

from core.project import load_project
from core.training.trainer import Trainer
from gui.background import BackgroundJob
from gui.training.controller import TrainingController
from gui.worker_thread import StoppableWorker, WorkerRun
from resources.examples import example_path


class Counting(StoppableWorker):
    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.fail = fail
        self.thread_seen: QThread | None = None

    def work(self) -> int:
        self.thread_seen = QThread.currentThread()
        if self.fail:
            raise ValueError("no data")
        count = 0
        while not self.stop_requested.is_set():
            count += 1
            time.sleep(0.001)
        return count


class Run(WorkerRun):
    def __init__(self, owner: QObject, worker: StoppableWorker) -> None:
        super().__init__(owner, worker, "test")
        self.ends: list[tuple[object, str, bool]] = []

    def ended(self) -> None:
        gui = QThread.currentThread() is QCoreApplication.instance().thread()
        self.ends.append((self.worker.result, self.worker.error, gui))


def test_a_stopped_worker_comes_back_to_the_gui_thread_and_is_deleted(qtbot):
    owner = QObject()
    worker = Counting()
    run = Run(owner, worker)
    thread = run.thread
    run.start()
    qtbot.waitUntil(lambda: worker.thread_seen is not None, timeout=5_000)
    assert worker.thread_seen is thread
    worker.stop()
    qtbot.waitUntil(lambda: bool(run.ends), timeout=5_000)
    (count, error, in_gui), = run.ends
    assert count > 0 and error == "" and in_gui
    assert worker.thread() is QCoreApplication.instance().thread()
    gone = []
    worker.destroyed.connect(lambda: gone.append(True))
    run.join()
    assert thread.isFinished()
    qtbot.waitUntil(lambda: gone == [True], timeout=2_000)


def test_a_failure_ends_the_run_with_the_error_in_words(qtbot):
    owner = QObject()
    run = Run(owner, Counting(fail=True))
    run.start()
    qtbot.waitUntil(lambda: bool(run.ends), timeout=5_000)
    assert run.ends == [(None, "no data", True)]
    run.join()


def test_joining_a_running_worker_stops_it_first(qtbot):
    owner = QObject()
    worker = Counting()
    run = Run(owner, worker)
    run.start()
    qtbot.waitUntil(lambda: worker.thread_seen is not None, timeout=5_000)
    run.join()
    assert run.thread.isFinished() and worker.stop_requested.is_set()
    assert worker.result > 0


def test_a_job_whose_owner_goes_without_shutdown_still_stops_and_joins(qtbot, qtlog):
    owner = QWidget()
    job = BackgroundJob(owner)
    started, stopped = threading.Event(), threading.Event()

    def work(report, cancel):
        started.set()
        while not cancel.is_set():
            time.sleep(0.001)
        stopped.set()

    job.start(work)
    assert started.wait(5)
    owner.deleteLater()
    with qtbot.waitSignal(owner.destroyed, timeout=10_000):
        pass
    assert stopped.is_set()
    assert [r.message for r in qtlog.records if "QThread" in r.message] == []


@pytest.fixture(scope="module")
def spiral():
    project = load_project(example_path("spiral"))
    return project.spec, project.data.load(), dataclasses.replace(project.settings, epochs=100_000)


def test_the_job_and_the_controller_leave_no_thread_running_after_shutdown(qtbot, spiral):
    job, controller = BackgroundJob(), TrainingController()
    job.start(lambda report, cancel: cancel.wait(10))
    controller.start(Trainer(*spiral))
    runs = [job._run, controller._run]
    assert all(isinstance(run, WorkerRun) for run in runs)
    threads = [run.thread for run in runs]
    assert all(thread.isRunning() for thread in threads)
    job.shutdown()
    controller.shutdown()
    assert all(thread.isFinished() for thread in threads)
    assert not job.running and not controller.active


def test_closing_a_window_joins_the_runs_owned_inside_it(qtbot, qtlog, window):
    """A job owned deep inside the window (as the data preparation is) still running when the
    window closes is stopped and joined then — not left for the process's exit, where Qt
    aborts on a running QThread — and its late end reaches nobody; a job of another window
    goes on."""
    inside = QObject(window.data)  # owned two levels down
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    runs = [Run(inside, Counting()), Run(elsewhere, Counting())]
    for run in runs:
        run.start()
    qtbot.waitUntil(lambda: all(run.worker.thread_seen is not None for run in runs))
    threads = [run.thread for run in runs]
    assert window.close()
    assert threads[0].isFinished() and runs[0].worker.result > 0  # stopped, joined, counted
    assert not threads[1].isFinished()
    qtbot.wait(50)  # the first worker's queued "done" is delivered now: it must do nothing
    assert runs[0].ends == []
    runs[1].join()
    assert threads[1].isFinished()
    assert [r.message for r in qtlog.records if "QThread" in r.message] == []
