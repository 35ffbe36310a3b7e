"""Fuzzing project files: a damaged or hand-edited .netcanvas file either opens and trains, or
is refused with one ProjectError sentence — never another exception (issue 17).

Every case mutates a small example project parsed once; derandomize makes CI runs repeatable.
"""

from __future__ import annotations

import io
import json
import math
import os
import warnings
import zipfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.datasets import DataError
from core.project import PROJECT_JSON, WEIGHTS_NPZ, ProjectError, load_project
from core.training.trainer import Trainer
from resources.examples import example_path
from tests.core.mutations import flip, patch_header

EXAMPLES = ("xor_by_hand", "spiral", "forward_pass_3layer")
#: 1000 cases per kind; FUZZ_EXAMPLES=50 makes a quick local run
FUZZ = settings(derandomize=True, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1000")),
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
ODD_VALUES = (None, True, False, 0, -1, 1, 2**31, -(2**63), 10**30, 1e308, -1e308,
              math.nan, math.inf, -math.inf, 0.5, "", "x", "NaN", [], [1, 2], {}, {"a": 1})


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


BASES = {name: example_path(name).read_bytes() for name in EXAMPLES}
MEMBERS = {name: _members(example_path(name)) for name in EXAMPLES}
DOCUMENTS = {name: json.loads(members[PROJECT_JSON]) for name, members in MEMBERS.items()}


def _zip(members: list[tuple[str, bytes]], compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, blob in members:
            archive.writestr(zipfile.ZipInfo(name), blob, compress_type=compress)
    return buffer.getvalue()


def _check(path: Path) -> None:
    """Load; if that works, train one step on the project's data. Only the project's own
    errors may stop it. A project may hold an unfinished network (a student saves mid-edit):
    that one loads, and the app lists its problems instead of training it."""
    try:
        project = load_project(path)
    except ProjectError as exc:
        assert str(exc).startswith(path.name)
        return
    if project.spec.problems():
        return
    try:
        dataset = project.data.load()
    except DataError:
        return
    trainer = Trainer(project.build_network(), dataset, project.settings)
    trainer.step()


def _write(tmp_path: Any, blob: bytes) -> Path:
    path = tmp_path.getbasetemp() / "fuzzed.netcanvas"
    path.write_bytes(blob)
    return path


example = st.sampled_from(EXAMPLES)
flips = st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(1, 255)), min_size=1,
                 max_size=4)


@FUZZ
@given(name=example, flips=flips)
def test_flipped_bytes(tmp_path_factory: Any, name: str, flips: list[tuple[int, int]]) -> None:
    _check(_write(tmp_path_factory, flip(BASES[name], flips)))


@FUZZ
@given(name=example, length=st.integers(0, 1 << 16))
def test_truncated(tmp_path_factory: Any, name: str, length: int) -> None:
    blob = BASES[name]
    _check(_write(tmp_path_factory, blob[:length % (len(blob) + 1)]))


@FUZZ
@given(name=example, flips=flips, stored=st.booleans())
def test_damaged_weights_inside_an_intact_file(tmp_path_factory: Any, name: str,
                                               flips: list[tuple[int, int]],
                                               stored: bool) -> None:
    """The outer zip is fine, weights.npz inside it is not (issue 17's NotImplementedError)."""
    members = dict(MEMBERS[name])
    members[WEIGHTS_NPZ] = flip(members[WEIGHTS_NPZ], flips)
    compress = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    _check(_write(tmp_path_factory, _zip(list(members.items()), compress)))


member_ops = st.sampled_from(("remove", "rename", "duplicate", "header", "header-inner",
                              "empty"))
field_values = st.sampled_from((0, 1, 8, 12, 14, 63, 99, 0x20, 0x41, 2**16 - 1, 2**20, 2**31,
                                2**32 - 1)) | st.integers(0, 2**32 - 1)


@FUZZ
@given(name=example, op=member_ops, which=st.integers(0, 7), field=st.integers(0, 9),
       value=field_values)
def test_zip_members(tmp_path_factory: Any, name: str, op: str, which: int, field: int,
                     value: int) -> None:
    """Members removed, renamed, duplicated or emptied; a header field of the project file's
    zip or of weights.npz inside it changed (sizes, compression method, version, flags)."""
    items = list(MEMBERS[name].items())
    index = which % len(items)
    if op == "remove":
        del items[index]
    elif op == "rename":
        items[index] = (items[index][0] + ".old", items[index][1])
    elif op == "duplicate":
        items.append(items[index])
    elif op == "empty":
        items[index] = (items[index][0], b"")
    elif op == "header-inner":
        items = [(k, patch_header(v, which, field, value) if k == WEIGHTS_NPZ else v)
                 for k, v in items]
    with warnings.catch_warnings():  # zipfile warns when it writes a duplicate name
        warnings.simplefilter("ignore", UserWarning)
        blob = _zip(items, zipfile.ZIP_STORED if which % 2 else zipfile.ZIP_DEFLATED)
    if op == "header":
        blob = patch_header(blob, which, field, value)
    _check(_write(tmp_path_factory, blob))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into a JSON document (dict keys and list indices)."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value[:4]):
            found += _paths(child, (*prefix, index))
    return found


PATHS = {name: _paths(document) for name, document in DOCUMENTS.items()}


def _edit(document: Any, path: tuple[Any, ...], value: Any, delete: bool) -> Any:
    copy = json.loads(json.dumps(document))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


@FUZZ
@given(name=example, which=st.integers(0, 10**6), edits=st.integers(1, 3),
       value=st.sampled_from(ODD_VALUES) | st.integers() | st.floats() | st.text(max_size=8),
       delete=st.booleans())
def test_project_json_fields(tmp_path_factory: Any, name: str, which: int, edits: int,
                             value: Any, delete: bool) -> None:
    document = DOCUMENTS[name]
    for k in range(edits):
        paths = _paths(document)
        if not paths:
            break
        document = _edit(document, paths[(which * (k + 1)) % len(paths)], value, delete)
    members = dict(MEMBERS[name])
    members[PROJECT_JSON] = json.dumps(document).encode()  # NaN and Infinity as JSON5 writes
    _check(_write(tmp_path_factory, _zip(list(members.items()))))
