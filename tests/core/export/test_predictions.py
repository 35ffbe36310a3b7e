"""Every export answers as NetCanvas does: the PyTorch module, onnxruntime on the ONNX file and
the NumPy script's predict, on the whole data set of every example and of made-up DAGs with a
skip connection, two input nodes, derived features, batch norm and dropout (to 1e-5)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import onnx
import onnxruntime
import pytest
import torch

from core.export import export_project, plan_export
from core.export.common import is_trained
from core.export.onnx_graph import OPSET
from core.project import load_project
from resources.examples import example_path
from tests.core.export.conftest import EXAMPLES, MADE_UP, all_close, import_file

NAMES = EXAMPLES + MADE_UP


@pytest.fixture(scope="module")
def exported(projects, tmp_path_factory):
    """name → (plan, {format: path}), every project exported in every format once."""
    result = {}
    for name, project in projects.items():
        folder = tmp_path_factory.mktemp(name)
        paths = {"pytorch": folder / "torch", "onnx": folder / f"{name}.onnx",
                 "numpy": folder / f"{name}.py"}
        for fmt, path in paths.items():
            export_project(project, fmt, path)
        result[name] = plan_export(project), paths
    return result


@pytest.mark.parametrize("name", NAMES)
def test_the_pytorch_module_answers_as_netcanvas(exported, name):
    plan, paths = exported[name]
    model = import_file(paths["pytorch"] / "model.py", f"model_{name}")
    net = model.load_model()
    assert isinstance(net, torch.nn.Module) and not net.training
    x = plan.dataset.x
    with torch.no_grad():
        y = net(torch.tensor(x, dtype=torch.float32)).numpy()
    assert all_close(y, plan.netcanvas_output(x))
    assert set(net.arrays()) == set(plan.params) | set(plan.state)  # NetCanvas names


@pytest.mark.parametrize("name", NAMES)
def test_onnxruntime_answers_as_netcanvas(exported, name):
    plan, paths = exported[name]
    model = onnx.load(paths["onnx"])
    onnx.checker.check_model(model, full_check=True)
    assert model.opset_import[0].version >= OPSET
    assert [i.name for i in model.graph.input] == ["x"]
    assert [o.name for o in model.graph.output] == ["y"]
    session = onnxruntime.InferenceSession(str(paths["onnx"]))
    x = plan.dataset.x
    (y,) = session.run(None, {"x": x.astype(np.float32)})
    assert y.dtype == np.float32
    assert all_close(y, plan.netcanvas_output(x))


@pytest.mark.parametrize("name", NAMES)
def test_the_numpy_script_predicts_as_netcanvas(exported, name):
    plan, paths = exported[name]
    script = import_file(paths["numpy"], f"numpy_{name}")
    x = plan.dataset.x
    assert all_close(script.predict(x), plan.netcanvas_output(x))


def test_pixel_bytes_go_in_as_the_data_set_holds_them(exported):
    """NetCanvas reads an image's bytes as values from 0 to 1 (then standardises them); every
    export took those values, not the bytes the data set holds and the README tells to give
    it — fed the bytes, they answered far from NetCanvas — and data.npz held them in float64,
    8× the bytes. The exports now divide by 255 themselves and keep the bytes."""
    plan, paths = exported["images"]
    images = plan.dataset.x
    assert images.dtype == np.uint8
    # what NetCanvas's network answers for these images, as its trainer prepares them
    expected = plan.built.predict(plan.data.inputs_for(plan.dataset.features(),
                                                       plan.built.dtype))
    session = onnxruntime.InferenceSession(str(paths["onnx"]))
    assert all_close(session.run(None, {"x": images.astype(np.float32)})[0], expected)
    model = import_file(paths["pytorch"] / "model.py", "model_images_bytes")
    with torch.no_grad():
        answer = model.load_model()(torch.tensor(images, dtype=torch.float32)).numpy()
    assert all_close(answer, expected)
    script = import_file(paths["numpy"], "numpy_images_bytes")
    assert all_close(script.predict(images), expected)
    for data in (paths["pytorch"] / "data.npz", paths["numpy"].with_suffix(".npz")):
        with np.load(data, allow_pickle=False) as arrays:
            assert arrays["x_train"].dtype == np.uint8


def test_the_numpy_script_needs_only_numpy(exported):
    _, paths = exported["dag_classifier"]
    imports = [line.split()[1] for line in paths["numpy"].read_text().splitlines()
               if line.startswith(("import ", "from "))]
    assert set(imports) <= {"__future__", "argparse", "pathlib", "numpy"}


def test_one_batch_row_and_many_rows_agree(exported):
    """The batch dimension is free: one row gives the same answer as inside a batch."""
    plan, paths = exported["dag_classifier"]
    session = onnxruntime.InferenceSession(str(paths["onnx"]))
    x = plan.dataset.x.astype(np.float32)
    (all_rows,) = session.run(None, {"x": x})
    (one,) = session.run(None, {"x": x[5:6]})
    assert np.allclose(one, all_rows[5:6], atol=1e-6)


def test_weights_stored_as_the_seed_drew_them_are_untrained_and_edited_ones_are_not():
    """The window saves its weights even before training; an export must still call them
    untrained, on the command line as in the window."""
    project = load_project(example_path("spiral"))
    network = project.build_network()
    stored = replace(project, params={k: v.copy() for k, v in network.params.items()},
                     state={k: v.copy() for k, v in network.state.items()} or None)
    assert not is_trained(stored, stored.build_network())
    stored.params["W1"][0, 0] += 0.5
    assert is_trained(stored, stored.build_network())
