"""The labs' background job: work runs off the GUI thread, reports arrive in the GUI thread,
cancel and shutdown end it, and a failure comes back as words."""

import threading
import time

import pytest
from PySide6.QtCore import QObject, QThread

from gui.background import BackgroundJob


@pytest.fixture
def job(qtbot):
    owner = QObject()
    job = BackgroundJob(owner)
    yield job
    job.shutdown()


def test_reports_and_result_arrive_in_the_gui_thread(qtbot, job):
    gui = QThread.currentThread()
    threads, reports = [], []

    def work(report, cancel):
        threads.append(threading.get_ident())
        for k in range(5):
            report(k)
        return "done"

    job.progress.connect(lambda p: reports.append((p, QThread.currentThread() is gui)))
    with qtbot.waitSignal(job.finished) as result:
        assert job.start(work)
        assert not job.start(work)  # one at a time
    assert result.args == ["done"]
    assert threads[0] != threading.get_ident()
    assert reports == [(k, True) for k in range(5)]
    assert not job.running


def test_cancel_ends_the_work_at_its_next_check(qtbot, job):
    steps = []

    def work(report, cancel):
        while not cancel.is_set():
            steps.append(1)
            report(len(steps))
            time.sleep(0.005)
        return len(steps)

    job.start(work)
    qtbot.waitSignal(job.progress).wait()
    with qtbot.waitSignal(job.finished) as result:
        job.cancel()
    assert result.args[0] >= 1
    assert job.start(lambda report, cancel: 1)  # free for the next run
    qtbot.waitSignal(job.finished).wait()


def test_a_failure_is_reported_in_words(qtbot, job, capsys):
    def work(report, cancel):
        raise ValueError("log of a negative number")

    with qtbot.waitSignal(job.failed) as failed:
        job.start(work)
    assert failed.args == ["log of a negative number"]
    assert not job.running


def test_shutdown_joins_a_running_job_and_drops_its_late_reports(qtbot, job):
    started = threading.Event()
    seen = []
    job.progress.connect(seen.append)

    def work(report, cancel):
        started.set()
        while not cancel.is_set():
            report(1)
            time.sleep(0.001)
        return None

    states = []
    job.running_changed.connect(states.append)
    job.start(work)
    assert started.wait(5)
    job.shutdown()
    assert not job.running and states == [True, False]
    count = len(seen)
    qtbot.wait(50)  # reports still queued reach nobody
    assert len(seen) == count


def test_each_runs_worker_is_deleted_after_it_ends(qtbot, job):
    # (a deleteLater() aimed at a finished thread never runs: one leaked worker per run)
    gone = []
    job.start(lambda report, cancel: time.sleep(0.05))
    job._run.worker.destroyed.connect(lambda: gone.append(True))
    qtbot.waitSignal(job.finished).wait()
    qtbot.waitUntil(lambda: gone == [True], timeout=2_000)


def test_a_shut_down_runs_queued_events_never_reach_the_next_run(qtbot, job):
    # shutdown() then start() in one go, before the event loop runs: the old run's reports
    # and end are still queued when the new run begins.
    seen, results = [], []
    job.progress.connect(seen.append)
    job.finished.connect(results.append)
    release = threading.Event()

    def old(report, cancel):
        for _ in range(50):
            report("old")
        return "OLD RESULT"

    def new(report, cancel):
        release.wait(5)
        report("new")
        return "NEW RESULT"

    job.start(old)
    time.sleep(0.2)  # the old run has ended; its events wait in the queue
    job.shutdown()
    job.start(new)
    qtbot.wait(50)  # the old run's queued events are delivered now
    assert job.running and "old" not in seen and results == []
    with qtbot.waitSignal(job.finished, timeout=5_000):
        release.set()
    assert seen == ["new"] and results == ["NEW RESULT"]
