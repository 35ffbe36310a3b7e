"""Large imports are referred to by path and SHA-256; small ones (or on request) embedded."""

from __future__ import annotations

import hashlib
import json
import zipfile

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import linked
from core.datasets.linked import LinkedFile, LinkedFileError, sha256_of
from core.datasets.ref import DataRef, import_file
from core.project import Project, ProjectError, load_project, save_project
from core.training.settings import TrainingSettings
from tests.core.datasets.test_uint8 import write_idx

CSV = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n"


@pytest.fixture
def idx_files(tmp_path):
    images = np.random.default_rng(2).integers(0, 256, (40, 5, 5), dtype=np.uint8)
    return write_idx(tmp_path, images, (np.arange(40) % 4).astype(np.uint8))


def project_with(ref: DataRef) -> Project:
    return Project(NetworkSpec.mlp([25, 4]), TrainingSettings(), ref)


def saved_json(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("project.json"))


def test_sha256_is_the_files_checksum(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(CSV)
    assert sha256_of(path) == hashlib.sha256(CSV.encode()).hexdigest()


def test_small_imports_are_embedded_and_remember_their_files(tmp_path, idx_files):
    ref = import_file(idx_files[0])
    assert ref.kind == "embedded" and ref.dataset.x.dtype == np.uint8
    assert [f.path for f in ref.files] == [str(p.resolve()) for p in idx_files]
    assert ref.files[1].sha256 == sha256_of(idx_files[1])
    save_project(project_with(ref), tmp_path / "p.netcanvas")
    idx_files[0].unlink()  # embedded: the project no longer needs the file
    data = load_project(tmp_path / "p.netcanvas").data
    assert data.kind == "embedded" and data.load().x.tobytes() == ref.dataset.x.tobytes()
    assert [f.sha256 for f in data.files] == [f.sha256 for f in ref.files]


def test_imports_over_the_limit_are_referred_to_not_embedded(tmp_path, idx_files, monkeypatch):
    monkeypatch.setattr(linked, "EMBED_LIMIT_BYTES", 100)
    monkeypatch.setattr("core.datasets.ref.EMBED_LIMIT_BYTES", 100)
    ref = import_file(idx_files[0])
    assert ref.kind == "file" and ref.dataset is not None
    path = tmp_path / "p.netcanvas"
    save_project(project_with(ref), path)
    stored = saved_json(path)["data"]
    assert stored == {"kind": "file", "name": ref.name,
                      "files": [f.to_dict() for f in ref.files]}
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("weights.npz").file_size < 1000  # no data arrays inside
    loaded = load_project(path).data
    assert loaded.kind == "file" and loaded.dataset is None
    assert loaded.load().x.tobytes() == ref.dataset.x.tobytes()


def test_embedding_is_a_choice_either_way(tmp_path, idx_files):
    assert import_file(idx_files[0], embed=False).kind == "file"
    big = import_file(idx_files[0], embed=True)
    linked_ref = big.with_embedding(False, big.dataset)
    assert linked_ref.kind == "file" and linked_ref.files == big.files
    back = linked_ref.with_embedding(True, linked_ref.load())
    assert back.kind == "embedded" and back.arrays()["data/x"].dtype == np.uint8


def test_a_moved_file_is_named_with_what_to_do(tmp_path, idx_files):
    ref = import_file(idx_files[0], embed=False)
    save_project(project_with(ref), tmp_path / "p.netcanvas")
    idx_files[1].rename(tmp_path / "elsewhere")
    data = load_project(tmp_path / "p.netcanvas").data  # the project itself still opens
    with pytest.raises(LinkedFileError) as caught:
        data.load()
    assert caught.value.reason == "moved" and caught.value.linked == ref.files[1]
    message = str(caught.value)
    assert str(idx_files[1].resolve()) in message
    assert "moved, renamed or deleted" in message and "locate the file in the window" in message
    assert "put the original file back at that path" in message and "Data panel" not in message


def test_a_changed_file_is_refused_and_a_located_copy_accepted(tmp_path, idx_files):
    ref = import_file(idx_files[0], embed=False)
    original = idx_files[0].read_bytes()
    changed = bytearray(original)
    changed[-1] ^= 0xFF
    idx_files[0].write_bytes(bytes(changed))
    with pytest.raises(LinkedFileError, match="has changed since the project was saved") as e:
        DataRef.linked(ref.files, name=ref.name).load()
    assert e.value.reason == "changed"
    copy = tmp_path / "copy" / "images"
    copy.parent.mkdir()
    copy.write_bytes(original)
    assert ref.files[0].matches(copy) and not ref.files[0].matches(idx_files[0])
    found = DataRef.linked(ref.files, name=ref.name).relocated(0, copy)
    assert found.files[0].path == str(copy.resolve()) and found.files[1] == ref.files[1]
    assert found.load().x.tobytes() == ref.dataset.x.tobytes()


@pytest.mark.parametrize("files, words", [
    ("x", "'files' must list"),
    ([{"path": "a"}], "exactly 'path', 'sha256' and 'bytes'"),
    ([{"path": "a", "sha256": "zz", "bytes": 1}], "64 lowercase hexadecimal"),
    ([{"path": "a", "sha256": "0" * 64, "bytes": -1}], "whole number of bytes"),
])
def test_hand_edited_references_are_refused_in_words(tmp_path, idx_files, files, words):
    ref = import_file(idx_files[0], embed=False)
    path = tmp_path / "p.netcanvas"
    save_project(project_with(ref), path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document["data"]["files"] = files
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    with pytest.raises(ProjectError, match=words):
        load_project(path)


def test_a_linked_file_reads_back_from_its_dict():
    item = LinkedFile("/data/x.csv", "ab" * 32, 12)
    assert LinkedFile.from_dict(item.to_dict()) == item
