"""The gradient-flow rule on the initialisation lab's set-ups and on the bundled examples."""

from importlib.resources import files

import numpy as np
import pytest

from core.engine.network import build
from core.labs.initialization import CHOICES
from core.project import load_project
from core.spec import NetworkSpec
from core.training import gradient_flow
from core.training.snapshot import gradient_norms
from core.training.trainer import Trainer


def example_paths() -> dict:
    folder = files("resources") / "examples"
    return {p.name: p for p in folder.iterdir() if p.name.endswith(".netcanvas")}


def lab_flow(init: str, activation: str) -> dict[str, gradient_flow.NodeFlow]:
    """The lab's network (5 hidden layers of 100, its initialisation choice) on randn input
    with random labels, one gradient at the start."""
    name, std = CHOICES[init]
    spec = NetworkSpec.mlp([100] * 6 + [10], activation, init=name, init_std=std or 0.01)
    network = build(spec, seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    grads = network.gradient(rng.standard_normal((256, 100)), rng.integers(0, 10, 256))
    return gradient_flow.assess(spec, gradient_norms(network, grads),
                                gradient_flow.signals(spec, grads))


def test_sigmoid_with_std_1_flags_vanishing_in_the_first_layer() -> None:
    flows = lab_flow("std 1", "sigmoid")
    assert flows["1"].flag == "vanishing"
    assert flows["1"].ratio == pytest.approx(0.165, rel=0.05)
    assert flows["5"].ratio == 1.0 and flows["5"].flag == ""  # the reference itself
    assert "weaker" in flows["1"].describe()


def test_he_with_relu_flags_nothing() -> None:
    flows = lab_flow("He", "relu")
    assert [f.flag for f in flows.values()] == [""] * 6
    assert flows["1"].ratio == pytest.approx(0.648, rel=0.05)


@pytest.mark.parametrize(("init", "activation", "first_ratio"), [
    ("std 0.01", "sigmoid", 3.9e-7), ("Xavier", "sigmoid", 2.4e-3), ("std 0.01", "relu", 3.5e-5)])
def test_tiny_or_squashing_starts_vanish(init: str, activation: str, first_ratio: float) -> None:
    flows = lab_flow(init, activation)
    assert flows["1"].flag == "vanishing"
    assert flows["1"].ratio == pytest.approx(first_ratio, rel=0.1)


@pytest.mark.parametrize(("init", "activation"), [("Xavier", "tanh"), ("Xavier", "relu")])
def test_balanced_starts_are_not_flagged(init: str, activation: str) -> None:
    assert all(f.flag == "" for f in lab_flow(init, activation).values())


def test_tanh_with_std_1_explodes_towards_the_input() -> None:
    flows = lab_flow("std 1", "tanh")
    assert flows["1"].flag == "exploding"
    assert flows["1"].ratio > 10
    assert "grows" in flows["1"].describe()


def test_a_broken_gradient_is_exploding_and_no_reference_means_no_ratio() -> None:
    spec = NetworkSpec.mlp([2, 3])
    flows = gradient_flow.assess(spec, {"1": float("nan")}, {"1": 0.1})
    assert (flows["1"].flag, flows["1"].ratio) == ("exploding", None)


def test_the_books_sigmoid_forward_pass_does_shrink_the_signal() -> None:
    """Two sigmoid layers with the book's small weights (|w| < 1, slope <= 1/4): the first
    layer gets about 1/6 of the second's error signal, which the rule calls vanishing."""
    project = load_project(example_paths()["forward_pass_3layer.netcanvas"])
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    trainer.step()
    flows = gradient_flow.assess(project.spec, gradient_norms(trainer.network,
                                                              trainer.network.last_gradients()),
                                 gradient_flow.signals(project.spec,
                                                       trainer.network.last_gradients()))
    assert flows["1"].flag == "vanishing"
    assert flows["1"].ratio == pytest.approx(0.159, abs=0.005)


@pytest.mark.parametrize("name", sorted(set(example_paths()) - {"forward_pass_3layer.netcanvas"}))
def test_the_examples_are_not_flagged_before_or_after_training(name: str) -> None:
    project = load_project(example_paths()[name])
    if project.spec.problems():
        pytest.skip("a half-built example")
    dataset = project.data.load()
    settings = project.settings
    trainer = Trainer(project.build_network(), dataset, settings)
    for _ in range(3):
        trainer.step()
        flags = _flags(trainer)
        assert flags == {}, f"{name} at step {trainer.step_count}: {flags}"
    for _ in range(min(10, settings.epochs) * trainer.batches_per_epoch):
        if trainer.outcome is not None:
            break
        trainer.step()
    assert _flags(trainer) == {}


def _flags(trainer: Trainer) -> dict[str, str]:
    net = trainer.network
    grads = net.last_gradients()
    flows = gradient_flow.assess(net.spec, gradient_norms(net, grads),
                                 gradient_flow.signals(net.spec, grads))
    return {k: f.flag for k, f in flows.items() if f.flag}
