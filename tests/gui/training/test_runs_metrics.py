"""The Runs list shows each run's final metrics as ``netcanvas runs`` prints them: accuracy
(as a percentage) for a classifier, on the training part and on the test part when the split
has one, so a student compares runs in the window as on the command line."""

from PySide6.QtCore import Qt

from core.project import load_project
from core.training.history import accuracy_percent
from gui.cli_runs import run_line
from gui.document.commands import ChangeSettingsCommand
from gui.training.runs_list import METRICS, TEST
from tests.gui.training_support import open_example, train_to_end


def train_twice(qtbot, window, example: str, epochs: int, lrs: tuple[float, float]) -> None:
    """Train ``example`` with the first rate, then from fresh weights with the second."""
    open_example(window, example, epochs=epochs, lr=lrs[0])
    train_to_end(qtbot, window)
    window.training.session.reset_weights()
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": lrs[1]}))
    train_to_end(qtbot, window)
    window.training.docks["Runs"].raise_()
    qtbot.waitUntil(lambda: window.training.runs.view.isVisible())


def test_xor_runs_show_their_final_accuracy_as_recorded(qtbot, window, tmp_path):
    train_twice(qtbot, window, "xor_learned", 300, (1.0, 0.001))
    path = tmp_path / "xor.netcanvas"
    assert window.files.write(str(path))
    stored = load_project(path).runs  # the project's runs record, read back from the file
    accuracies = [run.history.epochs["train_accuracy"][-1] for run in stored]
    assert accuracies[0] != accuracies[1]  # the two rates really ended apart
    view = window.training.runs.view
    model = view.model()
    assert model.headerData(METRICS, Qt.Orientation.Horizontal) == "Final metrics"
    for row, (run, accuracy) in enumerate(zip(stored, accuracies, strict=True)):
        shown = model.index(row, METRICS).data()
        assert shown == f"accuracy {accuracy_percent(accuracy)}"
        assert f"{100 * accuracy:.1f} %" in shown  # as English writes a percentage
        assert shown in run_line(stored, run)  # what `netcanvas runs` prints for it
        assert view.visualRect(model.index(row, METRICS)).width() > 0
    # XOR trains on all four rows: no test part, so no test column
    assert view.isColumnHidden(TEST)
    assert model.index(0, TEST).data() == "–"


def test_a_split_with_a_test_part_shows_the_test_accuracy(qtbot, window):
    train_twice(qtbot, window, "spiral", 3, (0.03, 0.003))
    view = window.training.runs.view
    model = view.model()
    assert not view.isColumnHidden(TEST)
    assert model.headerData(TEST, Qt.Orientation.Horizontal) == "Test metrics"
    for row, run in enumerate(window.doc.runs):
        test_accuracy = run.history.epochs["test_accuracy"][-1]
        assert model.index(row, TEST).data() == f"accuracy {accuracy_percent(test_accuracy)}"
        tip = model.index(row, TEST).data(Qt.ItemDataRole.ToolTipRole)
        assert tip == f"run {run.number}: {run.metrics_words()}" and "test loss" in tip

