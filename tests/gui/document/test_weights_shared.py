"""Train, Reset weights and Continue each push one undo entry holding the weights from before.
It copied every weight on the GUI thread (0.1–0.3 s on 2-2000-2000-2), and Undo and Redo
copied them again: the document's arrays are read-only and never changed in place, so the
entry now shares them — and Undo still puts back exactly the weights from before.

A project just opened kept writable arrays until its first edit, so a frame compared them
again at every asking (``Frame.holds`` remembers verdicts for arrays nobody can change only):
they are read-only from the start now, as every array the document keeps."""

from __future__ import annotations

import numpy as np

from core.project import save_project
from tests.gui.training_support import click, open_example, train_to_end


def own_arrays(doc) -> dict[str, np.ndarray]:
    """The arrays the document keeps (what its read-only views look into)."""
    return {name: view.base if view.base is not None else view
            for name, view in doc.arrays.items()}


def assert_read_only(doc) -> None:
    arrays = own_arrays(doc)
    assert arrays
    writable = [name for name, array in arrays.items() if array.flags.writeable]
    assert writable == []


def test_an_opened_project_keeps_read_only_weights_from_the_start(qtbot, window, tmp_path):
    open_example(window, "spiral", epochs=2)
    assert_read_only(window.doc)  # an example: some weights drawn, the rest from the file
    train_to_end(qtbot, window)
    path = tmp_path / "trained.ncproj"
    save_project(window.files.project(), path)
    assert window.files.load(str(path), remember=False)
    assert_read_only(window.doc)  # a saved project opened: every weight from the file
    click(qtbot, window, "reset")
    assert_read_only(window.doc)


def test_a_frame_compares_an_opened_project_s_weights_once(qtbot, window, monkeypatch,
                                                           tmp_path):
    import gui.training.frames as frames_module

    open_example(window, "spiral", epochs=1)
    frame = train_to_end(qtbot, window).frame
    path = tmp_path / "trained.ncproj"
    save_project(window.files.project(), path)
    assert window.files.load(str(path), remember=False)  # the run's weights, read from a file
    compared: list[int] = []
    equal_as = frames_module.equal_as
    monkeypatch.setattr(frames_module, "equal_as",
                        lambda mine, given: compared.append(1) or equal_as(mine, given))
    doc = window.doc
    assert frame.holds(doc.arrays)
    first = len(compared)
    assert frame.holds(doc.arrays)
    assert len(compared) == first  # remembered: nothing compared again


def test_undo_after_train_restores_the_very_weights_without_copies(qtbot, window):
    open_example(window, "spiral", epochs=2)
    doc = window.doc
    before = own_arrays(doc)
    before_values = {name: np.array(array) for name, array in before.items()}
    train_to_end(qtbot, window)
    trained = own_arrays(doc)
    trained_values = {name: np.array(array) for name, array in trained.items()}
    assert any(not np.array_equal(trained_values[k], before_values[k]) for k in before)

    window.undo_action.trigger()
    undone = own_arrays(doc)
    assert all(undone[k] is before[k] for k in before)  # the same arrays back, not copies
    assert all(np.array_equal(undone[k], before_values[k]) for k in before)

    window.redo_action.trigger()
    redone = own_arrays(doc)
    assert all(redone[k] is trained[k] for k in trained)  # the run's weights, not a copy
    assert all(np.array_equal(redone[k], trained_values[k]) for k in trained)
    assert_read_only(doc)


def test_undo_after_reset_weights_restores_the_trained_weights_exactly(qtbot, window):
    open_example(window, "spiral", epochs=2)
    doc = window.doc
    train_to_end(qtbot, window)
    trained = own_arrays(doc)
    trained_values = {name: np.array(array) for name, array in trained.items()}
    click(qtbot, window, "reset")
    reset = {name: np.array(array) for name, array in own_arrays(doc).items()}
    assert any(not np.array_equal(reset[k], trained_values[k]) for k in reset)

    window.undo_action.trigger()
    assert all(own_arrays(doc)[k] is trained[k] for k in trained)
    assert all(np.array_equal(own_arrays(doc)[k], trained_values[k]) for k in trained)
    window.redo_action.trigger()
    assert all(np.array_equal(own_arrays(doc)[k], reset[k]) for k in reset)
    window.undo_action.trigger()
    window.redo_action.trigger()
    assert all(np.array_equal(own_arrays(doc)[k], reset[k]) for k in reset)
