"""Build XOR (input 2 → hidden 2 → output 1) with the mouse and keyboard, save, reopen, and
undo it all away and back."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from core.spec import NetworkSpec
from tests.gui.document.test_undo_words import type_into


def build_xor(qtbot, window, canvas) -> None:
    canvas.drop_from_palette("input", QPoint(120, 300))
    canvas.drop_from_palette("hidden", QPoint(340, 300))
    canvas.drop_from_palette("output", QPoint(560, 300))
    assert [n.kind for n in window.doc.spec.nodes] == ["input", "hidden", "output"]
    input_id, hidden_id, output_id = canvas.node_ids()

    canvas.click_node(hidden_id)
    assert window.inspector.node_form.node_id == hidden_id
    spin = window.inspector.node_form.units_spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    combo = window.inspector.node_form.activation_combo
    combo.setFocus()
    qtbot.keyClicks(combo, "leaky_relu")  # one key press picks it (a new node is tanh)

    canvas.connect(input_id, hidden_id)
    canvas.connect(hidden_id, output_id)


def test_build_xor_with_gestures_save_and_reopen(qtbot, window, canvas, tmp_path, monkeypatch):
    build_xor(qtbot, window, canvas)
    spec = window.doc.spec
    assert [(n.kind, n.units) for n in spec.nodes] == [("input", 2), ("hidden", 2),
                                                        ("output", 1)]
    assert spec.node("2").activation == "leaky_relu"
    assert spec.node("3").activation == "sigmoid"  # two classes: one sigmoid unit
    assert [(e.src, e.dst) for e in spec.edges] == [("1", "2"), ("2", "3")]
    assert spec.problems() == []
    assert window.isWindowModified()
    assert window.doc.array("W1").shape == (2, 2)

    path = tmp_path / "xor.netcanvas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "xor"), "")))
    window.save_action.trigger()  # writes in the background
    qtbot.waitUntil(lambda: not window.files.saver.busy)
    assert path.exists()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("xor.netcanvas")
    saved_arrays = window.doc.arrays

    window.files.new()
    assert window.doc.spec == NetworkSpec()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.open_action.trigger()
    assert window.doc.spec == spec
    assert window.doc.arrays.keys() == saved_arrays.keys()
    for name, value in saved_arrays.items():
        np.testing.assert_array_equal(window.doc.array(name), value)
    assert len(window.scene.node_items()) == 3
    assert window.files.recent_files() == [str(path.resolve())]


def test_undo_everything_to_an_empty_canvas_and_redo_back(qtbot, window, canvas):
    build_xor(qtbot, window, canvas)
    built, arrays = window.doc.spec, window.doc.arrays
    stack = window.doc.undo_stack
    # adds 3, units 1, activation 1, connections 2: every gesture is one entry
    assert stack.count() == 7

    canvas.view.setFocus()
    while stack.canUndo():
        qtbot.keyClick(canvas.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.spec == NetworkSpec()
    assert window.doc.arrays == {}
    assert window.scene.items() == []
    assert not window.isWindowModified()

    while stack.canRedo():
        qtbot.keyClick(canvas.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.spec == built
    for name, value in arrays.items():
        np.testing.assert_array_equal(window.doc.array(name), value)
    assert {i.node_id for i in window.scene.node_items()} == {"1", "2", "3"}


@pytest.mark.parametrize("kind", ["input", "hidden", "output"])
def test_clicking_a_palette_button_adds_a_node_in_the_middle(qtbot, window, kind):
    qtbot.mouseClick(window.palette.buttons[kind], Qt.MouseButton.LeftButton)
    assert [n.kind for n in window.doc.spec.nodes] == [kind]
    assert window.scene.selected_node_ids() == ["1"]


def test_the_same_network_built_the_same_way_gets_the_same_first_weights(qtbot, window, canvas):
    """The settings' seed (0 in a new project) drives the weights a hand-drawn connection gets,
    as it drives Reset Weights: two students building XOR the same way start from the same
    weights and see the same run (each build drew other weights before, seed 0 shown)."""
    build_xor(qtbot, window, canvas)
    first = {name: value.copy() for name, value in window.doc.arrays.items()}
    window.files.new()
    build_xor(qtbot, window, canvas)
    again = window.doc.arrays
    assert first.keys() == again.keys() and {"W1", "W2"} <= first.keys()
    for name, value in first.items():
        np.testing.assert_array_equal(again[name], value)
    assert np.abs(first["W1"]).min() > 0  # drawn, not zeros

    # another seed typed first, another start; that seed again, the same one
    builds = []
    for _ in range(2):
        window.files.new()
        type_into(qtbot, window, window.training.settings_panel.seed_spin, "5")
        assert window.doc.settings.seed == 5
        build_xor(qtbot, window, canvas)
        builds.append(window.doc.array("W1").copy())
    np.testing.assert_array_equal(builds[0], builds[1])
    assert not np.array_equal(builds[0], first["W1"])


def twin_of_the_hidden_node(qtbot, window, canvas) -> np.ndarray:
    """A second hidden node of 2 units fed by the input, as the first one is: its weights."""
    canvas.drop_from_palette("hidden", QPoint(340, 480))
    twin = canvas.node_ids()[-1]
    canvas.click_node(twin)
    spin = window.inspector.node_form.units_spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "2")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    canvas.connect("1", twin)
    edge = next(e for e in window.doc.spec.edges if e.dst == twin)
    return window.doc.array(f"W{edge.id}")


def test_a_node_added_after_reopening_or_a_seed_round_trip_is_no_twin(
        qtbot, window, canvas, tmp_path, monkeypatch):
    """The generator starts again from the seed at Open and at a seed change, mixed with the
    weights already there: from the seed alone it repeated the draws that made them, and a
    hidden node added like the first one got exactly its weights — two units that stay the
    same through training (review)."""
    build_xor(qtbot, window, canvas)
    first = window.doc.array("W1").copy()
    path = tmp_path / "xor.netcanvas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.save_action.trigger()
    qtbot.waitUntil(lambda: not window.files.saver.busy)
    window.files.new()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    window.open_action.trigger()
    np.testing.assert_array_equal(window.doc.array("W1"), first)
    assert not np.array_equal(twin_of_the_hidden_node(qtbot, window, canvas), first)

    window.files.new()  # the seed changed and back before a twin is drawn
    build_xor(qtbot, window, canvas)
    first = window.doc.array("W1").copy()
    panel = window.training.settings_panel
    type_into(qtbot, window, panel.seed_spin, "5")
    type_into(qtbot, window, panel.seed_spin, "0")
    assert window.doc.settings.seed == 0
    assert not np.array_equal(twin_of_the_hidden_node(qtbot, window, canvas), first)
