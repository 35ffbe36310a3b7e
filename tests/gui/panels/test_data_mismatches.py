"""Data that does not fit the network: the Problems panel lists every mismatch at once, each
with its one-click fix beside it (naming the node as the canvas does), in view at 1280×800."""

import numpy as np
from PySide6.QtCore import Qt

from tests.gui.panels.test_data_import import import_and_wait

SPECIES = ("setosa", "versicolor", "virginica")


def write_iris_like(path) -> None:
    """Three feature columns and a text label column with three classes."""
    rng = np.random.default_rng(0)
    lines = ["sepal,petal,stem,species"]
    lines += [f"{a:.3f},{b:.3f},{c:.3f},{SPECIES[k % 3]}"
              for k, (a, b, c) in enumerate(rng.normal(size=(60, 3)))]
    path.write_text("\n".join(lines) + "\n")


def in_view(widget) -> bool:
    """Wholly on screen: not cut off by the dock's scroll area or the window's edge."""
    visible = widget.visibleRegion().boundingRect()
    return widget.isVisible() and visible == widget.rect()


def test_both_mismatches_are_listed_with_their_fixes_in_view(qtbot, window, tmp_path):
    window.resize(1280, 800)
    assert window.files.open_example("xor_learned")  # 2 → 2 → 1 sigmoid
    write_iris_like(tmp_path / "iris.csv")
    assert import_and_wait(window, qtbot, tmp_path / "iris.csv") == [True]
    panel = window.problems_panel
    qtbot.waitUntil(lambda: len(panel.fix_buttons) == 2, timeout=10000)
    assert panel.messages() == [
        "◆ the data has 3 feature columns but the input node takes 2 units: give it 3 units "
        "or choose its features",
        "◆ the output node has 1 unit but the data has 3 classes: give it 3 units"]
    inputs, outputs = panel.fix_buttons
    assert (inputs.text(), outputs.text()) == ("Give input 0 3 units", "Give output 2 3 units")
    # each button right below its problem, both in view without scrolling
    for row, button in zip(panel.mismatch_rows, panel.fix_buttons, strict=True):
        assert button.parentWidget() is row
    qtbot.waitUntil(lambda: in_view(inputs) and in_view(outputs), timeout=5000)

    undo = window.doc.undo_stack
    count = undo.count()
    qtbot.mouseClick(inputs, Qt.MouseButton.LeftButton)
    assert window.doc.spec.node("0").units == 3 and undo.count() == count + 1
    qtbot.waitUntil(lambda: [b.text() for b in panel.fix_buttons] == ["Give output 2 3 units"],
                    timeout=10000)
    [outputs] = panel.fix_buttons
    qtbot.waitUntil(lambda: in_view(outputs), timeout=5000)
    qtbot.mouseClick(outputs, Qt.MouseButton.LeftButton)
    assert window.doc.spec.node("2").units == 3 and undo.count() == count + 2
    qtbot.waitUntil(lambda: panel.messages() == [], timeout=10000)
    assert panel.fix_buttons == []
    window.undo_action.trigger()  # each fix is its own undoable edit
    assert window.doc.spec.node("2").units == 1 and window.doc.spec.node("0").units == 3
    qtbot.waitUntil(lambda: [b.text() for b in panel.fix_buttons] == ["Give output 2 3 units"],
                    timeout=10000)


def test_a_renamed_node_is_named_so_on_its_fix(qtbot, window, tmp_path):
    from gui.document.commands import ChangeNodeCommand

    assert window.files.open_example("xor_learned")
    write_iris_like(tmp_path / "iris.csv")
    assert import_and_wait(window, qtbot, tmp_path / "iris.csv") == [True]
    panel = window.problems_panel
    qtbot.waitUntil(lambda: len(panel.fix_buttons) == 2, timeout=10000)
    window.doc.push(ChangeNodeCommand(window.doc, "2", {"name": "species"}))
    qtbot.waitUntil(lambda: panel.fix_buttons[-1].text() == "Give species 3 units",
                    timeout=10000)
