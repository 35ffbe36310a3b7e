"""A name the user typed is shown as typed wherever it goes into rich text: a node called
"<b>In</b> & co" was shown bold, without its tags, in Predictions' "No predictions: …", the
Inspector's heading, the weight matrix's title and the node's tooltip, and its "&" underlined
the space after it on the Problems panel's fix button."""

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QKeySequence, QTextDocument

from tests.gui.inspector.test_inspector import select
from tests.gui.panels.test_data_import import import_and_wait

NAME = "<b>In</b> & co"
MISMATCH = f"{NAME} has 2 units but takes 3 columns (the raw data columns): make its " \
           "units match"


def shown(label) -> str:
    """What a rich-text label shows, as plain words."""
    return plain(label.text())


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_a_typed_node_name_is_shown_literally_in_the_coloured_messages(
        qtbot, window, canvas, tmp_path):
    window.files.open_example("xor_learned")
    form = select(window, canvas, "0")
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    qtbot.keyClicks(form.name_edit, NAME)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert shown(form.header).startswith(f"● {NAME} (input node, id 0)")
    assert plain(window.scene.node_item("0").toolTip()).startswith(f"{NAME} — Input node, 2 units")
    edge = next(e.id for e in window.doc.spec.edges if e.src == "0")
    window.scene.select_only([], [edge])
    assert shown(window.inspector.edge_view.title).startswith(f"{NAME} → hidden 1")
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
    assert row.fix.text().replace("&&", "&") == f"Give {NAME} 3 units"
    assert QKeySequence.mnemonic(row.fix.text()).isEmpty()  # no Alt+Space
    window.explain_action.trigger()
    qtbot.waitUntil(lambda: window.explain.message.isVisible())
    assert shown(window.explain.message) == "This row cannot be explained: " + MISMATCH


def test_an_imported_files_name_is_shown_as_it_is_over_the_predictions(
        qtbot, window, tmp_path):
    """Predictions' caption names the data set: a file called 'x<y>&z.csv' was shown as
    'x&z', its '<y>' read as a tag."""
    window.files.open_example("xor_learned")
    table = tmp_path / "x<y>&z.csv"
    table.write_text("a,b,label\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
    assert import_and_wait(window, qtbot, table) == [True]
    caption = window.predictions_panel.caption
    qtbot.waitUntil(lambda: "x<y>&z" in shown(caption))
