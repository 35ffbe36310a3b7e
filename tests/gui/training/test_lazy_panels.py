"""The live panels are made when their docks are first on screen: the window shows without
pyqtgraph, the two front panels follow its first frame, a tab's panel is made when the tab is
opened, and a panel made late is told everything it missed, in order."""

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.training.lazy_panel import LazyPanel

ROOT = Path(__file__).resolve().parents[3]
STARTUP = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
window = MainWindow(QSettings(sys.argv[1], QSettings.Format.IniFormat))
facts = {"made": "pyqtgraph" in sys.modules}
window.show()
facts["shown"] = "pyqtgraph" in sys.modules
hosts = window.training.hosts
while not (hosts["Loss"].is_built and hosts["Output"].is_built):
    app.processEvents()
facts["after"] = {name: host.is_built for name, host in hosts.items()}
window.training.docks["Weights"].raise_()
while not hosts["Weights"].is_built:
    app.processEvents()
facts["weights_tab"] = {name: host.is_built for name, host in hosts.items()}
print(json.dumps(facts))
window.close()
"""


def test_the_window_shows_before_pyqtgraph_and_each_panel_is_made_when_seen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", STARTUP, str(tmp_path / "settings.ini")],
                            capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    facts = json.loads(result.stdout.strip().splitlines()[-1])
    assert facts["made"] is False and facts["shown"] is False
    assert facts["after"] == {"Loss": True, "Weights": False, "Activations": False,
                              "Output": True}
    assert facts["weights_tab"] == {"Loss": True, "Weights": True, "Activations": False,
                                    "Output": True}


class Recorder(QWidget):
    """A panel that writes down what it is told."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple] = []

    def set_network(self, spec: str) -> None:
        self.log.append(("set_network", spec))

    def remember(self, frame: str) -> None:
        self.log.append(("remember", frame))

    def refresh(self) -> None:
        self.log.append(("refresh",))

    def reset(self) -> None:
        self.log.append(("reset",))


def test_a_panel_made_late_is_told_the_newest_of_each_call_in_order(qtbot):
    host = LazyPanel(Recorder)
    qtbot.addWidget(host)
    host.call("set_network", "first network")
    host.remember("frame 1")
    host.refresh()
    host.call("set_network", "second network")
    host.remember("frame 2")
    assert not host.is_built and not host.shown and not host.stale
    made: list[QWidget] = []
    host.when_built(made.append)
    host.show()  # painted: the panel is made once that frame is out
    qtbot.waitUntil(lambda: host.is_built)
    panel = host.panel
    assert made == [panel]
    assert panel.log == [("refresh",), ("set_network", "second network"), ("remember", "frame 2")]
    host.reset()  # made: calls go straight through
    assert panel.log[-1] == ("reset",)
    later: list[QWidget] = []
    host.when_built(later.append)
    assert later == [panel]


def test_asking_for_the_panel_makes_it_at_once(qtbot):
    host = LazyPanel(Recorder)
    qtbot.addWidget(host)
    host.reset()
    panel = host.panel  # never shown
    assert host.is_built and panel.log == [("reset",)]
    assert panel.parent() is host


def test_panels_painted_together_are_made_one_per_turn_of_the_event_loop(qtbot):
    hosts = [LazyPanel(Recorder) for _ in range(3)]
    for host in hosts:
        qtbot.addWidget(host)
        host.show()
    qtbot.waitUntil(lambda: hosts[0].is_built)
    assert [host.is_built for host in hosts] == [True, False, False]  # the others wait
    qtbot.waitUntil(lambda: all(host.is_built for host in hosts))


def test_call_soon_tells_a_made_panel_on_a_later_turn_in_order(qtbot):
    first, second = LazyPanel(Recorder), LazyPanel(Recorder)
    for host in (first, second):
        qtbot.addWidget(host)
    a, b = first.panel, second.panel
    first.call_soon("reset")
    first.call_soon("set_network", "net 1")
    first.call_soon("set_network", "net 2")  # only the newest of a name is kept
    second.call_soon("reset")
    assert a.log == [] and b.log == []  # nothing yet: later
    turns = {}
    for turn in range(10_000):  # the event loop, one pass at a time
        QCoreApplication.processEvents()
        for name, panel in (("a", a), ("b", b)):
            if panel.log and name not in turns:
                turns[name] = turn
        if len(turns) == 2:
            break
    assert a.log == [("reset",), ("set_network", "net 2")]
    assert b.log == [("reset",)]
    assert turns["a"] < turns["b"]  # one panel per turn


def test_what_waits_is_handed_over_before_anything_else_reaches_the_panel(qtbot):
    host = LazyPanel(Recorder)
    qtbot.addWidget(host)
    panel = host.panel
    host.call_soon("set_network", "net")
    host.remember("frame")  # waits too: a frame is only kept, and drawn on a later tick
    assert panel.log == [] and not host.stale
    host.reset()  # goes through at once, after what waited
    assert panel.log == [("set_network", "net"), ("remember", "frame"), ("reset",)]
    host.refresh_soon()
    assert host.panel.log[-1] == ("refresh",)  # asking for the panel hands it over too
    qtbot.wait(50)
    assert panel.log.count(("refresh",)) == 1  # and the queue does not tell it twice


def test_call_in_turn_joins_what_waits_or_goes_through_at_once(qtbot):
    host = LazyPanel(Recorder)
    qtbot.addWidget(host)
    panel = host.panel
    host.call_in_turn("set_network", "at once")  # nothing waits: straight through
    assert panel.log == [("set_network", "at once")]
    host.call_soon("reset")
    host.call_in_turn("set_network", "after the reset")  # joins the reset, on its turn
    assert panel.log == [("set_network", "at once")]
    qtbot.waitUntil(lambda: len(panel.log) == 3)
    assert panel.log[1:] == [("reset",), ("set_network", "after the reset")]


def test_a_panel_made_on_screen_hears_what_it_missed_on_its_next_turn(qtbot):
    """Making a plot panel and drawing what it missed in one piece held the GUI thread 0.1 s
    and more (the Weights and Activations panels' first show on a big network): the two
    now come on separate turns of the event loop, in order, and ``built`` after both."""
    host = LazyPanel(Recorder)
    qtbot.addWidget(host)
    host.call("set_network", "net")
    host.remember("frame")
    made: list[QWidget] = []
    host.when_built(made.append)
    host.show()  # painted: made on a later turn
    turns: dict[str, int] = {}
    for turn in range(100_000):  # the event loop, one pass at a time
        QCoreApplication.processEvents()
        if host.is_built and "made" not in turns:
            turns["made"] = turn
            assert host._panel.log == [] and made == []  # made, not told yet
        if host.is_built and host._panel.log:
            turns["told"] = turn
            break
    assert turns["told"] > turns["made"]
    assert host._panel.log == [("set_network", "net"), ("remember", "frame")]
    assert made == [host._panel]
