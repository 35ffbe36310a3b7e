"""The plots fit the docks they sit in, at the window's default layout: every data point of the
output plane in view before the first run, the epoch axis ending where an early-stopped run
ended, tick labels that never overlap, titles and combos that are not cut, the Runs legend in
a row of its own, and the activation called by the canvas's name."""

import re

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from gui.document.commands import ChangeSettingsCommand
from gui.i18n import set_language
from gui.training.benchmark import side_by_side
from gui.training.controller import IDLE, PAUSED, RUNNING
from gui.training.plots.axes import epoch_axis_end, next_step
from tests.gui.text_fit import clipped_texts
from tests.gui.training.test_runs_list import click_tick
from tests.gui.training_support import END_TIMEOUT_MS, click, open_example, train_to_end

DEFAULT_SIZE = (1280, 800)
PANELS = ("Loss", "Weights", "Output", "Activations")


def raised(qtbot, window, name: str):
    """The panel of dock ``name``, its tab in front and drawn."""
    ui = window.training
    ui.docks[name].raise_()
    qtbot.waitUntil(lambda: ui.hosts[name].is_built)
    panel = ui.hosts[name].panel
    qtbot.waitUntil(lambda: panel.shown and not panel.stale)
    qtbot.wait(50)  # its layout, after the frame
    return panel


def plots_of(panel):
    return [item for item in panel.graphics.ci.items if hasattr(item, "getAxis")]


def label_rects(axis) -> list[QRectF]:
    """Where the axis draws its tick labels (pyqtgraph's own layout of them)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [rect for rect, _, _ in texts]


def overlapping_labels(panel) -> list[str]:
    found = []
    for plot in plots_of(panel):
        if not plot.isVisible():
            continue
        for name in ("left", "bottom"):
            rects = label_rects(plot.getAxis(name))
            for i, a in enumerate(rects):
                for b in rects[i + 1:]:
                    if a.intersects(b):
                        title = re.sub("<[^>]+>", "", plot.titleLabel.text)
                        found.append(f"{panel.title}: {title} {name}")
    return found


def test_the_output_plane_shows_every_xor_point_before_the_first_run(qtbot, window):
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned")
    output = raised(qtbot, window, "Output")
    x, y = output.boundary.train.getData()
    assert len(x) == 4
    (x0, x1), (y0, y1) = output.boundary.plot.vb.viewRange()
    for px, py in zip(x, y, strict=True):
        assert x0 < px < x1 and y0 < py < y1, f"({px}, {py}) outside {x0, x1} × {y0, y1}"
    assert x1 - x0 < 2 and y1 - y0 < 2  # around the points, with a margin


def test_after_an_early_stop_the_epoch_axis_spans_the_epochs_trained(qtbot, window):
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned")
    planned = window.doc.settings.epochs
    result = train_to_end(qtbot, window)
    assert result.outcome.kind == "target_reached", result.outcome
    trained = result.frame.history.n_epochs
    assert trained < planned / 2
    loss = raised(qtbot, window, "Loss")
    qtbot.waitUntil(lambda: loss.history is not None
                    and loss.history.n_epochs == trained)
    for plot in (loss.loss_plot, loss.metric_plot):
        low, high = plot.vb.viewRange()[0]
        assert low <= 0 and trained <= high < trained * 1.1, (high, trained, planned)
    weights = raised(qtbot, window, "Weights")
    assert weights.trail_plot.vb.viewRange()[0][1] < planned / 2  # the columns, not 2,000



def step_with_f10(qtbot, window, state: str = PAUSED):
    """Press F10 (Step), wait for the run to be in ``state`` (paused, or idle: the step ended
    it), and until the Loss panel has drawn its newest frame."""
    controller = window.training.session.controller
    window.view.setFocus()
    with qtbot.waitSignal(controller.frame_ready, timeout=10_000):
        qtbot.keyClick(window.view, Qt.Key.Key_F10)
    loss = window.training.loss
    qtbot.waitUntil(lambda: controller.state == state and loss.frame is controller.latest
                    and not loss.stale, timeout=10_000)
    return loss


def test_step_after_an_early_stop_keeps_the_epoch_axis_at_the_epochs_trained(qtbot, window):
    """Step (F10) after a run stopped at its target loss (epoch 960 here) starts a paused run
    planned to another 2,000 epochs: the axis jumped from 0–960 to 0–2,960 for one mini-batch.
    A run that is only stepped shows what has been trained (two mini-batches an epoch here, so
    the stepped run goes on instead of meeting its target again at once)."""
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned", batch_size=2, target_loss=0.2)
    planned = window.doc.settings.epochs
    result = train_to_end(qtbot, window)
    assert result.outcome.kind == "target_reached", result.outcome
    trained = result.frame.history.n_epochs
    assert trained < planned / 2
    raised(qtbot, window, "Loss")
    # the first step: a paused run; the second ends its epoch, at the target again; the
    # third starts another
    for state in (PAUSED, IDLE, PAUSED):
        loss = step_with_f10(qtbot, window, state)
        low, high = loss.loss_plot.vb.viewRange()[0]
        assert low <= 0 and trained <= high < trained * 1.1, (state, high, trained, planned)


def test_a_stepped_run_that_is_resumed_spans_its_planned_epochs(qtbot, window):
    """Stepped from idle the axis ends at what has been trained (one epoch); resumed, the run
    goes on freely and the axis jumps ahead of it (to the plan once a quarter of it is drawn:
    epoch_axis_end) instead of growing each frame."""
    window.resize(*DEFAULT_SIZE)
    open_example(window, "spiral", epochs=5000)
    planned = 5000
    raised(qtbot, window, "Loss")
    loss = step_with_f10(qtbot, window)
    assert loss.loss_plot.vb.viewRange()[0][1] < 2
    controller = window.training.session.controller
    click(qtbot, window, "resume")
    assert controller.state == RUNNING
    qtbot.waitUntil(lambda: loss.frame is not None and loss.frame.snapshot.step > 5
                    and not loss.stale, timeout=10_000)
    curves = loss.curves_shown
    drawn = max(curves.epochs[-1], curves.batch_x[-1])
    end = loss.loss_plot.vb.viewRange()[0][1]
    assert end == pytest.approx(epoch_axis_end(drawn, planned) * 1.02) and end >= 2 * drawn
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS):
        click(qtbot, window, "stop")


def test_next_step_climbs_one_two_five():
    steps = [0.1]
    for _ in range(6):
        steps.append(next_step(steps[-1]))
    assert steps == pytest.approx([0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0])


@pytest.mark.parametrize("size", [DEFAULT_SIZE, (1600, 1000)])
def test_tick_labels_never_overlap_and_titles_fit_at_the_default_layout(qtbot, window, size):
    window.resize(*size)
    open_example(window, "xor_learned")
    train_to_end(qtbot, window)
    for name in PANELS:
        panel = raised(qtbot, window, name)
        assert overlapping_labels(panel) == []
        graphics = panel.graphics
        # the plots' least width (their titles, tick labels) fits the panel: nothing cut
        assert graphics.ci.geometry().width() <= graphics.viewport().width() + 1, name
        for combo in (getattr(panel, n, None) for n in ("edge_combo", "node_combo")):
            if combo is not None:
                assert combo.width() >= combo.sizeHint().width()


def test_the_weights_panel_fits_in_korean(qtbot, window):
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned")
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: window.training.docks["Weights"].windowTitle() == "가중치")
        weights = raised(qtbot, window, "Weights")
        assert weights.edge_combo.currentText() == "입력 0 → 은닉 1"
        assert weights.edge_combo.width() >= weights.edge_combo.sizeHint().width()
        graphics = weights.graphics
        assert graphics.ci.geometry().width() <= graphics.viewport().width() + 1
        assert weights.trail_plot.titleLabel.text.endswith("시간에 따른 가중치</span>")
        assert clipped_texts(weights) == []
    finally:
        set_language("en")


def test_the_runs_legend_names_every_run_above_the_plots(qtbot, window):
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned", epochs=5)
    train_to_end(qtbot, window)
    for seed in (1, 2):
        window.training.session.reset_weights()
        window.doc.push(ChangeSettingsCommand(window.doc, {"seed": seed}))
        train_to_end(qtbot, window)
    ui = window.training
    loss = raised(qtbot, window, "Loss")
    ui.docks["Runs"].raise_()
    view = ui.runs.view
    qtbot.waitUntil(view.isVisible)
    for row in range(3):
        click_tick(qtbot, view, row)
    labels = [overlay.label for overlay, _ in loss.overlays]
    assert len(labels) == 3
    legend = loss.run_legend
    qtbot.waitUntil(legend.isVisible)
    for label in labels:
        assert label.replace(" ", "") in legend.text().replace(" ", "").replace("&nbsp;", "")
    assert legend.toolTip() == ""  # not cut at its last line
    box = legend.box.geometry()
    assert not box.intersects(loss.graphics.geometry())  # over no curve
    assert box.width() == loss.graphics.width()
    assert clipped_texts(loss) == []
    click_tick(qtbot, view, 0)
    click_tick(qtbot, view, 1)
    click_tick(qtbot, view, 2)
    qtbot.waitUntil(lambda: not legend.isVisible())


def test_the_activations_note_names_the_activation_as_the_canvas_does(qtbot, window):
    window.resize(*DEFAULT_SIZE)
    open_example(window, "xor_learned", epochs=5)
    train_to_end(qtbot, window)
    activations = raised(qtbot, window, "Activations")
    assert activations.node_combo.currentText() == "hidden 1"
    assert "<b>hidden 1</b> (Sigmoid):" in activations.note.text()
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: "은닉 1" in activations.note.text())
        assert "<b>은닉 1</b> (시그모이드):" in activations.note.text()
        hidden = next(n for n in window.doc.spec.nodes if n.kind == "hidden")
        assert window.scene.node_item(hidden.id)._summary() == "시그모이드"  # the canvas's
    finally:
        set_language("en")


@pytest.mark.parametrize(("layout", "size"), [("side by side", DEFAULT_SIZE),
                                              ("default", DEFAULT_SIZE),
                                              ("default", (1366, 768))])
def test_every_plot_lies_within_its_panel(qtbot, window, layout, size):
    """Side by side, each panel is ~270 px wide: the Activations plots were laid out 460 px
    wide (their titles side by side) and cut on the right ("Mean ± st…"), the Weights and
    Output plots too. The panels keep the width their plots need, and that still fits the
    window (and the default layout at the small screens' sizes)."""
    window.resize(*size)
    open_example(window, "xor_learned", epochs=20)
    if layout == "side by side":
        side_by_side(window)
    train_to_end(qtbot, window)
    cut = []
    for name in PANELS:
        panel = raised(qtbot, window, name)
        graphics = panel.graphics
        visible = graphics.viewport().rect()
        shown = [graphics.ci] + [plot for plot in plots_of(panel) if plot.isVisible()]
        if any(item.sceneBoundingRect().right() > visible.right() + 1
               or item.sceneBoundingRect().bottom() > visible.bottom() + 1 for item in shown):
            cut.append(name)
    assert cut == []
    assert window.width() == size[0]  # the window did not grow past the screen's width
    assert window.minimumSizeHint().width() <= size[0]


def test_the_output_plots_fill_their_panel_after_image_data(qtbot, window):
    """Opening XOR after the digits example: the output plane and confusion matrix were laid
    out at their least size (283 × 88 px) in the panel's corner until it was resized."""
    window.resize(*DEFAULT_SIZE)
    open_example(window, "digits_mlp")
    output = raised(qtbot, window, "Output")
    assert not output.has_plane
    open_example(window, "xor_learned")
    qtbot.waitUntil(lambda: output.has_plane)
    qtbot.wait(50)
    graphics = output.graphics
    assert graphics.ci.geometry().size().toSize() == graphics.viewport().size()
    plot = output.confusion.plot
    assert plot.sceneBoundingRect().right() > graphics.viewport().width() * 0.8
