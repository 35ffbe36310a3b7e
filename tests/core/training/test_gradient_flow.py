"""The gradient-flow rule on the initialisation lab's set-ups and on the bundled examples, and
the signal it rests on (measured on fixed rows) against a NumPy forward/backward of its own."""

from importlib.resources import files

import numpy as np
import pytest

from core.engine import optimizers
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


def lab_data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    return rng.standard_normal((256, 100)), rng.integers(0, 10, 256)


def lab_flow(init: str, activation: str, batch: int | None = None, steps: int = 2
             ) -> dict[str, gradient_flow.NodeFlow]:
    """The lab's network (5 hidden layers of 100, its initialisation choice) on randn input
    with random labels: ``steps`` SGD steps (lr 0.01) in mini-batches of ``batch`` rows (none:
    the gradient at the start, on all 256), then assessed with the signals of fixed rows."""
    name, std = CHOICES[init]
    spec = NetworkSpec.mlp([100] * 6 + [10], activation, init=name, init_std=std or 0.01)
    network = build(spec, seed=0, dtype=np.float64)
    x, t = lab_data()
    if batch is None:
        network.gradient(x, t)
    else:
        sgd = optimizers.SGD(0.01)
        for k in range(steps):
            rows = slice(k * batch % 256, k * batch % 256 + batch)
            network.train_step(x[rows], t[rows], sgd)
    return gradient_flow.assess(spec, gradient_norms(network, network.last_gradients()),
                                gradient_flow.SignalProbe(x, t).measure(network))


@pytest.mark.parametrize("batch", [8, 32, 256])
def test_sigmoid_with_std_1_is_vanishing_whatever_the_batch_size(batch: int) -> None:
    flows = lab_flow("std 1", "sigmoid", batch)
    assert flows["1"].flag == "vanishing"
    # the weights after two steps, measured on the same 256 rows: 0.165 at the start
    assert flows["1"].ratio == pytest.approx(0.165, abs=0.01)
    assert flows["5"].ratio == 1.0 and flows["5"].flag == ""  # the reference itself
    assert "weaker" in flows["1"].describe()


@pytest.mark.parametrize("batch", [8, 32, 256])
def test_he_with_relu_flags_nothing_whatever_the_batch_size(batch: int) -> None:
    flows = lab_flow("He", "relu", batch)
    assert [f.flag for f in flows.values()] == [""] * 6
    assert 0.5 < flows["1"].ratio < 1.2


def test_the_signal_does_not_depend_on_the_last_mini_batch() -> None:
    """Same weights, a last backward pass of 8 rows or of 256: the same signals (the old
    mini-batch signal measured 0.57 and 0.165 for sigmoid with std 1 here)."""
    spec = NetworkSpec.mlp([100] * 6 + [10], "sigmoid", init="std", init_std=1.0)
    network = build(spec, seed=0, dtype=np.float64)
    x, t = lab_data()
    probe = gradient_flow.SignalProbe(x, t)
    network.gradient(x[:8], t[:8])
    small = probe.measure(network)
    old_small = gradient_flow.signals(spec, network.last_gradients())
    network.gradient(x, t)
    large = probe.measure(network)
    old_large = gradient_flow.signals(spec, network.last_gradients())
    assert small == large
    assert old_small["1"] / old_small["5"] > 2 * old_large["1"] / old_large["5"]


def test_the_signal_is_the_rms_of_the_mean_error_per_node() -> None:
    """A 3 → 4 (sigmoid) → 4 (tanh) → 3 (softmax) network, forward and backward in NumPy:
    δ = ∂ℓᵢ/∂z per row, the signal is the RMS over units of δ's mean over the probe's rows."""
    spec = NetworkSpec.mlp([3, 4, 4, 3], "sigmoid").with_node_changed("2", activation="tanh")
    network = build(spec, seed=3, dtype=np.float64)
    rng = np.random.default_rng(1)
    x, t = rng.standard_normal((300, 3)), rng.integers(0, 3, 300)
    probe = gradient_flow.SignalProbe(x, t)
    measured = probe.measure(network)
    before = {k: v.copy() for k, v in network.params.items()}

    p = network.params
    xs, ts = x[:256], np.eye(3)[t[:256]]
    a1 = 1 / (1 + np.exp(-(xs @ p["W1"] + p["b1"])))
    z2 = a1 @ p["W2"] + p["b2"]
    a2 = np.tanh(z2)
    z3 = a2 @ p["W3"] + p["b3"]
    y = np.exp(z3 - z3.max(axis=1, keepdims=True))
    y /= y.sum(axis=1, keepdims=True)
    d3 = y - ts  # per-row δ of the softmax cross-entropy
    d2 = (d3 @ p["W3"].T) * (1 - a2 ** 2)
    d1 = (d2 @ p["W2"].T) * a1 * (1 - a1)
    expected = {node: float(np.sqrt(np.mean(d.mean(axis=0) ** 2)))
                for node, d in (("1", d1), ("2", d2), ("3", d3))}
    assert measured == pytest.approx(expected, rel=1e-9)
    assert all(np.array_equal(before[k], v) for k, v in network.params.items())


def test_measuring_leaves_the_trained_network_alone() -> None:
    spec = NetworkSpec.mlp([2, 5, 5, 2], batch_norm=True, dropout=0.5)
    network = build(spec, seed=0, dtype=np.float64)
    rng = np.random.default_rng(0)
    x, t = rng.standard_normal((40, 2)), rng.integers(0, 2, 40)
    network.gradient(x[:10], t[:10])
    grads = {k: v.copy() for k, v in network.last_gradients().items()}
    state = {k: v.copy() for k, v in network.state.items()}
    draw = network.rng.bit_generator.state
    probe = gradient_flow.SignalProbe(x, t)
    first = probe.measure(network)
    assert probe.measure(network) == first  # its dropout masks are drawn once
    assert set(first) == {"1", "2", "3"}
    assert all(np.array_equal(grads[k], v) for k, v in network.last_gradients().items())
    assert all(np.array_equal(state[k], v) for k, v in network.state.items())
    assert network.rng.bit_generator.state == draw


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
    layer gets about 1/7 of the second's error signal, which the rule calls vanishing (the
    example's target is t = [0, 1], so the output's δ = Y − t)."""
    project = load_project(example_paths()["forward_pass_3layer.netcanvas"])
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    trainer.step()
    flows = _flows(trainer)
    assert flows["1"].flag == "vanishing"
    assert flows["1"].ratio == pytest.approx(0.141, abs=0.005)


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


def _flows(trainer: Trainer) -> dict[str, gradient_flow.NodeFlow]:
    net = trainer.network
    train = trainer.data.train
    return gradient_flow.assess(net.spec, gradient_norms(net, net.last_gradients()),
                                gradient_flow.SignalProbe(train.x, train.t).measure(net))


def _flags(trainer: Trainer) -> dict[str, str]:
    return {k: f.flag for k, f in _flows(trainer).items() if f.flag}
