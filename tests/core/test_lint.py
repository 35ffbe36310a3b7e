"""The teaching lint: every rule fires on a made-up project that has its mistake, and stays
silent on a sound one and on the bundled examples (the overfitting example excepted: its
warning is its lesson)."""

import json
import zipfile
from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import Dataset
from core.engine import activations
from core.lint import LABS, RULES, lint, lint_project
from core.project import ProjectError, load_project, save_project
from core.training.settings import TrainingSettings
from gui import cli
from resources.examples import example_names, example_path


def blobs(n=60, scale=(1.0, 1.0), classes=3):
    rng = np.random.default_rng(0)
    y = np.arange(n) % classes
    x = (rng.normal(size=(n, 2)) + np.stack([np.cos(y * 2.1), np.sin(y * 2.1)], 1) * 3) * scale
    return Dataset("blobs", x, y.astype(np.int64), "classification", ("x1", "x2"),
                   tuple(f"c{i}" for i in range(classes)), "test")


DATA = blobs()
SETTINGS = TrainingSettings(optimizer="adam", lr=0.01, batch_size=16, standardize=True)
SPEC = NetworkSpec.mlp([2, 8, 3])


def ids(spec=SPEC, settings=SETTINGS, data=DATA, **options):
    return [w.id for w in lint(spec, settings, data, **options)]


def test_a_sound_project_gets_no_warning():
    assert ids() == []
    assert ids(settings=replace(SETTINGS, standardize=False)) == []  # similar ranges


def test_a_linear_network_is_called_linear():
    warnings = lint(NetworkSpec.mlp([2, 8, 8, 3], hidden_activation="identity"), SETTINGS, DATA)
    assert [w.id for w in warnings] == ["linear_network"]
    assert "the network is linear: it computes the same as one layer" in warnings[0].message
    assert "(hidden 1, hidden 2 use the identity activation)" in warnings[0].message
    assert "give the hidden nodes a non-linear activation" in warnings[0].why
    assert warnings[0].lab == "activations" and warnings[0].nodes == ("1", "2")
    # One non-linear hidden node is enough.
    spec = NetworkSpec.mlp([2, 8, 8, 3], hidden_activation="identity")
    assert ids(spec.with_node_changed("2", activation="tanh")) == []


def test_sigmoid_with_std_1_saturates_and_xavier_does_not():
    spec = NetworkSpec.mlp([2, 8, 8, 3], hidden_activation="sigmoid", init="std", init_std=1.0)
    warnings = lint(spec, SETTINGS, DATA)
    # Node 2 sums 8 inputs (z spreads ±2.8); node 1 only 2 (±1.4).
    assert [(w.id, w.nodes) for w in warnings] == [("saturating_init", ("2",))]
    assert warnings[0].lab == "initialization"
    tanh = NetworkSpec.mlp([2, 8, 8, 3], hidden_activation="tanh", init="std", init_std=1.0)
    assert ids(tanh) == ["saturating_init"]
    assert ids(NetworkSpec.mlp([2, 8, 8, 3], hidden_activation="sigmoid", init="xavier")) == []


@pytest.mark.parametrize(("init", "std"), [("xavier", 0.01), ("std", 0.01)])
def test_relu_wants_he(init, std):
    spec = NetworkSpec.mlp([2, 8, 8, 3], init=init, init_std=std)
    warnings = lint(spec, SETTINGS, DATA)
    assert [(w.id, w.nodes) for w in warnings] == [("relu_init", ("1",)), ("relu_init", ("2",))]
    assert ids(NetworkSpec.mlp([2, 8, 8, 3], init="std", init_std=0.5)) == []


def test_softmax_with_mse():
    assert ids(NetworkSpec.mlp([2, 8, 3], loss="mse")) == ["softmax_with_mse"]


def test_sigmoid_output_for_more_than_two_classes():
    spec = NetworkSpec.mlp([2, 8, 3], output_activation="sigmoid")
    assert ids(spec) == ["sigmoid_for_many_classes"]
    two = blobs(classes=2)
    assert ids(NetworkSpec.mlp([2, 8, 1], output_activation="sigmoid"), data=two) == []


def test_output_units_must_match_the_classes_or_targets():
    assert ids(NetworkSpec.mlp([2, 8, 4])) == ["output_units"]
    assert ids(NetworkSpec.mlp([2, 8, 2]), data=blobs(classes=2)) == []
    regression = Dataset("line", DATA.x, DATA.x[:, :1] * 2, "regression", ("x1", "x2"), (), "t")
    spec = NetworkSpec.mlp([2, 8, 2], output_activation="identity")
    assert ids(spec, data=regression) == ["output_units"]
    assert ids(NetworkSpec.mlp([2, 8, 1], output_activation="identity"), data=regression) == []


def regression(targets):
    targets = np.asarray(targets, dtype=np.float64)
    x = DATA.x[:targets.size]
    return Dataset("prices", x, targets.reshape(-1, 1), "regression", ("x1", "x2"), (), "t")


@pytest.mark.parametrize(("activation", "targets", "reach"), [
    ("sigmoid", np.linspace(100, 150, 60), "values between 0 and 1"),
    ("tanh", np.linspace(-2, 0.5, 60), "values between −1 and 1"),
    ("relu", np.linspace(-3, 3, 60), "values of 0 or more"),
    ("step", np.linspace(0, 1, 60), "only 0 or 1"),
])
def test_regression_targets_the_output_activation_cannot_reach(activation, targets, reach):
    spec = NetworkSpec.mlp([2, 8, 1], output_activation=activation, loss="mse")
    [warning] = lint(spec, SETTINGS, regression(targets))
    low, high = f"{min(targets):g}", f"{max(targets):g}"
    assert warning.id == "output_range" and warning.nodes == ("2",)
    shown = activations.title(activation)  # as the inspector names it ("Sigmoid", "ReLU")
    assert warning.message == (f"the targets run from {low} to {high}, but the {shown} "
                               f"output can only give {reach}: it can never reach the targets "
                               "outside that")
    assert "identity activation" in warning.why and warning.lab == "activations"
    identity = NetworkSpec.mlp([2, 8, 1], output_activation="identity", loss="mse")
    assert ids(identity, data=regression(targets)) == []


@pytest.mark.parametrize(("activation", "targets"), [
    ("sigmoid", np.linspace(0, 1, 60)), ("tanh", np.linspace(-1, 1, 60)),
    ("relu", np.linspace(0, 500, 60)), ("step", np.arange(60) % 2)])
def test_targets_within_the_outputs_reach_are_silent(activation, targets):
    spec = NetworkSpec.mlp([2, 8, 1], output_activation=activation, loss="mse")
    assert ids(spec, data=regression(targets)) == []


@pytest.mark.parametrize(("optimizer", "lr", "fires"), [
    ("adam", 1.0, True), ("adam", 1e-6, True), ("adam", 0.05, False),
    ("sgd", 50.0, True), ("sgd", 1e-5, True), ("sgd", 1.0, False), ("momentum", 0.01, False)])
def test_a_learning_rate_far_outside_the_optimizers_range(optimizer, lr, fires):
    settings = replace(SETTINGS, optimizer=optimizer, lr=lr)
    assert ids(settings=settings) == (["learning_rate"] if fires else [])


def test_features_with_very_different_ranges_need_standardisation():
    data = blobs(scale=(1.0, 1000.0))
    assert ids(settings=replace(SETTINGS, standardize=False), data=data) == ["unscaled_features"]
    assert ids(settings=SETTINGS, data=data) == []


def test_many_parameters_for_few_rows_without_regularisation():
    big = NetworkSpec.mlp([2, 200, 200, 3])
    assert ids(big) == ["overfitting_risk"]
    assert ids(big, replace(SETTINGS, weight_decay=0.1)) == []
    assert ids(NetworkSpec.mlp([2, 200, 200, 3], dropout=0.2)) == []


def test_a_batch_larger_than_the_training_part():
    assert ids(settings=replace(SETTINGS, batch_size=100)) == ["batch_size"]


def test_searching_needs_validation_rows():
    settings = replace(SETTINGS, split=(0.8, 0.0, 0.2))
    assert ids(settings=settings) == ["search_without_validation"]
    # A truth table needs every row for training: only a search is warned.
    gates = Dataset("xor", np.array([[0.0, 0], [1, 0], [0, 1], [1, 1]]),
                    np.array([0, 1, 1, 0]), "classification", ("x1", "x2"), ("0", "1"), "t")
    gate_settings = replace(SETTINGS, split=(1.0, 0.0, 0.0), batch_size=4)
    spec = NetworkSpec.mlp([2, 2, 2])
    assert ids(spec, gate_settings, gates) == []
    assert ids(spec, gate_settings, gates, searching=True) == ["search_without_validation"]


def test_without_data_only_the_network_and_settings_are_checked():
    assert ids(NetworkSpec.mlp([2, 8, 3], hidden_activation="identity"), data=None) == [
        "linear_network"]
    assert ids(NetworkSpec.mlp([2, 8, 4]), data=None) == []


def test_a_spec_that_cannot_be_built_gets_its_problems_not_warnings():
    assert ids(NetworkSpec(SPEC.nodes, ())) == []


def test_every_rule_has_a_one_line_message_why_and_lab():
    spec = NetworkSpec.mlp([2, 200, 200, 4], hidden_activation="identity", loss="mse")
    settings = replace(SETTINGS, lr=5.0, batch_size=100, split=(0.8, 0.0, 0.2),
                       standardize=False)
    warnings = lint(spec, settings, blobs(scale=(1.0, 1000.0)))
    assert len({w.id for w in warnings}) >= 7
    for w in warnings:
        assert w.lab in LABS and w.id and w.message and w.why
        assert "\n" not in w.message + w.why
    assert len(RULES) == 13


@pytest.mark.parametrize("name", example_names())
def test_the_bundled_examples_are_silent(name):
    assert lint_project(load_project(example_path(name))) == []


def test_the_overfitting_example_overfits_on_purpose_and_says_so():
    project = load_project(example_path("overfitting"))
    assert project.dismissed_warnings == ("overfitting_risk",)
    project.dismissed_warnings = ()
    assert [w.id for w in lint_project(project)] == ["overfitting_risk"]


def test_dismissed_warnings_survive_saving_and_bad_ones_are_refused(tmp_path):
    project = load_project(example_path("spiral"))
    project.dismissed_warnings = ("learning_rate", "batch_size")
    save_project(project, tmp_path / "p.netcanvas")
    assert load_project(tmp_path / "p.netcanvas").dismissed_warnings == project.dismissed_warnings
    with zipfile.ZipFile(tmp_path / "p.netcanvas") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document["dismissed_warnings"] = "learning_rate"
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(tmp_path / "bad.netcanvas", "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    with pytest.raises(ProjectError, match="dismissed_warnings"):
        load_project(tmp_path / "bad.netcanvas")


def test_check_prints_the_warnings_and_still_exits_0(capsys, tmp_path):
    project = load_project(example_path("overfitting"))
    project.dismissed_warnings = ()
    save_project(project, tmp_path / "overfitting.netcanvas")
    code = cli.main(["check", str(tmp_path / "overfitting.netcanvas")])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[3].startswith("  warning: 58,010 parameters for 300 training rows")
    assert lines[3].endswith("[overfitting_risk; lab: regularization]")
    assert lines[4].startswith("    why: ")


def test_pixel_bytes_up_to_255_need_scaling_and_digits_up_to_16_do_not():
    rng = np.random.default_rng(1)
    pixels = rng.integers(0, 256, (60, 16)).astype(np.uint8)
    data = Dataset("bytes", pixels, (np.arange(60) % 3).astype(np.int64), "classification",
                   tuple(f"p{k}" for k in range(16)), ("a", "b", "c"), "test")
    unscaled = replace(SETTINGS, standardize=False)
    spec = NetworkSpec.mlp([16, 8, 3])
    [warning] = lint(spec, unscaled, data)
    assert (warning.id, warning.message) == (
        "unscaled_features", "the input features reach 255 and standardisation is off")
    assert ids(spec, SETTINGS, data) == []  # standardised
    scaled = replace(data, x=pixels, x_divisor=255.0)  # as MNIST and IDX imports are
    assert ids(spec, unscaled, scaled) == []
    digits = replace(data, x=(pixels // 16).astype(np.float64), x_divisor=1.0)  # 0–15
    assert ids(spec, unscaled, digits) == []


def test_a_hidden_step_node_learns_nothing_and_says_so():
    spec = NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="step")
    [warning] = lint(spec, SETTINGS)
    assert warning.id == "step_hidden" and warning.nodes == ("1", "2")
    assert warning.message.startswith("hidden 1, hidden 2 use the step function")
    assert "never changes the weights into them" in warning.message
    gate = NetworkSpec.mlp([2, 1], output_activation="step", loss="mse")  # a perceptron
    assert "step_hidden" not in ids(gate)


def test_a_warning_about_one_node_speaks_of_it_in_the_singular():
    """"hidden 1 use the step function" (and "… use the identity activation") was said of a
    single node too: one node takes the singular, several the plural."""
    [step] = lint(NetworkSpec.mlp([2, 8, 2], hidden_activation="step"), SETTINGS)
    assert step.message.startswith(
        "hidden 1 uses the step function: training never changes the weights into it (")
    [linear] = lint(NetworkSpec.mlp([2, 8, 3], hidden_activation="identity"), SETTINGS, DATA)
    assert linear.message == ("the network is linear: it computes the same as one layer "
                              "(hidden 1 uses the identity activation)")
    assert "give the hidden node a non-linear activation" in linear.why
