"""The Predictions table follows a run's live weights: its cells change quietly and the view
hears of them once. Told of each cell on its own, the view (and the columns sized to their
contents) caught up every time: 0.1 ms a cell, 3 ms of the GUI thread for each live update."""

from tests.gui.training_support import open_example, train_to_end


def test_new_predictions_reach_the_table_in_one_change(qtbot, window):
    open_example(window, "digits_mlp", epochs=3)
    panel = window.predictions_panel
    qtbot.waitUntil(lambda: len(panel.column("output")) > 0)
    before = panel.column("output")
    changes, per_update = [], []
    panel.table.model().dataChanged.connect(lambda *args: changes.append(args))
    # after the table's own slot: what each update told the view
    window.predictions.updated.connect(lambda _result: (per_update.append(changes[:]),
                                                         changes.clear()))
    train_to_end(qtbot, window)  # other weights: other outputs, live and at the end
    qtbot.waitUntil(lambda: panel.column("output") != before, timeout=10_000)
    result = window.predictions.result
    column = result.headers.index("output")
    assert panel.column("output") == [row[column] for row in result.rows]
    assert per_update and all(len(told) == 1 for told in per_update), per_update
    first, last = per_update[-1][0][:2]
    assert (first.row(), first.column()) == (0, 0)
    assert (last.row(), last.column()) == (len(result.rows) - 1, len(result.headers) - 1)
