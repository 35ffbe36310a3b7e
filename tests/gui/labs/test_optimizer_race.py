"""The optimizer-race lab: paths that follow the rules, live learning rates, divergence shown
and stopped, step and animate, and the book's race on digits run as the lab opens."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

from core.engine import optimizers
from core.labs.optimizer_race import (
    BOOK_LR,
    BOOK_RACE_LR,
    IN_BOOK,
    ROSENBROCK_LR,
    SURFACES,
    TITLES,
    book_descent,
    path,
)
from gui import theme
from gui.labs.optimizer_race_plots import iso_levels
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target

BOWL = "x²/20 + y²"
MARKERS = {"start": "start", "end": "where each path ends"}  # the legend's last two entries
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
    assert lab.path_legend.labels() == {**{name: TITLES[name] for name in IN_BOOK}, **MARKERS}
    assert lab.race_rates.text() == "SGD, Momentum, AdaGrad 0.01 · Adam 0.001 (the book's)"


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


def end_dot(lab, name):
    x, y = lab.markers.ends[name].getData()
    return np.column_stack([x, y])


def test_rosenbrock_marks_every_end_and_draws_the_shortest_path_on_top(qtbot, lab, tmp_path):
    """SGD's path lay wholly under the others on Rosenbrock and its end could not be seen: a
    ring marks the common start, a dot each path's end, and the shortest path is on top."""
    choose_surface(qtbot, lab, ROSENBROCK)
    shown = [n for n in optimizers.NAMES if lab.curves[n].isVisible()]
    assert shown == list(IN_BOOK)
    x, y = lab.markers.start.getData()
    assert (x[0], y[0]) == (-1.5, 2.0) and lab.markers.start.isVisible()
    for name in shown:
        dot = lab.markers.ends[name]
        assert dot.isVisible() and len(dot.getData()[0]) == 1, name
        np.testing.assert_array_equal(end_dot(lab, name)[0], drawn(lab, name)[-1])
        assert dot.opts["brush"].color().name() == theme.OPTIMIZER_COLORS[name]
    np.testing.assert_allclose(end_dot(lab, "sgd")[0], (-0.608, 0.449), atol=1e-3)
    assert not lab.markers.ends["rmsprop"].isVisible()
    # the path that travels least (SGD's crawl) is drawn last, above every other
    lengths = {n: float(np.linalg.norm(np.diff(drawn(lab, n), axis=0), axis=1).sum())
               for n in shown}
    by_z = sorted(shown, key=lambda n: lab.curves[n].zValue())
    assert by_z == sorted(shown, key=lambda n: -lengths[n]) and by_z[-1] == "sgd"
    assert min(d.zValue() for d in lab.markers.ends.values()) > max(
        c.zValue() for c in lab.curves.values())
    lab.resize(1280, 800)
    lab.grab().save(str(screenshot_target("optimizer_race_rosenbrock.png", tmp_path)))

    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)  # replayed: the dots follow
    for name in shown:
        np.testing.assert_array_equal(end_dot(lab, name)[0], drawn(lab, name)[1])
    choose_surface(qtbot, lab, "descent")  # the book's gradient descent has its own marks
    assert not any(d.isVisible() for d in lab.markers.ends.values())
    assert not lab.markers.start.isVisible()


def test_adagrad_on_rosenbrock_takes_shrinking_steps_inside_the_window(qtbot, lab):
    """At lr 1 AdaGrad's first steps zig-zagged and one ran to the top edge (y = 3) while the
    notice spoke of ever-shrinking steps: at 0.3 its first step is 0.3 along each axis, then
    its steps shrink, and it stops half-way, just ahead of SGD, as the notice now says."""
    choose_surface(qtbot, lab, ROSENBROCK)
    assert lab.lrs["adagrad"].value() == 0.3
    points = drawn(lab, "adagrad")
    np.testing.assert_allclose(points[1], (-1.2, 2.3))  # lr along each axis, up the slope
    steps = np.linalg.norm(np.diff(points, axis=0), axis=1)
    assert np.mean(steps[2:] < steps[1:-1]) > 0.95  # then ever shorter
    assert points[:, 1].max() <= 2.3 + 1e-9 and points[:, 0].min() >= -1.5
    _x0, x1, _y0, y1 = SURFACES[ROSENBROCK].window
    assert np.all((points[:, 1] < y1 - 0.5) & (points[:, 0] < x1))
    np.testing.assert_allclose(points[-1], (-0.449, 0.248), atol=1e-3)  # half-way…
    assert np.hypot(*(points[-1] - 1)) < np.hypot(*(drawn(lab, "sgd")[-1] - 1))  # …past SGD
    notice = lab.notice_label.text()
    assert "first step is lr along each axis" in notice and "just ahead of SGD" in notice

    click_box(qtbot, lab.more)  # RMSprop's first step is 10·lr: at 0.1 it hit the top edge too
    assert lab.lrs["rmsprop"].value() == 0.03
    rmsprop = drawn(lab, "rmsprop")
    np.testing.assert_allclose(rmsprop[1], (-1.2, 2.3))
    assert rmsprop[:, 1].max() <= 2.3 + 1e-9
    assert "their rates on the surface" in lab.notice_label.text()


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
    for name in IN_BOOK:  # Nesterov and RMSprop are trained when ticked
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


def test_the_race_trains_the_optimizers_shown_and_the_other_two_when_ticked(qtbot, open_lab):
    """Unticked, the status read "Training with RMSprop: epoch 10 of 10" under a legend of
    the book's four, and the race trained all six (1.5 times as long)."""
    lab = open_lab("optimizer_race")
    statuses = []
    lab.job.progress.connect(lambda _payload: statuses.append(lab.race_status.text()))
    qtbot.waitUntil(lambda: not lab.job.running, timeout=60_000)
    assert set(lab.race) == set(IN_BOOK)
    for name in ("nesterov", "rmsprop"):
        epochs, _ = lab.loss_curves[name].getData()
        assert epochs is None or len(epochs) == 0
    assert len(statuses) == 4 * 10
    assert not any("Nesterov" in s or "RMSprop" in s for s in statuses), statuses
    assert "Training with Adam: epoch 10 of 10" in statuses
    before = {name: list(curve) for name, curve in lab.race.items()}

    statuses.clear()
    click_box(qtbot, lab.more)  # the two are trained now, the four kept
    assert lab.job.running and lab.race_status.text() == "Training with Nesterov…"
    qtbot.waitUntil(lambda: not lab.job.running, timeout=60_000)
    assert set(lab.race) == set(optimizers.NAMES)
    assert {name: lab.race[name] for name in IN_BOOK} == before
    assert all(len(curve) == 10 for curve in lab.race.values())
    assert statuses[0] == "Training with Nesterov: epoch 1 of 10" and len(statuses) == 20
    assert lab.race_status.text().startswith("Lowest final loss")
    assert "Nesterov — " in lab.loss_legend.labels()["nesterov"]

    click_box(qtbot, lab.more)  # hidden again: nothing to train, the ranking of the four
    assert not lab.job.running
    assert lab.race_status.text().startswith("Lowest final loss")


def test_ticked_while_the_race_runs_the_same_race_trains_all_six(qtbot, open_lab):
    lab = open_lab("optimizer_race")
    assert lab.job.running  # started on opening, with the book's four
    trained = []
    lab.job.progress.connect(lambda payload: trained.append(payload[0]))
    click_box(qtbot, lab.more)
    qtbot.waitUntil(lambda: not lab.job.running and len(lab.race) == 6, timeout=60_000)
    assert all(len(curve) == 10 for curve in lab.race.values())
    assert {"nesterov", "rmsprop"} <= set(trained)
    assert lab.race_status.text().startswith("Lowest final loss")


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


def click_box(qtbot, button):
    """Click a check or radio button on its indicator (its middle may be past its text)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_the_books_four_are_drawn_and_the_other_two_are_a_tick_away(qtbot, lab, tmp_path):
    """AdaGrad was hidden under RMSprop's line and SGD under Momentum's and Nesterov's: now the
    book's four are shown on top, Nesterov and RMSprop off until ticked."""
    assert not lab.more.isChecked()
    for name in ("nesterov", "rmsprop"):
        assert not lab.curves[name].isVisible() and not lab.loss_curves[name].isVisible()
        assert not lab.lrs[name].isVisible()
    assert all(lab.curves[n].isVisible() and lab.lrs[n].isVisible() for n in IN_BOOK)
    assert lab.curves["adagrad"].zValue() > lab.curves["rmsprop"].zValue()
    assert lab.curves["momentum"].zValue() > lab.curves["nesterov"].zValue()
    # SGD's line is wider than Momentum's drawn over it: on x² + y² both run along one line
    assert lab.curves["sgd"].opts["pen"].widthF() > lab.curves["momentum"].opts["pen"].widthF()
    assert "are off" in lab.notice_label.text()
    assert "the book's learning rates" in lab.notice_label.text()

    click_box(qtbot, lab.more)
    assert lab.more.isChecked()
    assert all(lab.curves[n].isVisible() and lab.lrs[n].isVisible() for n in optimizers.NAMES)
    assert lab.path_legend.labels() == {**TITLES, **MARKERS}
    assert lab.race_rates.text() == ("SGD, Momentum, AdaGrad 0.01 · Adam 0.001 (the book's); "
                                     "Nesterov 0.01 · RMSprop 0.001 (not in the book)")
    assert "not in the book's figures, nor are their rates" in lab.notice_label.text()
    lab.resize(1280, 800)
    lab.grab().save(str(screenshot_target("optimizer_race_six.png", tmp_path)))

    click_box(qtbot, lab.more)
    assert not lab.curves["rmsprop"].isVisible() and "rmsprop" not in lab.path_legend.labels()


def test_gradient_descent_with_the_books_numbers(qtbot, lab, tmp_path):
    """The book's §4.4: x0² + x1² from (−3, 4), lr 0.1 for 100 steps, and its too large and
    too small rates, each path drawn and its final point printed as the book prints it."""
    choose_surface(qtbot, lab, "descent")
    assert lab.surface.currentText() == "Gradient descent (book §4.4)"
    assert lab.steps.value() == 100 and lab.descent_controls.rates[0].isChecked()
    assert not any(lab.curves[n].isVisible() or lab.lrs[n].isVisible()
                   for n in optimizers.NAMES)
    assert lab.descent_curve.isVisible() and not lab.more.isVisible()
    x, y = lab.descent_curve.getData()
    assert (x[0], y[0]) == (-3.0, 4.0) and len(x) == 101
    np.testing.assert_allclose(x[1:3], [-2.4, -1.92])  # each step: x ← 0.8·x
    np.testing.assert_allclose([x[-1], y[-1]], [-6.11110793e-10, 8.14814391e-10], rtol=1e-8)
    assert "After 100 steps from (−3, 4) with lr = 0.1" in lab.path_status.text()
    assert "x = [-6.11110793e-10,  8.14814391e-10]" in lab.path_status.text()
    assert "Practically the minimum" in lab.path_status.text()
    assert lab.path_legend.labels() == {"descent": "Gradient descent, lr = 0.1"}
    gradients = lab.descent_controls.gradients.text()
    assert "∇f at (3, 4) = (6, 8)" in gradients and "∇f at (0, 2) = (0, 4)" in gradients
    # the start written as every other sentence writes it: (−3, 4), not "(-3, 4)"
    assert "∇f at (−3, 4) = (−6, 8)" in gradients and "(-" not in gradients
    # on the plot: −0.1·∇f from each of the book's points, labelled with ∇f
    assert [label.textItem.toPlainText() for label in lab.gradient_arrows.labels()] == [
        "∇f at (3, 4) = (6, 8)", "∇f at (0, 2) = (0, 4)"]
    arrows = [i for i in lab.gradient_arrows.items if isinstance(i, pg.PlotDataItem)]
    np.testing.assert_allclose(np.column_stack(arrows[0].getData()), [[3, 4], [2.4, 3.2]])
    np.testing.assert_allclose(np.column_stack(arrows[1].getData()), [[0, 2], [0, 1.6]],
                               atol=1e-9)
    assert all(item.isVisible() for item in lab.gradient_arrows.items)
    assert "central differences" in lab.notice_label.text()
    lab.resize(1280, 800)
    lab.grab().save(str(screenshot_target("optimizer_race_descent.png", tmp_path)))

    click_box(qtbot, lab.descent_controls.rates[1])  # lr 10: too large
    assert "x = [-2.58983747e+13, -1.29524862e+12]" in lab.path_status.text()
    assert "Too large a rate" in lab.path_status.text()
    x, y = lab.descent_curve.getData()
    assert len(x) == 5 and np.max(np.abs([x, y])) <= 1e6  # drawn until it left the numbers
    assert lab.path_legend.labels() == {"descent": "Gradient descent, lr = 10"}

    click_box(qtbot, lab.descent_controls.rates[2])  # lr 1e-10: too small
    assert "x = [-2.99999994,  3.99999992]" in lab.path_status.text()
    assert "barely moved" in lab.path_status.text()

    click_box(qtbot, lab.descent_controls.rates[0])
    type_into(qtbot, lab.steps, "20")  # the book's figure: 20 steps
    assert "x = [-0.03458765,  0.04611686]" in lab.path_status.text()
    x, y = lab.descent_curve.getData()
    np.testing.assert_allclose([x[-1], y[-1]], [-0.0345876451, 0.0461168602], rtol=1e-8)
    qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)  # Step replays it
    assert len(lab.descent_curve.getData()[0]) == 2

    choose_surface(qtbot, lab, BOWL)
    assert not lab.descent_curve.isVisible() and lab.steps.value() == 30
    assert not any(item.isVisible() for item in lab.gradient_arrows.items)
    assert all(lab.curves[n].isVisible() for n in IN_BOOK)
    np.testing.assert_allclose(drawn(lab, "sgd"), path(SURFACES[BOWL], "sgd", 0.95))
    assert lab.path_legend.labels() == {**{name: TITLES[name] for name in IN_BOOK}, **MARKERS}
    np.testing.assert_allclose(book_descent(0.1).final, [-6.11110793e-10, 8.14814391e-10],
                               rtol=1e-8)


def test_the_loss_legend_is_laid_out_as_soon_as_it_is_filled(lab):
    """Each epoch of the race refills the loss legend. Its rows were placed only at the next
    turn of the event loop, so a picture taken in between (the README's Korean screenshot of
    the lab) showed every row drawn over the first. They are placed at once now."""
    lab.race = {name: [2.0, 1.5] for name in IN_BOOK}
    lab.fill_loss_legend()  # no event loop turn after this
    tops = [label.mapToItem(lab.loss_legend, label.boundingRect().topLeft()).y()
            for _sample, label in lab.loss_legend.items]
    assert len(tops) == len(IN_BOOK) and tops == sorted(set(tops)), tops  # one row each
