"""The bundled example projects open, fit their data, and show what their stories promise."""

import zipfile

import numpy as np
import pytest

from core.datasets.builtin import GATE_INPUTS
from core.project import load_project
from core.training.trainer import Trainer
from resources.examples import example_names, example_path, make_examples

NAMES = ["and_gate", "digits_mlp", "forward_pass_3layer", "nand_gate", "or_gate", "overfitting",
         "spiral", "xor_by_hand", "xor_learned"]


def test_every_example_is_bundled():
    assert example_names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_example_loads_and_fits_its_data(name):
    project = load_project(example_path(name))
    assert project.title and project.description
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    assert trainer.batches_per_epoch >= 1


@pytest.mark.parametrize(("name", "truth_table"), [
    ("and_gate", [0, 0, 0, 1]),
    ("or_gate", [0, 1, 1, 1]),
    ("nand_gate", [1, 1, 1, 0]),
    ("xor_by_hand", [0, 1, 1, 0]),
])
def test_gate_examples_compute_their_truth_tables(name, truth_table):
    # Rows (0,0), (1,0), (0,1), (1,1), as in docs/book.md §1.
    project = load_project(example_path(name))
    net = project.build_network()
    assert net.classify(GATE_INPUTS).tolist() == truth_table
    assert net.predict(GATE_INPUTS).ravel().tolist() == truth_table  # step outputs 0 or 1
    trainer = Trainer(net, project.data.load(), project.settings)
    assert trainer.evaluate()["train_accuracy"] == 1.0


def test_perceptrons_hold_the_seed_and_book_weights():
    expected = {"and_gate": ([0.5, 0.5], -0.7), "or_gate": ([0.6, 0.6], -0.5),
                "nand_gate": ([-0.5, -0.5], 0.7)}
    for name, (w, b) in expected.items():
        params = load_project(example_path(name)).params
        assert params["W1"].ravel().tolist() == w and params["b1"].tolist() == [b]


def test_the_three_layer_example_reproduces_the_book():
    net = load_project(example_path("forward_pass_3layer")).build_network()
    values = net.activations(np.array([[1.0, 0.5]]))
    np.testing.assert_allclose(values["1"].pre[0], [0.3, 0.7, 1.1], atol=1e-6)
    np.testing.assert_allclose(values["1"].post[0], [0.57444252, 0.66818777, 0.75026011],
                               atol=1e-6)
    np.testing.assert_allclose(values["2"].pre[0], [0.51615984, 1.21402696], atol=1e-6)
    np.testing.assert_allclose(net.predict(np.array([[1.0, 0.5]]))[0],
                               [0.31682708, 0.69627909], atol=1e-6)


def test_the_overfitting_example_is_the_book_set_up():
    project = load_project(example_path("overfitting"))
    hidden = project.spec.nodes_of_kind("hidden")
    assert [n.units for n in hidden] == [100] * 6
    assert project.data.name == "digits"
    trainer = Trainer(project.spec, project.data.load(), project.settings)
    assert trainer.data.train.n == 300


def test_xor_learned_starts_untrained():
    project = load_project(example_path("xor_learned"))
    assert project.params is None and project.history is None


def members(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_committed_files_are_what_make_examples_writes(tmp_path):
    # Compared unpacked: another zlib may compress the same bytes differently.
    for path in make_examples.main(tmp_path):
        assert members(path) == members(example_path(path.stem)), (
            f"{path.name} is out of date: run python -m resources.examples.make_examples")
