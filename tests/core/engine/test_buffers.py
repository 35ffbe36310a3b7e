"""A network keeps buffers, per batch size, for the nodes it computes only. An input node's
values are the rows it is given, so no buffer of an input's width is made: for MNIST's 784
pixels one was 6.4 MB of zeros (written, so in memory) per batch size of 2,048 rows, for each
batch size the window measures with (training batches, evaluation chunks, the held-out rows
of the panels), in every network it holds."""

import numpy as np

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.engine.network import Network


def widths(network, rows: int) -> set[int]:
    buffers = network._buffers.get(rows)  # what a pass of ``rows`` rows wrote into
    return {a.shape[1] for arrays in (buffers.z, buffers.a, buffers.d, buffers.da, buffers.dz)
            for a in arrays}


def test_no_buffer_has_an_inputs_width():
    network = build(NetworkSpec.mlp([784, 100, 10]), dtype=np.float32)
    rng = np.random.default_rng(0)
    x = rng.random((2048, 784), dtype=np.float32)
    t = np.eye(10, dtype=np.float32)[rng.integers(0, 10, 2048)]
    before = network.predict(x)
    network.gradient(x, t)  # the backward pass uses the same buffers
    assert widths(network, 2048) == {0, 100, 10}
    np.testing.assert_array_equal(network.predict(x), before)


def test_two_input_nodes_each_without_buffers():
    spec = NetworkSpec((input_node("a", 5), input_node("b", 3),
                        hidden_node("h", 4, activation="tanh"),
                        output_node("y", 2, activation="softmax"))
                       ).connect("a", "h").connect("b", "h").connect("h", "y")
    network = build(spec, dtype=np.float64)
    x = np.random.default_rng(1).random((6, 8))
    values = network.activations(x)
    np.testing.assert_array_equal(values["a"].post, x[:, :5])
    np.testing.assert_array_equal(values["b"].post, x[:, 5:])
    network.gradient(x, np.eye(2)[[0, 1, 0, 1, 1, 0]])
    assert widths(network, 6) == {0, 4, 2}


def test_a_network_laid_out_on_given_vectors_keeps_the_weights_there():
    """A second network on a first one's weights (a part of a split batch computed here, or
    a helper's on shared memory) reads them as they are: building sets nothing."""
    first = build(NetworkSpec.mlp((3, 4, 2)), seed=5, dtype=np.float64)
    first.params["b1"][...] = 0.25
    before = first.flat_params.copy()
    second = Network(first.spec, dtype=np.float64, draw=False,
                     flat=(first.flat_params, np.zeros_like(first.flat_grads)))
    np.testing.assert_array_equal(first.flat_params, before)
    assert np.shares_memory(second.params["W1"], first.params["W1"])
    x = np.random.default_rng(0).standard_normal((5, 3))
    np.testing.assert_array_equal(second.predict(x), first.predict(x))
