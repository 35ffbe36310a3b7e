"""Continuing in the window (issue 17, item 6): Train 10 epochs, Save, Open, Train 10 more ends
with the weights of 20 epochs in one go; another optimizer or another structure starts the
optimizer afresh."""

from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec
from core.project import DataRef, Project, load_project, save_project
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from gui.document.commands import ChangeSettingsCommand
from tests.gui.training_support import train_to_end

SPEC = NetworkSpec.mlp([2, 6, 1], hidden_activation="tanh", output_activation="sigmoid",
                       dropout=0.1)
DATA = DataRef.builtin("moons", n_samples=90, noise=0.2, seed=3)
SETTINGS = TrainingSettings(optimizer="adam", lr=0.03, epochs=10, batch_size=16, seed=5,
                            dtype="float64")


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "moons.netcanvas"
    save_project(Project(SPEC, SETTINGS, DATA, title="Moons"), path)
    return path


def twenty_epochs_in_one_go():
    trainer = Trainer(SPEC, DATA.load(), replace(SETTINGS, epochs=20))
    trainer.run()
    return trainer.network.params


def test_train_save_open_train_equals_one_run(qtbot, window, project_file, tmp_path):
    assert window.files.load(project_file)
    train_to_end(qtbot, window)
    saved = tmp_path / "half.netcanvas"
    assert window.files.write(str(saved))
    stored = load_project(saved)
    assert stored.continuation is not None and stored.continuation.step == 10 * 4
    assert window.files.load(saved)
    train_to_end(qtbot, window)
    expected = twenty_epochs_in_one_go()
    for name, value in expected.items():
        np.testing.assert_allclose(window.doc.array(name), value, rtol=0, atol=1e-9)


def test_another_optimizer_or_structure_starts_afresh_and_undo_brings_it_back(
        qtbot, window, project_file):
    assert window.files.load(project_file)
    train_to_end(qtbot, window)
    session = window.training.session
    keeper = session.continuation
    assert keeper.for_document(window.doc).optimizer == "adam"
    assert window.files.project().continuation is not None  # Save would write it

    window.doc.push(ChangeSettingsCommand(window.doc, {"optimizer": "rmsprop"}))
    assert keeper.for_document(window.doc) is None
    assert session.build_trainer().optimizer.t == 0
    window.doc.undo_stack.undo()
    assert session.build_trainer().optimizer.t == 40  # Adam carries on from its 40 steps

    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.01}))  # a rate is no reset
    assert keeper.for_document(window.doc) is not None
    window.doc.set_array_value("b1", (0,), 0.5)  # a hand-edited weight is another start
    assert keeper.for_document(window.doc) is None
    assert window.files.project().continuation is None


def test_undoing_the_run_drops_its_state(qtbot, window, project_file):
    assert window.files.load(project_file)
    train_to_end(qtbot, window)
    window.doc.undo_stack.undo()  # the untrained weights again
    assert window.training.session.continuation.for_document(window.doc) is None
    window.doc.undo_stack.redo()
    assert window.training.session.continuation.for_document(window.doc) is not None
