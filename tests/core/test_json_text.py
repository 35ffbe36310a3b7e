"""core.json_text writes exactly what json.dumps(indent=1, ensure_ascii=False,
allow_nan=False) writes — project files stay byte-identical — and refuses what it refuses."""

import json
import math
import zipfile

import numpy as np
import pytest

from core import json_text
from core import project as project_module
from core.datasets.ref import DataRef
from core.project import PROJECT_JSON, Project, load_project, save_project
from core.spec import NetworkSpec
from core.training.runs import Runs
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from resources.examples import example_path


def reference(value):
    return json.dumps(value, indent=1, ensure_ascii=False, allow_nan=False)


EDGE_CASES = [
    {},
    [],
    {"a": {}, "b": [], "c": [[]], "d": [{}], "e": {"f": {"g": []}}},
    [1.5, -0.0, 0.1, 1e300, 5e-324, 2**70, -3, True, False, None],
    [[1.0, 2.0], [3.0], [], [[4.5]]],
    ["a, b", 'quote " and , comma', "\\", "\n\t", "한국어 ✓", "\u0001"],
    [1.0, "mixed, with a comma", 2.0, {"x": [1, 2]}, None],
    ("a tuple", (1.0, 2.5), ()),
    {"key, with comma": 1, "ключ": [0.25] * 5, "": None, "\"": "\u2028"},
    "just a string",
    3.25,
    None,
    [np.float64(0.1), np.float64(-2.5e-8)],  # float subclasses, as NumPy scalars are
    {"outer": [{"loss": [0.5, 0.25, None], "epochs": [{"n": 1, "acc": 0.75}]}]},
]


@pytest.mark.parametrize("value", EDGE_CASES, ids=range(len(EDGE_CASES)))
def test_the_text_is_json_dumps_byte_for_byte(value):
    assert json_text.dumps(value) == reference(value)


def test_random_nested_documents_are_written_alike():
    rng = np.random.default_rng(7)

    def make(depth):
        kind = rng.integers(0, 7 if depth < 4 else 4)
        if kind == 0:
            return float(rng.normal() * 10.0 ** rng.integers(-30, 30))
        if kind == 1:
            return int(rng.integers(-10**6, 10**6))
        if kind == 2:
            return [None, True, False, "s,t", "q\"r"][int(rng.integers(0, 5))]
        if kind == 3:
            return [float(v) for v in rng.normal(size=int(rng.integers(0, 20)))]
        if kind == 4:
            return [make(depth + 1) for _ in range(int(rng.integers(0, 5)))]
        return {f"k{i},{depth}": make(depth + 1) for i in range(int(rng.integers(0, 5)))}

    for _ in range(300):
        value = make(0)
        assert json_text.dumps(value) == reference(value)


@pytest.mark.parametrize("value", [
    [1.0, math.nan], {"a": math.inf}, [object()], {1: "int key"}, {(1, 2): "tuple key"},
    {"a": [1.0, -math.inf]},
])
def test_what_json_dumps_refuses_or_writes_its_own_way_goes_to_json_dumps(value):
    try:
        expected = reference(value)
    except (TypeError, ValueError) as exc:
        with pytest.raises(type(exc)) as raised:
            json_text.dumps(value)
        assert str(raised.value) == str(exc)
    else:
        assert json_text.dumps(value) == expected  # {1: ...}: json.dumps writes "1"


def trained_with_runs() -> Project:
    """A project as the window saves one after a few runs: history, runs and their histories."""
    spec = NetworkSpec.mlp([2, 5, 2])
    settings = TrainingSettings(epochs=4, batch_size=8, seed=3)
    data = DataRef.builtin("moons", n_samples=96, noise=0.1, seed=1)
    trainer = Trainer(spec, data.load(), settings)
    trainer.run()
    runs = Runs()
    for _ in range(3):
        runs = runs.record(settings, trainer.history, settings.epochs, "finished", "done",
                           started_at="2026-12-03T10:00:00+00:00", spec=spec, data="moons")
    return Project(spec, settings, data,
                   {k: v.copy() for k, v in trainer.network.params.items()},
                   history=trainer.history.to_dict(), title="Moons, “quoted”",
                   description="ünïcode ✓, \"quotes\"", runs=runs)


def test_a_saved_project_is_byte_identical_to_one_written_with_json_dumps(
        tmp_path, monkeypatch):
    projects = [load_project(example_path(name)) for name in (
        "xor_learned", "digits_mlp", "spiral", "overfitting")]
    projects.append(trained_with_runs())
    for n, project in enumerate(projects):
        fast, slow = tmp_path / f"fast{n}.netcanvas", tmp_path / f"slow{n}.netcanvas"
        save_project(project, fast)
        with monkeypatch.context() as patch:
            patch.setattr(project_module.json_text, "dumps", reference)
            save_project(project, slow)
        assert fast.read_bytes() == slow.read_bytes()
        with zipfile.ZipFile(fast) as archive:
            text = archive.read(PROJECT_JSON).decode("utf-8")
        assert text == reference(json.loads(text))


def test_long_lists_of_numbers_are_encoded_in_chunks_and_joined_seamlessly():
    rng = np.random.default_rng(1)
    for n in (json_text.CHUNK - 1, json_text.CHUNK, json_text.CHUNK + 1, 3 * json_text.CHUNK + 7):
        value = {"batch_loss": [float(v) for v in rng.normal(size=n)], "tail": [None] * n}
        assert json_text.dumps(value) == reference(value)
