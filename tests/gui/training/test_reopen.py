"""A trained project opened again shows what training showed: the per-batch loss on the epoch
axis of its history, and the Output panel of its data — the confusion matrix and image gallery
of the last epoch when the project keeps its timeline, else empty plots of the right kind (no
plot over the inputs for 784 pixels). Also when the data loads on a worker (a referenced IDX
file) and in a window that never trained."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.datasets import linked
from core.datasets import ref as ref_module
from core.datasets.dataset import split
from core.datasets.ref import DataRef
from core.project import Project, load_project, save_project
from core.spec import NetworkSpec
from core.training.history import History
from core.training.settings import TrainingSettings
from gui.training.mnist_like import generate, write_idx
from tests.gui.training_support import END_TIMEOUT_MS, click, open_example, train_to_end
from tests.gui.windows import shown_main_window


def expected_batches_per_epoch(window) -> int:
    """What the trainer does: the training part of the project's split, in batches."""
    settings = window.doc.settings
    train = split(window.data.dataset, settings.split, settings.seed)[0]
    return -(-train.n_samples // min(settings.batch_size, train.n_samples))


def history_of(window) -> History:
    return History.from_dict(window.doc.history)


def settled(window) -> bool:
    """The data is loaded, every panel was told what waits for it and no frame is being made."""
    training = window.training
    return (window.data.dataset is not None and not window.data.loading
            and not training.timeline.runner.busy
            and not any(host._later for host in training.hosts.values()))


def open_and_settle(qtbot, window, path, frame: bool = True) -> None:
    """Open ``path`` and wait until the panels show it: its network's frame, made on the
    worker once the data is loaded (``frame``), or what the window tells them without one."""
    if frame:
        with qtbot.waitSignal(window.training.timeline.frame_shown, timeout=30_000):
            assert window.files.load(str(path))
    else:
        assert window.files.load(str(path))
        qtbot.wait(100)  # nothing comes: the network cannot run
    qtbot.waitUntil(lambda: settled(window), timeout=30_000)


def check_loss_axis(window) -> None:
    """The per-batch curve ends where the history's epochs end (the x axis is epochs)."""
    loss = window.training.loss
    history = history_of(window)
    batch_x, _ = loss.batch_curve.getData()
    epochs, _ = loss.curve("train_loss").getData()
    assert list(epochs) == history.epochs["epoch"]
    expected = len(history.batch_loss) * history.batch_stride / expected_batches_per_epoch(window)
    assert batch_x[-1] == pytest.approx(expected)
    assert batch_x[-1] == pytest.approx(history.n_epochs)  # whole epochs were trained
    high = loss.loss_plot.vb.viewRange()[0][1]
    assert high < history.n_epochs + 1


@pytest.fixture
def new_window(qtbot, settings):
    """A second main window, as on the next day: it never trained anything."""
    return shown_main_window(qtbot, settings)


def test_the_digits_example_trained_saved_and_opened_again_shows_its_last_epoch(
        qtbot, window, new_window, tmp_path):
    open_example(window, "digits_mlp", epochs=2)
    train_to_end(qtbot, window)
    trained = window.training.output.frame.evaluation.confusion.copy()
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)

    for win in (window, new_window):  # New then Open in the same window; Open in a fresh one
        if win is window:
            assert window.files.new()
        open_and_settle(qtbot, win, path)
        check_loss_axis(win)
        output = win.training.output
        assert not output.has_plane  # 64 pixels: no plot over the inputs
        assert not output.boundary.plot.isVisible()
        np.testing.assert_array_equal(output.frame.evaluation.confusion, trained)
        np.testing.assert_array_equal(output.confusion.shown, trained)
        assert output.gallery.isVisible() and output.gallery.evaluation is not None
        assert output.note.text().startswith("test accuracy")


def test_without_its_timeline_the_panels_show_the_network_the_project_holds(
        qtbot, window, new_window, tmp_path):
    open_example(window, "digits_mlp", epochs=1)
    train_to_end(qtbot, window)
    trained = window.training.output.frame.evaluation.confusion.copy()
    window.training.timeline.bar.save_check.setChecked(False)
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)

    open_and_settle(qtbot, new_window, path)
    assert new_window.training.timeline.timeline is None
    check_loss_axis(new_window)
    output = new_window.training.output
    assert not output.has_plane
    assert output.confusion.class_names == tuple(str(k) for k in range(10))
    np.testing.assert_array_equal(output.confusion.shown, trained)  # the saved weights'
    assert output.gallery.isVisible()
    assert new_window.training.weights.frame.snapshot.epoch == 1


def test_a_run_stopped_mid_epoch_opens_with_the_weights_it_stopped_at(
        qtbot, window, new_window, tmp_path):
    """The timeline keeps the network at the end of each epoch; the project the weights of
    the mini-batch where the run was stopped: those are what the panels showed and show."""
    open_example(window, "digits_mlp", epochs=1)
    train_to_end(qtbot, window)
    controller = window.training.session.controller
    with qtbot.waitSignal(controller.frame_ready, timeout=10_000):
        click(qtbot, window, "step")  # one mini-batch into epoch 2
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")
    stopped = window.training.output.frame
    assert stopped.snapshot.epoch == 1 and stopped.snapshot.batch == 1
    latest = window.training.timeline.timeline.latest()
    assert latest.epoch == 1  # recorded before the step
    assert not np.array_equal(latest.params["W1"], window.doc.array("W1"))
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)

    open_and_settle(qtbot, new_window, path)
    np.testing.assert_array_equal(new_window.training.output.confusion.shown,
                                  stopped.evaluation.confusion)


def test_a_trained_project_whose_network_cannot_run_shows_empty_plots_of_its_data(
        qtbot, window, new_window, tmp_path):
    """The history is drawn and the Output panel is laid out for the data (no plot over the
    inputs for 64 pixels, the ten classes on the confusion matrix's axes), empty."""
    open_example(window, "digits_mlp", epochs=1)
    train_to_end(qtbot, window)
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)
    project = load_project(path)
    cut = project.spec.edges[-1].id  # the output cut off: saved with its history only
    save_project(replace(project, spec=project.spec.without_edge(cut), params=None,
                         state=None, continuation=None, timeline=None), path)

    open_and_settle(qtbot, new_window, path, frame=False)
    assert new_window.doc.problems
    check_loss_axis(new_window)
    output = new_window.training.output
    assert not output.has_plane and output.frame is None
    assert output.confusion.class_names == tuple(str(k) for k in range(10))
    assert output.confusion.shown is None
    low, high = output.confusion.plot.vb.viewRange()[0]
    assert low < 0 < 9 < high  # the ten classes' ticks fill the axis


@pytest.fixture
def referenced_idx(tmp_path, monkeypatch):
    """An MNIST-like IDX file (600 images 28×28) large enough to be referred to, not embedded:
    a project that uses it reads it on a worker when opened."""
    monkeypatch.setattr(linked, "EMBED_LIMIT_BYTES", 100)
    monkeypatch.setattr(ref_module, "EMBED_LIMIT_BYTES", 100)
    images, labels = generate(600, seed=1)
    return write_idx(tmp_path / "idx", images, labels)


def train_on_referenced(qtbot, window, referenced_idx, tmp_path, epochs: int) -> None:
    """784-16-10 trained in ``window`` on the referenced IDX file (read from disk on Open)."""
    start = tmp_path / "start.netcanvas"
    save_project(Project(spec=NetworkSpec.mlp((784, 16, 10)), data=DataRef.builtin("xor"),
                         settings=replace(TrainingSettings(), epochs=epochs)), start)
    assert window.files.load(str(start))
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20_000):
        window.data_picker.import_path(str(referenced_idx))
    assert window.doc.data.kind == "file"
    train_to_end(qtbot, window)


def test_a_project_whose_data_loads_in_the_background_opens_with_the_right_panels(
        qtbot, window, new_window, referenced_idx, tmp_path):
    train_on_referenced(qtbot, window, referenced_idx, tmp_path, epochs=2)
    trained = window.training.output.frame.evaluation.confusion.copy()
    path = tmp_path / "mnist.netcanvas"
    assert window.files.write(str(path), wait=True)

    for win in (window, new_window):
        if win is window:
            assert window.files.new()
        with qtbot.waitSignal(win.training.timeline.frame_shown, timeout=30_000):
            assert win.files.load(str(path))
            assert win.data.loading  # read on a worker: the panels are told before it is
        qtbot.waitUntil(lambda w=win: settled(w), timeout=30_000)
        check_loss_axis(win)
        output = win.training.output
        assert not output.has_plane
        np.testing.assert_array_equal(output.confusion.shown, trained)
        assert output.gallery.isVisible() and output.gallery.shape == (28, 28)


def test_weights_over_time_are_drawn_again_from_the_saved_timeline(qtbot, window, tmp_path):
    # reopened with its timeline, the Weights panel's "Weights over time" was empty axes (the
    # run's trails are not saved): they are made again from the timeline's weights
    from core.engine.params import weight_name

    open_example(window, "digits_mlp", epochs=3)
    train_to_end(qtbot, window)
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)
    assert window.files.new()
    open_and_settle(qtbot, window, path)
    weights = window.training.docks["Weights"]
    weights.raise_()
    panel = window.training.weights
    qtbot.waitUntil(lambda: panel.frame is not None and panel.edge_id is not None)
    edge = panel.edge_id
    trail = panel.frame.weight_trails.get(edge)
    assert trail is not None
    timeline = load_project(path).timeline
    assert trail.x.tolist() == [float(e) for e in timeline.epochs]  # 0 (the start) to 3
    weights_of = [record.params[weight_name(edge)] for record in timeline.records()]
    assert trail.low == pytest.approx(min(float(w.min()) for w in weights_of))
    assert trail.high == pytest.approx(max(float(w.max()) for w in weights_of))
    qtbot.waitUntil(lambda: panel.trail_image.image is not None)
    assert panel.trail_image.image.shape[1] == len(timeline.epochs)


def test_the_saved_timelines_trails_are_made_off_the_gui_thread(qtbot, window, tmp_path,
                                                                 monkeypatch):
    # 200 records of a 784-100-10 network took the GUI thread 48-61 ms at the first frame
    # after reopening (the slider's first move, or the present drawn once the data is there)
    import threading

    from gui.training import trails as trails_module

    made_on: list[threading.Thread] = []
    original = trails_module.trails_of

    def recorded(*args):
        made_on.append(threading.current_thread())
        return original(*args)

    monkeypatch.setattr(trails_module, "trails_of", recorded)
    from gui.training import timeline as timeline_module  # where it was called before

    monkeypatch.setattr(timeline_module, "trails_of", recorded, raising=False)
    open_example(window, "digits_mlp", epochs=3)
    train_to_end(qtbot, window)
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=True)
    assert window.files.new()
    open_and_settle(qtbot, window, path)
    window.training.docks["Weights"].raise_()
    panel = window.training.weights
    qtbot.waitUntil(lambda: panel.frame is not None and bool(panel.frame.weight_trails))
    slider = window.training.timeline.bar.slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: panel.frame is not None and panel.frame.snapshot.epoch == 0)
    assert made_on and threading.main_thread() not in made_on
    assert len(made_on) == 1  # once per timeline


def test_an_epoch_pulled_back_to_while_the_data_loads_is_shown_once_it_has(
        qtbot, window, referenced_idx, tmp_path, monkeypatch):
    """Open reads a referenced data file on a worker; the slider pulled back meanwhile said
    "Choose the project's data set…" — wrong, it was loading — and showed that epoch never."""
    from gui.document import data_source
    from tests.gui.worker_gate import Gate

    train_on_referenced(qtbot, window, referenced_idx, tmp_path, epochs=3)
    path = tmp_path / "idx.netcanvas"
    assert window.files.write(str(path), wait=True)
    assert window.files.new()
    gate = Gate(monkeypatch, data_source, "prepare_ahead")
    assert window.files.load(str(path))
    assert gate.entered.wait(10) and window.data.loading
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)  # epoch 0, while the data is still on its way
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "The data set is still loading"))
    with qtbot.waitSignal(timeline.frame_shown, timeout=30_000,
                          check_params_cb=lambda epoch: epoch == 0):
        gate.release.set()
    assert timeline.shown_epoch == 0
