"""Every number of docs/book.md §1–§4, §6 and §9 reproduced by the engine (float64)."""

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.engine import activations, losses
from core.engine.layers import BatchNorm

GATE_INPUTS = np.array([[0, 0], [1, 0], [0, 1], [1, 1]], dtype=np.float64)


def perceptron(w, b):
    spec = NetworkSpec((input_node("x", 2), output_node("y", 1, activation="step", loss="mse")))
    spec = spec.connect("x", "y")
    net = build(spec, dtype=np.float64)
    edge = spec.edges[0].id
    for i, wi in enumerate(w):
        net.set_weight(edge, i, 0, wi)
    net.set_bias("y", 0, b)
    return net


@pytest.mark.parametrize(
    ("w", "b", "table"),
    [
        ((0.5, 0.5), -0.7, [0, 0, 0, 1]),  # book AND (= seed AND)
        ((-0.5, -0.5), 0.7, [1, 1, 1, 0]),  # book NAND
        ((0.5, 0.5), -0.2, [0, 1, 1, 1]),  # book OR
        ((0.6, 0.6), -0.5, [0, 1, 1, 1]),  # seed OR
    ],
)
def test_gates_with_book_and_seed_weights(w, b, table):
    net = perceptron(w, b)
    assert net.predict(GATE_INPUTS)[:, 0].tolist() == table
    assert net.classify(GATE_INPUTS).tolist() == table


def test_step_boundary_is_zero_for_exactly_zero():
    # y = 1 only if w·x + b > 0: a sum of exactly 0 gives 0.
    net = perceptron((1.0, 1.0), -1.0)
    assert net.predict(np.array([[1.0, 0.0]]))[0, 0] == 0


def test_no_single_perceptron_solves_xor():
    xor = [0, 1, 1, 0]
    grid = np.linspace(-1, 1, 21)
    for w1 in grid:
        for w2 in grid:
            for b in grid:
                assert perceptron((w1, w2), b).predict(GATE_INPUTS)[:, 0].tolist() != xor


def test_xor_by_hand_weighted_two_layer_network():
    spec = NetworkSpec((
        input_node("x", 2),
        hidden_node("h", 2, activation="step"),  # unit 0 = NAND, unit 1 = OR
        output_node("y", 1, activation="step", loss="mse"),  # AND
    )).connect("x", "h").connect("h", "y")
    net = build(spec, dtype=np.float64)
    net.params["W1"][:] = [[-0.5, 0.5], [-0.5, 0.5]]
    net.params["b_h"][:] = [0.7, -0.2]
    net.params["W2"][:] = [[0.5], [0.5]]
    net.params["b_y"][:] = [-0.7]
    assert net.predict(GATE_INPUTS)[:, 0].tolist() == [0, 1, 1, 0]


def test_activation_values():
    x = np.array([-1.0, 1.0, 2.0])
    assert activations.apply("step", x).tolist() == [0, 1, 1]
    np.testing.assert_allclose(activations.apply("sigmoid", x),
                               [0.26894142, 0.73105858, 0.88079708], atol=1e-8)
    assert activations.apply("relu", x).tolist() == [0, 1, 2]
    np.testing.assert_allclose(activations.apply("softmax", [0.3, 2.9, 4.0]),
                               [0.01821127, 0.24519181, 0.73659691], atol=1e-8)
    big = activations.apply("softmax", [1010, 1000, 990])
    assert np.all(np.isfinite(big))
    np.testing.assert_allclose(big, [9.99954600e-01, 4.53978686e-05, 2.06106005e-09],
                               rtol=1e-6)
    np.testing.assert_allclose(activations.apply("tanh", x), np.tanh(x))
    np.testing.assert_allclose(activations.apply("leaky_relu", x), [-0.01, 1, 2])
    np.testing.assert_allclose(activations.apply("identity", x), x)


def test_activation_derivatives():
    np.testing.assert_allclose(activations.derivative("sigmoid", [0.0, 1.0]),
                               [0.25, 0.19661193], atol=1e-8)
    # saturation: the slope vanishes far from 0
    assert activations.derivative("sigmoid", [10.0])[0] < 5e-5
    assert activations.derivative("relu", [-1.0, 2.0]).tolist() == [0, 1]
    np.testing.assert_allclose(activations.derivative("tanh", [0.0, 1.0]),
                               [1.0, 1 - np.tanh(1.0) ** 2])


def test_seed_three_layer_forward_pass():
    spec = NetworkSpec.mlp([2, 3, 2, 2], hidden_activation="sigmoid",
                           output_activation="identity", loss="mse")
    net = build(spec, dtype=np.float64)
    net.params["W1"][:] = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]
    net.params["b1"][:] = [0.1, 0.2, 0.3]
    net.params["W2"][:] = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]
    net.params["b2"][:] = [0.1, 0.2]
    net.params["W3"][:] = [[0.1, 0.3], [0.2, 0.4]]
    net.params["b3"][:] = [0.1, 0.2]
    values = net.activations(np.array([[1.0, 0.5]]))
    np.testing.assert_allclose(values["1"].pre[0], [0.3, 0.7, 1.1], atol=1e-8)
    np.testing.assert_allclose(values["1"].post[0], [0.57444252, 0.66818777, 0.75026011],
                               atol=1e-8)
    np.testing.assert_allclose(values["2"].pre[0], [0.51615984, 1.21402696], atol=1e-8)
    np.testing.assert_allclose(values["2"].post[0], [0.62624937, 0.77101070], atol=1e-8)
    np.testing.assert_allclose(values["3"].post[0], [0.31682708, 0.69627909], atol=1e-8)
    np.testing.assert_allclose(net.predict([1.0, 0.5])[0], [0.31682708, 0.69627909], atol=1e-8)


Y1 = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
Y2 = np.array([0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0])
T = np.eye(10)[2]


def test_book_loss_functions():
    assert losses.sum_squares_error(Y1, T) == pytest.approx(0.0975, abs=1e-12)
    assert losses.sum_squares_error(Y2, T) == pytest.approx(0.5975, abs=1e-12)
    assert losses.cross_entropy_error(Y1, T) == pytest.approx(0.510825457099338, abs=1e-12)
    assert losses.cross_entropy_error(Y2, T) == pytest.approx(2.302584092994546, abs=1e-12)
    # class-index targets give the same value
    assert losses.cross_entropy_error(Y1, np.array([2])) == pytest.approx(0.510825457099338)


def test_network_mse_is_the_books_sum_of_squares_per_sample():
    spec = NetworkSpec((input_node("x", 10), output_node("y", 10, activation="identity",
                                                         loss="mse"))).connect("x", "y")
    net = build(spec, dtype=np.float64)
    net.params["W1"][:] = np.eye(10)
    assert net.loss(Y1[None, :], T[None, :]) == pytest.approx(0.0975, abs=1e-12)
    # a batch of two averages the per-sample values
    assert net.loss(np.stack([Y1, Y2]), np.stack([T, T])) == pytest.approx(
        (0.0975 + 0.5975) / 2, abs=1e-12)


def test_softmax_with_loss_value_and_gradient():
    spec = NetworkSpec((input_node("x", 3), output_node("y", 3))).connect("x", "y")
    net = build(spec, dtype=np.float64)
    net.params["W1"][:] = np.eye(3)
    a = np.array([[0.3, 2.9, 4.0]])
    t = np.array([[0, 0, 1]])
    # The book adds 1e-7 inside the log; the engine computes the exact logsumexp(a) − a[t]
    # (whose exact gradient is (y − t)/N), 1.4e-7 away: inside docs/book.md's 1e-6 tolerance.
    book = losses.cross_entropy_error(activations.apply("softmax", a), t)
    assert book == pytest.approx(0.3057143290530003, abs=1e-12)
    assert net.loss(a, t) == pytest.approx(0.3057143290530003, abs=1e-6)
    assert net.loss(a, np.array([2])) == pytest.approx(net.loss(a, t), abs=1e-15)
    grads = net.gradient(a, t)
    # with W = I and x = a, dL/db is dL/dz = (y − t)/N
    np.testing.assert_allclose(grads["b_y"], [0.01821127, 0.24519181, -0.26340309], atol=1e-8)


def test_a_nearly_perfect_float32_batch_has_a_small_positive_cross_entropy():
    """Near the end of a long run the logits are large and the answers sure: the loss is tiny
    but positive. Computed as Σ logsumexp − Σ t·z in float32 it cancelled to 0 or below
    (``netcanvas train`` printed "loss 0" and "loss -4.439e-05"); it must stay > 0 and near the
    exact value, however small."""
    spec = NetworkSpec((input_node("x", 10), output_node("y", 10))).connect("x", "y")
    net = build(spec, dtype=np.float32)
    net.params["W1"][:] = np.eye(10)
    rng = np.random.default_rng(0)
    for margin in (9.0, 12.0, 15.0, 18.0, 22.0, 30.0, 40.0):
        labels = rng.integers(0, 10, 256)
        z = rng.normal(20.0, 3.0, (256, 10)).astype(np.float32)
        z[np.arange(256), labels] += margin
        exact = np.mean(np.log(np.exp(z - z.max(1, keepdims=True)).astype(np.float64).sum(1))
                        + z.max(1) - z[np.arange(256), labels])
        assert net.loss(z, labels) == pytest.approx(exact, rel=1e-3), margin
        assert net.loss(z, labels) > 0.0


def test_batch_norm_example():
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]])
    bn = BatchNorm(np.zeros(2), np.ones(2))
    y = bn.forward(x, np.array([1.0, 2.0]), np.array([0.0, 0.5]), train=True)
    np.testing.assert_allclose(
        y, [[-1.22474464, -1.53809854], [0.0, -0.17936618], [1.22474464, 3.21746473]],
        atol=1e-6)
    # running statistics moved 10 % toward the batch's (momentum 0.9)
    np.testing.assert_allclose(bn.running_mean, 0.1 * x.mean(axis=0))
    np.testing.assert_allclose(bn.running_var, 0.9 + 0.1 * x.var(axis=0))


def test_batch_norm_node_in_a_network_matches_example():
    spec = NetworkSpec((
        input_node("x", 2),
        output_node("y", 2, activation="identity", loss="mse", batch_norm=True),
    )).connect("x", "y")
    net = build(spec, dtype=np.float64)
    net.params["W1"][:] = np.eye(2)
    net.params["gamma_y"][:] = [1.0, 2.0]
    net.params["beta_y"][:] = [0.0, 0.5]
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]])
    y = net.forward(x, train=True)
    np.testing.assert_allclose(
        y, [[-1.22474464, -1.53809854], [0.0, -0.17936618], [1.22474464, 3.21746473]],
        atol=1e-6)
    # inference uses the running statistics, not the batch's
    y_inf = net.forward(x, train=False)
    mean, var = net.state["mean_y"], net.state["var_y"]
    np.testing.assert_allclose(y_inf, (x - mean) / np.sqrt(var + 1e-6) * [1, 2] + [0, 0.5])


def test_computational_graph_apples_via_network_gradients():
    # price = apple × count × tax as a network would see it is a product, not a sum: the
    # graph lab owns Mul/Add nodes (see the labs); here the book's numbers come from the
    # numerical gradient, which the lab's check button uses.
    from core.engine.gradient import numerical_gradient

    def price(v):
        apple, count, tax = v
        return apple * count * tax

    v = np.array([100.0, 2.0, 1.1])
    assert price(v) == pytest.approx(220.0)
    np.testing.assert_allclose(numerical_gradient(price, v), [2.2, 110.0, 200.0], rtol=1e-6)
