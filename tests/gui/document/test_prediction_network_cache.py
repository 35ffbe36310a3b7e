"""The predictions reuse the network built for the current spec and only load new weights into
it: the answers are those of a freshly built network, weight change after weight change."""

import numpy as np

from core import load_project
from core.engine.params import fresh_params
from gui.document.predictions import NetworkCache, compute
from resources.examples import example_path


def test_a_reused_network_predicts_what_a_fresh_one_does_after_each_weight_change():
    project = load_project(example_path("spiral"))
    dataset = project.data.load()
    spec = project.spec
    cache = NetworkCache()
    rows = (np.arange(12), False)
    for seed in (0, 1, 2):
        arrays = fresh_params(spec, np.random.default_rng(seed))
        reused = compute(spec, arrays, dataset, rows=rows, build_network=cache)
        fresh = compute(spec, arrays, dataset, rows=rows)
        assert reused.rows == fresh.rows
        np.testing.assert_array_equal(reused.grid.values, fresh.grid.values)
        for node_id, values in fresh.node_grids.items():
            np.testing.assert_array_equal(reused.node_grids[node_id], values)
    network = cache(spec)
    assert cache(spec) is network  # the same spec: the same network
    again = load_project(example_path("spiral")).spec  # the project opened again
    assert again is not spec and cache(again) is network  # an equal spec: the same network
    moved = spec.with_node_changed(spec.inputs[0].id, position=(5.0, 5.0))
    assert cache(moved) is not network  # another spec: built anew
