"""What training must achieve (issue 3): the thresholds a student can rely on.

Runs use the example projects' settings where there is one, so what the tests promise is what
the examples deliver. Margins were measured: see each test's comment.
"""

from dataclasses import replace

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import load_builtin, load_iris
from core.project import load_project
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from resources.examples import example_path


def train(project_name, **changes):
    project = load_project(example_path(project_name))
    settings = replace(project.settings, **changes)
    trainer = Trainer(project.spec, project.data.load(), settings)
    trainer.run()
    return trainer


def test_xor_is_learned_by_most_seeds():
    # 2-2-1 sigmoid, Momentum lr 1: seeds 0–9 give 9 of 10 at 100 % (seed 2 sticks at 75 %,
    # a local minimum); seeds 0–19 give 17 of 20.
    perfect = [seed for seed in range(10)
               if train("xor_learned", seed=seed).history.latest()["train_accuracy"] == 1.0]
    assert len(perfect) >= 8, perfect


def test_spiral_reaches_95_percent_on_the_test_part():
    # Measured 96.7 %, 96.7 %, 98.3 % (60 test samples each).
    accuracies = [train("spiral", seed=seed).history.latest()["test_accuracy"]
                  for seed in range(3)]
    assert np.mean(accuracies) >= 0.95 and min(accuracies) >= 0.93, accuracies


def test_digits_mlp_reaches_95_percent_on_the_test_part():
    # Measured 98.1 % (268 test digits).
    assert train("digits_mlp").history.latest()["test_accuracy"] >= 0.95


def test_iris_reaches_93_percent_on_the_test_part():
    # 4-16-3 ReLU, Adam, weight decay 0.01: seeds 0–4 measured 100, 90, 93.3, 96.7, 93.3 %
    # (mean 94.7 %; 30 test flowers, so one flower is 3.3 %): the mean is the stable number.
    accuracies = []
    for seed in range(5):
        settings = TrainingSettings(optimizer="adam", lr=0.01, epochs=100, batch_size=16,
                                    weight_decay=0.01, seed=seed, split=(0.6, 0.2, 0.2),
                                    standardize=True)
        trainer = Trainer(NetworkSpec.mlp([4, 16, 3]), load_iris(), settings)
        trainer.run()
        accuracies.append(trainer.history.latest()["test_accuracy"])
    assert np.mean(accuracies) >= 0.93, accuracies


def test_one_linear_neuron_fits_the_plane():
    # R² measured 0.9987 (noise 0.01 caps it near 0.9996; the default noise 0.05 caps it at 0.99).
    plane = load_builtin("plane", noise=0.01, seed=0)
    settings = TrainingSettings(optimizer="adam", lr=0.05, epochs=100, batch_size=32)
    trainer = Trainer(NetworkSpec.mlp([2, 1], output_activation="identity"), plane, settings)
    trainer.run()
    assert trainer.history.latest()["test_r2"] >= 0.99
    np.testing.assert_allclose(trainer.network.params["W1"].ravel(), [0.1, 0.1], atol=0.01)


def gap(trainer):
    row = trainer.history.latest()
    return row["train_accuracy"] - row["test_accuracy"]


@pytest.mark.slow
def test_weight_decay_and_dropout_narrow_the_overfitting_gap():
    # 300 digits, 6 × 100 ReLU, SGD lr 0.01, 200 epochs. Measured (seed 0): no regularisation
    # train 100 % / test 86.7 % (gap 13.3 points); λ = 0.1: 98.7 % / 93.9 % (gap 4.8);
    # dropout 0.2: 95.3 % / 88.0 % (gap 7.3).
    plain = train("overfitting")
    assert plain.data.train.n == 300
    assert plain.history.latest()["train_accuracy"] >= 0.99
    assert gap(plain) >= 0.09

    decayed = train("overfitting", weight_decay=0.1)
    assert gap(decayed) <= gap(plain) - 0.03

    project = load_project(example_path("overfitting"))
    spec = project.spec
    for node in spec.nodes_of_kind("hidden"):
        spec = spec.with_node_changed(node.id, dropout=0.2)
    dropped = Trainer(spec, project.data.load(), project.settings)
    dropped.run()
    assert gap(dropped) <= gap(plain) - 0.03
