"""Explain with the training timeline pulled back traces the epoch on show (the canvas and the
predictions draw it) and refuses the SGD step there, saying why; and at the window's first size
what Explain says — a typing slip, a check, a step — is in view, its buttons whole."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel

from core.engine.params import weight_name
from core.explain import explain
from gui.explain.overlay import number
from gui.explain.shown import shown_project
from gui.main_window import DEFAULT_SIZE
from tests.gui.keys import type_into
from tests.gui.training_support import open_example, train_to_end

TRAINED, SHOWN = 30, 10
ROW = 1


def open_explain(qtbot, window):
    window.explain_action.trigger()  # Ctrl+E
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    return panel


@pytest.fixture
def rewound(qtbot, window):
    """XOR trained 30 epochs, Explain on row 1, the slider pulled back to epoch 10."""
    open_example(window, "xor_learned", epochs=TRAINED)
    train_to_end(qtbot, window)
    panel = open_explain(qtbot, window)
    panel.row_spin.setValue(ROW)
    qtbot.waitUntil(lambda: panel.explanation.sample == ROW)
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(TRAINED - SHOWN):  # the slider's keys, though Explain steps with ← too
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    assert timeline.bar.label.text() == f"epoch {SHOWN} / {TRAINED}"
    assert panel.index == 0  # the row was not stepped meanwhile
    return window


def test_explain_traces_the_epoch_the_timeline_shows(qtbot, rewound):
    window, panel = rewound, rewound.explain
    record = window.training.timeline.timeline.at(SHOWN)
    weights = record.params[weight_name("1")]
    assert not np.array_equal(weights, window.doc.array(weight_name("1")))
    project = window.files.project()
    project.params, project.state = dict(record.params), dict(record.state) or None
    then = explain(project, ROW, window.data.dataset).trace
    qtbot.waitUntil(lambda: np.array_equal(panel.explanation.trace.nodes["1"].z,
                                           then.nodes["1"].z))
    qtbot.keyClick(window.view, Qt.Key.Key_Right)  # step 2: hidden 1's z
    assert window.scene.edge_item("1").overlay.labels == tuple(
        number(v) for v in np.ravel(weights))  # epoch 10's weights, as the canvas draws
    assert panel.explanation.trace.loss == then.loss

    latest = {k: np.array(v) for k, v in window.doc.arrays.items()}
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    for name, value in latest.items():
        np.testing.assert_array_equal(window.doc.array(name), value)
    assert panel.result.text().endswith(
        f"Not applied: the timeline shows epoch {SHOWN}: press Continue from here to edit from "
        "that epoch, or move the slider to its right end to edit the latest weights.</span>")
    qtbot.waitUntil(lambda: seen(panel.result))
    assert window.training.timeline.bar.label.text() == f"epoch {SHOWN} / {TRAINED}"

    window.training.timeline.bar.slider.setFocus()
    qtbot.keyPress(window.training.timeline.bar.slider, Qt.Key.Key_End)  # the latest again
    now = explain(shown_project(window), ROW, window.data.dataset).trace
    assert not window.doc.previewing
    qtbot.waitUntil(lambda: panel.explanation.trace.loss == now.loss != then.loss)


def seen(widget) -> bool:
    """``widget`` is whole on screen: inside every widget around it (the dock, its scroll
    area's viewport)."""
    if not widget.isVisible() or widget.width() == 0:
        return False
    rect = QRect(QPoint(0, 0), widget.size())
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        rect.translate(child.pos())
        if not parent.rect().contains(rect):
            return False
        child, parent = parent, parent.parentWidget()
    return True


def test_a_typing_slip_a_check_and_a_step_are_said_in_view(qtbot, window):
    assert window.files.open_example("xor_learned")
    panel = open_explain(qtbot, window)
    assert (window.width(), window.height()) == DEFAULT_SIZE
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    for button in (panel.check_button, panel.sgd_button, panel.next_button):
        assert seen(button), button.text()
    type_into(qtbot, panel.inputs_edit, "0.5, abc")
    assert panel.inputs_edit.text() == "0.5, abc"  # kept, to be mended
    said = [label for label in panel.findChildren(QLabel)
            if "Type numbers separated by commas" in label.text()]
    assert len(said) == 1
    qtbot.waitUntil(lambda: seen(said[0]))
    type_into(qtbot, panel.inputs_edit, "0.5, 1")
    qtbot.waitUntil(lambda: panel.explanation.typed == (0.5, 1.0))
    assert not said[0].isVisible()

    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seen(panel.check_table))
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    assert "One SGD step on row 0" in panel.result.text()
    qtbot.waitUntil(lambda: seen(panel.result))
