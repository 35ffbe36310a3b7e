"""The training settings are part of the project and undoable; while training runs the
structure is locked (with the reason shown) and the learning rate applies live."""

import numpy as np
from PySide6.QtCore import QPointF, Qt

from core import build
from core.datasets.ref import DataRef
from gui.document.commands import AddNodeCommand, ChangeSettingsCommand, SetDataCommand
from gui.document.new_node import new_node
from gui.i18n import set_language
from gui.training.controller import IDLE, RUNNING
from gui.training.session import LOCK_REASON
from gui.training.settings_panel import MAX_HYPERPARAMETER
from tests.gui.keys import type_into
from tests.gui.training_support import click, open_example, train_to_end, training_settings


def test_settings_edits_are_undoable_and_the_form_follows_the_document(qtbot, window):
    open_example(window, "spiral")
    panel = window.training.settings_panel
    stack = window.doc.undo_stack
    entries = stack.count()
    type_into(qtbot, panel.lr_spin, "0.05")
    type_into(qtbot, panel.epochs_spin, "12")
    assert (training_settings(window).lr, training_settings(window).epochs) == (0.05, 12)
    assert stack.count() == entries + 2
    stack.undo()
    assert training_settings(window).epochs == 300 and panel.epochs_spin.value() == 300
    stack.undo()
    assert training_settings(window).lr == 0.01 and panel.lr_spin.value() == 0.01


def test_each_optimizer_shows_its_own_hyperparameters_below_one(qtbot, window):
    open_example(window, "spiral")  # Adam
    panel = window.training.settings_panel
    visible = {name for name, spin in panel.hyper_spins.items()
               if panel.form.isRowVisible(spin)}
    assert visible == {"beta1", "beta2"}
    assert panel.hyper_spins["beta1"].maximum() == MAX_HYPERPARAMETER < 1
    panel.optimizer_combo.setCurrentIndex(panel.optimizer_combo.findData("momentum"))
    assert training_settings(window).optimizer == "momentum"
    assert [n for n, s in panel.hyper_spins.items() if panel.form.isRowVisible(s)] == [
        "momentum"]
    type_into(qtbot, panel.hyper_spins["momentum"], "0.5")
    assert training_settings(window).optimizer_options == {"momentum": 0.5}
    type_into(qtbot, panel.val_spin, "20")
    assert training_settings(window).split == (0.65, 0.2, 0.15)
    assert "65 %" in panel.train_label.text()


def test_while_training_the_structure_is_locked_and_the_learning_rate_is_live(qtbot, window):
    open_example(window, "spiral", epochs=100_000)
    click(qtbot, window, "train")
    ui = window.training
    controller = ui.session.controller
    assert controller.state == RUNNING
    assert window.doc.locked_reason == LOCK_REASON
    assert ui.lock_label.isVisible()
    assert not window.undo_action.isEnabled() and not window.tool_undo_action.isEnabled()
    assert not window.palette.isEnabled() and not window.inspector.node_form.isEnabled()
    assert not window.data_picker.isEnabled()
    assert not ui.settings_panel.epochs_spin.isEnabled()

    spec = window.doc.spec
    node = new_node("hidden", spec, (0.0, 300.0), window.data.dataset)
    with qtbot.waitSignal(window.doc.edit_refused):
        assert not window.doc.push(AddNodeCommand(window.doc, node))
    assert window.doc.spec is spec
    assert "stop it to change the network" in window.statusBar().currentMessage()

    type_into(qtbot, ui.settings_panel.lr_spin, "0.002")
    # the worker makes the trainer: a rate typed meanwhile is handed to it when it is made
    qtbot.waitUntil(lambda: controller.trainer is not None)
    assert controller.trainer.lr == 0.002  # the next mini-batch uses it
    qtbot.waitUntil(lambda: controller.frames_received > 3, timeout=10_000)
    assert controller.latest.snapshot.lr == 0.002
    with qtbot.waitSignal(ui.session.ended, timeout=30_000):
        click(qtbot, window, "stop")
    assert not window.doc.locked_reason and not ui.lock_label.isVisible()
    assert window.undo_action.isEnabled() and window.palette.isEnabled()
    assert window.doc.push(AddNodeCommand(window.doc, node))


def test_a_learning_rate_typed_while_training_reaches_the_optimizer_and_undo_follows(
        qtbot, window):
    open_example(window, "spiral", epochs=100_000)
    click(qtbot, window, "train")
    ui = window.training
    qtbot.waitUntil(lambda: ui.session.controller.trainer is not None)  # made on the worker
    trainer = ui.session.controller.trainer
    last_epoch = trainer.last_epoch
    type_into(qtbot, ui.settings_panel.lr_spin, "0.003")
    qtbot.waitUntil(lambda: trainer.optimizer.lr == 0.003, timeout=10_000)
    assert window.doc.settings.lr == 0.003
    assert trainer.settings.lr == 0.01  # the settings the run started with stay as they were
    assert "Learning rate 0.003 from the next mini-batch" in window.statusBar().currentMessage()
    # The session follows the document, whoever changed it: an undo reaches the trainer too.
    window.doc.undo_stack.undo()
    assert window.doc.settings.lr == 0.01 and ui.settings_panel.lr_spin.value() == 0.01
    qtbot.waitUntil(lambda: trainer.optimizer.lr == 0.01, timeout=10_000)
    # Any other setting waits for the next run (the form locks them; a command can still
    # store them in the document).
    window.doc.push(ChangeSettingsCommand(window.doc, {"epochs": 7}))
    assert window.doc.settings.epochs == 7 and ui.settings_panel.epochs_spin.value() == 7
    assert trainer.last_epoch == last_epoch and trainer.settings.epochs == 100_000
    with qtbot.waitSignal(ui.session.ended, timeout=30_000):
        click(qtbot, window, "stop")
    with qtbot.waitSignal(ui.session.ended, timeout=60_000):  # the next run takes them
        click(qtbot, window, "train")
    assert ui.session.last_result.frame.history.n_epochs == trainer.epoch + 7


def test_the_canvas_shows_the_weights_while_training_runs(qtbot, window):
    open_example(window, "spiral", epochs=100_000)
    start = window.doc.array("W3").copy()  # hidden 2 (32) → output (2): drawn per node
    click(qtbot, window, "train")
    qtbot.waitUntil(lambda: not np.array_equal(window.doc.array("W3"), start), timeout=10_000)
    item = window.scene.edge_item("3")
    np.testing.assert_array_equal(item.weights, window.doc.array("W3"))
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_reset_weights_draws_the_seeds_weights_and_forgets_the_history(qtbot, window):
    open_example(window, "xor_learned")
    train_to_end(qtbot, window)
    trained = window.doc.array("W1").copy()
    click(qtbot, window, "reset")
    fresh = build(window.doc.spec, seed=training_settings(window).seed, dtype=np.float64)
    np.testing.assert_array_equal(window.doc.array("W1"), fresh.params["W1"])
    assert window.doc.history is None
    assert window.training.loss.history is None
    window.doc.undo_stack.undo()
    np.testing.assert_array_equal(window.doc.array("W1"), trained)
    assert window.doc.history is not None
    assert window.training.loss.history is not None  # the panel shows it again


def test_a_network_with_problems_cannot_be_trained(qtbot, window):
    # the window starts empty: nothing to train, the first step to take is said
    actions = window.training.actions
    assert not actions["train"].isEnabled() and not actions["step"].isEnabled()
    assert not window.training.session.train()
    assert window.statusBar().currentMessage().startswith(
        "Build the network first: add an input node")
    assert window.training.session.controller.state == IDLE


def test_moving_nodes_stays_possible_while_training(qtbot, window, canvas):
    open_example(window, "spiral", epochs=100_000)
    click(qtbot, window, "train")
    item = window.scene.node_item("1")
    start = item.pos()
    canvas.drag(item.mapToScene(QPointF(0, item.body_rect().top() + 10)),
                item.mapToScene(QPointF(60, item.body_rect().top() + 40)))
    assert window.doc.spec.node("1").position != (start.x(), start.y())
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_scrubbing_a_spin_box_is_one_undo_entry(qtbot, window):
    open_example(window, "spiral")
    spin = window.training.settings_panel.epochs_spin
    stack = window.doc.undo_stack
    entries = stack.count()
    spin.setFocus()
    for _ in range(4):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert training_settings(window).epochs == 304
    assert stack.count() == entries + 1
    stack.undo()
    assert training_settings(window).epochs == 300 and spin.value() == 300


def test_tiny_rates_and_decays_show_and_type_in_scientific_notation(qtbot, window):
    # A search's best weight decay is often ~1e-8: a 6-decimal box would show (and keep) 0.
    open_example(window, "spiral")
    panel = window.training.settings_panel
    window.doc.push(ChangeSettingsCommand(window.doc, {"weight_decay": 6.26e-08, "lr": 3e-7}))
    assert panel.decay_spin.text() == "6.26e-08" and panel.decay_spin.value() == 6.26e-08
    assert panel.lr_spin.text() == "3e-07" and panel.lr_spin.value() == 3e-07
    type_into(qtbot, panel.decay_spin, "1e-7")
    assert training_settings(window).weight_decay == 1e-07
    type_into(qtbot, panel.lr_spin, "0.05")
    assert training_settings(window).lr == 0.05 and panel.lr_spin.text() == "0.05"
    type_into(qtbot, panel.decay_spin, "oops")  # letters are refused: the value stays
    assert training_settings(window).weight_decay == 1e-07


def test_a_truth_table_trains_on_every_row_and_the_form_says_so(qtbot, window):
    """Issue 17, item 8: a gate's four rows are too few to hold any out."""
    window.files.new()  # the XOR gate
    label = window.training.settings_panel.train_label
    qtbot.waitUntil(lambda: window.data.dataset is not None and window.data.dataset.name == "xor")
    assert label.text() == "training on all 4 rows (too few to hold any out)"
    window.doc.push(SetDataCommand(window.doc, DataRef.builtin("circle"), "Use data"))
    qtbot.waitUntil(lambda: window.data.dataset.name == "circle")
    assert label.text() == "training on 70 % of the rows"


def test_the_split_boxes_write_percent_as_the_language_does(window, korean):
    """The validation and test boxes' " %" suffix stayed English in Korean ("20 %")."""
    panel = window.training.settings_panel
    assert panel.val_spin.text().endswith("%") and not panel.val_spin.text().endswith(" %")
    set_language("en")
    assert panel.val_spin.suffix() == " %"


def test_a_learning_rate_of_0_is_refused_in_words_not_made_1e_10(qtbot, window):
    """0 (or anything outside 1e-10 … 1000) typed as the learning rate: the box keeps the rate it
    had and the status bar says why — it used to become 1e-10 without a word."""
    open_example(window, "spiral")
    panel = window.training.settings_panel
    stack = window.doc.undo_stack
    entries = stack.count()
    type_into(qtbot, panel.lr_spin, "0")
    assert training_settings(window).lr == 0.01 and panel.lr_spin.value() == 0.01
    assert panel.lr_spin.text() == "0.01" and stack.count() == entries
    assert window.statusBar().currentMessage() == (
        "A learning rate of 0 cannot be used: it must lie between 1e-10 and 1000 (at 0 the "
        "weights would never change). It stays at 0.01.")
    type_into(qtbot, panel.lr_spin, "1e4")
    assert training_settings(window).lr == 0.01
    assert window.statusBar().currentMessage().startswith("A learning rate of 10000 cannot")
    type_into(qtbot, panel.lr_spin, "1e-10")  # the smallest it takes is taken as it is
    assert training_settings(window).lr == 1e-10 and stack.count() == entries + 1


def test_the_box_shows_the_rate_a_project_trains_with(qtbot, window, tmp_path):
    """The box refused rates above 100 while core and `netcanvas train --lr` took any: a
    project saved with 500 opened showing 100, and Train used the 500 the window hid. Core owns
    the range now (up to 1000, where SGD makes the spiral diverge, as a lesson), the box takes
    it from there, and a project file with a rate beyond it is refused in words."""
    from dataclasses import replace

    from core.project import load_project, save_project
    from resources.examples import example_path

    project = load_project(example_path("spiral"))
    path = tmp_path / "hot.netcanvas"
    save_project(replace(project, settings=replace(project.settings, lr=500.0)), path)
    assert window.files.load(str(path))
    panel = window.training.settings_panel
    assert training_settings(window).lr == 500.0
    assert panel.lr_spin.value() == 500.0 and panel.lr_spin.text() == "500"
    assert panel.lr_spin.maximum() == 1000.0
    type_into(qtbot, panel.lr_spin, "1000")  # the largest is taken as it is
    assert training_settings(window).lr == 1000.0
