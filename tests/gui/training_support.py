"""Helpers for the training tests: open an example with changed settings, press the real
buttons of the Training dock, wait for a run to end."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core import build
from gui.document.commands import ChangeSettingsCommand

END_TIMEOUT_MS = 60_000


def open_example(window, name: str, **settings: object) -> None:
    """Open a bundled example and change its settings (one undo entry)."""
    assert window.files.open_example(name)
    if settings:
        window.doc.push(ChangeSettingsCommand(window.doc, settings))
    window.training.docks["Training"].raise_()


def button(window, name: str):
    return window.training.settings_panel.buttons[name]


def click(qtbot, window, name: str) -> None:
    """Press a Training button (train, pause, resume, stop, step, reset) with the mouse."""
    widget = button(window, name)
    assert widget.isEnabled(), f"the {name} button is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def train_to_end(qtbot, window):
    """Press Train and wait for the run's result."""
    with qtbot.waitSignal(window.training.session.ended, timeout=END_TIMEOUT_MS) as blocker:
        click(qtbot, window, "train")
    return blocker.args[0]


def accuracy_of_document(window) -> float:
    """The trained weights the document holds, checked independently: a fresh network with
    those weights, classifying every row of the data set."""
    doc = window.doc
    network = build(doc.spec, dtype=np.float64)
    params = {k: v for k, v in doc.arrays.items() if k in network.params}
    network.load_params(params, {k: v for k, v in doc.arrays.items() if k in network.state})
    dataset = window.data.dataset
    return float(np.mean(network.classify(dataset.x) == dataset.y))


def training_settings(window):
    return window.doc.settings
