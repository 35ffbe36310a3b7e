"""Weights numbered by layer, as the book numbers them (its chapter 3 ``sample_weight.pkl``
converted to ``.npz``: W1, b1, W2, b2, W3, b3), go onto a chain drawn on the canvas, whose
biases are named after their nodes (b2, b3, b4) and whose weights after the connections in the
order they were drawn. File ▸ Import Weights refused them name by name ("weight b4 is missing;
the network has no parameter called b1; b3 has shape (1,) but the network needs (8,)")."""

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog

from tests.gui.test_export_menu import menu_action


def test_the_book_s_layer_numbered_weights_are_imported_onto_a_drawn_chain(
        qtbot, window, canvas, tmp_path, dialogs, monkeypatch):
    for kind, x in (("input", 100), ("hidden", 260), ("hidden", 420), ("output", 580)):
        canvas.drop_from_palette(kind, QPoint(x, 250))
    canvas.connect("3", "4")  # drawn last layer first: connection 1 is the output's
    canvas.connect("1", "2")
    canvas.connect("2", "3")
    rng = np.random.default_rng(3)
    book = {"W1": rng.normal(size=(2, 8)), "b1": rng.normal(size=8),
            "W2": rng.normal(size=(8, 8)), "b2": rng.normal(size=8),
            "W3": rng.normal(size=(8, 1)), "b3": rng.normal(size=1)}
    np.savez(tmp_path / "sample_weight.npz", **book)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(
        lambda *args: (str(tmp_path / "sample_weight.npz"), "")))
    before = {k: v.copy() for k, v in window.doc.arrays.items()}

    menu_action(window, "Import Weights…").trigger()
    taken = {"W2": "W1", "b2": "b1", "W3": "W2", "b3": "b2", "W1": "W3", "b4": "b3"}
    for name, source in taken.items():
        np.testing.assert_allclose(window.doc.array(name), book[source], rtol=1e-6)
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("information", "Weights imported")
    assert text == ("Imported the weights of sample_weight.npz: its weights are numbered by "
                    "layer, as the book numbers them, and were taken as the network names "
                    "them: W1 → W2, b1 → b2, W2 → W3, b2 → b3, W3 → W1, b3 → b4 (Undo takes "
                    "them back).")
    window.undo_action.trigger()
    assert all(np.array_equal(window.doc.arrays[k], before[k]) for k in before)
