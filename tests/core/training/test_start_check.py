"""Training from weights or inputs that are not numbers is refused before the first step: a
network whose weights were NaN from the start ended its run at once with "learning rate 1 is
probably too high; lower it" — advice about a rate that had no part in it. A loss that stops
being a number during training is still the run's divergence, and still blames the rate."""

import dataclasses

import numpy as np
import pytest

from core.datasets.csv_import import load_csv
from core.i18n import set_language
from core.project import load_project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from core.training.start_check import (
    NotNumbersError,
    check_start,
    start_problem,
    weights_problem,
)
from core.training.trainer import Trainer
from resources.examples import example_path

WEIGHTS = ("the weights are not numbers: {names} hold NaN or infinite values, so training "
           "cannot start from them — reset the weights to draw new ones")


def xor_trainer(**changes) -> Trainer:
    project = load_project(example_path("xor_learned"))
    network = project.build_network()
    for name, value in changes.items():
        network.params[name][...] = value
    return Trainer(network, project.data.load(), project.settings)


@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_weights_that_are_not_numbers_are_named(value):
    trainer = xor_trainer(W2=value, b1=value)
    assert start_problem(trainer.network, trainer.data) == (
        WEIGHTS.format(names="b1, W2"), True)
    with pytest.raises(NotNumbersError) as info:
        check_start(trainer.network, trainer.data)
    assert str(info.value) == WEIGHTS.format(names="b1, W2") and info.value.weights
    assert "learning rate" not in str(info.value)


def test_what_the_run_said_before_is_what_the_check_now_prevents():
    """Left to run, NaN weights end at the first mini-batch as a divergence that blames the
    rate: the reason the window and netcanvas train now never reach."""
    trainer = xor_trainer(W1=np.nan)
    outcome = trainer.run()
    assert outcome.failed and trainer.step_count == 1 and "learning rate" in outcome.reason


def test_batch_norm_statistics_that_are_not_numbers_are_named():
    spec = NetworkSpec.mlp([2, 4, 2], batch_norm=True)
    project = load_project(example_path("xor_learned"))
    trainer = Trainer(spec, project.data.load(), project.settings)
    name = next(iter(trainer.network.state))  # a running mean or variance
    trainer.network.state[name][...] = np.nan
    assert start_problem(trainer.network, trainer.data) == (
        f"the weights are not numbers: {name} holds NaN or infinite values, so training cannot "
        "start from it — reset the weights to draw new ones", True)


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # the cast, said
def test_inputs_too_large_for_float32_are_said_and_float64_takes_them(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("a,b,c\n1e300,2,x\n3,4,y\n5,6,x\n7,8,y\n")
    data = load_csv(path)
    spec = NetworkSpec.mlp([2, 3, 2])
    settings = TrainingSettings(split=(1.0, 0.0, 0.0), epochs=2)
    trainer = Trainer(spec, data, settings)
    assert start_problem(trainer.network, trainer.data) == (
        "the inputs are not numbers: some are too large for float32 (at most 3.4e+38) and "
        "became infinite, so training cannot start from them — standardise the inputs or make "
        "them smaller", False)
    for usable in (dataclasses.replace(settings, dtype="float64"),
                   dataclasses.replace(settings, standardize=True)):
        trainer = Trainer(spec, data, usable)
        assert start_problem(trainer.network, trainer.data) is None


def test_a_network_of_numbers_may_start_and_a_real_divergence_still_blames_the_rate():
    project = load_project(example_path("spiral"))
    settings = dataclasses.replace(project.settings, optimizer="sgd", lr=1000.0, epochs=5)
    trainer = Trainer(project.build_network(), project.data.load(), settings)
    assert start_problem(trainer.network, trainer.data) is None
    outcome = trainer.run()
    assert outcome.failed and outcome.reason.startswith(
        "loss became NaN at epoch 2 — learning rate 1000 is probably too high")


def test_the_refusal_is_said_in_korean():
    trainer = xor_trainer(W1=np.nan)
    set_language("ko")
    try:
        text, _weights = start_problem(trainer.network, trainer.data)
    finally:
        set_language("en")
    assert text.startswith("가중치가 수가 아닙니다: W1")


def test_a_deep_diverged_network_names_three_arrays_and_counts_the_rest():
    """A diverged 40-layer network named all of its 80 arrays: 520 characters under the
    buttons. Three are named, the rest counted."""
    arrays = {f"{kind}{k}": np.full(2, np.nan) for k in range(1, 41) for kind in "Wb"}
    assert weights_problem(arrays) == WEIGHTS.format(names="W1, b1, W2 and 77 more arrays")
    one_more = {name: arrays[name] for name in ("W1", "b1", "W2", "b2")}
    assert weights_problem(one_more) == WEIGHTS.format(names="W1, b1, W2 and 1 more array")
    assert weights_problem({"W1": np.zeros(2), "b1": np.ones(3)}) is None
