"""Check on a large network computes two passes of the row per parameter: 3.5 s for the
overfitting example's 58,010, the whole window frozen without a word. Above a few thousand
parameters it now runs in a background thread — the window paints, says what it is doing and
holds input back, and a slow check can be cancelled — and the table shows the same numbers."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer

from core.engine.network import Network
from core.explain import check_row
from gui import busy
from tests.gui.test_background_files import _click_cancel, when_modal

SAID = "Checking 7510 gradients against the numerical gradient (two passes of the row each)…"


class Gate:
    """Holds the numerical gradient until the GUI thread opens the gate — which it can only
    while it keeps working (a check on the GUI thread waits out the timeout and fails)."""

    def __init__(self, monkeypatch):
        self.entered, self.release = threading.Event(), threading.Event()
        self.threads: list[threading.Thread] = []
        original = Network.numerical_gradient

        def gated(network, *args, **kwargs):
            self.threads.append(threading.current_thread())
            self.entered.set()
            assert self.release.wait(5), "the window froze: nothing opened the gate"
            return original(network, *args, **kwargs)

        monkeypatch.setattr(Network, "numerical_gradient", gated)


@pytest.fixture
def digits(qtbot, window):
    assert window.files.open_example("digits_mlp")  # 64-100-10 (7,510 parameters)
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    return panel


def test_a_large_check_runs_in_the_background_and_says_so(qtbot, window, digits, monkeypatch):
    panel = digits
    gate = Gate(monkeypatch)
    seen = {}

    def while_checking():
        assert gate.entered.wait(10)
        seen["said"] = window.statusBar().currentMessage()
        seen["table"] = panel.check_table.isVisible()
        qtbot.keyClick(window.view, Qt.Key.Key_Right)  # held back: the step stays
        seen["index"] = panel.index
        gate.release.set()

    QTimer.singleShot(0, while_checking)  # runs only if the window keeps working
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert gate.threads[0] is not threading.main_thread()
    assert seen == {"said": SAID, "table": False, "index": 0}
    qtbot.waitUntil(panel.check_table.isVisible)
    numerical, found = check_row(window.files.project(), panel.explanation)
    assert panel.check_table.agreement == found and found.agree
    table = panel.check_table
    assert table.column("parameter") == ["‖W1‖", "‖b1‖", "‖W2‖", "‖b2‖"]
    assert table.column("numerical") == [f"{np.linalg.norm(numerical[k]):.5g}"
                                         for k in ("W1", "b1", "W2", "b2")]
    assert "Backprop agrees with the numerical gradient." in table.summary.text()


def test_a_slow_check_can_be_cancelled(qtbot, window, digits, monkeypatch):
    panel = digits
    gate = Gate(monkeypatch)
    monkeypatch.setattr(busy, "CANCEL_AFTER_MS", 50)
    shown = when_modal(qtbot, _click_cancel)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert shown[0].labelText() == SAID
    assert not panel.check_table.isVisible() and panel.numerical is None
    assert window.statusBar().currentMessage() == "Check was cancelled."
    gate.release.set()  # the abandoned check ends; its result goes nowhere
    qtbot.wait(50)
    assert not panel.check_table.isVisible()


def test_it_is_said_in_korean(qtbot, window, digits, monkeypatch, korean):
    gate = Gate(monkeypatch)
    monkeypatch.setattr(busy, "CANCEL_AFTER_MS", 50)
    shown = when_modal(qtbot, lambda dialog: gate.release.set())
    qtbot.mouseClick(digits.check_button, Qt.MouseButton.LeftButton)
    assert shown[0].labelText() == ("기울기 7510개를 수치 미분과 비교하는 중입니다 "
                                    "(기울기마다 이 행을 두 번 계산)…")
    qtbot.waitUntil(digits.check_table.isVisible)
