"""A node's name is one short line whatever is pasted or stored: line breaks, direction
controls and 10,000 characters are not kept, and the Inspector stays inside its dock."""

import json
import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
PASTED = "first line\nsecond\u202e" + "W" * 10_000


def test_a_pasted_name_is_kept_on_one_line_without_direction_controls(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    form = window.inspector.node_form
    QApplication.clipboard().setText(PASTED)
    form.name_edit.setFocus()
    form.name_edit.selectAll()
    qtbot.keyClick(form.name_edit, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)

    name = window.doc.spec.node("1").name
    assert name.startswith("first line secondWWW") and len(name) <= 40
    assert set(name.removeprefix("first line second")) == {"W"}
    assert form.name_edit.text() == name
    header = form.header.text()
    assert "\u202e" not in header and "\n" not in header
    qtbot.wait(50)  # the layout settles
    dock = window.docks["Inspector"]
    assert form.header.minimumSizeHint().width() < dock.width()
    assert form.width() <= dock.width()  # no row cut off on the right
    assert window.doc.undo_stack.undoText() == "Change name of hidden 1"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.doc.spec.node("1").name == ""
    assert form.name_edit.text() == ""


def test_a_stored_name_with_line_breaks_and_an_override_opens_cleaned(window, tmp_path):
    window.files.open_example("xor_learned")
    good = tmp_path / "good.netcanvas"
    assert window.files.write(str(good), wait=True)
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    project = json.loads(members["project.json"])
    project["spec"]["nodes"][1]["name"] = "\u202eline\r\none\t" + "x" * 500
    edited = tmp_path / "edited.netcanvas"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, json.dumps(project) if name == "project.json" else data)

    assert window.files.load(edited)
    assert window.doc.spec.node("1").name == ("line one " + "x" * 40)[:40]
