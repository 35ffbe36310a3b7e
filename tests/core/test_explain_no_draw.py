"""Explain builds two networks per row (the user's, and the same with batch norm folded in) and
loads the weights into both: drawing each one's random starting weights first cost a tenth of a
second per 2000×2000 matrix on the GUI thread, for numbers then overwritten. They are no longer
drawn — and the numbers are the same — while a network that trains still draws the seed's
weights, so its dropout masks come as they always did."""

import numpy as np

import core.engine.params as engine_params
from core.datasets.ref import DataRef
from core.engine.network import build
from core.explain import explain
from core.project import Project
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings


def never_draw(*_args, **_kwargs):
    raise AssertionError("a weight matrix was drawn only to be overwritten")


def test_explain_draws_no_weights_it_overwrites(monkeypatch):
    spec = NetworkSpec.mlp([2, 3, 2])
    params = {name: np.linspace(-1.0, 1.0, int(np.prod(p.shape))).reshape(p.shape)
              for name, p in build(spec, dtype=np.float64).params.items()}
    project = Project(spec=spec, settings=TrainingSettings(seed=4), data=DataRef.builtin("xor"),
                      params=params)
    expected = explain(project, 1)
    monkeypatch.setattr(engine_params, "edge_weight", never_draw)
    found = explain(project, 1)
    assert found.trace.loss == expected.trace.loss
    for name, gradient in expected.trace.gradients.items():
        np.testing.assert_array_equal(found.trace.gradients[name], gradient)
    for node_id, node in expected.trace.nodes.items():
        np.testing.assert_array_equal(found.trace.nodes[node_id].z, node.z)


def test_a_training_network_still_draws_the_seeds_weights_and_masks():
    spec = NetworkSpec.mlp([2, 8, 2])
    spec = spec.with_node_changed(spec.nodes[1].id, dropout=0.5)
    first, second = build(spec, seed=3), build(spec, seed=3)
    first.load_params(second.params)
    x = np.ones((4, 2), dtype=np.float32)
    # the same seed: the same weights, then the same dropout masks
    np.testing.assert_array_equal(first.activations(x, train=True)[spec.nodes[1].id].post,
                                  second.activations(x, train=True)[spec.nodes[1].id].post)
    assert not np.all(first.params[engine_params.weight_name(spec.edges[0].id)] == 0)
