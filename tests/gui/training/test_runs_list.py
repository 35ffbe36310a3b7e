"""The Runs list: every Train is recorded; ticking a run with the mouse draws its real history
on the Loss panel; rename with F2, hide, delete with Del — each undoable; runs are saved with
the project, and a schema-1 file opens with its history as run 1."""

import json
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionViewItem

from core.project import load_project
from gui.document.commands import ChangeSettingsCommand
from gui.document.run_commands import RenameRunCommand
from gui.training.runs_list import CHANGED, NAME, NUMBER
from tests.gui.training_support import click, open_example, train_to_end

EPOCHS = 4


@pytest.fixture
def two_runs(qtbot, window):
    """Spiral trained twice: lr 0.03, then (weights reset) lr 0.003."""
    open_example(window, "spiral", epochs=EPOCHS, lr=0.03)
    train_to_end(qtbot, window)
    window.training.session.reset_weights()
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.003}))
    train_to_end(qtbot, window)
    window.training.docks["Runs"].raise_()
    qtbot.waitUntil(lambda: window.training.runs.view.isVisible())
    return window


def view_of(window):
    return window.training.runs.view


def click_tick(qtbot, view, row: int) -> None:
    """Click the tick box of a row where the style draws it."""
    index = view.model().index(row, NUMBER)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    rect = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator,
                                       option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_cell(qtbot, view, row: int, column: int) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_every_train_is_recorded_with_what_changed(two_runs):
    runs = two_runs.doc.runs
    assert [(r.number, r.epochs, r.ended) for r in runs] == [(1, EPOCHS, "finished"),
                                                              (2, EPOCHS, "finished")]
    assert runs.describe_changes(2) == "lr 0.03 → 0.003"
    assert runs[1].history.to_dict() == two_runs.doc.history
    model = view_of(two_runs).model()
    assert model.index(1, CHANGED).data() == "lr 0.03 → 0.003"
    assert model.index(1, NUMBER).data() == "2"


def test_ticking_a_run_draws_its_history_on_the_loss_panel(qtbot, two_runs):
    window, view = two_runs, view_of(two_runs)
    loss = window.training.loss
    assert loss.overlays == []
    click_tick(qtbot, view, 1)
    click_tick(qtbot, view, 0)
    labels = [overlay.label for overlay, _ in loss.overlays]
    assert labels == ["run 1: first run", "run 2: lr 0.03 → 0.003"]
    for (_, curve), run in zip(loss.overlays, window.doc.runs, strict=True):
        x, y = curve.getData()
        assert x.tolist() == [1.0, 2.0, 3.0, 4.0]
        assert y.tolist() == run.history.epochs["train_loss"]
    assert loss.run_legend.isVisible()
    click_tick(qtbot, view, 0)  # untick run 1
    assert [o.label for o, _ in loss.overlays] == ["run 2: lr 0.03 → 0.003"]


def test_rename_with_f2_and_undo(qtbot, two_runs):
    window, view = two_runs, view_of(two_runs)
    click_tick(qtbot, view, 1)
    click_cell(qtbot, view, 1, NAME)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None, "F2 opened no editor"
    qtbot.keyClicks(editor, "slow lr")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)
    assert window.doc.runs.run(2).name == "slow lr"
    assert view.model().index(1, NAME).data() == "slow lr"
    assert [o.label for o, _ in window.training.loss.overlays] == ["run 2: slow lr"]
    window.undo_action.trigger()
    assert window.doc.runs.run(2).name == ""
    window.redo_action.trigger()
    assert window.doc.runs.run(2).name == "slow lr"


def test_del_deletes_the_run_not_the_selected_node_and_undo_brings_it_back(qtbot, two_runs,
                                                                           canvas):
    window, view = two_runs, view_of(two_runs)
    canvas.click_node("1")  # the window's Delete is now armed for the canvas
    assert window.delete_action.isEnabled()
    nodes = len(window.doc.spec.nodes)
    click_tick(qtbot, view, 0)
    click_cell(qtbot, view, 0, CHANGED)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [r.number for r in window.doc.runs] == [2]
    assert len(window.doc.spec.nodes) == nodes
    assert window.training.loss.overlays == []  # its curve went with it
    assert view.model().rowCount() == 1
    window.undo_action.trigger()
    assert [r.number for r in window.doc.runs] == [1, 2]
    assert view.model().index(0, NUMBER).data() == "1"


def test_hide_and_show_hidden(qtbot, two_runs):
    window, view = two_runs, view_of(two_runs)
    runs_list = window.training.runs
    click_tick(qtbot, view, 0)
    click_cell(qtbot, view, 0, CHANGED)
    qtbot.mouseClick(runs_list.hide_button, Qt.MouseButton.LeftButton)
    assert window.doc.runs.run(1).hidden
    assert view.model().rowCount() == 1 and window.training.loss.overlays == []
    runs_list.hidden_check.click()
    assert view.model().rowCount() == 2
    assert view.model().index(0, 4).data() == "finished (hidden)"
    window.undo_action.trigger()
    assert not window.doc.runs.run(1).hidden


def test_undoing_a_run_takes_its_record_away(two_runs):
    window = two_runs
    window.undo_action.trigger()  # the second Train
    assert [r.number for r in window.doc.runs] == [1]
    window.redo_action.trigger()
    assert [r.number for r in window.doc.runs] == [1, 2]


def test_runs_are_saved_and_opened_with_the_project(qtbot, two_runs, tmp_path):
    window = two_runs
    window.doc.push(RenameRunCommand(window.doc, 1, "fast"))
    path = tmp_path / "two.netcanvas"
    assert window.files.write(str(path))
    stored = load_project(path).runs
    assert [(r.number, r.name) for r in stored] == [(1, "fast"), (2, "")]
    assert stored.to_list() == window.doc.runs.to_list()
    assert window.files.new()
    assert len(window.doc.runs) == 0 and view_of(window).model().rowCount() == 0
    assert window.files.load(path)
    assert view_of(window).model().rowCount() == 2
    assert window.doc.runs.to_list() == stored.to_list()


def test_a_schema_1_file_opens_with_its_history_as_run_1(qtbot, two_runs, tmp_path):
    window = two_runs
    path = tmp_path / "old.netcanvas"
    assert window.files.write(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    history = document["history"]
    del document["runs"]
    document["schema_version"] = 1  # as NetCanvas wrote it before runs were recorded
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    assert window.files.load(path)
    (run,) = window.doc.runs
    # its history is the one the weights go with: run 2's (Reset Weights came before it)
    assert (run.number, run.ended, run.epochs) == (1, "unknown", EPOCHS)
    assert run.history.to_dict() == history == window.doc.history
    view = view_of(window)
    assert view.model().index(0, 4).data() == "unknown"
    click_tick(qtbot, view, 0)
    ((_, curve),) = window.training.loss.overlays
    assert np.array_equal(curve.getData()[1], np.asarray(history["epochs"]["train_loss"]))


def test_a_stopped_and_a_diverged_run_say_how_they_ended(qtbot, window):
    open_example(window, "spiral", epochs=100_000)
    controller = window.training.session.controller
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000):
        click(qtbot, window, "train")
        qtbot.waitUntil(lambda: controller.trainer is not None
                        and controller.trainer.epoch >= 2, timeout=30_000)
        click(qtbot, window, "stop")
    (stopped,) = window.doc.runs
    assert stopped.ended == "stopped" and stopped.epochs == stopped.history.n_epochs >= 2
    window.training.session.reset_weights()
    window.doc.push(ChangeSettingsCommand(window.doc, {"optimizer": "sgd",
                                                       "optimizer_options": {}, "lr": 1000.0}))
    train_to_end(qtbot, window)
    diverged = window.doc.runs[1]
    assert diverged.ended == "diverged" and "NaN" in diverged.reason
    assert window.doc.runs.describe_changes(2) == "optimizer Adam → SGD, lr 0.01 → 1000"


def test_undoing_a_hide_or_a_delete_draws_the_ticked_run_again(qtbot, two_runs):
    """A teacher hid a compared run, then undid it: the run came back unticked, its curve gone
    from the Loss panel (the same after undoing a deletion)."""
    window, view = two_runs, view_of(two_runs)
    loss, runs_list = window.training.loss, window.training.runs
    click_tick(qtbot, view, 0)
    click_tick(qtbot, view, 1)
    both = ["run 1: first run", "run 2: lr 0.03 → 0.003"]
    assert [o.label for o, _ in loss.overlays] == both
    click_cell(qtbot, view, 1, CHANGED)
    qtbot.mouseClick(runs_list.hide_button, Qt.MouseButton.LeftButton)
    assert [o.label for o, _ in loss.overlays] == ["run 1: first run"]
    window.undo_action.trigger()
    assert [o.label for o, _ in loss.overlays] == both
    assert view.model().index(1, NUMBER).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    click_cell(qtbot, view, 0, CHANGED)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert [o.label for o, _ in loss.overlays] == ["run 2: first run"]
    window.undo_action.trigger()
    assert [o.label for o, _ in loss.overlays] == both


def test_another_project_starts_with_no_run_ticked(qtbot, two_runs):
    window, view = two_runs, view_of(two_runs)
    click_tick(qtbot, view, 0)
    open_example(window, "spiral", epochs=EPOCHS)
    train_to_end(qtbot, window)  # its run 1
    assert window.training.loss.overlays == []
    assert view.model().index(0, NUMBER).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Unchecked
