"""Pressing Train on 2-2000-2000-2 held the window ~130 ms (up to 0.5 s on a loaded machine):
the trainer's network was built on the GUI thread, drawing the seed's 4 M starting weights that
the document's weights then replaced. The trainer is made on the run's thread now: Train
returns at once, the dock shows the run as started, Pause/Step/Stop pressed meanwhile count, a
trainer that cannot be made is said in words, and what a run saves is what a headless run of
core's Trainer gives, to the last bit."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QTextDocumentFragment

import gui.training.session as session_module
from core import NetworkSpec
from core.project import DataRef, Project, load_project, save_project
from core.training.prepare import DataMismatchError
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from gui.training.controller import IDLE, PAUSED, RUNNING
from tests.gui.training_support import button, click, open_example, train_to_end

SLOW = 0.6  # seconds a slowed network build takes


@pytest.fixture
def slow_build(monkeypatch):
    """The session's network build, slowed (as 2-2000-2000-2's draw on a loaded machine), and
    the threads it ran in."""
    threads: list[threading.Thread] = []
    original = session_module.build

    def slowed(*args, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(SLOW)
        return original(*args, **kwargs)

    monkeypatch.setattr(session_module, "build", slowed)
    return threads


def test_train_returns_at_once_and_the_dock_shows_the_run_while_its_trainer_is_made(
        qtbot, window, slow_build):
    open_example(window, "spiral", epochs=100_000)
    ui, entries = window.training, window.doc.undo_stack.count()
    controller = ui.session.controller
    started = time.perf_counter()
    click(qtbot, window, "train")
    assert time.perf_counter() - started < SLOW / 2  # the build did not hold the window
    assert controller.state == RUNNING and controller.trainer is None  # being made
    assert window.doc.locked_reason and ui.lock_label.isVisible()
    assert not button(window, "train").isEnabled()
    assert button(window, "pause").isEnabled() and button(window, "stop").isEnabled()
    assert "Training…" in window.statusBar().currentMessage()
    assert ui.progress.isVisible()
    assert ui.progress.label.text() == "building the network and preparing the data…"
    assert window.doc.undo_stack.count() == entries  # the run's entry comes with its trainer

    qtbot.waitUntil(lambda: controller.trainer is not None, timeout=10_000)
    assert slow_build and threading.main_thread() not in slow_build
    qtbot.waitUntil(lambda: controller.trainer.step_count > 0, timeout=10_000)
    assert window.doc.undo_stack.count() == entries + 1
    qtbot.waitUntil(lambda: ui.progress.label.text().startswith("epoch 1/"), timeout=10_000)
    with qtbot.waitSignal(ui.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_stop_pressed_while_the_trainer_is_made_ends_the_run(qtbot, window, slow_build):
    open_example(window, "spiral", epochs=100_000)
    before = dict(window.doc.arrays)
    made = []
    window.training.session.controller.ready.connect(made.append)
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000) as ended:
        click(qtbot, window, "train")
        click(qtbot, window, "stop")
    result = ended.args[0]
    assert len(made) == 1 and made[0].step_count == 0
    assert result.outcome.key == "stopped_by_user" and not result.error
    controller = window.training.session.controller
    assert controller.state == IDLE and not window.doc.locked_reason
    assert button(window, "train").isEnabled()
    assert all(np.array_equal(window.doc.array(k), v) for k, v in before.items())


def test_pause_and_step_pressed_while_the_trainer_is_made_count(qtbot, window, slow_build):
    open_example(window, "spiral", epochs=100_000)
    controller = window.training.session.controller
    click(qtbot, window, "train")
    click(qtbot, window, "pause")
    click(qtbot, window, "step")
    click(qtbot, window, "step")
    assert controller.state == PAUSED and controller.trainer is None
    qtbot.waitUntil(lambda: controller.trainer is not None
                    and controller.trainer.step_count == 2, timeout=10_000)
    qtbot.wait(200)
    assert controller.trainer.step_count == 2 and controller.state == PAUSED  # no more
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_a_trainer_that_cannot_be_made_is_said_in_words_and_leaves_no_entry(
        qtbot, window, monkeypatch):
    def refused(*_args, **_kwargs):
        raise DataMismatchError("the data has 3 features, the network 2 inputs")

    open_example(window, "spiral")
    monkeypatch.setattr(session_module, "build", refused)
    entries = window.doc.undo_stack.count()
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "train")
    assert window.statusBar().currentMessage() == \
        "Cannot train: the data has 3 features, the network 2 inputs"
    label = window.training.settings_panel.outcome_label  # under the buttons too
    assert QTextDocumentFragment.fromHtml(label.text()).toPlainText() == \
        "Cannot train: the data has 3 features, the network 2 inputs."
    assert window.doc.undo_stack.count() == entries
    assert window.training.session.controller.state == IDLE
    assert not window.doc.locked_reason and button(window, "train").isEnabled()
    assert len(window.doc.runs) == 0


SPEC = NetworkSpec.mlp([2, 6, 1], hidden_activation="tanh", output_activation="sigmoid",
                       dropout=0.2)
DATA = DataRef.builtin("moons", n_samples=90, noise=0.2, seed=3)
SETTINGS = TrainingSettings(optimizer="adam", lr=0.03, epochs=6, batch_size=16, seed=11,
                            dtype="float64")


def test_a_run_saves_the_weights_and_continuation_of_a_headless_run(qtbot, window, tmp_path):
    """The generator state after the seed's draw (dropout's masks carry on from it) is saved
    with the run: made on the worker, it is still the one a headless Trainer ends with."""
    start = tmp_path / "moons.netcanvas"
    save_project(Project(SPEC, SETTINGS, DATA, title="Moons"), start)
    assert window.files.load(start)
    train_to_end(qtbot, window)
    saved = tmp_path / "trained.netcanvas"
    assert window.files.write(str(saved))
    stored = load_project(saved)

    headless = Trainer(SPEC, DATA.load(), SETTINGS)
    headless.run()
    expected = headless.continuation()
    for name, value in headless.network.params.items():
        assert np.array_equal(stored.params[name], value), name
    got = stored.continuation
    assert got is not None and expected is not None
    assert (got.optimizer, got.step) == (expected.optimizer, expected.step)
    assert got.network_rng == expected.network_rng and got.shuffle_rng == expected.shuffle_rng
    assert got.arrays.keys() == expected.arrays.keys()
    for key, arrays in expected.arrays.items():
        for name, value in arrays.items():
            assert np.array_equal(got.arrays[key][name], value), (key, name)

    # and Train once more from the saved file goes on as one longer headless run does
    assert window.files.load(saved)
    train_to_end(qtbot, window)
    longer = Trainer(SPEC, DATA.load(), replace(SETTINGS, epochs=12))
    longer.run()
    for name, value in longer.network.params.items():
        assert np.array_equal(window.doc.array(name), value), name


def test_the_last_run_s_trainer_is_let_go_while_the_next_one_trains(qtbot, window):
    """The session kept the last run's result with its trainer — its network and prepared data
    (on MNIST ~30 MB) alive through the whole next run: the benchmark's peak grew 561 → 692 MB
    over five runs. The timeline keeps the last run's trainer only until the next one starts."""
    open_example(window, "spiral", epochs=2)
    controller = window.training.session.controller
    made = []
    controller.ready.connect(lambda trainer: made.append(weakref.ref(trainer)))
    train_to_end(qtbot, window)
    window.training.settings_panel.epochs_spin.setValue(100_000)
    click(qtbot, window, "train")
    qtbot.waitUntil(lambda: controller.trainer is not None and controller.trainer.step_count > 3,
                    timeout=10_000)
    gc.collect()
    assert len(made) == 2 and made[0]() is None and made[1]() is controller.trainer
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_a_refusal_without_text_is_still_a_sentence(qtbot, window, monkeypatch):
    """A refusal that came with no text read "Cannot train: " and nothing more (review)."""
    def refused(*_args, **_kwargs):
        raise ValueError()

    open_example(window, "spiral")
    monkeypatch.setattr(session_module, "build", refused)
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "train")
    assert window.statusBar().currentMessage() == \
        "Cannot train: an unexpected error that gave no description"
