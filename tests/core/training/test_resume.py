"""Continuing exactly (issue 17, item 6): 10 epochs, save, open, 10 more = 20 epochs in one go,
for every optimizer, through the core API and through ``netcanvas train``; and a project's
optimizer state is checked like its weights."""

import io
import json
import zipfile
from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec
from core.engine.optimizers import NAMES
from core.project import (
    DataRef,
    Project,
    ProjectError,
    load_project,
    save_project,
)
from core.training.history import History
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from gui import cli

TOLERANCE = 1e-9
# Dropout draws from the network's generator and batch norm keeps running statistics, so both
# have to carry over too.
SPEC = NetworkSpec.mlp([2, 6, 5, 1], hidden_activation="tanh", output_activation="sigmoid",
                       dropout=0.2, batch_norm=True)
DATA = DataRef.builtin("moons", n_samples=90, noise=0.2, seed=3)


def settings_for(optimizer, epochs):
    # batch 16 of 63 training rows: a short last batch, so every epoch's order matters.
    return TrainingSettings(optimizer=optimizer, lr=0.03, epochs=epochs, batch_size=16, seed=5,
                            dtype="float64")


def trained(project):
    """Train ``project`` for its epochs, continuing from what it holds; the trained project."""
    trainer = Trainer(project.build_network(), DATA.load(), project.settings,
                      history=project.load_history(), continuation=project.continuation)
    trainer.run()
    net = trainer.network
    return replace(project, params={k: v.copy() for k, v in net.params.items()},
                   state={k: v.copy() for k, v in net.state.items()},
                   history=trainer.history.to_dict(), continuation=trainer.continuation())


def largest_difference(a, b):
    assert a.params.keys() == b.params.keys() and a.state.keys() == b.state.keys()
    return max(float(np.max(np.abs(a_ - b_))) for a_, b_ in (
        *((a.params[k], b.params[k]) for k in a.params),
        *((a.state[k], b.state[k]) for k in a.state)))


@pytest.mark.parametrize("optimizer", NAMES)
def test_ten_epochs_saved_opened_and_ten_more_equal_twenty(optimizer, tmp_path):
    start = Project(SPEC, settings_for(optimizer, 10), DATA)
    path = tmp_path / "half.netcanvas"
    save_project(trained(start), path)
    continued = trained(load_project(path))
    whole = trained(replace(start, settings=settings_for(optimizer, 20)))
    assert largest_difference(continued, whole) <= TOLERANCE
    # The history goes on too: the same 20 epochs of metrics.
    assert History.from_dict(continued.history).epochs["epoch"] == list(range(1, 21))
    assert np.allclose(continued.history["epochs"]["train_loss"],
                       whole.history["epochs"]["train_loss"], rtol=0, atol=TOLERANCE)


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
def test_without_the_saved_state_continuing_ends_elsewhere(optimizer, tmp_path):
    """The oracle above can fail: a restart of the optimizer (the behaviour before) lands
    measurably elsewhere."""
    start = Project(SPEC, settings_for(optimizer, 10), DATA)
    half = trained(start)
    restarted = trained(replace(half, continuation=None))
    whole = trained(replace(start, settings=settings_for(optimizer, 20)))
    assert largest_difference(restarted, whole) > 1e-4


def test_netcanvas_train_continues_exactly(tmp_path, capsys):
    start = tmp_path / "start.netcanvas"
    save_project(Project(SPEC, settings_for("adam", 10), DATA), start)
    half, continued, whole = (tmp_path / f"{n}.netcanvas" for n in ("half", "more", "whole"))
    for argv in (["train", str(start), "--quiet", "--out", str(half)],
                 ["train", str(half), "--quiet", "--out", str(continued)],
                 ["train", str(start), "--quiet", "--epochs", "20", "--out", str(whole)]):
        assert cli.main(argv) == 0
    capsys.readouterr()
    a, b = load_project(continued), load_project(whole)
    assert a.continuation is not None and a.continuation.step == b.continuation.step == 80
    assert largest_difference(a, b) <= TOLERANCE
    # --fresh forgets the optimizer with the weights: it equals a first run of 10 epochs.
    fresh = tmp_path / "fresh.netcanvas"
    assert cli.main(["train", str(continued), "--quiet", "--fresh", "--out", str(fresh)]) == 0
    assert largest_difference(load_project(fresh), load_project(half)) == 0


# ----------------------------------------------------------------------------- the file
@pytest.fixture(scope="module")
def adam_half():
    return trained(Project(SPEC, settings_for("adam", 2), DATA))


def members(project, tmp_path):
    path = tmp_path / "good.netcanvas"
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def arrays_of(blob):
    with np.load(io.BytesIO(blob), allow_pickle=False) as stored:
        return {k: stored[k] for k in stored.files}


def rewritten(tmp_path, files, document=None, arrays=None):
    path = tmp_path / "edited.netcanvas"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.json", json.dumps(document) if document is not None
                         else files["project.json"])
        if arrays is None:
            archive.writestr("weights.npz", files["weights.npz"])
        else:
            buffer = io.BytesIO()
            np.savez(buffer, **arrays)
            archive.writestr("weights.npz", buffer.getvalue())
    return path


def test_the_file_names_the_state_by_slot_and_parameter(adam_half, tmp_path):
    files = members(adam_half, tmp_path)
    document = json.loads(files["project.json"])
    assert document["schema_version"] == 2  # every schema-2 NetCanvas on main reads the state
    assert document["continuation"]["optimizer"] == "adam"
    assert document["continuation"]["step"] == 2 * 4  # 4 mini-batches an epoch
    assert document["continuation"]["shuffle_rng"]["generator"] == "PCG64"
    stored = arrays_of(files["weights.npz"])
    assert sorted(k for k in stored if k.startswith("optim/")) == sorted(
        f"optim/{slot}/{name}" for slot in ("m", "v") for name in adam_half.params)
    assert stored["optim/v/W1"].shape == (2, 6) and stored["optim/v/W1"].min() > 0


def test_a_changed_optimizer_drops_the_state(adam_half, tmp_path):
    files = members(adam_half, tmp_path)
    document = json.loads(files["project.json"])
    document["settings"]["optimizer"] = "rmsprop"
    loaded = load_project(rewritten(tmp_path, files, document))
    assert loaded.continuation is None and loaded.params is not None


def expect(path, words):
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert str(info.value) == f"{path.name}: {words}"


def test_state_that_does_not_fit_is_refused_in_words(adam_half, tmp_path):
    files = members(adam_half, tmp_path)
    stored = arrays_of(files["weights.npz"])
    bent = {**stored, "optim/m/W1": np.zeros((3, 6))}
    expect(rewritten(tmp_path, files, arrays=bent), "the optimizer state 'm' does not match "
           "the network: W1 has shape (3, 6), the network needs (2, 6)")
    missing = {k: v for k, v in stored.items() if k != "optim/v/b3"}
    expect(rewritten(tmp_path, files, arrays=missing),
           "the optimizer state 'v' does not match the network: missing b3")
    no_slot = {k: v for k, v in stored.items() if not k.startswith("optim/v/")}
    expect(rewritten(tmp_path, files, arrays=no_slot),
           "the saved optimizer state holds the slot m; adam keeps m, v")
    nan = {**stored, "optim/v/b1": np.full(6, np.nan)}
    expect(rewritten(tmp_path, files, arrays=nan), "the optimizer state 'v' does not match "
           "the network: b1 does not hold finite decimals")
    weightless = {k: v for k, v in stored.items() if not k.startswith(("params/", "state/"))}
    expect(rewritten(tmp_path, files, arrays=weightless),
           "project.json holds optimizer state but no weights")


@pytest.mark.parametrize("change, words", [
    (lambda c: c.update(step=-1), "the optimizer's step count -1 is not a whole number"),
    (lambda c: c.update(optimizer="lion"),
     "the saved optimizer state names an unknown optimizer 'lion'"),
    (lambda c: c.pop("network_rng"), "'continuation' must hold exactly optimizer, step, "
     "shuffle_rng and network_rng"),
    (lambda c: c["shuffle_rng"].update(state="zz"),
     "'continuation.shuffle_rng' is not a saved PCG64 generator state"),
    (lambda c: c["network_rng"].update(generator="MT19937"),
     "'continuation.network_rng' is not a saved PCG64 generator state"),
])
def test_a_hand_edited_continuation_is_refused_in_words(adam_half, tmp_path, change, words):
    files = members(adam_half, tmp_path)
    document = json.loads(files["project.json"])
    change(document["continuation"])
    expect(rewritten(tmp_path, files, document), words)


def test_a_project_without_state_trains_as_before(adam_half, tmp_path):
    """Older files have no continuation: they open, and the optimizer starts afresh."""
    path = tmp_path / "old.netcanvas"
    save_project(replace(adam_half, continuation=None), path)
    with zipfile.ZipFile(path) as archive:
        assert "continuation" not in json.loads(archive.read("project.json"))
    assert load_project(path).continuation is None
