"""Which run is which when runs are compared: the Loss panel's legend names the run its own
curves belong to beside the runs ticked in the Runs list, and the Runs list says which run a
run went on from (Train goes on after the trained epochs with the current weights)."""

import re

import pytest
from PySide6.QtCore import Qt

from core.project import load_project
from gui.document.commands import ChangeSettingsCommand
from gui.training.runs_list import EPOCHS as EPOCHS_COLUMN
from gui.training.runs_list import NUMBER
from tests.gui.training.test_runs_list import click_tick
from tests.gui.training_support import click, open_example, train_to_end

EPOCHS = 3


def legend_words(loss) -> list[str]:
    """The Loss panel's runs legend as its entries' words, in order."""
    text = loss.run_legend.text().replace("&nbsp;", " ")
    return [re.sub(r"<[^>]*>", "", entry).strip() for entry in text.split("━")[1:]]


@pytest.fixture
def went_on(qtbot, window):
    """Spiral trained 3 epochs with lr 0.03, then 3 more (lr 0.01) going on from them."""
    open_example(window, "spiral", epochs=EPOCHS, lr=0.03)
    train_to_end(qtbot, window)
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.01}))
    train_to_end(qtbot, window)
    window.training.docks["Runs"].raise_()
    qtbot.waitUntil(lambda: window.training.runs.view.isVisible())
    return window


def test_the_loss_legend_names_the_current_run_among_the_compared(qtbot, went_on):
    window = went_on
    ui = window.training
    loss = ui.loss
    click_tick(qtbot, ui.runs.view, 0)
    qtbot.waitUntil(loss.run_legend.isVisible)
    assert legend_words(loss) == ["run 2: lr 0.03 → 0.01 (current)", "run 1: first run"]
    # the current run ticked too is named once (it was listed again at the end)
    click_tick(qtbot, ui.runs.view, 1)
    assert legend_words(loss) == ["run 2: lr 0.03 → 0.01 (current)", "run 1: first run"]
    click_tick(qtbot, ui.runs.view, 1)
    window.undo_action.trigger()  # run 2 undone: run 1's weights and curves are current
    # run 1, ticked, is the current run: once ("run 1: first run (current)", "run 1: first
    # run" before), and the legend still says which run the curves are
    qtbot.waitUntil(lambda: legend_words(loss) == ["run 1: first run (current)"])
    assert loss.run_legend.isVisible()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: legend_words(loss)[0] == "run 2: lr 0.03 → 0.01 (current)")
    # While a run trains, its curves are the run it will be recorded as
    click(qtbot, window, "step")
    qtbot.waitUntil(lambda: legend_words(loss) == ["run 3 (current)", "run 1: first run"])
    with qtbot.waitSignal(ui.session.ended, timeout=60_000):
        click(qtbot, window, "stop")
    qtbot.waitUntil(lambda: legend_words(loss)[0] == "run 2: lr 0.03 → 0.01 (current)")
    window.training.session.reset_weights()  # fresh weights: no run's curves are current
    qtbot.waitUntil(lambda: legend_words(loss) == ["run 1: first run"])


def test_the_runs_list_says_a_run_went_on_from_the_one_before(qtbot, went_on, tmp_path):
    window = went_on
    model = window.training.runs.view.model()
    assert model.index(0, EPOCHS_COLUMN).data() == "3"
    assert model.index(1, EPOCHS_COLUMN).data() == "4–6, goes on from run 1"
    assert "It goes on from run 1 after epoch 3." in model.index(1, NUMBER).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "goes on" not in model.index(0, NUMBER).data(Qt.ItemDataRole.ToolTipRole)
    assert [r.continued_from for r in window.doc.runs] == [None, 1]
    # saved and opened again, it still says so
    path = tmp_path / "went_on.netcanvas"
    assert window.files.write(str(path))
    assert [r.continued_from for r in load_project(path).runs] == [None, 1]
    assert window.files.load(path)
    assert window.training.runs.view.model().index(1, EPOCHS_COLUMN).data() == \
        "4–6, goes on from run 1"


def test_a_run_from_fresh_weights_goes_on_from_none(qtbot, went_on):
    window = went_on
    window.training.session.reset_weights()
    train_to_end(qtbot, window)
    assert [r.continued_from for r in window.doc.runs] == [None, 1, None]
    assert window.training.runs.view.model().index(2, EPOCHS_COLUMN).data() == "3"


def test_after_continue_from_here_a_run_goes_on_from_the_run_that_trained_that_epoch(
        qtbot, window):
    """Run 2 went on from run 1's epoch 6; Continue from epoch 3 hides run 2 (all its epochs
    came after) and cuts run 1 there: the next run goes on from run 1, not from run 2, whose
    record still begins with those epochs."""
    open_example(window, "xor_learned", epochs=EPOCHS * 2)
    train_to_end(qtbot, window)
    train_to_end(qtbot, window)
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    qtbot.keyPress(slider, Qt.Key.Key_Home)
    for _ in range(EPOCHS):
        qtbot.keyPress(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: timeline.shown_epoch == EPOCHS and window.doc.previewing
                    and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    assert [(r.epochs, r.hidden) for r in window.doc.runs] == [(EPOCHS, False),
                                                                (EPOCHS * 2, True)]
    train_to_end(qtbot, window)
    assert [r.continued_from for r in window.doc.runs] == [None, 1, 1]
    model = window.training.runs.model
    assert model.index(1, EPOCHS_COLUMN).data() == "4–9, goes on from run 1"
