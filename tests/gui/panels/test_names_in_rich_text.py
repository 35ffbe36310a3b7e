"""A name the user typed is shown as typed where a panel colours its message: a node called
"<b>In</b> & co" was shown bold, without its tags, in Predictions' "No predictions: …"."""

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTextDocument

from tests.gui.inspector.test_inspector import select
from tests.gui.panels.test_data_import import import_and_wait

NAME = "<b>In</b> & co"
MISMATCH = f"{NAME} has 2 unit(s) but takes 3 column(s) (the raw data columns): make its " \
           "units match"


def shown(label) -> str:
    """What a rich-text label shows, as plain words."""
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def test_a_typed_node_name_is_shown_literally_in_the_coloured_messages(
        qtbot, window, canvas, tmp_path):
    window.files.open_example("xor_learned")
    form = select(window, canvas, "0")
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, NAME)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    # a second input node with a chosen feature: each input node then takes its own columns,
    # and the named one, taking the raw columns, is named when three come instead of two
    window.add_node("input", QPointF(0, 200))
    second = window.doc.spec.nodes[-1].id
    assert window.scene.connect_nodes(second, "1")
    select(window, canvas, second).features_list.item(0).setCheckState(Qt.CheckState.Checked)
    rng = np.random.default_rng(0)
    lines = ["a,b,c,label"] + [f"{a:.3f},{b:.3f},{c:.3f},{k % 2}"
                               for k, (a, b, c) in enumerate(rng.normal(size=(40, 3)))]
    (tmp_path / "three.csv").write_text("\n".join(lines) + "\n")
    assert import_and_wait(window, qtbot, tmp_path / "three.csv") == [True]

    predictions = window.predictions_panel.caption
    qtbot.waitUntil(lambda: shown(predictions) == "No predictions: " + MISMATCH)
    [row] = window.problems_panel.mismatch_rows
    assert shown(row.label) == "◆ " + MISMATCH
    window.explain_action.trigger()
    qtbot.waitUntil(lambda: window.explain.message.isVisible())
    assert shown(window.explain.message) == "This row cannot be explained: " + MISMATCH
