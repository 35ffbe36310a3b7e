"""core speaks Korean: a corrupt project's error, network problems, lint warnings, training
verdicts and the engine's display names come from the Korean catalogue when the language is
"ko", and read as before in English."""

import io
import json
import os
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import load_builtin
from core.engine import activations, initializers, losses, optimizers
from core.lint import lint
from core.project import DataRef, Project, ProjectError, load_project, save_project
from core.spec import EdgeSpec, hidden_node, input_node, output_node
from core.training.diagnosis import Goal, diagnose
from core.training.runs import Change, ending_title
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from tests.i18n.scan import ROOT


@pytest.fixture(scope="module")
def project():
    spec = NetworkSpec.mlp([2, 4, 2], hidden_activation="tanh")
    settings = TrainingSettings(epochs=1, batch_size=16, seed=1)
    data = DataRef.builtin("moons", n_samples=60, noise=0.1, seed=4)
    trainer = Trainer(spec, data.load(), settings)
    trainer.run()
    params = {k: v.copy() for k, v in trainer.network.params.items()}
    return Project(spec, settings, data, params, None, trainer.history.to_dict())


def members(project, folder):
    path = folder / "good.netcanvas"
    save_project(project, path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path, contents):
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in contents.items():
            archive.writestr(name, blob)
    return path


def error_of(path):
    with pytest.raises(ProjectError) as info:
        load_project(path)
    return str(info.value)


def test_a_corrupt_project_is_refused_in_korean(korean, tmp_path):
    notes = tmp_path / "notes.netcanvas"
    notes.write_text("these are my notes")
    assert error_of(notes) == ("notes.netcanvas 프로젝트를 열 수 없습니다: NetCanvas 프로젝트 "
                               "파일이 아닙니다(zip 압축 파일이 아닙니다)")
    assert error_of(tmp_path / "gone.netcanvas") == \
        "gone.netcanvas 프로젝트를 열 수 없습니다: 파일이 없습니다"
    assert error_of(tmp_path) == \
        f"{tmp_path.name} 프로젝트를 열 수 없습니다: 프로젝트 파일이 아니라 폴더입니다"


def test_invalid_json_wrong_format_and_bad_weights_in_korean(korean, project, tmp_path):
    parts = members(project, tmp_path)
    path = tmp_path / "bad.netcanvas"
    write_zip(path, {**parts, "project.json": b'{"format": "netcanvas-project",\n "title": }'})
    assert error_of(path) == ("bad.netcanvas 프로젝트를 열 수 없습니다: project.json이(가) 올바른 "
                              "JSON이 아닙니다(2행 11열: Expecting value)")
    document = json.loads(parts["project.json"])
    write_zip(path, {**parts, "project.json": json.dumps({**document, "format": "other"})})
    assert error_of(path) == ("bad.netcanvas 프로젝트를 열 수 없습니다: project.json이(가) "
                              "NetCanvas 프로젝트가 아닙니다('format' 값: 'other')")
    weights = io.BytesIO()
    arrays = {f"params/{k}": v for k, v in project.params.items()}
    np.savez(weights, **{**arrays, "params/W1": np.zeros((3, 4), np.float32)})
    write_zip(path, {**parts, "weights.npz": weights.getvalue()})
    assert error_of(path) == ("bad.netcanvas 프로젝트를 열 수 없습니다: weights.npz의 "
                              "가중치가 신경망과 맞지 않습니다: W1의 형상이 (3, 4)인데 "
                              "신경망에는 (2, 4)이(가) 필요합니다")


def test_the_same_errors_read_as_before_in_english(tmp_path):
    notes = tmp_path / "notes.netcanvas"
    notes.write_text("these are my notes")
    assert error_of(notes) == \
        "notes.netcanvas: this is not a NetCanvas project file (it is not a zip archive)"


def test_netcanvas_check_says_it_in_korean(tmp_path):
    """The issue's must-show: with NETCANVAS_LANG=ko a corrupt project's `netcanvas check`
    error is Korean."""
    notes = tmp_path / "notes.netcanvas"
    notes.write_text("these are my notes")
    result = subprocess.run([sys.executable, "-m", "gui.cli", "check", str(notes)], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, "NETCANVAS_LANG": "ko", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 2
    assert result.stderr.endswith("notes.netcanvas 프로젝트를 열 수 없습니다: NetCanvas 프로젝트 "
                                  "파일이 아닙니다(zip 압축 파일이 아닙니다)\n")


def test_network_problems_and_labels_in_korean(korean):
    spec = NetworkSpec((input_node("0", 2), hidden_node("1", 0), output_node("2", 2)),
                       (EdgeSpec("1", "0", "1"), EdgeSpec("2", "1", "2"), EdgeSpec("3", "2", "2")))
    messages = [p.message for p in spec.problems()]
    assert "은닉 1의 뉴런이 0개입니다: 노드에는 뉴런이 1개 이상 있어야 합니다" in messages
    assert "출력 2은(는) 출력 노드입니다: 그 뒤에는 아무것도 올 수 없습니다" in messages
    assert NetworkSpec().problems()[0].message == \
        "입력 노드를 추가하세요: 신경망에 데이터를 넣는 노드가 없습니다"


def test_lint_and_training_verdicts_in_korean(korean):
    spec = NetworkSpec.mlp([2, 4, 2], hidden_activation="identity")
    settings = TrainingSettings(optimizer="sgd", lr=50.0, epochs=1)
    warnings = {w.id: w for w in lint(spec, settings)}
    assert warnings["linear_network"].message == ("신경망이 선형입니다: 층 하나와 같은 계산을 "
                                                  "합니다(은닉 1에 항등 함수를 쓰고 있습니다)")
    assert warnings["learning_rate"].text == (
        "학습률 50이(가) SGD의 보통 범위 0.001–1에서 크게 벗어났습니다: 너무 큽니다. 손실이 크게 "
        "흔들리거나 발산합니다 [learning_rate; 실습: optimizer_race]")
    data = load_builtin("xor")
    trainer = Trainer(NetworkSpec.mlp([2, 2, 2]), data, TrainingSettings(epochs=2, seed=0))
    trainer.run()
    assert trainer.outcome.reason == "2에폭을 마쳤습니다"
    verdict = diagnose(Goal("xor", "XOR", "accuracy", 1.0), trainer.network, trainer.data,
                       trainer.history, 0.01)
    assert verdict is not None and not verdict.solved
    assert verdict.text.startswith("아직 풀지 못했습니다: 행의 ")
    assert "(XOR에는 모든 행 필요)" in verdict.text
    assert Change("batch_size", 32, 64).words() == "배치 크기 32 → 64"
    assert Change("standardize", False, True).words() == "표준화 끔 → 켬"
    assert [ending_title(e) for e in ("finished", "stopped", "diverged")] == \
        ["완료", "중지됨", "발산함"]


def test_display_names_follow_the_glossary(korean):
    assert [activations.title(n) for n in ("identity", "step", "sigmoid", "relu", "softmax")] \
        == ["항등 함수", "계단 함수", "시그모이드", "ReLU", "Softmax"]
    assert [optimizers.title(n) for n in optimizers.NAMES] == \
        ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "Adam"]
    assert [initializers.title(n) for n in ("xavier", "he")] == ["Xavier", "He"]
    assert losses.title("mse") == "평균제곱오차 ½Σ(y−t)²"
    assert losses.title("cross_entropy") == "교차 엔트로피 오차 (CEE)"
    assert activations.describe("leaky_relu") == \
        "x > 0이면 y = x, 아니면 0.01·x: 뉴런이 죽지 않는 ReLU 함수입니다."
    assert optimizers.describe("sgd").startswith("곧장 내리막으로 한 걸음")


def test_display_names_in_english():
    assert [activations.title(n) for n in ("identity", "step", "sigmoid")] == \
        ["Identity", "Step", "Sigmoid"]
    assert activations.describe("leaky_relu") == \
        "y = x if x > 0 else 0.01·x: a ReLU whose units cannot die."
    assert initializers.title("std") == "Fixed std"


def test_an_unreadable_remembered_language_is_only_a_missing_preference(monkeypatch,
                                                                        tmp_path):
    from core import i18n

    monkeypatch.setenv("NETCANVAS_DATA_DIR", str(tmp_path))
    assert i18n.remembered_language() is None
    (tmp_path / "language").write_bytes(b"\xff\xfe garbage")
    assert i18n.remembered_language() is None
    (tmp_path / "language").write_text("ko")
    assert i18n.remembered_language() == "ko"
    monkeypatch.delenv("NETCANVAS_LANG")
    assert i18n.initial_language() == "ko"
    monkeypatch.setenv("NETCANVAS_LANG", "en")
    assert i18n.initial_language() == "en"
    (tmp_path / "language").unlink()
    (tmp_path / "language").mkdir()  # not a file at all
    assert i18n.remembered_language() is None
    assert i18n.remember_language("ko") is False
