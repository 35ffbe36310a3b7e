"""The timeline's memory budget over a long run: the digits MLP for 300 epochs, recorded by
the real worker loop (run in this thread: no window takes its frames, so it trains at full
speed). Run with ``-s`` to see the memory it measured."""

import tracemalloc
from dataclasses import replace

import numpy as np

from core.project import load_project
from core.training.timeline import MAX_BYTES, MAX_SNAPSHOTS, Timeline
from core.training.trainer import Trainer
from gui.training.worker import TrainingWorker
from resources.examples import example_path


def test_the_budget_holds_over_300_digits_epochs(qtbot):
    project = load_project(example_path("digits_mlp"))
    settings = replace(project.settings, epochs=300)
    trainer = Trainer(project.spec, project.data.load(), settings)
    timeline = Timeline()
    worker = TrainingWorker(trainer, timeline=timeline)
    tracemalloc.start()
    worker.work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert trainer.outcome.kind == "completed" and trainer.epoch == 300
    epochs = timeline.epochs
    assert len(epochs) <= MAX_SNAPSHOTS and timeline.nbytes <= MAX_BYTES
    assert epochs[0] == 0 and epochs[-1] == 300
    assert set(np.diff(epochs)) == {timeline.stride} == {2}  # evenly thinned once
    params = sum(v.size for v in trainer.network.params.values())
    record = timeline.latest()
    np.testing.assert_array_equal(record.params["W1"], trainer.network.params["W1"])
    print(f"\n{params:,} parameters ({trainer.network.dtype}), {len(epochs)} records, "
          f"{timeline.nbytes / 2**20:.2f} MB of snapshots, "
          f"{timeline.nbytes / len(epochs) / 1024:.1f} KB each; traced peak during the run "
          f"{peak / 2**20:.1f} MB")
