"""Press Train on the XOR example: it learns XOR, and every panel shows what the trainer
recorded (the loss curve *is* the history, the histograms are the snapshot's)."""

import numpy as np

from core.engine.params import weight_name
from core.training.history import History
from tests.gui.training_support import accuracy_of_document, open_example, train_to_end


def test_train_button_learns_xor_and_every_panel_matches_the_history(qtbot, window):
    open_example(window, "xor_learned")
    before = {k: v.copy() for k, v in window.doc.arrays.items()}
    result = train_to_end(qtbot, window)

    assert result.outcome.kind in ("target_reached", "completed"), result.outcome
    assert accuracy_of_document(window) == 1.0
    history = History.from_dict(window.doc.history)
    assert history.latest()["train_accuracy"] == 1.0
    assert history.n_epochs == result.frame.history.n_epochs > 10

    ui = window.training
    frame = result.frame
    # Loss panel: the per-epoch curves are the history's columns; accuracy below.
    for name in ("train_loss", "train_accuracy"):
        x, y = ui.loss.curve(name).getData()
        np.testing.assert_array_equal(x, history.epochs["epoch"])
        np.testing.assert_allclose(y, np.array(history.epochs[name], dtype=float))
    assert ui.loss.batch_curve.getData()[1].size > 0
    # Weights: the histogram of the chosen edge is the snapshot's (its panel is made, and
    # draws the run's last frame, once its tab is opened).
    ui.docks["Weights"].raise_()
    qtbot.waitUntil(lambda: ui.hosts["Weights"].is_built)
    edge = ui.weights.edge_id
    x, y = ui.weights.now_curve.getData()
    np.testing.assert_array_equal(x, frame.snapshot.weight_histograms[edge].edges)
    np.testing.assert_array_equal(y, frame.snapshot.weight_histograms[edge].counts)
    assert frame.weight_trails[edge].x.size, "the weights over time have columns"
    np.testing.assert_array_equal(ui.weights.trail_image.image, frame.weight_trails[edge].image)
    # Activations: the chosen node's histogram on the probe batch.
    ui.docks["Activations"].raise_()
    qtbot.waitUntil(lambda: ui.hosts["Activations"].is_built)
    node = ui.activations.node_id
    x, y = ui.activations.hist_curve.getData()
    np.testing.assert_array_equal(y, frame.snapshot.activations[node].histogram.counts)
    # Output: the decision boundary over the plane and the confusion matrix (all 4 rows right).
    np.testing.assert_array_equal(ui.output.boundary.image.image, frame.boundary)
    confusion = frame.evaluation.confusion
    assert np.trace(confusion) == confusion.sum() == 4
    np.testing.assert_array_equal(ui.output.confusion.labels.counts, confusion)
    assert "accuracy 100.0 %" in ui.output.note.text()

    # The canvas draws the trained weights, which are the snapshot's.
    for edge_spec in window.doc.spec.edges:
        name = weight_name(edge_spec.id)
        np.testing.assert_allclose(window.doc.array(name), frame.snapshot.params[name],
                                   rtol=1e-12)
        np.testing.assert_allclose(window.scene.edge_item(edge_spec.id).weights,
                                   window.doc.array(name))

    # One undo entry: Undo gives back the untrained weights and history, Redo the trained.
    assert window.doc.undo_stack.undoText().startswith("Train")
    window.doc.undo_stack.undo()
    for name, value in before.items():
        np.testing.assert_array_equal(window.doc.array(name), value)
    assert window.doc.history is None
    window.doc.undo_stack.redo()
    assert accuracy_of_document(window) == 1.0


def test_training_continues_from_the_trained_weights(qtbot, window):
    open_example(window, "xor_learned", epochs=5, target_loss=None)
    train_to_end(qtbot, window)
    first = History.from_dict(window.doc.history)
    train_to_end(qtbot, window)
    second = History.from_dict(window.doc.history)
    assert (first.n_epochs, second.n_epochs) == (5, 10)
    assert second.epochs["train_loss"][:5] == first.epochs["train_loss"]
