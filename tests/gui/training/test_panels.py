"""The live panels on their own: fed a trainer's frames, they hold its numbers; hidden panels
do not draw; every panel exports a PNG and the loss panel the history as CSV."""

import csv
from dataclasses import replace

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from core.datasets import load_builtin
from core.project import load_project
from core.spec import NetworkSpec
from core.training.history import PARTS
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from gui.training import trails
from gui.training.frames import FrameMaker, data_points, diverged_nodes, smoothed_batches
from gui.training.plots import ActivationsPanel, LossPanel, OutputPanel, WeightsPanel
from gui.training.plots.base import PART_COLORS
from gui.training.plots.loss import MARKED_EPOCHS, dot_count
from resources.examples import example_path


def trained(name: str, epochs: int, **changes):
    project = load_project(example_path(name))
    dataset = project.data.load()
    trainer = Trainer(project.spec, dataset, replace(project.settings, epochs=epochs, **changes))
    maker = FrameMaker(trainer)
    frames = []
    for event in trainer.iterate():
        maker.observe(event)
        if event.epoch_metrics is not None and event.outcome is None:
            frames.append(maker.make())
    frames.append(maker.make())
    return project, dataset, trainer, frames


@pytest.fixture(scope="module")
def spiral():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trails, "RECORD_INTERVAL", 0.0)  # every epoch, however fast
        return trained("spiral", 20)


def shown(qtbot, panel):
    qtbot.addWidget(panel)
    panel.resize(700, 320)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_loss_panel_draws_the_history_and_exports_it(qtbot, spiral, tmp_path):
    _, _, trainer, frames = spiral
    panel = shown(qtbot, LossPanel())
    panel.set_frame(frames[-1])
    history = trainer.history
    for name in ("train_loss", "val_loss", "test_loss", "val_accuracy"):
        np.testing.assert_allclose(panel.curve(name).getData()[1], history.epochs[name])
    np.testing.assert_allclose(panel.batch_curve.getData()[1],
                               smoothed_batches(history, trainer.batches_per_epoch)[1])
    assert "validation" in panel.note.text()

    panel.log_check.click()
    assert panel.loss_plot.vb.state["logMode"][1]
    center = panel.loss_plot.sceneBoundingRect().center()
    qtbot.mouseMove(panel.graphics.viewport(), panel.graphics.mapFromScene(center))
    qtbot.waitUntil(lambda: "epoch" in panel.note.text())
    assert "loss" in panel.readout and "accuracy" in panel.readout

    assert panel.export_csv(tmp_path / "history.csv")
    with open(tmp_path / "history.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(history.epochs)
    assert len(rows) == history.n_epochs + 1
    assert float(rows[-1][1]) == pytest.approx(history.epochs["train_loss"][-1])


def test_hidden_panels_only_remember_and_draw_when_shown(qtbot, spiral):
    project, _, _, frames = spiral
    panel = WeightsPanel()
    qtbot.addWidget(panel)
    panel.set_network(project.spec)
    for frame in frames:
        panel.set_frame(frame)
    assert panel.draw_count == 0  # never shown: nothing drawn, the newest frame kept
    shown(qtbot, panel)
    assert panel.draw_count == 1  # shown: the newest frame, once
    trail = frames[-1].weight_trails["1"]
    np.testing.assert_array_equal(panel.trail_image.image, trail.image)
    assert trail.image.shape == (30, trail.x.size)  # a row per bin, a column per sample
    np.testing.assert_allclose(trail.image.max(axis=0), 1.0)  # each column scaled to its peak
    np.testing.assert_array_equal(trail.x, np.arange(1, 21))  # recorded at every epoch end


def test_the_weights_over_time_end_at_the_last_epoch_however_fast_the_run(qtbot):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trails, "RECORD_INTERVAL", 3600.0)  # a column an hour at most
        _, _, trainer, frames = trained("spiral", 12)
    assert trainer.outcome.kind == "completed"
    trail = frames[-1].weight_trails["1"]
    np.testing.assert_array_equal(trail.x, [1, 12])  # the first epoch, and the run's last


def test_weights_activations_and_output_show_the_snapshot(qtbot, spiral, tmp_path):
    project, dataset, _, frames = spiral
    frame = frames[-1]
    weights = shown(qtbot, WeightsPanel())
    weights.set_network(project.spec)
    weights.set_frame(frame)
    heights = weights.norm_bars.opts["height"]
    np.testing.assert_allclose(heights, [frame.snapshot.gradient_norms[n] for n in "123"])

    activations = shown(qtbot, ActivationsPanel())
    activations.set_network(project.spec)
    activations.node_combo.setCurrentIndex(1)  # hidden 2
    activations.set_frame(frame)
    stats = frame.snapshot.activations["2"]
    np.testing.assert_array_equal(activations.hist_curve.getData()[1], stats.histogram.counts)
    assert f"mean {stats.mean:.3g}" in activations.note.text()
    activations.reset()  # fresh weights: the old numbers go, the legend comes back
    assert activations.note.text() == activations.legend()
    activations.set_frame(frame)
    assert f"mean {stats.mean:.3g}" in activations.note.text()

    output = shown(qtbot, OutputPanel())
    settings = project.settings
    output.set_data(dataset, data_points(dataset, settings.split, settings.seed))
    output.set_frame(frame)
    np.testing.assert_array_equal(output.boundary.image.image, frame.boundary)
    assert len(output.boundary.train.data) == round(dataset.n_samples * settings.split[0])
    assert output.note.text().startswith("test accuracy")

    for panel in (weights, activations, output):
        path = tmp_path / f"{panel.title}.png"
        assert panel.export_png(path)
        image = QImage(str(path))
        assert (image.width(), image.height()) == (2 * panel.width(), 2 * panel.height())


def test_regression_shows_the_output_curve_and_predicted_against_true(qtbot):
    dataset = load_builtin("sine")  # one feature: the output is a curve over x
    spec = NetworkSpec.mlp([1, 16, 1], hidden_activation="tanh", output_activation="identity")
    trainer = Trainer(spec, dataset, TrainingSettings(epochs=3, lr=0.01))
    trainer.run()
    frame = FrameMaker(trainer).make()
    panel = shown(qtbot, OutputPanel())
    panel.set_data(dataset, data_points(dataset, trainer.settings.split, 0))
    panel.set_frame(frame)
    x, y = panel.boundary.curve.getData()
    np.testing.assert_allclose(x, frame.snapshot.grid.xs)
    np.testing.assert_allclose(y, frame.snapshot.grid.values[:, 0])
    x, y = panel.confusion.scatter.getData()
    np.testing.assert_allclose(x, frame.evaluation.truth.ravel())
    np.testing.assert_allclose(y, frame.evaluation.predicted.ravel())
    assert panel.note.text().startswith("test RMSE")


def test_a_one_row_regression_set_has_its_point_and_no_test_points(qtbot):
    """The forward-pass example's one row all trains: the Output panel is told that data when
    the project opens (an empty test part once failed to reshape)."""
    project = load_project(example_path("forward_pass_3layer"))
    dataset = project.data.load()
    points = data_points(dataset, project.settings.split, project.settings.seed)
    assert len(points.train_y) == 1 and len(points.test_y) == 0
    panel = shown(qtbot, OutputPanel())
    panel.set_data(dataset, points)
    assert points.train_x.shape == (1, 2)  # two features: the row is a point on the plane
    np.testing.assert_allclose(np.ravel(panel.boundary.train.getData()), points.train_x[0])
    assert panel.boundary.test.getData()[0] is None or not len(panel.boundary.test.getData()[0])


def test_diverged_nodes_are_the_ones_holding_nan():
    project, _, trainer, frames = trained("spiral", 3, optimizer="sgd", lr=1000.0)
    assert trainer.outcome.kind == "diverged"
    nodes = diverged_nodes(project.spec, frames[-1].snapshot)
    assert nodes and set(nodes) <= {"1", "2", "3"}


@pytest.fixture(scope="module")
def one_epoch():
    return trained("digits_mlp", 1)


def colors_near(panel, plot, x: float, y: float, reach: int = 3) -> set[tuple[int, int, int]]:
    """The colours the panel shows within ``reach`` pixels of the point (x, y) of ``plot``."""
    image = panel.graphics.grab().toImage()  # drawn first: the plots' ranges are up to date
    pixel = panel.graphics.mapFromScene(plot.vb.mapViewToScene(pg.Point(x, y)))
    ratio = image.devicePixelRatio()
    found = set()
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            color = image.pixelColor(round((pixel.x() + dx) * ratio),
                                     round((pixel.y() + dy) * ratio))
            found.add((color.red(), color.green(), color.blue()))
    return found


def test_a_single_epoch_is_drawn_as_a_dot_on_every_epoch_curve(qtbot, one_epoch):
    """One epoch (the natural first MNIST run) is one point per curve: a line through it
    draws nothing, so each point shows as a dot of its part's colour."""
    _, _, trainer, frames = one_epoch
    panel = shown(qtbot, LossPanel())
    panel.set_frame(frames[-1])
    history = trainer.history
    assert history.n_epochs == 1
    for part in PARTS:
        for plot, name in ((panel.loss_plot, f"{part}_loss"),
                           (panel.metric_plot, f"{part}_accuracy")):
            for other in (*panel.loss_curves.values(), *panel.metric_curves.values(),
                          *panel.loss_dots.values(), *panel.metric_dots.values()):
                other.setVisible(other in (panel.curve(name), panel.dots(name)))
            panel.batch_curve.setVisible(False)
            expected = PART_COLORS[part]
            rgb = (expected.red(), expected.green(), expected.blue())
            assert rgb in colors_near(panel, plot, 1.0, history.epochs[name][0]), name


def test_long_runs_are_drawn_as_lines_without_dots(qtbot, spiral):
    _, _, trainer, frames = spiral
    panel = shown(qtbot, LossPanel())
    panel.set_frame(frames[0])  # epoch 1: a dot
    assert list(panel.dots("train_loss").getData()[1]) == trainer.history.epochs[
        "train_loss"][:1]
    qtbot.wait(20)  # drawn
    panel.set_frame(frames[-1])
    assert trainer.history.n_epochs > MARKED_EPOCHS
    assert dot_count(panel.dots("train_loss")) == 0
    np.testing.assert_allclose(panel.curve("train_loss").getData()[1],
                               trainer.history.epochs["train_loss"])


def test_an_empty_part_gets_no_dots(qtbot, recwarn):
    _, _, _, frames = trained("digits_mlp", 1, split=(0.85, 0.0, 0.15))
    panel = shown(qtbot, LossPanel())
    panel.set_frame(frames[-1])
    panel.graphics.grab()
    assert dot_count(panel.dots("val_loss")) == 0
    assert dot_count(panel.dots("test_loss")) == 1
    assert not [w for w in recwarn if "NaN" in str(w.message)]


def test_a_frame_evaluates_the_first_rows_of_a_large_part_and_says_how_many_it_has():
    dataset = load_builtin("sine")
    spec = NetworkSpec.mlp([1, 8, 1], hidden_activation="tanh", output_activation="identity")
    trainer = Trainer(spec, dataset, TrainingSettings(epochs=1, lr=0.01))
    test = trainer.data.parts["test"]
    evaluation = FrameMaker(trainer, rows=test.n - 5).make().evaluation
    assert evaluation.part == "test" and evaluation.part_rows == test.n
    assert evaluation.rows == test.n - 5 and evaluation.partial
    np.testing.assert_allclose(evaluation.truth, test.y[:test.n - 5].reshape(-1, 1))
    whole = FrameMaker(trainer).make().evaluation
    assert whole.rows == whole.part_rows == test.n and not whole.partial
