"""Backprop against the numerical gradient (float64): mean |diff| < 1e-7, max relative < 1e-5."""

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node

RNG = np.random.default_rng(123)


def assert_gradients_match(net, x, t):
    analytic = {k: v.copy() for k, v in net.gradient(x, t).items()}
    numeric = net.numerical_gradient(x, t)
    assert analytic.keys() == numeric.keys()
    for name in analytic:
        a, n = analytic[name], numeric[name]
        diff = np.abs(a - n)
        assert diff.mean() < 1e-7, (name, diff.mean())
        scale = np.maximum(np.abs(a), np.abs(n))
        big = scale > 1e-7  # where both are ~0 a ratio means nothing
        if big.any():
            assert (diff[big] / scale[big]).max() < 1e-5, (name, (diff[big] / scale[big]).max())


def chain(hidden_activation, output_activation, loss, **node_options):
    return NetworkSpec((
        input_node("x", 3),
        hidden_node("h", 4, activation=hidden_activation, init="xavier", **node_options),
        output_node("y", 3, activation=output_activation, loss=loss, init="xavier"),
    )).connect("x", "h").connect("h", "y")


def targets_for(loss, n=5, units=3):
    if loss == "cross_entropy":
        return RNG.integers(0, units, n)
    if loss == "binary_cross_entropy":
        return RNG.integers(0, 2, (n, units)).astype(float)
    return RNG.standard_normal((n, units))


@pytest.mark.parametrize("activation", ["identity", "sigmoid", "tanh", "relu", "leaky_relu",
                                        "softmax", "step"])
def test_every_hidden_activation(activation):
    net = build(chain(activation, "softmax", "cross_entropy"), seed=1, dtype=np.float64)
    x = RNG.standard_normal((5, 3))
    assert_gradients_match(net, x, targets_for("cross_entropy"))


@pytest.mark.parametrize(("activation", "loss"), [
    ("softmax", "cross_entropy"),
    ("sigmoid", "binary_cross_entropy"),
    ("identity", "mse"),
    ("sigmoid", "mse"),
    ("tanh", "mse"),
    ("softmax", "mse"),  # the book's chapter-4 network
    ("relu", "mse"),
])
def test_every_loss_and_output_activation(activation, loss):
    net = build(chain("tanh", activation, loss), seed=2, dtype=np.float64)
    x = RNG.standard_normal((6, 3))
    assert_gradients_match(net, x, targets_for(loss, n=6))


def test_batch_norm_in_training_mode():
    net = build(chain("relu", "softmax", "cross_entropy", batch_norm=True), seed=3,
                dtype=np.float64)
    x = RNG.standard_normal((8, 3))
    mean_before = net.state["mean_h"].copy()
    assert_gradients_match(net, x, targets_for("cross_entropy", n=8))
    # the analytic pass moved the running mean once; the numerical check left it alone
    net2 = build(chain("relu", "softmax", "cross_entropy", batch_norm=True), seed=3,
                 dtype=np.float64)
    net2.gradient(x, targets_for("cross_entropy", n=8))
    np.testing.assert_allclose(net.state["mean_h"], net2.state["mean_h"])
    assert not np.allclose(net.state["mean_h"], mean_before)


def test_dropout_with_fixed_mask():
    net = build(chain("relu", "softmax", "cross_entropy", dropout=0.5), seed=4, dtype=np.float64)
    x = RNG.standard_normal((6, 3))
    t = targets_for("cross_entropy", n=6)
    assert_gradients_match(net, x, t)
    mask = net._steps[0].dropout.mask
    assert set(np.unique(mask)) == {0.0, 2.0}  # inverted dropout: kept units scaled by 1/(1−r)


def test_dropout_is_off_at_inference_and_random_in_training():
    net = build(chain("relu", "softmax", "cross_entropy", dropout=0.5), seed=4, dtype=np.float64)
    x = RNG.standard_normal((50, 3))
    np.testing.assert_array_equal(net.forward(x), net.forward(x))
    assert not np.array_equal(net.forward(x, train=True), net.forward(x, train=True))


@pytest.mark.parametrize(("l2", "l1"), [(0.1, 0.0), (0.0, 0.05), (0.2, 0.03)])
def test_weight_decay(l2, l1):
    net = build(chain("sigmoid", "softmax", "cross_entropy"), seed=5, dtype=np.float64,
                weight_decay=l2, l1=l1)
    x = RNG.standard_normal((5, 3))
    assert_gradients_match(net, x, targets_for("cross_entropy"))


def test_weight_decay_applies_to_weights_only():
    spec = chain("relu", "softmax", "cross_entropy", batch_norm=True)
    plain = build(spec, seed=6, dtype=np.float64)
    decayed = build(spec, seed=6, dtype=np.float64, weight_decay=0.1)
    for net in (plain, decayed):
        net.params["b_h"][:] = 1.0
        net.params["gamma_h"][:] = 2.0
    x, t = RNG.standard_normal((5, 3)), targets_for("cross_entropy")
    expected = 0.5 * 0.1 * sum(np.sum(plain.params[w] ** 2) for w in ("W1", "W2"))
    assert decayed.loss(x, t) - plain.loss(x, t) == pytest.approx(expected, rel=1e-12)
    g_plain = {k: v.copy() for k, v in plain.gradient(x, t).items()}
    g_decay = decayed.gradient(x, t)
    for name in ("b_h", "gamma_h", "beta_h", "b_y"):
        np.testing.assert_allclose(g_decay[name], g_plain[name], atol=1e-12)
    np.testing.assert_allclose(g_decay["W1"] - g_plain["W1"], 0.1 * plain.params["W1"],
                               atol=1e-12)


def test_skip_connection():
    spec = NetworkSpec((
        input_node("x", 3),
        hidden_node("a", 4, activation="tanh", init="xavier"),
        hidden_node("b", 4, activation="sigmoid", init="xavier"),
        output_node("y", 2, activation="softmax"),
    ))
    for src, dst in [("x", "a"), ("a", "b"), ("b", "y"), ("x", "b"), ("a", "y")]:
        spec = spec.connect(src, dst)
    net = build(spec, seed=7, dtype=np.float64)
    assert_gradients_match(net, RNG.standard_normal((5, 3)), RNG.integers(0, 2, 5))


def test_two_input_nodes_and_a_node_with_two_inputs():
    spec = NetworkSpec((
        input_node("p", 2),
        input_node("q", 1),
        hidden_node("hp", 3, activation="tanh", init="xavier"),
        hidden_node("hq", 2, activation="leaky_relu", init="he"),
        hidden_node("m", 3, activation="sigmoid", init="xavier"),
        output_node("y", 1, activation="identity", loss="mse"),
    ))
    for src, dst in [("p", "hp"), ("q", "hq"), ("hp", "m"), ("hq", "m"), ("m", "y")]:
        spec = spec.connect(src, dst)
    net = build(spec, seed=8, dtype=np.float64)
    assert net.input_units == 3
    assert net.params["W4"].shape == (2, 3)  # hq → m
    assert_gradients_match(net, RNG.standard_normal((6, 3)), RNG.standard_normal(6))


def test_single_neuron_nodes():
    spec = NetworkSpec((
        input_node("x", 2),
        hidden_node("n1", 1, activation="sigmoid", init="xavier"),
        hidden_node("n2", 1, activation="tanh", init="xavier"),
        output_node("y", 1, activation="sigmoid", loss="binary_cross_entropy"),
    ))
    for src, dst in [("x", "n1"), ("x", "n2"), ("n1", "y"), ("n2", "y")]:
        spec = spec.connect(src, dst)
    net = build(spec, seed=9, dtype=np.float64)
    assert_gradients_match(net, RNG.standard_normal((4, 2)), RNG.integers(0, 2, 4))


def test_deep_bn_dropout_decay_dag_together():
    spec = NetworkSpec((
        input_node("x", 4),
        hidden_node("a", 5, activation="relu", batch_norm=True, dropout=0.3),
        hidden_node("b", 5, activation="tanh", batch_norm=True, init="xavier"),
        output_node("y", 3),
    ))
    for src, dst in [("x", "a"), ("a", "b"), ("b", "y"), ("a", "y")]:
        spec = spec.connect(src, dst)
    net = build(spec, seed=10, dtype=np.float64, weight_decay=0.05)
    # BN over a tiny batch curves the loss enough for h = 1e-4's O(h²) error to show (3e-5
    # relative at N = 7, 4e-6 at N = 32; 8e-8 at N = 7 with h = 1e-5): use a real batch.
    assert_gradients_match(net, RNG.standard_normal((32, 4)), RNG.integers(0, 3, 32))


def test_float32_gradients_agree_with_float64():
    spec = NetworkSpec.mlp([4, 8, 3], hidden_activation="relu")
    x, t = RNG.standard_normal((10, 4)), RNG.integers(0, 3, 10)
    g32 = build(spec, seed=11, dtype=np.float32).gradient(x, t)
    g64 = build(spec, seed=11, dtype=np.float64).gradient(x, t)
    for name in g64:
        assert g32[name].dtype == np.float32
        np.testing.assert_allclose(g32[name], g64[name], rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("name", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("decay", [0.0, 0.1])
def test_train_step_equals_gradient_plus_update_per_array(name, decay):
    from core.engine import optimizers

    spec = NetworkSpec.mlp([3, 6, 5, 3], hidden_activation="tanh", batch_norm=True)
    fast = build(spec, seed=12, dtype=np.float64, weight_decay=decay, l1=decay / 2)
    slow = build(spec, seed=12, dtype=np.float64, weight_decay=decay, l1=decay / 2)
    opt_fast, opt_slow = optimizers.create(name, lr=0.05), optimizers.create(name, lr=0.05)
    for step in range(6):  # batch sizes and rates change: SGD keeps lr/N while they stay
        n = (8, 8, 5, 8)[step % 4]
        if step == 4:
            opt_fast.lr = opt_slow.lr = 0.02
        x, t = RNG.standard_normal((n, 3)), RNG.integers(0, 3, n)
        loss_slow, grads = slow.loss_and_gradient(x, t)
        opt_slow.update(slow.params, grads)
        assert fast.train_step(x, t, opt_fast) == pytest.approx(loss_slow, rel=1e-12), step
    for key in slow.params:
        np.testing.assert_allclose(fast.params[key], slow.params[key], rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", ["sgd", "adam"])
def test_last_gradients_are_the_gradients_whatever_the_update_path(name):
    from core.engine import optimizers

    spec = NetworkSpec.mlp([3, 6, 3], hidden_activation="tanh", batch_norm=True)
    stepped = build(spec, seed=2, dtype=np.float64, weight_decay=0.1)
    reference = build(spec, seed=2, dtype=np.float64, weight_decay=0.1)
    x, t = RNG.standard_normal((8, 3)), RNG.integers(0, 3, 8)
    expected = {k: v.copy() for k, v in reference.gradient(x, t).items()}
    stepped.train_step(x, t, optimizers.create(name, lr=0.05))  # SGD leaves 0.05·g behind
    got = stepped.last_gradients()
    assert got.keys() == expected.keys()
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("name", ["sgd", "adam"])
def test_a_non_finite_loss_leaves_the_parameters_as_they_were(name):
    from core.engine import optimizers

    net = build(NetworkSpec.mlp([2, 4, 1], output_activation="identity"), dtype=np.float64)
    before = net.flat_params.copy()
    with np.errstate(invalid="ignore"):
        loss = net.train_step(np.array([[1.0, np.inf]]), np.array([[0.0]]),
                              optimizers.create(name, lr=0.1))
    assert not np.isfinite(loss)
    np.testing.assert_array_equal(net.flat_params, before)


def test_dense_sums_its_inputs_and_sends_each_source_its_gradient():
    from core.engine.layers import Dense

    x0, x1 = RNG.standard_normal((5, 3)), RNG.standard_normal((5, 2))
    w0, w1, b = RNG.standard_normal((3, 4)), RNG.standard_normal((2, 4)), RNG.standard_normal(4)
    dw0, dw1, db = np.empty_like(w0), np.empty_like(w1), np.empty_like(b)
    dense = Dense([0, 1], [w0, w1], b, [dw0, dw1], db, [True, False])
    z = dense.forward([x0, x1, None], np.empty((5, 4)))
    np.testing.assert_allclose(z, x0 @ w0 + x1 @ w1 + b)
    dout = RNG.standard_normal((5, 4))
    dout_before = dout.copy()
    already = RNG.standard_normal((5, 3))  # what another consumer of source 0 sent back
    dvalues = [already.copy(), None, None]
    dense.backward(dout, np.ones(5), dvalues, [np.empty((5, 3)), np.empty((5, 2)), None])
    np.testing.assert_array_equal(dout, dout_before)
    np.testing.assert_allclose(dw0, x0.T @ dout)
    np.testing.assert_allclose(dw1, x1.T @ dout)
    np.testing.assert_allclose(db, dout.sum(axis=0))
    np.testing.assert_allclose(dvalues[0], already + dout @ w0.T)
    assert dvalues[1] is None  # an input node: nothing upstream wants dL/dx
