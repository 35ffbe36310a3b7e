"""The optional timeline member of a project file: a round trip, absent unless asked for, and
one clear sentence when it is damaged or does not fit the network."""

import zipfile
from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec
from core.project import (
    TIMELINE_NPZ,
    DataRef,
    Project,
    ProjectError,
    _npz_bytes,
    load_project,
    save_project,
)
from core.training.settings import TrainingSettings
from core.training.timeline import Timeline
from core.training.trainer import Trainer


@pytest.fixture(scope="module")
def trained():
    """Three epochs with batch norm (state arrays too), recorded after every epoch."""
    spec = NetworkSpec.mlp([2, 5, 2], batch_norm=True)
    settings = TrainingSettings(epochs=3, batch_size=16, seed=1)
    data = DataRef.builtin("moons", n_samples=80, noise=0.1, seed=2)
    trainer = Trainer(spec, data.load(), settings)
    timeline = Timeline()
    net = trainer.network
    timeline.record(0, net.params, net.state)
    trainer.run(lambda e: e.epoch_metrics and timeline.record(
        trainer.epoch, net.params, net.state, {"1": 0.5}, {"1": 0.1}))
    return Project(spec, settings, data, dict(net.params), dict(net.state),
                   trainer.history.to_dict(), timeline=timeline)


def test_a_timeline_round_trips(trained, tmp_path):
    path = tmp_path / "t.netcanvas"
    save_project(trained, path)
    loaded = load_project(path).timeline
    assert loaded.epochs == [0, 1, 2, 3]
    for epoch in loaded.epochs:
        for name, value in trained.timeline.at(epoch).arrays.items():
            np.testing.assert_array_equal(loaded.at(epoch).arrays[name], value)
    assert loaded.at(3).gradient_norms == {"1": 0.5}


def test_no_timeline_no_member(trained, tmp_path):
    path = tmp_path / "plain.netcanvas"
    save_project(replace(trained, timeline=None), path)
    with zipfile.ZipFile(path) as archive:
        assert TIMELINE_NPZ not in archive.namelist()
    assert load_project(path).timeline is None


def rewrite_timeline(source, target, arrays):
    with zipfile.ZipFile(source) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members[TIMELINE_NPZ] = _npz_bytes(arrays)
    with zipfile.ZipFile(target, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)


def test_a_timeline_that_does_not_fit_is_refused_in_words(trained, tmp_path):
    path = tmp_path / "t.netcanvas"
    save_project(trained, path)
    arrays = trained.timeline.to_arrays()
    bad = tmp_path / "bad.netcanvas"
    rewrite_timeline(path, bad, {**arrays, "params/W1": arrays["params/W1"][:, :1]})
    with pytest.raises(ProjectError, match=r"bad.netcanvas: timeline.npz: .*W1 has shape"):
        load_project(bad)
    rewrite_timeline(path, bad, {k: v for k, v in arrays.items() if k != "epochs"})
    with pytest.raises(ProjectError, match="no list of epochs"):
        load_project(bad)
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    with zipfile.ZipFile(bad, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob[:40] if name == TIMELINE_NPZ else blob)
    with pytest.raises(ProjectError, match="damaged"):
        load_project(bad)
