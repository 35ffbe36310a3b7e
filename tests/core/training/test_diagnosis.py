"""Why a run ended short of solving a gate or toy set, said in words (issue 17, item 8): real
runs that end short for each reason, and the verdict on one that solves it."""

from dataclasses import replace

import numpy as np
import pytest

from core.datasets import load_builtin
from core.datasets.ref import DataRef
from core.spec import NetworkSpec, hidden_node, input_node, output_node
from core.training.diagnosis import diagnose, goal_for
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

XOR_GOAL = goal_for(DataRef.builtin("xor"))


def xor_net(units, activation, init):
    """Input → one hidden node → sigmoid output, as the canvas wires it."""
    return NetworkSpec(
        (input_node("1", 2), hidden_node("2", units, activation=activation, init=init),
         output_node("3", 1, activation="sigmoid")), ()).connect("1", "2").connect("2", "3")


def run(spec, lr, epochs, seed):
    trainer = Trainer(spec, load_builtin("xor"), TrainingSettings(lr=lr, epochs=epochs,
                                                                  seed=seed))
    trainer.run()
    return trainer, diagnose(XOR_GOAL, trainer.network, trainer.data, trainer.history, lr)


def test_dead_relus_are_counted_and_named():
    """The old default (4 ReLU units, He, Adam 0.01, 100 epochs) on seed 5: stuck at 3 of 4."""
    trainer, verdict = run(xor_net(4, "relu", "he"), 0.01, 100, seed=5)
    # Oracle: the hidden node's pre-activations from the weights, by hand.
    net = trainer.network
    z = trainer.data.train.x @ net.params["W1"] + net.params["b2"]
    assert verdict.dead == int(np.sum(np.all(z <= 0, axis=0))) == 2 and verdict.relu == 4
    assert not verdict.solved and verdict.score == 0.75
    assert verdict.text == (
        "Not solved yet: 75 % of the rows right (XOR gate needs all of them). 2 of 4 ReLU units "
        "are dead (50 %): they output 0 for every row, so they no longer learn. The loss has "
        "flattened out: the run is stuck where it is. Try tanh or leaky ReLU for the hidden "
        "node (their units cannot die); another seed (then Reset weights), more units in the "
        "hidden node, or a larger learning rate (0.03 instead of 0.01).")


def test_a_run_cut_short_while_the_loss_falls_asks_for_more_epochs():
    _, verdict = run(xor_net(8, "tanh", "xavier"), 0.03, 5, seed=0)
    assert not verdict.solved and verdict.dead == verdict.relu == 0
    assert verdict.loss_fall > 0.02
    fall = f"{100 * verdict.loss_fall:.0f} %"
    assert verdict.reasons == (
        f"The loss was still falling ({fall} lower over the last 4 epochs).",)
    assert verdict.advice == ("more epochs (press Train again to carry on from here)",)


def test_a_plateau_asks_for_another_start_more_units_or_a_larger_rate():
    """One tanh unit cannot draw XOR's two lines: 300 epochs end flat at 75 %."""
    _, verdict = run(xor_net(1, "tanh", "xavier"), 0.03, 300, seed=0)
    assert verdict.score == 0.75 and abs(verdict.loss_fall) < 0.02
    assert verdict.reasons == ("The loss has flattened out: the run is stuck where it is.",)
    assert verdict.advice == ("another seed (then Reset weights), more units in the hidden "
                              "node, or a larger learning rate (0.09 instead of 0.03)",)


def test_a_solved_run_says_so():
    _, verdict = run(xor_net(8, "tanh", "xavier"), 0.03, 100, seed=0)
    assert verdict.solved and verdict.text == "Solved XOR gate: 100 % of the rows right."


def test_goals_exist_only_for_built_in_sets_as_they_come():
    assert (XOR_GOAL.metric, XOR_GOAL.level) == ("accuracy", 1.0)
    assert goal_for(DataRef.builtin("sine")).metric == "r2"
    assert goal_for(DataRef.builtin("moons", noise=0.6)) is None  # harder than measured
    assert goal_for(DataRef.builtin("spiral", n_classes=4)) is None
    assert goal_for(None) is None
    assert goal_for(DataRef.embedded(load_builtin("xor"))) is None  # imported: no known answer


def test_regression_is_judged_by_r2_over_all_rows():
    metric = "r2"
    data = DataRef.builtin("plane")
    goal = goal_for(data)
    spec = NetworkSpec((input_node("1", 2), output_node("2", 1, activation="identity")),
                       ()).connect("1", "2")
    trainer = Trainer(spec, data.load(), replace(TrainingSettings(), epochs=2, lr=0.001))
    trainer.run()
    verdict = diagnose(goal, trainer.network, trainer.data, trainer.history, 0.001)
    parts = trainer.data.parts
    latest = trainer.history.latest()
    expected = sum(latest[f"{p}_{metric}"] * parts[p].n for p in parts) / sum(
        parts[p].n for p in parts)
    assert verdict.score == pytest.approx(expected) and verdict.goal.metric == metric


def test_a_network_without_a_hidden_node_is_not_told_to_grow_its_hidden_node():
    """A single-layer network stuck on a set one line splits: seed or rate, no hidden units."""
    from core.training.diagnosis import Diagnosis
    gaussians = goal_for(DataRef.builtin("gaussians"))
    verdict = Diagnosis(gaussians, 0.9, 0, 0, 0.0, 10, 0.03, hidden=0)
    assert verdict.advice == (
        "another seed (then Reset weights) or a larger learning rate (0.09 instead of 0.03)",)
    on_xor = Diagnosis(XOR_GOAL, 0.5, 0, 0, 0.0, 10, 0.03, hidden=0)
    assert on_xor.reasons == ("Without a hidden node the network draws one straight line between "
                              "the classes, and no straight line splits XOR gate.",)


def test_a_plateau_never_suggests_a_rate_the_problems_panel_calls_far_too_large():
    from core.training.diagnosis import Diagnosis
    at_top = Diagnosis(XOR_GOAL, 0.75, 0, 0, 0.0, 10, 10.0, optimizer="momentum")
    assert at_top.advice == ("another seed (then Reset weights) or more units in the hidden node",)
    single = Diagnosis(goal_for(DataRef.builtin("gaussians")), 0.9, 0, 0, 0.0, 10, 10.0,
                       hidden=0, optimizer="sgd")
    assert single.advice == ("another seed (then Reset weights)",)
    usual = Diagnosis(XOR_GOAL, 0.75, 0, 0, 0.0, 10, 0.3, optimizer="momentum")
    assert "a larger learning rate (0.9 instead of 0.3)" in usual.advice[0]
