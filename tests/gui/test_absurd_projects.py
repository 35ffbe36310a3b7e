"""Hand-edited project files asking for absurd sizes are refused at once, in words: a billion
units made opening build 16 GB of weights first (a minute and a half, and all the memory)."""

import io
import json
import time
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def edited_copy(window, tmp_path, units: int, keep_weights: bool):
    """The XOR example saved, with its hidden node given ``units`` units in project.json."""
    window.files.open_example("xor_learned")
    good = tmp_path / "good.netcanvas"
    assert window.files.write(str(good), wait=True)
    with zipfile.ZipFile(good) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    project = json.loads(members["project.json"])
    project["spec"]["nodes"][1]["units"] = units
    members["project.json"] = json.dumps(project).encode()
    if not keep_weights:  # as a half-built network is saved
        empty = io.BytesIO()
        np.savez(empty)
        members["weights.npz"] = empty.getvalue()
    edited = tmp_path / "edited.netcanvas"
    with zipfile.ZipFile(edited, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return edited


@pytest.mark.parametrize("keep_weights", [True, False])
def test_a_billion_units_is_refused_at_once_in_words(window, dialogs, tmp_path, keep_weights):
    path = edited_copy(window, tmp_path, 10**9, keep_weights)
    started = time.monotonic()
    assert not window.files.load(path)
    assert time.monotonic() - started < 5
    [(kind, title, text)] = dialogs.shown[-1:]
    assert (kind, title) == ("critical", "Cannot open project")
    assert text == ("edited.netcanvas: the network in project.json is too large: hidden 1 has "
                    "1,000,000,000 units: a node may have at most 4,096")
    assert window.doc.path.endswith("good.netcanvas")  # what was open stays open
    assert window.doc.spec.node("1").units == 2


def test_a_pasted_fragment_asking_for_a_million_units_is_not_pasted(qtbot, window):
    window.files.open_example("xor_learned")
    window.select_all_action.trigger()
    window.copy_action.trigger()
    fragment = json.loads(QApplication.clipboard().text())
    fragment["network"]["nodes"][1]["units"] = 10**6
    QApplication.clipboard().setText(json.dumps(fragment))
    count = window.doc.undo_stack.count()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    assert window.doc.undo_stack.count() == count
    assert window.statusBar().currentMessage() == (
        "Cannot paste these nodes: hidden 1 has 1,000,000 units: a node may have at most 4,096.")


def test_the_refused_paste_says_why_in_korean(qtbot, window, korean):
    window.files.open_example("xor_learned")
    window.select_all_action.trigger()
    window.copy_action.trigger()
    fragment = json.loads(QApplication.clipboard().text())
    fragment["network"]["nodes"][1]["units"] = 10**6
    QApplication.clipboard().setText(json.dumps(fragment))
    window.paste_action.trigger()
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    assert window.statusBar().currentMessage() == (
        "이 노드들을 붙여넣을 수 없습니다: 은닉 1의 뉴런이 1,000,000개입니다: 노드에는 뉴런을 최대 "
        "4,096개까지 둘 수 있습니다.")
