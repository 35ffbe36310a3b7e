"""After a run, each panel that shows a frame asks whether the document still holds the
frame's weights — at its first show and after every prediction. Each asking compared every
weight again: 0.1–0.3 s of the GUI thread per panel on 2-2000-2000-2, so the Weights and
Activations panels' first show froze the window. The document's arrays cannot change (it
swaps in new ones), so a frame now compares each of them once, and an edit costs the
comparison of the array it changed; the verdicts stay right. The arrays a run leaves in the
document are the frame's own (converted on its worker), which need no comparison at all."""

from __future__ import annotations

import numpy as np

import gui.training.frames as frames_module
from gui.document.commands import SetArrayValueCommand
from tests.gui.training_support import open_example, train_to_end


def test_a_frame_compares_the_documents_weights_once(qtbot, window, monkeypatch):
    open_example(window, "spiral", epochs=2)
    ui, doc = window.training, window.doc
    compared: list[tuple[int, ...]] = []
    equal_as = frames_module.equal_as

    def recorded(mine, given):
        compared.append(np.shape(mine))
        return equal_as(mine, given)

    monkeypatch.setattr(frames_module, "equal_as", recorded)
    frame = train_to_end(qtbot, window).frame
    arrays = len(doc.arrays)

    # First shows of the Weights and Activations panels, predictions coming and going.
    for name in ("Weights", "Activations", "Output"):
        ui.docks[name].raise_()
        qtbot.wait(300)
    qtbot.waitUntil(lambda: ui.weights.frame is frame and ui.activations.frame is frame)
    assert frame.holds(doc.arrays) and frame.holds(doc.arrays)
    # the document holds the very arrays the frame's worker converted: nothing to compare
    assert compared == [] and len(doc.arrays) == arrays
    assert not ui.weights.edited

    # One weight typed: only that array is compared anew, and the frame no longer holds.
    before = len(compared)
    doc.push(SetArrayValueCommand(doc, "W1", (0, 0), 5.0))
    assert not frame.holds(doc.arrays)
    qtbot.waitUntil(lambda: ui.weights.edited)
    assert compared[before:] == [doc.array("W1").shape]

    doc.undo_stack.undo()  # the run's own weights again
    assert frame.holds(doc.arrays)
    qtbot.waitUntil(lambda: not ui.weights.edited)
    assert compared[before + 1:] == [doc.array("W1").shape]


def test_a_float32_run_s_frame_keeps_its_weights_once(qtbot, window):
    """A frame carries its weights as the document keeps them (float64, converted on the
    worker); a float32 run's snapshot kept its own float32 copy besides: +32 MB for each
    frame alive of 2-2000-2000-2. Now the snapshot holds the converted ones, and the frame
    still knows the weights as its network stores them: a typed value that is the same
    float32 is the run's weight."""
    open_example(window, "spiral", epochs=2)
    doc = window.doc
    assert doc.settings.dtype == "float32"
    frame = train_to_end(qtbot, window).frame
    for name, value in {**frame.snapshot.params, **frame.snapshot.state}.items():
        assert value is frame.arrays[name], name  # one copy: the document's
    weight = float(doc.array("W1")[0, 0])
    same_float32 = weight + abs(weight) * 1e-12 + 1e-40
    assert np.float32(same_float32) == np.float32(weight) and same_float32 != weight
    doc.push(SetArrayValueCommand(doc, "W1", (0, 0), same_float32))
    assert frame.holds(doc.arrays)
    doc.push(SetArrayValueCommand(doc, "W1", (0, 0), weight + 0.5))
    assert not frame.holds(doc.arrays)
