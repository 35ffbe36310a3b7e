"""The batch norm / weight decay / dropout lab: it opens running the book's overfitting set-up
in the background and reproduces its result; Stop, the controls, the batch-norm experiment, a
diverging variant, closing mid-run and a failure, all driven with real clicks and keys."""

import pytest
from PySide6.QtCore import Qt

import gui.labs.regularization as lab_module
from gui.labs.regularization_texts import COLUMNS
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target

TIMEOUT = 120_000  # generous: other test runs share the two cores
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def lab(open_lab):
    return open_lab("regularization")



def stop(qtbot, lab):
    """Stop the opening run (the tests that need it wait for it instead)."""
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(lab.stop_button, LEFT)
    return blocker.args[0]


def run(qtbot, lab):
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT) as blocker:
        qtbot.mouseClick(lab.run_button, LEFT)
    return blocker.args[0]


def table(lab):
    """The summary table as the student reads it: {variant: {column: text}}."""
    rows = {}
    for row in range(lab.table.rowCount()):
        cells = [lab.table.item(row, column).text() for column in range(len(COLUMNS))]
        rows[cells[0]] = dict(zip(COLUMNS, cells, strict=True))
    return rows


def points(text):
    assert text.endswith(" points"), text
    return float(text.removesuffix(" points"))


def epochs_plotted(lab, key):
    if key not in lab.lines:
        return 0
    x, _ = lab.lines[key][0].getData()
    return 0 if x is None else len(x)


@pytest.mark.slow
def test_opens_running_the_books_overfitting_set_up_and_reproduces_it(qtbot, lab, tmp_path):
    # 3 variants × 200 epochs: ~6 s with one BLAS thread on the 2-core machine (noisy).
    assert lab.experiment.currentData() == "overfitting"
    assert (lab.weight_decay.value(), lab.dropout.value(), lab.epochs.value()) == (0.1, 0.2, 200)
    assert lab.job.running and not lab.run_button.isEnabled() and lab.stop_button.isEnabled()
    assert not lab.weight_decay.isEnabled()
    # the curves fill in while the run goes on
    qtbot.waitUntil(lambda: epochs_plotted(lab, "plain") >= 3, timeout=TIMEOUT)
    assert lab.job.running and lab.progress.value() >= 3
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
        pass
    assert lab.run_button.isEnabled() and not lab.stop_button.isEnabled()
    assert lab.progress.value() == 200

    rows = table(lab)
    assert list(rows) == ["no regularisation", "weight decay λ = 0.1", "dropout 0.2"]
    plain = rows["no regularisation"]
    decay, dropout = rows["weight decay λ = 0.1"], rows["dropout 0.2"]
    # measured: 100 % / 86.7 % (gap 13.3), λ = 0.1 gap 4.8, dropout 0.2 gap 7.3 (the book's
    # picture: weight decay and dropout narrow the gap)
    assert plain["Train acc."] == "100.0 %" and points(plain["Gap"]) >= 9
    assert points(decay["Gap"]) <= points(plain["Gap"]) - 3
    assert points(dropout["Gap"]) <= points(plain["Gap"]) - 3
    assert "Gap (train − test, points)" in lab.status.text() and "Finished 200" in (
        lab.status.text())

    colours = set()
    for key, (train, test) in lab.lines.items():
        assert epochs_plotted(lab, key) == 200 and len(test.getData()[0]) == 200
        assert train.opts["pen"].style() == Qt.PenStyle.SolidLine
        assert test.opts["pen"].style() == Qt.PenStyle.DashLine
        assert train.opts["pen"].color() == test.opts["pen"].color()
        colours.add(train.opts["pen"].color().name())
    assert len(colours) == 3
    legend = [label.text for _, label in lab.legend.items]
    assert legend == [*rows, "train", "test"]

    lab.resize(1200, 760)
    qtbot.wait(50)
    target = screenshot_target("lab_regularization.png", tmp_path)
    assert lab.grab().toImage().save(str(target))


def test_stop_ends_the_run_mid_way_and_typed_values_reach_the_next(qtbot, lab):
    qtbot.waitUntil(lambda: lab.progress.value() >= 2, timeout=TIMEOUT)
    curves = stop(qtbot, lab)
    done = len(curves[0].train)
    assert 2 <= done < 200 and {len(c.train) for c in curves} == {done}
    assert all(c.outcome.kind == "stopped" for c in curves)
    assert lab.progress.value() == done and epochs_plotted(lab, "dropout") == done
    assert f"Stopped after {done} epochs" in lab.status.text()
    assert lab.run_button.isEnabled() and not lab.stop_button.isEnabled()
    assert lab.weight_decay.isEnabled() and lab.experiment.isEnabled()

    # typed values reach the variants
    type_into(qtbot, lab.epochs, "4")
    type_into(qtbot, lab.weight_decay, "0.05")
    type_into(qtbot, lab.dropout, "0")  # 0 leaves the dropout variant out
    curves = run(qtbot, lab)
    assert [c.label for c in curves] == ["no regularisation", "weight decay λ = 0.05"]
    assert list(table(lab)) == ["no regularisation", "weight decay λ = 0.05"]
    assert list(lab.lines) == ["plain", "weight_decay"]
    assert epochs_plotted(lab, "weight_decay") == 4 and lab.progress.maximum() == 4
    assert "Finished 4 epochs" in lab.status.text()


def test_batch_norm_learns_faster_and_tolerates_a_high_rate(qtbot, lab):
    stop(qtbot, lab)
    lab.experiment.setFocus()
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT) as blocker:
        qtbot.keyClick(lab.experiment, Qt.Key.Key_Down)  # choosing it starts its run
    assert lab.experiment.currentData() == "batch_norm"
    assert (lab.init_std.value(), lab.lr.value(), lab.epochs.value()) == (0.07, 0.01, 20)
    assert lab.form.isRowVisible(lab.init_std) and not lab.form.isRowVisible(lab.weight_decay)
    assert not lab.table.isColumnHidden(4) and lab.threshold.scene() is not None
    assert "batch-norm test" in lab.notice_label.text()

    rows = table(lab)
    reached = {name: row["80 % train at"] for name, row in rows.items()}
    # measured: 80 % training accuracy at epoch 20 without batch norm, epoch 4 with it
    fast = int(reached["with batch norm"].removeprefix("epoch "))
    assert fast <= 6
    slow = reached["without batch norm"]
    assert slow == "—" or int(slow.removeprefix("epoch ")) >= 2 * fast
    plain, bn = blocker.args[0]
    assert bn.train[fast - 1] >= plain.train[fast - 1] + 0.3
    _, bn_train = lab.lines["batch_norm"][0].getData()
    assert bn_train[fast - 1] == bn.train[fast - 1]  # what is drawn is what was measured
    assert "with batch norm at epoch" in lab.status.text()

    # batch norm also tolerates a high rate that blows the plain network up
    type_into(qtbot, lab.init_std, "0.2")
    type_into(qtbot, lab.lr, "0.1")
    type_into(qtbot, lab.epochs, "5")
    plain, bn = run(qtbot, lab)
    assert plain.outcome.kind == "diverged" and bn.outcome.kind == "completed"
    rows = table(lab)
    assert "without batch norm (diverged)" in rows
    assert rows["with batch norm"]["80 % train at"].startswith("epoch ")
    assert "without batch norm diverged: lower the learning rate" in lab.status.text()


def test_closing_mid_run_joins_the_thread(qtbot, lab, open_lab):
    qtbot.waitUntil(lambda: lab.progress.value() >= 1, timeout=TIMEOUT)
    lab.close()
    assert not lab.job.running
    shown = epochs_plotted(lab, "plain")
    assert 1 <= shown < 200
    qtbot.wait(100)
    assert epochs_plotted(lab, "plain") == shown  # nothing arrives after the join
    assert "Stopped when the window closed" in lab.status.text()
    again = open_lab("regularization")
    assert again is lab and lab.run_button.isEnabled() and not lab.stop_button.isEnabled()


def test_a_failing_run_shows_its_error_in_the_lab(qtbot, lab, monkeypatch, dialogs):
    stop(qtbot, lab)
    monkeypatch.setattr(lab_module, "OVERFITTING_EXAMPLE", "missing_example")
    with qtbot.waitSignal(lab.job.failed, timeout=TIMEOUT):
        qtbot.mouseClick(lab.run_button, LEFT)
    assert "The experiment could not run: there is no example called 'missing_example'" in \
        lab.status.text()
    assert "KeyError" not in lab.status.text()  # said in words, not by Python's class name
    assert lab.run_button.isEnabled() and not lab.stop_button.isEnabled()
    assert dialogs.shown == []


def batch_cells(section, row, columns):
    return [section.table.item(row, column).text() for column in columns]


def test_the_batch_norm_experiment_shows_one_batch_step_by_step(qtbot, lab):
    """μ, σ², x̂ and γ·x̂ + β of the book's 3×2 batch were shown nowhere (only batch norm's
    effect on the learning speed): the batch-norm experiment shows them, from the engine's
    layer, and recomputes them as x, γ or β is typed."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    from gui.labs.regularization_batch import BETA, GAMMA, MEAN, VAR

    section = lab.batch_steps
    assert not section.isVisible()  # the overfitting experiment has no batch norm table
    stop(qtbot, lab)
    lab.experiment.setFocus()
    qtbot.keyClick(lab.experiment, Qt.Key.Key_Down)  # choosing it starts its run …
    stop(qtbot, lab)  # … which this test does not need
    assert section.isVisible()
    every = range(6)
    assert batch_cells(section, 0, every) == [
        "1", "2", "-1.22474464", "-1.01904927", "-1.22474464", "-1.53809854"]
    assert batch_cells(section, 1, every)[4:] == ["0", "-0.179366181"]
    assert batch_cells(section, 2, every)[4:] == ["1.22474464", "3.21746473"]
    assert batch_cells(section, MEAN, (0, 1)) == ["3", "5"]
    assert batch_cells(section, VAR, (0, 1)) == ["2.66666667", "8.66666667"]
    assert batch_cells(section, GAMMA, (4, 5)) == ["1", "2"]
    assert batch_cells(section, BETA, (4, 5)) == ["0", "0.5"]

    def type_cell(row, column, text):
        section.table.setFocus()
        section.table.setCurrentCell(row, column)
        qtbot.keyClick(section.table, Qt.Key.Key_F2)
        [editor] = [e for e in section.table.viewport().findChildren(QLineEdit)
                    if e.isVisible()]
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it from the event loop
        qtbot.waitUntil(lambda: section.table.state() != QAbstractItemView.State.EditingState)

    type_cell(BETA, 4, "10")  # β₁ = 10 shifts y₁ by 10
    assert batch_cells(section, 0, (4,)) == ["8.77525536"]
    type_cell(2, 1, "6")  # x = [[1,2],[3,4],[5,6]]: feature 2 now like feature 1
    assert batch_cells(section, MEAN, (0, 1)) == ["3", "4"]
    assert batch_cells(section, 2, (3,)) == ["1.22474464"]
    type_cell(0, 0, "one")
    assert "“one” is not a number" in section.note.text()
    assert batch_cells(section, 0, (0,)) == ["1"]
