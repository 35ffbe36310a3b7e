"""Train on a network whose weights were NaN before it began: the run "diverged" at its first
mini-batch and the window said "learning rate 1 is probably too high; lower it, reset the
weights and train again" — about a rate that had no part in it, and a run was recorded. Train
is refused now, in words that name the weights; Reset Weights mends it, and a run that really
diverges still says so."""

import dataclasses

import numpy as np
from PySide6.QtGui import QTextDocumentFragment

from core.project import load_project, save_project
from gui.training.controller import IDLE
from resources.examples import example_path
from tests.gui.training_support import button, click, open_example, train_to_end

REFUSED = ("Cannot train: the weights are not numbers: W1, b1 hold NaN or infinite values, so "
           "training cannot start from them — reset the weights to draw new ones")


def refused_train(qtbot, window):
    """Press Train on weights that are not numbers: refused at once, before any run (no
    ``started``, no ``ended``)."""
    session = window.training.session
    with qtbot.waitSignal(session.refused, timeout=1000) as blocker, \
            qtbot.assertNotEmitted(session.started), qtbot.assertNotEmitted(session.ended):
        click(qtbot, window, "train")
    return blocker.args[0]


def nan_project(tmp_path) -> str:
    project = load_project(example_path("xor_learned"))
    params = {name: np.full_like(value, np.nan) if name in ("W1", "b1") else value
              for name, value in project.build_network().params.items()}
    path = tmp_path / "nan.netcanvas"
    save_project(dataclasses.replace(project, params=params), path)
    return str(path)


def test_train_on_nan_weights_is_refused_in_words_and_reset_mends_it(qtbot, window, tmp_path):
    assert window.files.load(nan_project(tmp_path))
    doc, session = window.doc, window.training.session
    entries = doc.undo_stack.count()
    result = refused_train(qtbot, window)
    assert result.refused and result.outcome.kind != "diverged"
    assert window.statusBar().currentMessage() == REFUSED
    label = window.training.settings_panel.outcome_label  # under the buttons too
    shown = QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    assert shown == REFUSED + "." and "learning rate" not in shown
    assert doc.undo_stack.count() == entries and len(doc.runs) == 0  # no run was made
    assert session.controller.state == IDLE and not doc.locked_reason
    assert np.isnan(doc.array("W1")).all()  # left as they were

    click(qtbot, window, "reset")
    qtbot.waitUntil(lambda: all(np.isfinite(v).all() for v in doc.arrays.values()))
    result = train_to_end(qtbot, window)
    assert not result.refused and not result.outcome.failed and len(doc.runs) == 1


def test_a_run_that_really_diverges_still_blames_the_rate_and_the_next_train_is_refused(
        qtbot, window):
    """The diverged run leaves its NaN weights in the document (the views show where it broke):
    Train again started from them and "diverged" at once, blaming the rate a second time."""
    open_example(window, "spiral", optimizer="sgd", optimizer_options={}, lr=1000.0, epochs=20)
    result = train_to_end(qtbot, window)
    assert result.outcome.kind == "diverged"
    assert "learning rate 1000 is probably too high" in window.statusBar().currentMessage()
    assert button(window, "train").isEnabled()
    runs, scene, timeline = len(window.doc.runs), window.scene, window.training.timeline
    marks, last = dict(scene._runtime_problems), timeline.final_frame
    assert marks and last is not None  # where it broke, and the run's last frame
    result = refused_train(qtbot, window)
    assert result.refused and len(window.doc.runs) == runs
    assert scene._runtime_problems == marks and timeline.final_frame is last  # still shown
    assert window.statusBar().currentMessage().startswith(
        "Cannot train: the weights are not numbers: ")
