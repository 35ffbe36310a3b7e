"""The optimizer-race lab: paths that follow the rules, live learning rates, divergence shown
and stopped, step and animate, and the book's race on digits run as the lab opens."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

from core.engine import optimizers
from core.labs.optimizer_race import BOOK_LR, BOOK_RACE_LR, ROSENBROCK_LR, SURFACES, TITLES, path
from gui.labs.optimizer_race_plots import iso_levels
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target

BOWL = "x²/20 + y²"
ROSENBROCK = "Rosenbrock (1−x)² + 10(y−x²)²"


@pytest.fixture
def lab(qtbot, open_lab):
    """The lab with the race it starts on opening stopped (these tests are about the paths)."""
    lab = open_lab("optimizer_race")
    if lab.job.running:
        with qtbot.waitSignal(lab.job.finished, timeout=30_000):
            qtbot.mouseClick(lab.race_button, Qt.MouseButton.LeftButton)
    return lab



def drawn(lab, name):
    x, y = lab.curves[name].getData()
    return np.column_stack([x, y])


def choose_surface(qtbot, lab, key):
    for _ in range(lab.surface.count()):
        if lab.surface.currentData() == key:
            return
        qtbot.keyClick(lab.surface, Qt.Key.Key_Down if lab.surface.currentIndex() <
                       lab.surface.findData(key) else Qt.Key.Key_Up)
    assert lab.surface.currentData() == key


def test_opens_on_the_books_surface_and_rates(qtbot, lab):
    assert lab.surface.currentData() == BOWL
    assert {n: b.value() for n, b in lab.lrs.items()} == BOOK_LR
    sgd = drawn(lab, "sgd")
    assert tuple(sgd[0]) == (-7.0, 2.0) and len(sgd) == 31
    np.testing.assert_allclose(sgd, path(SURFACES[BOWL], "sgd", 0.95))
    # SGD zig-zags: y changes sign at every one of its 30 steps
    assert int(np.sum(np.diff(np.sign(sgd[:, 1])) != 0)) == 30
    # Momentum rolls past the valley's lowest point x = 0 (to 0.9 after 30 steps)
    assert drawn(lab, "momentum")[:, 0].max() > 0.5
    assert np.all(drawn(lab, "adagrad")[:, 1] >= 0)  # AdaGrad damps y without crossing
    assert lab.minimum.getData()[0][0] == 0 and lab.minimum.getData()[1][0] == 0
    assert all(iso.data is not None for iso in lab.isocurves)
    np.testing.assert_allclose(iso_levels(np.array([[0.0, 30.0]])),  # 0.2 % to 50 % of the top
                               [0.06, 0.18103, 0.54617, 1.64784, 4.97168, 15.0], rtol=1e-4)
    assert lab.path_legend.labels() == dict(TITLES)
    assert lab.race_rates.text() == ("SGD, Momentum, Nesterov, AdaGrad 0.01 · RMSprop, Adam "
                                     "0.001 (the book's)")


def test_every_control_has_a_tooltip_and_the_colours_differ(lab):
    controls = [*lab.findChildren(QAbstractButton), *lab.findChildren(QAbstractSpinBox),
                *lab.findChildren(QComboBox)]
    assert len(controls) >= 11
    assert all(len(c.toolTip()) > 20 for c in controls), [c for c in controls if not c.toolTip()]
    pens = {n: lab.loss_curves[n].opts["pen"] for n in optimizers.NAMES}
    assert len({p.color().name() for p in pens.values()}) == 6
    assert {n for n, p in pens.items() if p.style() != Qt.PenStyle.SolidLine} == {
        "nesterov", "rmsprop"}


def test_a_typed_learning_rate_redraws_the_path(qtbot, lab):
    type_into(qtbot, lab.lrs["sgd"], "0.1")
    np.testing.assert_allclose(drawn(lab, "sgd"), path(SURFACES[BOWL], "sgd", 0.1))
    assert np.all(drawn(lab, "sgd")[:, 1] > 0)  # a small rate no longer zig-zags
    type_into(qtbot, lab.lrs["adam"], "5e-4")  # scientific notation, below 0.001
    assert lab.lrs["adam"].value() == 5e-4
    np.testing.assert_allclose(drawn(lab, "adam"), path(SURFACES[BOWL], "adam", 5e-4))


def test_rosenbrock_brings_its_own_rates_and_shows_divergence(qtbot, lab):
    choose_surface(qtbot, lab, ROSENBROCK)
    assert {n: b.value() for n, b in lab.lrs.items()} == ROSENBROCK_LR
    assert lab.steps.value() == 100
    for name in optimizers.NAMES:  # every path whole and finite, closer to the minimum (1, 1)
        points = drawn(lab, name)
        assert len(points) == 101 and np.all(np.isfinite(points)), name
        assert np.hypot(*(points[-1] - 1)) < np.hypot(*(points[0] - 1)), name
    assert lab.minimum.getData()[0][0] == 1 and lab.minimum.getData()[1][0] == 1
    view = lab.plot.viewRange()

    type_into(qtbot, lab.lrs["sgd"], str(BOOK_LR["sgd"]))  # the bowl's rate
    assert lab.path_legend.labels()["sgd"] == "SGD — diverged at step 3"
    assert "Diverged: SGD (step 3)" in lab.path_status.text()
    points = drawn(lab, "sgd")
    assert len(points) == 3 and np.all(np.isfinite(points))  # nothing non-finite is drawn
    np.testing.assert_allclose(lab.plot.viewRange(), view)  # still the surface's window

    choose_surface(qtbot, lab, BOWL)  # back: the bowl's rates, nothing diverged
    assert {n: b.value() for n, b in lab.lrs.items()} == BOOK_LR and lab.steps.value() == 30
    assert lab.path_legend.labels()["sgd"] == "SGD" and lab.path_status.text() == ""


def test_a_huge_rate_on_the_bowl_is_reported_not_drawn_to_infinity(qtbot, lab):
    type_into(qtbot, lab.lrs["sgd"], "5")  # y is multiplied by 1 − 2·5 = −9 every step
    assert lab.path_legend.labels()["sgd"] == "SGD — diverged at step 6"
    assert np.max(np.abs(drawn(lab, "sgd"))) <= 1e6
    (x0, x1), (y0, y1) = lab.plot.viewRange()
    assert (x0, x1, y0, y1) == pytest.approx(SURFACES[BOWL].window)


def test_step_and_the_animate_toggle(qtbot, lab):
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert len(drawn(lab, "adam")) == 2
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    assert len(drawn(lab, "adam")) == 3

    qtbot.mouseClick(lab.animate_button, Qt.MouseButton.LeftButton)
    assert lab.animating and lab.animate_button.text() == "Stop animation"
    assert len(drawn(lab, "adam")) == 1  # replayed from the start
    qtbot.mouseClick(lab.animate_button, Qt.MouseButton.LeftButton)
    assert not lab.animating and lab.animate_button.text() == "Animate"

    qtbot.mouseClick(lab.animate_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, lab.lrs["momentum"], "0.05")  # a new rate stops it, paths shown whole
    assert not lab.animating and lab.animate_button.text() == "Animate"
    assert len(drawn(lab, "adam")) == 31

    type_into(qtbot, lab.steps, "4")
    qtbot.mouseClick(lab.animate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not lab.animating, timeout=10_000)  # it ends by itself
    assert len(drawn(lab, "adam")) == 5 and lab.animate_button.text() == "Animate"


def test_the_lab_opens_running_the_books_race(qtbot, open_lab, tmp_path):
    lab = open_lab("optimizer_race")
    qtbot.waitUntil(lambda: not lab.job.running, timeout=60_000)  # ~1 s, in the background
    final = {}
    for name in optimizers.NAMES:
        epochs, losses = lab.loss_curves[name].getData()
        assert len(epochs) == 10 and losses[-1] < losses[0], name
        final[name] = losses[-1]
        assert lab.loss_legend.labels()[name] == f"{TITLES[name]} — {losses[-1]:.3f}"
    # The book's result: SGD is the slowest by far (measured: 0.71 against 0.007-0.048).
    assert all(final[name] < final["sgd"] / 4 for name in final if name != "sgd"), final
    assert lab.race_button.text() == "Race on digits"
    assert lab.race_status.text().startswith("Lowest final loss")
    assert "slowest: SGD" in lab.race_status.text()
    assert {n: 0.01 for n in ("sgd", "momentum", "nesterov", "adagrad")}.items() <= \
        BOOK_RACE_LR.items()
    lab.resize(1200, 760)
    qtbot.wait(50)
    target = screenshot_target("lab_optimizers.png", tmp_path)
    assert lab.grab().toImage().save(str(target))


def test_the_race_stops_when_asked_and_when_the_lab_closes(qtbot, open_lab):
    lab = open_lab("optimizer_race")
    assert lab.job.running and lab.race_button.text() == "Stop race"  # started on opening
    with qtbot.waitSignal(lab.job.finished, timeout=30_000):
        qtbot.mouseClick(lab.race_button, Qt.MouseButton.LeftButton)
    assert len(lab.race) < len(optimizers.NAMES)
    assert lab.race_status.text().startswith("Stopped")
    assert lab.race_button.text() == "Race on digits"

    qtbot.mouseClick(lab.race_button, Qt.MouseButton.LeftButton)
    assert lab.job.running and lab.race_button.text() == "Stop race"
    lab.close()  # cancels and joins the thread
    assert not lab.job.running
    assert lab.race_status.text().startswith("Stopped when the window closed")
    assert lab.race_button.text() == "Race on digits"


def test_the_explanation_follows_the_surface(qtbot, lab):
    assert "x²/20 + y²" in lab.notice_label.text()
    lab.surface.setCurrentIndex(lab.surface.findData(ROSENBROCK))
    assert "Rosenbrock" in lab.notice_label.text() and "(1, 1)" in lab.notice_label.text()
    lab.surface.setCurrentIndex(lab.surface.findData(BOWL))
    assert "zig-zags across the valley" in lab.notice_label.text()
