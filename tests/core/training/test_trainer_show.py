"""A trainer that shows arrays (a timeline record, replayed) gives its snapshots those arrays
as they are, read-only, instead of copies of its network's — until its network trains."""

import numpy as np

from core import NetworkSpec
from core.datasets import load_builtin
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer


def spiral_trainer(seed: int) -> Trainer:
    settings = TrainingSettings(optimizer="adam", lr=0.01, epochs=5, batch_size=50, seed=seed)
    spec = NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="tanh")
    return Trainer(spec, load_builtin("spiral", n_samples=200, seed=1), settings)


def test_shown_arrays_go_into_snapshots_as_they_are_until_the_network_trains():
    trainer = spiral_trainer(0)
    other = spiral_trainer(7).network
    record = {k: np.array(v) for k, v in other.params.items()}  # as a timeline keeps them
    trainer.show(record, {k: np.array(v) for k, v in other.state.items()})
    shown = trainer.snapshot().params
    for name, value in record.items():
        np.testing.assert_array_equal(trainer.network.params[name], value)  # loaded
        assert np.shares_memory(shown[name], value) and not shown[name].flags.writeable
    trainer.step()  # training changes the network: its own values are copied again
    trained = trainer.snapshot().params
    for name, value in record.items():
        np.testing.assert_array_equal(trained[name], trainer.network.params[name])
        assert not np.shares_memory(trained[name], value)
        assert not np.shares_memory(trained[name], trainer.network.params[name])
        np.testing.assert_array_equal(shown[name], value)  # the shown snapshot: unchanged
