"""Imported weights are checked for their values, not only their names and shapes: a weight of
1e308 (beyond float32; 1e6-sized weights already overflow it within a few layers) used to be
taken, and the first forward pass gave inf and NaN."""

from __future__ import annotations

import errno
import os

import numpy as np
import pytest

from core.datasets.ref import DataRef
from core.engine.params import MAX_MAGNITUDE
from core.export import ExportError, weight_problems, with_weights
from core.project import Project
from core.spec import EdgeSpec, NetworkSpec, hidden_node, input_node, output_node
from core.training.settings import TrainingSettings

BOUND = ("weights, biases, γ and β are taken up to 1e6 in size: training never makes them that "
         "large, and a few layers of products of such weights overflow float32 (at most 3.4e38)")


def project(dtype: str = "float32") -> Project:
    nodes = (input_node("x", 2), hidden_node("h", 4, activation="relu", batch_norm=True),
             output_node("out", 3, activation="softmax"))
    spec = NetworkSpec(nodes, (EdgeSpec("1", "x", "h"), EdgeSpec("2", "h", "out")))
    return Project(spec, TrainingSettings(dtype=dtype), DataRef.builtin("spiral"))


def weights(p: Project) -> dict[str, np.ndarray]:
    net = p.build_network()
    return {k: np.array(v, dtype=np.float64) for k, v in {**net.params, **net.state}.items()}


def test_a_weight_beyond_float32_is_refused_naming_it(tmp_path):
    p = project()
    w = weights(p)
    w["W1"][0, 1] = -1e308
    w["b_h"][2] = 2.5e7
    np.savez(tmp_path / "w.npz", **w)
    with pytest.raises(ExportError) as caught:
        with_weights(p, tmp_path / "w.npz")
    bound = BOUND
    assert str(caught.value) == (f"w.npz does not fit the network: W1 holds a value of 1e308; "
                                 f"{bound}; b_h holds a value of 2.5e7; {bound}")


def test_weights_up_to_the_bound_are_taken_and_compute_finite_values(tmp_path):
    p = project()
    w = weights(p)
    w["W2"][:] = MAX_MAGNITUDE
    w["W1"][:] = -MAX_MAGNITUDE
    w["var_h"][:] = 4e4  # raw pixel values' variance: statistics are not held to the bound
    np.savez(tmp_path / "w.npz", **w)
    updated = with_weights(p, tmp_path / "w.npz")
    assert updated.params["W2"].dtype == np.float32 and updated.params["W2"][0, 0] == 1e6
    out = updated.build_network().predict(np.array([[1.0, -2.0], [3.0, 0.5]]))
    assert np.isfinite(out).all()


@pytest.mark.parametrize(("dtype", "top"), [("float32", "3.4e38"), ("float64", "1.8e308")])
def test_a_statistic_is_refused_only_when_the_dtype_cannot_hold_it(dtype, top):
    p = project(dtype)
    w = weights(p)
    w["var_h"][1] = 1e39
    expected = [f"var_h holds a value of 1e39, larger than {dtype} can hold (at most {top})"]
    assert weight_problems(p, w) == (expected if dtype == "float32" else [])
    w["var_h"][1] = 1e300
    w["gamma_h"][0] = 1e6 * 1.5
    problems = weight_problems(p, w)
    assert problems[0] == f"gamma_h holds a value of 1.5e6; {BOUND}"  # the same in float64
    assert (len(problems) == 2) == (dtype == "float32")


@pytest.mark.parametrize(("code", "reason"), [
    (errno.EACCES, "you have no permission to read it"),
    (errno.EIO, "the disk could not read it (a damaged disk, or a drive removed)")])
def test_a_weights_file_that_cannot_be_read_is_said_in_words(code, reason, tmp_path,
                                                             monkeypatch):
    """The reason was the system's English (Permission denied, Input/output error), inside a
    Korean sentence; it is said in NetCanvas's words now, translated."""
    p = project()
    path = tmp_path / "w.npz"
    np.savez(path, **weights(p))

    def refused(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(np, "load", refused)
    with pytest.raises(ExportError) as caught:
        with_weights(p, path)
    assert str(caught.value) == f"{path} is not a readable .npz file of weights ({reason})"
