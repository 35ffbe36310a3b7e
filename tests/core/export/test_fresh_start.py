"""The exported scripts start where the window's Train would: afresh when the project's history
is of another task than its data (core.training.history.history_to_continue decides for both)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.datasets.ref import DataRef
from core.export import plan_export
from core.training.trainer import Trainer
from tests.core.export.conftest import epoch_losses
from tests.core.export.test_training_scripts import printed_epochs, run_export, trained_on


def test_the_scripts_start_afresh_where_train_would(project_files, tmp_path):
    """A trained classifier switched to a regression data set: Train starts at epoch 1 with a
    fresh optimizer (the history is of another task), but the scripts numbered their epochs
    on from the old run's and restored its RMSprop state. They now go by the window's rule."""
    trained = trained_on(project_files["dag_split_inputs"], tmp_path)  # moons: classification
    assert trained.load_history().n_epochs > 0 and trained.continuation is not None
    regression = replace(trained, data=DataRef.builtin("gaussian_bumps", 200, 0.05, 2),
                         spec=trained.spec.with_node_changed("out", activation="identity",
                                                             loss="mse"))
    plan = plan_export(regression)
    assert (plan.epochs_done, plan.resume, plan.optimizer_state) == (0, None, {})
    stdout = run_export(regression, "numpy", tmp_path / "export")
    assert printed_epochs(stdout) == [1, 2, 3]
    fresh = Trainer(regression.build_network(), regression.data.load(),
                    replace(regression.settings, epochs=3))  # as Train: no history, no state
    fresh.run()
    assert np.allclose(epoch_losses(stdout), fresh.history.epochs["train_loss"], rtol=1e-4,
                       atol=0)
