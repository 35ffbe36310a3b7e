"""The truth table and the output thumbnail show what the network answers on the inputs it
was trained on: standardised like training standardises them, not raw."""

import numpy as np

from core import Trainer, load_project
from core.training.prepare import input_scaling
from core.training.snapshot import plane_points
from gui.document.commands import ChangeSettingsCommand
from gui.document.predictions import compute
from resources.examples import example_path


def test_predictions_use_the_training_standardisation():
    project = load_project(example_path("spiral"))
    settings = project.settings
    assert settings.standardize
    dataset = project.data.load()
    trainer = Trainer(project.spec, dataset, settings)
    for _ in range(3 * trainer.batches_per_epoch):
        trainer.step()
    net = trainer.network
    arrays = {**net.params, **net.state}
    rows = (np.arange(40), False)
    scaling = input_scaling(dataset, settings.split, settings.seed)
    np.testing.assert_allclose(scaling.mean, trainer.data.scaling.mean)
    shown = compute(project.spec, arrays, dataset, rows=rows, scaling=scaling)
    expected = net.classify(trainer.data.inputs_for(dataset.x[:40], net.dtype))
    names = dataset.class_names
    assert [row[-1] for row in shown.rows] == [names[k] for k in expected]
    # the thumbnail: every grid point classified as training sees it
    points = plane_points(shown.grid.xs, shown.grid.ys)
    expected_grid = net.classify(trainer.data.inputs_for(points, net.dtype))
    assert np.mean(shown.grid.labels.ravel() == expected_grid) > 0.99  # float32 vs float64
    raw = compute(project.spec, arrays, dataset, rows=rows)  # without: a different answer
    assert [row[-1] for row in raw.rows] != [row[-1] for row in shown.rows]


def test_the_predictions_follow_only_the_settings_that_change_the_scaling(qtbot, window):
    model = window.predictions
    with qtbot.waitSignal(model.updated):
        assert window.files.open_example("spiral")  # standardised
    with qtbot.assertNotEmitted(model.updated, wait=200):
        window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.2, "epochs": 3}))
    with qtbot.waitSignal(model.updated):
        window.doc.push(ChangeSettingsCommand(window.doc, {"seed": 9}))
