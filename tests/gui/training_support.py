"""Helpers for the training tests: open an example with changed settings, press the real
buttons of the Training dock, wait for a run to end."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer

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


def plot_turns(monkeypatch, module) -> tuple[list[int], QTimer]:
    """From now on, the turn of the event loop at which each plot of a panel's ``module``
    (its ``add_plot``) is made, and the ticker that counts the turns (stop it when done)."""
    turns = [0]
    ticker = QTimer()
    ticker.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    ticker.start(0)
    made_at: list[int] = []
    add_plot = module.add_plot

    def recorded(*args, **kwargs):
        made_at.append(turns[0])
        return add_plot(*args, **kwargs)

    monkeypatch.setattr(module, "add_plot", recorded)
    return made_at, ticker
