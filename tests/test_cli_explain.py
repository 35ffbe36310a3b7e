"""``netcanvas explain PROJECT [--sample I] [--json]``: the pinned JSON shape, the readable
table, and one-line errors with exit code 2."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from core.explain import explain
from core.project import load_project
from gui import cli
from resources.examples import example_path


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", ["spiral", "xor_learned", "forward_pass_3layer"])
def test_json_is_one_object_of_exactly_the_pinned_shape(name, capsys):
    path = example_path(name)
    code, out, err = run(["explain", str(path), "--json"], capsys)
    assert code == 0 and err == ""
    assert out.count("\n") == 1  # one object, one line
    data = json.loads(out)
    assert set(data) == {"loss", "nodes", "gradients"}
    project = load_project(path)
    spec = project.spec
    assert isinstance(data["loss"], float)
    assert set(data["nodes"]) == {n.id for n in spec.nodes}
    for node in spec.nodes:
        values = data["nodes"][node.id]
        assert set(values) == {"z", "a", "delta"}
        assert all(len(values[k]) == node.units for k in ("z", "a", "delta"))
    net = project.build_network()
    assert list(data["gradients"]) == list(net.params)
    for name_, array in net.params.items():
        assert np.asarray(data["gradients"][name_]).shape == array.shape
    # The same numbers as the library gives.
    trace = explain(project, 0).trace
    assert data["loss"] == trace.loss
    np.testing.assert_array_equal(data["nodes"][spec.output.id]["delta"], trace.output.delta)


def test_json_numbers_are_the_book_forward_pass(capsys):
    """docs/book.md §3: x = [1.0, 0.5] gives A1, Z1, A2, Z2 and Y; the example's target
    t = [0, 1] is not Y, so the backward pass starts from δ_out = Y − t, not round-off."""
    code, out, _ = run(["explain", str(example_path("forward_pass_3layer")), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    np.testing.assert_allclose(data["nodes"]["0"]["a"], [1.0, 0.5])
    np.testing.assert_allclose(data["nodes"]["1"]["z"], [0.3, 0.7, 1.1], atol=1e-8)
    np.testing.assert_allclose(data["nodes"]["1"]["a"], [0.57444252, 0.66818777, 0.75026011],
                               atol=1e-8)
    np.testing.assert_allclose(data["nodes"]["2"]["z"], [0.51615984, 1.21402696], atol=1e-8)
    np.testing.assert_allclose(data["nodes"]["2"]["a"], [0.62624937, 0.77101070], atol=1e-8)
    y = [0.31682708, 0.69627909]
    np.testing.assert_allclose(data["nodes"]["3"]["a"], y, atol=1e-8)
    assert data["loss"] == pytest.approx(0.5 * (y[0] ** 2 + (y[1] - 1) ** 2), abs=1e-8)
    np.testing.assert_allclose(data["nodes"]["3"]["delta"], [y[0], y[1] - 1], atol=1e-8)


def test_sample_picks_a_row_of_the_data_set(capsys):
    path = str(example_path("xor_learned"))
    outputs = []
    for sample in ("0", "3"):
        code, out, _ = run(["explain", path, "--sample", sample, "--json"], capsys)
        assert code == 0
        outputs.append(json.loads(out))
    gate_rows = {(0.0, 0.0), (1.0, 1.0)}
    assert {tuple(o["nodes"]["0"]["a"]) for o in outputs} == gate_rows  # XOR rows 0 and 3


def test_the_table_names_the_row_the_rules_and_the_gradients(capsys):
    code, out, err = run(["explain", str(example_path("spiral")), "--sample", "5"], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("explain: Spiral — data-set row 5 (of 0–399), row ")
    assert "part (" in lines[0]
    assert lines[1] == "  x1 = 0.06964, x2 = 0.01926 → target class arm 1"
    assert "inference mode" in lines[2]
    for heading in ("forward", "loss", "backward"):
        assert heading in lines
    assert "softmax + cross-entropy: δ = y − t" in out
    assert "ReLU passes δ where z > 0" in out
    assert "W1 receives a[0]ᵀ·δ" in out
    assert any(line.strip().startswith("W3 ") and "|g| =" in line for line in lines)


@pytest.mark.parametrize(("argv", "message"), [
    (["--sample", "4"], "there is no sample 4: the data set has 4 rows, numbered 0 to 3"),
    (["--sample", "-1"], "there is no sample -1"),
    (["--sample", "two"], "--sample must be a row number, not 'two'"),
])
def test_bad_input_is_one_line_and_exit_2(argv, message, capsys):
    code, out, err = run(["explain", str(example_path("xor_by_hand")), *argv], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_missing_project_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run(["explain", str(tmp_path / "none.netcanvas"), "--json"], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_the_table_names_the_row_s_inputs_and_true_class_as_the_window_does(capsys):
    # the walkthrough: the window's Explain says the row's target class, the command did not
    code, out, _ = run(["explain", str(example_path("xor_learned")), "--sample", "1"], capsys)
    assert code == 0
    assert out.splitlines()[1] == "  x1 = 1, x2 = 0 → target class 1"
    code, out, _ = run(["explain", str(example_path("digits_mlp")), "--sample", "5"], capsys)
    assert code == 0
    assert out.splitlines()[1].endswith(", … (64 features) → target class 5")


def test_the_row_s_true_class_in_korean(capsys, korean):
    code, out, _ = run(["explain", str(example_path("spiral")), "--sample", "5"], capsys)
    assert code == 0
    assert out.splitlines()[1] == "  x1 = 0.06964, x2 = 0.01926 → 정답 클래스 팔 1"


def test_a_named_node_is_called_by_its_name_in_rules_and_table(tmp_path, capsys):
    """XOR's output renamed "answer": the rules said δ[2] and the node table "2", an id the
    student's canvas never shows; both now say "answer". The table's numbers stay the trace's."""
    from dataclasses import replace

    from core.project import save_project

    project = load_project(example_path("xor_learned"))
    named = replace(project, spec=project.spec.with_node_changed("2", name="answer"))
    path = tmp_path / "named.netcanvas"
    save_project(named, path)
    code, out, _ = run(["explain", str(path), "--sample", "1"], capsys)
    assert code == 0
    assert "∂L/∂a = δ[answer]·W2ᵀ: the next node's δ sent back through the weights" in out
    assert "z = a[1]·W2 + b2" in out  # the unnamed hidden node keeps its number
    trace = explain(named, 1).trace
    rows = {line.split()[0]: line.split() for line in out.splitlines()
            if line.startswith("  ") and line.split()[:1] in (["answer"], ["1"])}
    assert rows["answer"][1:4] == ["1", f"{trace.output.z[0]:.4g}", f"{trace.output.a[0]:.4g}"]


@pytest.mark.parametrize(("name", "english", "korean_name"), [
    ("xor_learned", "Binary cross-entropy", "이진 교차 엔트로피"),
    ("spiral", "Cross-entropy error (CEE)", "교차 엔트로피 오차 (CEE)"),
    ("forward_pass_3layer", "Mean squared error ½Σ(y−t)²", "평균제곱오차 ½Σ(y−t)²")],
    ids=["bce", "cee", "mse"])
def test_the_loss_line_names_the_loss_as_the_window_does(name, english, korean_name, capsys):
    """The line under the walk said "loss 0.73183 (binary_cross_entropy, …)" — the file's
    key, in the Korean table too; it now names the loss as the Training settings do."""
    from core.engine import losses
    from gui.i18n import set_language

    path = str(example_path(name))
    loss = explain(load_project(path), 0).trace.loss
    _, out, _ = run(["explain", path], capsys)
    assert f"loss {loss:.6g} ({english}, this row, no weight decay)" in out.splitlines()
    set_language("ko")
    try:
        _, out, _ = run(["explain", path], capsys)
        title = losses.title(load_project(path).spec.output.loss)
    finally:
        set_language("en")
    assert title.startswith(korean_name)
    assert f"손실 {loss:.6g} ({title}, 이 행, 가중치 감소 제외)" in out.splitlines()


def test_a_zero_gradient_of_gamma_is_not_printed_minus_zero(tmp_path, capsys):
    """A batch-norm ReLU node whose units are all blocked (δ = 0) below their running mean
    (x̂ < 0): ∂L/∂γ = δ·x̂ printed "[-0, -0, -0, -0]", a sign a student would puzzle over."""
    from core import NetworkSpec, hidden_node, input_node, output_node
    from core.datasets import Dataset
    from core.datasets.ref import DataRef
    from core.project import Project, save_project
    from core.training.settings import TrainingSettings

    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 2)) * [1.0, 50.0] + [0.0, 10.0]
    data = Dataset("quadrants", x, (x[:, 0] * x[:, 1] > 0).astype(np.int64), "classification",
                   ("x1", "x2"), ("no", "yes"), "test")
    spec = NetworkSpec((input_node("0", 3, features=("x1", "x2", "x1*x2")),
                        hidden_node("1", 4, batch_norm=True),
                        output_node("2", 1, activation="sigmoid")), ())
    spec = spec.connect("0", "1").connect("1", "2").connect("0", "2")
    path = tmp_path / "quadrants.netcanvas"
    save_project(Project(spec, TrainingSettings(standardize=True), DataRef.embedded(data)), path)
    trace = explain(load_project(path), 3).trace
    assert not trace.nodes["1"].delta.any() and (trace.nodes["1"].z < 0).all()
    code, out, _ = run(["explain", str(path), "--sample", "3"], capsys)
    assert code == 0
    assert "      gamma1     = [0, 0, 0, 0]" in out.splitlines()
    assert not re.search(r"-0(?![.\d])", out)  # −0.1457 is fine, −0 alone is not
def test_an_example_s_title_in_korean_is_the_one_check_says(capsys, korean):
    """explain said "설명: Spiral" and "설명: XOR, learned" where check (and the window) say
    "나선" and "학습한 XOR"."""
    for name, title in (("spiral", "나선"), ("xor_learned", "학습한 XOR")):
        assert run(["check", str(example_path(name))], capsys)[1].splitlines()[0] == \
            f"정상: {title}"
        code, out, _ = run(["explain", str(example_path(name))], capsys)
        assert code == 0 and out.startswith(f"설명: {title} — 데이터셋의 0번 행")


@pytest.fixture
def diverged(tmp_path, capsys):
    """A project saved by ``train --out`` after its loss became NaN (its weights are NaN)."""
    from dataclasses import replace

    from core.project import save_project

    hot, path = tmp_path / "sgd.netcanvas", tmp_path / "hot.netcanvas"
    project = load_project(example_path("spiral"))
    save_project(replace(project, settings=replace(project.settings, optimizer="sgd",
                                                   lr=1000.0, epochs=5)), hot)
    assert cli.main(["train", str(hot), "--quiet", "--out", str(path)]) == 1
    capsys.readouterr()
    return path


def test_json_of_nan_weights_is_json_with_null(diverged, capsys):
    """--json printed NaN and -Infinity, which JSON does not have: jq and browsers refused it."""
    code, out, err = run(["explain", str(diverged), "--json"], capsys)
    assert (code, err) == (0, "")

    def strict(constant):
        raise AssertionError(f"{constant} is not JSON")

    data = json.loads(out, parse_constant=strict)
    assert data["loss"] is None
    assert None in data["nodes"]["1"]["z"] and None in data["gradients"]["W1"][0]


def test_nan_weights_are_explained_without_numpy_s_warnings(diverged):
    """numpy's RuntimeWarnings ("core/engine/layers.py:43: RuntimeWarning: invalid value
    encountered in dot" and the line of code) came out on stderr around the table."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "gui.cli", "explain", str(diverged)],
                            capture_output=True, text=True, env={"NETCANVAS_LANG": "en",
                                                                 "PATH": ""},
                            cwd=Path(__file__).resolve().parents[1])
    assert (result.returncode, result.stderr) == (0, "")
    assert "z          = [nan, nan" in result.stdout
