"""The training docks before any run: the Weights panel draws the weights the network has now
(the book's initial weight distributions), the Activations panel (with no network yet) and
the Runs list say in words what will fill them, and the gradient norm's axis reads as a word."""

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt

from core.engine.params import weight_name
from gui.i18n import set_language
from tests.gui.training_support import click, open_example, train_to_end


def weights_panel(window):
    window.training.docks["Weights"].raise_()
    return window.training.weights


def drawn(panel) -> tuple[np.ndarray, np.ndarray] | None:
    """"Weights now" as drawn: (bin edges, counts), or None when it is empty."""
    edges, counts = panel.now_curve.getData()
    return None if counts is None or not len(counts) else (edges, counts)


def expected(window, edge_id: str) -> tuple[np.ndarray, np.ndarray]:
    """The document's weight matrix of ``edge_id``, binned independently by NumPy over its
    range, 30 bins as a training snapshot has."""
    weights = window.doc.arrays[weight_name(edge_id)]
    counts, edges = np.histogram(weights, bins=30)
    return edges, counts


def shows_weights_of(window, panel, edge_id: str) -> bool:
    shown = drawn(panel)
    if shown is None or panel.edge_id != edge_id:
        return False
    edges, counts = expected(window, edge_id)
    return (counts.tolist() == shown[1].tolist()
            and np.allclose(edges, shown[0], rtol=0, atol=1e-9))


def test_the_weights_panel_draws_the_initial_weights_before_any_run(qtbot, window):
    open_example(window, "digits_mlp")
    panel = weights_panel(window)
    edges = [e.id for e in window.doc.spec.edges]
    qtbot.waitUntil(lambda: shows_weights_of(window, panel, edges[0]))
    assert panel.frame is None
    assert int(drawn(panel)[1].sum()) == 64 * 100 == window.doc.arrays[
        weight_name(edges[0])].size
    # the other connection, picked in the panel's own list
    panel.edge_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: shows_weights_of(window, panel, edges[1]))
    assert int(drawn(panel)[1].sum()) == 100 * 10
    # the plots only training fills say how to fill them
    assert panel.empty_note.text == "Train (F5) to fill these plots"

    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: panel.frame is not None and not panel.stale)  # drawn
    assert panel.empty_note.text == ""
    trained = drawn(panel)[1].tolist()

    click(qtbot, window, "reset")  # fresh weights and no history: no frame any more
    qtbot.waitUntil(lambda: panel.frame is None and shows_weights_of(window, panel, edges[1]))
    assert drawn(panel)[1].tolist() != trained


def test_a_weight_typed_on_the_canvas_redraws_the_histogram(qtbot, window, canvas):
    open_example(window, "xor_by_hand")
    panel = weights_panel(window)
    qtbot.waitUntil(lambda: shows_weights_of(window, panel, "1"))
    before = drawn(panel)[0][[0, -1]].tolist()
    assert before[1] < 7.5
    edge = window.scene.edge_item("1")
    canvas.type_value(edge.weight_point(0, 0), "7.5")
    qtbot.waitUntil(lambda: drawn(panel)[0][-1] == 7.5)
    assert shows_weights_of(window, panel, "1")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: drawn(panel)[0][[0, -1]].tolist() == before)


def test_the_gradient_norm_axis_is_a_word(window, korean):
    axis = weights_panel(window).norm_plot.getAxis("left")
    assert "노름" in axis.labelText
    set_language("en")
    QCoreApplication.processEvents()
    assert "norm" in axis.labelText and "∇" not in axis.labelText


def test_the_activations_panel_says_how_to_fill_it(qtbot, window):
    """With no network to run yet (an empty canvas) it says how to fill it; once there is one
    it draws the current weights' activations (test_activations_before_a_run)."""
    window.training.docks["Activations"].raise_()
    panel = window.training.activations
    text = "Train (F5) to see what each layer outputs on a probe batch"
    qtbot.waitUntil(lambda: panel.empty_note.text == text)
    assert panel.current is None
    set_language("ko")
    QCoreApplication.processEvents()
    try:
        assert panel.empty_note.text and panel.empty_note.text != text
        assert "F5" in panel.empty_note.text
    finally:
        set_language("en")
        QCoreApplication.processEvents()
    open_example(window, "digits_mlp")
    qtbot.waitUntil(lambda: panel.current is not None and not panel.stale)  # drawn
    assert panel.empty_note.text == ""


def test_the_runs_list_says_what_it_lists(qtbot, window):
    open_example(window, "xor_learned")
    runs = window.training.runs
    assert runs.model.rowCount() == 0
    assert runs.view.placeholder() == ("Each training run is listed here, to compare them: "
                                       "press Train (F5)")
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: runs.model.rowCount() == 1)
    assert runs.view.placeholder() == ""
    runs.view.selectRow(0)
    qtbot.mouseClick(runs.hide_button, Qt.MouseButton.LeftButton)
    assert runs.model.rowCount() == 0
    assert runs.view.placeholder() == ("Every run is hidden: tick “show hidden runs” to "
                                       "list them")
