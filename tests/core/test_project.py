"""Project files: an exact round trip, atomic writes, and one clear sentence for every way a
file can be broken."""

import io
import json
import os
import zipfile

import numpy as np
import pytest

from core import NetworkSpec
from core import project as project_module
from core.datasets import Dataset, load_builtin
from core.project import DataRef, Project, ProjectError, load_project, save_project
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer


@pytest.fixture(scope="module")
def trained():
    """A trained project with batch norm (so it has state) and float32 weights."""
    spec = NetworkSpec.mlp([2, 6, 2], hidden_activation="tanh", batch_norm=True)
    settings = TrainingSettings(epochs=3, batch_size=16, seed=2, standardize=True)
    data = DataRef.builtin("moons", n_samples=120, noise=0.1, seed=4)
    trainer = Trainer(spec, data.load(), settings)
    trainer.run()
    net = trainer.network
    return Project(spec, settings, data, {k: v.copy() for k, v in net.params.items()},
                   {k: v.copy() for k, v in net.state.items()}, trainer.history.to_dict(),
                   title="Moons", description="two moons, ünïcode ✓")


def test_round_trip_is_exact(trained, tmp_path):
    path = tmp_path / "moons.netcanvas"
    save_project(trained, path)
    loaded = load_project(path)
    assert loaded.spec == trained.spec
    assert loaded.settings == trained.settings
    assert loaded.data.to_dict() == trained.data.to_dict()
    assert loaded.history == trained.history
    assert (loaded.title, loaded.description) == (trained.title, trained.description)
    for stored, original in ((loaded.params, trained.params), (loaded.state, trained.state)):
        assert stored.keys() == original.keys()
        for name, array in original.items():
            assert stored[name].dtype == array.dtype == np.float32
            assert stored[name].tobytes() == array.tobytes()  # bit-identical
    assert set(loaded.state) == {"mean1", "var1"}
    net = loaded.build_network()
    x = np.array([[0.1, 0.2], [1.0, -1.0]])
    original = trained.build_network()
    assert np.array_equal(net.predict(x), original.predict(x))


def test_saving_twice_gives_the_same_bytes_and_a_readable_zip(trained, tmp_path):
    a, b = tmp_path / "a.netcanvas", tmp_path / "b.netcanvas"
    save_project(trained, a)
    save_project(trained, b)
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as archive:
        assert sorted(archive.namelist()) == ["project.json", "weights.npz"]
        document = json.loads(archive.read("project.json"))
        weights = np.load(io.BytesIO(archive.read("weights.npz")), allow_pickle=False)
        assert document["schema_version"] == 2 and document["format"] == "netcanvas-project"
        assert sorted(weights.files) == sorted(
            [f"params/{k}" for k in trained.params] + ["state/mean1", "state/var1"])
    assert oct(a.stat().st_mode & 0o777) == oct(0o644)


def test_an_untrained_project_with_embedded_data_round_trips(tmp_path):
    dataset = Dataset(name="mine", x=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.5]]),
                      y=np.array([0, 1, 1]), task="classification", feature_names=("a", "b"),
                      class_names=("no", "yes"), source="my.csv")
    project = Project(NetworkSpec.mlp([2, 2]), TrainingSettings(), DataRef.embedded(dataset))
    path = tmp_path / "mine.netcanvas"
    save_project(project, path)
    loaded = load_project(path)
    assert loaded.params is None and loaded.state is None and loaded.history is None
    data = loaded.data.load()
    assert np.array_equal(data.x, dataset.x) and np.array_equal(data.y, dataset.y)
    assert (data.name, data.task, data.feature_names, data.class_names, data.source) == (
        "mine", "classification", ("a", "b"), ("no", "yes"), "my.csv")


def test_bundled_and_builtin_references_load_their_data():
    assert DataRef.bundled("iris").load().n_samples == 150
    ref = DataRef.builtin("spiral", n_samples=30, noise=0.0, seed=1, n_classes=3)
    data = ref.load()
    assert data.n_samples == 30 and data.n_classes == 3
    assert np.array_equal(data.x, load_builtin("spiral", 30, 0.0, 1, 3).x)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(trained, tmp_path,
                                                                  monkeypatch):
    path = tmp_path / "keep.netcanvas"
    save_project(trained, path)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ProjectError, match=r"cannot save keep\.netcanvas: the disk is full"):
        save_project(Project(trained.spec, trained.settings, trained.data, title="new"), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["keep.netcanvas"]


def test_a_nan_in_the_history_cannot_be_saved(trained, tmp_path):
    history = json.loads(json.dumps(trained.history))
    history["epochs"]["train_loss"][0] = float("nan")
    broken = Project(trained.spec, trained.settings, trained.data, history=history)
    with pytest.raises(ProjectError, match="holds a value that cannot be stored"):
        save_project(broken, tmp_path / "nan.netcanvas")


# ----------------------------------------------------------------------------- bad files
def write_zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    return path


def members_of(project, tmp_path):
    path = tmp_path / "good.netcanvas"
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def edited(project, tmp_path, change):
    """The project's file with project.json changed by ``change(document)``."""
    members = members_of(project, tmp_path)
    document = json.loads(members["project.json"])
    change(document)
    members["project.json"] = json.dumps(document).encode()
    return write_zip(tmp_path / "edited.netcanvas", members)


def npz(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def expect(path, message):
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert str(info.value) == f"{path.name}: {message}"


def test_missing_file_and_folder(tmp_path):
    expect(tmp_path / "nothing.netcanvas", "the file does not exist")
    folder = tmp_path / "folder.netcanvas"
    folder.mkdir()
    with pytest.raises(ProjectError, match="folder"):
        load_project(folder)


def test_not_a_zip(tmp_path):
    path = tmp_path / "notes.netcanvas"
    path.write_text("these are my notes")
    expect(path, "this is not a NetCanvas project file (it is not a zip archive)")


def test_truncated_file(trained, tmp_path):
    good = tmp_path / "good.netcanvas"
    save_project(trained, good)
    cut = tmp_path / "cut.netcanvas"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    expect(cut, "the file is damaged or truncated (its zip structure is broken) — use a backup "
                "copy")


def test_corrupt_member(trained, tmp_path):
    good = tmp_path / "good.netcanvas"
    save_project(trained, good)
    blob = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("weights.npz")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    for i in range(start, start + 20):
        blob[i] ^= 0xFF
    bad = tmp_path / "bad.netcanvas"
    bad.write_bytes(bytes(blob))
    with pytest.raises(ProjectError, match=r"^bad\.netcanvas: the file is damaged"):
        load_project(bad)


def test_missing_members(trained, tmp_path):
    members = members_of(trained, tmp_path)
    no_json = write_zip(tmp_path / "a.netcanvas", {"weights.npz": members["weights.npz"]})
    expect(no_json, "project.json is missing: this is not a complete NetCanvas project")
    no_npz = write_zip(tmp_path / "b.netcanvas", {"project.json": members["project.json"]})
    expect(no_npz, "weights.npz is missing: this is not a complete NetCanvas project")


def test_invalid_json(trained, tmp_path):
    members = members_of(trained, tmp_path)
    members["project.json"] = b'{"format": "netcanvas-project",\n "title": }'
    path = write_zip(tmp_path / "bad.netcanvas", members)
    expect(path, "project.json is not valid JSON (Expecting value at line 2, column 11)")
    members["project.json"] = b"[1, 2]"
    expect(write_zip(path, members), "project.json must hold a JSON object")
    members["project.json"] = b"\xff\xfe{}"
    expect(write_zip(path, members), "project.json is not UTF-8 text")


def test_future_schema_version(trained, tmp_path):
    path = edited(trained, tmp_path, lambda d: d.update(schema_version=4, new_field=1))
    expect(path, "this project was made by a newer NetCanvas (file format 4; this version reads "
                 "format 3) — update NetCanvas to open it")


def test_not_a_netcanvas_document(trained, tmp_path):
    path = edited(trained, tmp_path, lambda d: d.update(format="something-else"))
    expect(path, "project.json is not a NetCanvas project (its 'format' is 'something-else')")
    path = edited(trained, tmp_path, lambda d: d.pop("schema_version"))
    expect(path, "project.json has no valid 'schema_version' (found None)")


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(title=5), "project.json: 'title' must be text, not int"),
    (lambda d: d.update(colour="red"), "project.json has an unknown field: colour — if a newer "
     "NetCanvas made it, update NetCanvas to open it"),
    (lambda d: d["settings"].update(lr="fast"),
     "the training settings in project.json are not valid: lr must be a number, not 'fast'"),
    (lambda d: d["settings"].update(lr=5000),  # the window could not show it (1e-10…1000)
     "the training settings in project.json are not valid: lr: 5000 must lie between 1e-10 "
     "and 1000"),
    (lambda d: d["settings"].update(epochs=-1),
     "the training settings in project.json are not valid: epochs must be a whole number from "
     "1 to 10,000,000, not -1"),
    (lambda d: d["spec"]["nodes"][1].update(units="6"),
     "the network in project.json is not valid: network file: node #2: 'units' has the wrong "
     "type (str)"),
    (lambda d: d["data"].update(seed="four"),
     "data: 'seed' must be a whole number from 0 to 4,294,967,295, not 'four'"),
    (lambda d: d["data"].update(seed=-1),
     "data: 'seed' must be a whole number from 0 to 4,294,967,295, not -1"),
    (lambda d: d["data"].update(seed=2**32),  # the training seed's bound
     "data: 'seed' must be a whole number from 0 to 4,294,967,295, not 4294967296"),
    (lambda d: d["data"].update(name="galaxy"),
     "data: there is no built-in data set called 'galaxy'"),
    (lambda d: d["data"].update(kind="url"),
     "data 'kind' 'url' is not one of builtin, bundled, downloaded, embedded, file"),
    (lambda d: d["history"]["epochs"]["train_loss"].append(1.0),
     "history: the epoch columns have different lengths"),
    (lambda d: d["history"].update(batch_loss=["x"]),
     "history: 'batch_loss' must be a list of numbers"),
])
def test_hand_edited_fields_of_the_wrong_type(trained, tmp_path, change, message):
    expect(edited(trained, tmp_path, change), message)


def test_weights_that_do_not_match_the_spec(trained, tmp_path):
    members = members_of(trained, tmp_path)
    params = {f"params/{k}": v for k, v in trained.params.items()}
    state = {f"state/{k}": v for k, v in trained.state.items()}
    path = tmp_path / "w.netcanvas"

    def with_weights(**changes):
        arrays = {**params, **state, **changes}
        arrays = {k: v for k, v in arrays.items() if v is not None}
        return write_zip(path, {**members, "weights.npz": npz(**arrays)})

    expect(with_weights(**{"params/W1": np.zeros((3, 6), np.float32)}),
           "the weights in weights.npz do not match the network: W1 has shape (3, 6), the "
           "network needs (2, 6)")
    expect(with_weights(**{"params/W2": None, "params/W9": np.zeros(2, np.float32)}),
           "the weights in weights.npz do not match the network: missing W2; unexpected W9")
    expect(with_weights(**{"params/b2": np.zeros(2, np.int64)}),
           "the weights in weights.npz do not match the network: b2 holds whole numbers, not "
           "decimals")
    expect(with_weights(**{"state/var1": None}),
           "the batch-norm statistics in weights.npz do not match the network: missing var1")


def test_object_arrays_are_never_loaded(trained, tmp_path):
    members = members_of(trained, tmp_path)
    arrays = {f"params/{k}": v for k, v in trained.params.items()}
    arrays["params/W1"] = np.array([{"evil": 1}, None], dtype=object)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)  # allow_pickle is the default when saving
    path = write_zip(tmp_path / "obj.netcanvas", {**members, "weights.npz": buffer.getvalue()})
    expect(path, "weights.npz: 'params/W1' holds Python objects; NetCanvas never loads those, "
                 "as they could run code")


def test_damaged_npz(trained, tmp_path):
    members = members_of(trained, tmp_path)
    path = write_zip(tmp_path / "npz.netcanvas", {**members, "weights.npz": b"not an npz"})
    with pytest.raises(ProjectError, match=r"^npz\.netcanvas: weights\.npz is damaged"):
        load_project(path)


@pytest.mark.parametrize("offset, value, words", [
    (10, 99, "That compression method is not supported"),  # compression method
    (6, 0xFF, "zip file version"),  # version needed to extract
    (8, 0x20, "compressed patched data"),  # flag bit 5
])
def test_a_damaged_header_inside_weights_npz(trained, tmp_path, offset, value, words):
    """Issue 17: zipfile raises NotImplementedError for these; the student sees a sentence."""
    members = members_of(trained, tmp_path)
    inner = bytearray(members["weights.npz"])
    inner[inner.index(b"PK\x01\x02") + offset] = value
    path = write_zip(tmp_path / "header.netcanvas", {**members, "weights.npz": bytes(inner)})
    with pytest.raises(ProjectError, match=rf"^header\.netcanvas: weights\.npz is damaged "
                                           rf"\(.*{words}.*\) — use a backup copy$"):
        load_project(path)


def test_zip_bombs_are_refused_before_unpacking(trained, tmp_path, monkeypatch):
    path = tmp_path / "big.netcanvas"
    save_project(trained, path)
    monkeypatch.setattr(project_module, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(ProjectError, match=r"^big\.netcanvas: the project file would unpack to "
                                           r"\d+\.\d KB, more than the 1000 bytes NetCanvas "
                                           r"accepts$"):
        load_project(path)


def test_an_npy_header_promising_more_data_than_there_is(trained, tmp_path):
    members = members_of(trained, tmp_path)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(
            header, {"descr": "<f8", "fortran_order": False, "shape": (10**9,)})
        archive.writestr("params/W1.npy", header.getvalue() + b"\0" * 64)
    path = write_zip(tmp_path / "lie.netcanvas", {**members, "weights.npz": inner.getvalue()})
    expect(path, "weights.npz: 'params/W1' is truncated")
