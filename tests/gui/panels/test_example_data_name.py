"""Opening a gate example keeps the data picker's one entry for its truth table: the example
stores the gate's own sample count and noise, and the picker used to add "XOR gate (4 samples)"
under "XOR gate" — two names for one set, a fresh window and an example disagreeing."""

from PySide6.QtCore import Qt

from core.datasets.ref import DataRef


def entries(window, start: str) -> list[str]:
    combo = window.data_picker.data_combo
    return [combo.itemText(k) for k in range(combo.count()) if combo.itemText(k).startswith(start)]


def test_xor_by_hand_shows_the_xor_gate_the_picker_lists(qtbot, window):
    combo = window.data_picker.data_combo
    assert entries(window, "XOR gate") == ["XOR gate"]
    qtbot.mouseClick(window.start_page.buttons["xor_by_hand"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.doc.spec.nodes) > 0)
    assert window.doc.data.n_samples == 4  # as the example stores it
    assert combo.currentText() == "XOR gate"
    assert entries(window, "XOR gate") == ["XOR gate"]
    assert window.files.open_example("and_gate")
    assert combo.currentText() == "AND gate" and entries(window, "AND gate") == ["AND gate"]


def test_a_set_with_its_own_size_is_still_named_by_it(qtbot, window):
    window.doc.set_data(DataRef.builtin("circle", n_samples=60))
    assert window.data_picker.data_combo.currentText() == "Circle (60 samples)"


def test_reopening_a_project_with_imported_data_lists_it_once(qtbot, window):
    """A project whose data is stored in it, opened again and again between others (a class
    going back to the book's example all day): the picker lists its data once, and forgets it
    when another project is open — it listed "book input (imported)" once more per opening,
    each entry keeping that data set in memory."""
    combo = window.data_picker.data_combo
    offered = combo.count()
    for other in ("spiral", "and_gate", "xor_learned"):
        assert window.files.open_example("forward_pass_3layer")
        assert combo.currentText() == "book input (imported)"
        assert entries(window, "book input") == ["book input (imported)"]
        assert combo.count() == offered + 1
        assert window.files.open_example(other)
        assert entries(window, "book input") == []
        assert combo.count() == offered
    assert combo.currentText() == "XOR gate"
