"""The Training dock says whether a run on a gate or toy set solved it and, when it ended
short, why and what to try (issue 17, item 8)."""

from core.datasets.ref import DataRef
from core.project import Project, save_project
from core.spec import NetworkSpec, hidden_node, input_node, output_node
from core.training.settings import TrainingSettings
from tests.gui.training_support import train_to_end


def xor_project(path, units, activation, init, **settings):
    spec = NetworkSpec(
        (input_node("1", 2), hidden_node("2", units, activation=activation, init=init),
         output_node("3", 1, activation="sigmoid")), ()).connect("1", "2").connect("2", "3")
    save_project(Project(spec, TrainingSettings(**settings), DataRef.builtin("xor")), path)
    return path


def test_a_run_stuck_with_dead_relus_says_so_and_what_to_try(qtbot, window, tmp_path):
    """The old defaults on seed 5: two of four ReLU units die and XOR stays at 75 %."""
    assert window.files.load(xor_project(tmp_path / "old.netcanvas", 4, "relu", "he",
                                         lr=0.01, seed=5))
    window.training.docks["Training"].raise_()
    train_to_end(qtbot, window)
    label = window.training.settings_panel.outcome_label
    text = label.text()
    assert text.startswith("<span") and "Finished 100 epochs." in text
    assert ("Not solved yet: 75 % of the rows right (XOR gate needs all of them). 2 of 4 ReLU "
            "units are dead (50 %)") in text
    assert "Try tanh or leaky ReLU for the hidden node" in text
    assert "a larger learning rate (0.03 instead of 0.01)" in text
    assert "2 of 4 ReLU units are dead" in window.statusBar().currentMessage()
    assert label.isVisible()
    window.grab().save(str(tmp_path / "verdict.png"))


def test_a_solved_run_says_solved(qtbot, window, tmp_path):
    assert window.files.load(xor_project(tmp_path / "new.netcanvas", 8, "tanh", "xavier"))
    train_to_end(qtbot, window)
    text = window.training.settings_panel.outcome_label.text()
    assert "Solved XOR gate: 100 % of the rows right." in text
    assert "Not solved" not in text


def test_imported_data_gets_no_verdict(qtbot, window, tmp_path):
    """No known answer: the outcome alone, as before."""
    path = tmp_path / "xor.netcanvas"
    spec = NetworkSpec((input_node("1", 2), hidden_node("2", 8, activation="tanh"),
                        output_node("3", 1, activation="sigmoid")), ()
                       ).connect("1", "2").connect("2", "3")
    xor = DataRef.builtin("xor").load()
    save_project(Project(spec, TrainingSettings(epochs=3), DataRef.embedded(xor)), path)
    assert window.files.load(path)
    train_to_end(qtbot, window)
    assert window.training.session.verdict is None
    assert "solved" not in window.training.settings_panel.outcome_label.text().lower()
