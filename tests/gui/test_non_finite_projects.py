"""Hand-edited or damaged project files and pasted fragments holding numbers the canvas cannot
draw or Python cannot read: NaN weights made every paint of a connection fail ("cannot convert
float NaN to integer") and then Qt crashed the window; a NaN position did the same; a whole
number of 400 digits for a rate, a dropout or a noise level was a traceback ("int too large to
convert to float") where a sentence was due, and a NaN init_std or a data seed of 400 digits
was taken; a fragment whose arrays were a list was an exception on paste."""

import dataclasses
import json
import zipfile

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from core.project import load_project, save_project
from gui.document import clipboard
from resources.examples import example_path
from tests.gui.test_status_bar_korean import choose

BIG = "1" + "0" * 400  # a whole number no float holds


def rewritten(tmp_path, edit) -> str:
    """The XOR example with ``edit(project_json_dict)`` applied to its project.json."""
    with zipfile.ZipFile(example_path("xor_learned")) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    text = edit(json.loads(members["project.json"]))
    members["project.json"] = text.encode() if isinstance(text, str) else json.dumps(text).encode()
    path = tmp_path / "edited.netcanvas"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return str(path)


def test_a_project_with_nan_weights_opens_and_its_connections_are_drawn(
        qtbot, window, dialogs, tmp_path):
    project = load_project(example_path("xor_learned"))
    network = project.build_network()
    params = {name: np.full_like(value, np.nan) for name, value in network.params.items()}
    path = tmp_path / "nan.netcanvas"
    save_project(dataclasses.replace(project, params=params), path)
    assert window.files.load(str(path))
    edge = window.scene.edge_item("1")
    assert edge.per_weight  # drawn weight by weight: each line's colour from its value
    window.grab()  # paints every item; an exception in a paint fails the test
    assert edge.painted is not None and dialogs.shown == []


@pytest.mark.parametrize("where, edit, expected", [
    ("lr", lambda p: json.dumps(p).replace('"lr": 1.0', f'"lr": {BIG}'),
     "the training settings in project.json are not valid: lr is too large a number"),
    ("dropout", lambda p: json.dumps(p).replace('"dropout": 0.0', f'"dropout": {BIG}', 1),
     "the network in project.json is not valid: network file: node #1: 'dropout' is too large "
     "a number"),
    ("noise", lambda p: json.dumps(p).replace('"noise": 0.0', f'"noise": {BIG}'),
     "data: 'noise' is too large a number"),
    ("init_std", lambda p: json.dumps(p).replace('"init_std": 0.01', '"init_std": NaN', 1),
     "the network in project.json is not valid: network file: node #1: 'init_std' must be a "
     "number, not NaN"),
    ("seed", lambda p: json.dumps(p).replace('"seed": 0, "n_classes"',
                                             f'"seed": {BIG}, "n_classes"'),
     "data: 'seed' must be a whole number from 0 to 4,294,967,295, not "
     "100000000000000000000000000000000000000…"),
    ("position", lambda p: json.dumps(p).replace('"position": [0.0, 0.0]',
                                                 '"position": [NaN, 0.0]', 1),
     "the network in project.json is not valid: network file: node #1: 'position' must be two "
     "numbers"),
])
def test_numbers_no_float_holds_are_refused_in_words(window, dialogs, tmp_path, where, edit,
                                                     expected):
    window.files.open_example("and_gate")
    assert not window.files.load(rewritten(tmp_path, edit))
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Cannot open project")
    assert text.startswith("edited.netcanvas: ") and expected in text
    assert "Traceback" not in text and "int too large" not in text
    assert window.doc.spec.nodes and window.files.display_name()  # and_gate stays open


@pytest.mark.parametrize("spoil", ["nan_position", "list_of_arrays", "big_position"])
def test_a_spoiled_fragment_is_not_pasted_and_nothing_breaks(qtbot, window, spoil):
    window.files.open_example("xor_learned")
    fragment = json.loads(clipboard.copy_fragment(window.doc, ["1", "2"]))
    if spoil == "nan_position":
        fragment["network"]["nodes"][0]["position"] = [float("nan"), 0.0]
    elif spoil == "big_position":
        fragment["network"]["nodes"][0]["position"] = [int(BIG), 0.0]
    else:
        fragment["arrays"] = [1, 2]
    QApplication.clipboard().setText(json.dumps(fragment))
    window.paste_action.trigger()
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    assert window.statusBar().currentMessage() == "Nothing to paste: copy some nodes first."
    window.grab()


@pytest.mark.parametrize(("value", "reason"), [
    (float("nan"), "W2 holds NaN or infinite values"),
    (float("inf"), "W2 holds NaN or infinite values"),
    (1e308, "W2 holds a value of 1e308; weights, biases, γ and β are taken up to 1e6 in size: "
            "training never makes them that large, and a few layers of products of such "
            "weights overflow float32 (at most 3.4e38)")])
def test_a_fragment_with_weights_no_typed_weight_may_have_is_refused_in_words(qtbot, window,
                                                                             value, reason):
    """Pasted, such weights were a network that gave NaN at the first Train; a typed or an
    imported weight beyond ±1,000,000 (or NaN) is refused the same."""
    window.files.open_example("xor_learned")
    fragment = json.loads(clipboard.copy_fragment(window.doc, ["1", "2"]))
    fragment["arrays"]["W2"] = [[value], [0.5]]
    QApplication.clipboard().setText(json.dumps(fragment))
    count = window.doc.undo_stack.count()
    window.paste_action.trigger()
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    assert window.doc.undo_stack.count() == count
    assert window.statusBar().currentMessage() == f"Cannot paste these nodes: {reason}."


def test_json_nested_too_deeply_is_refused_in_words_on_opening_and_pasting(window, dialogs,
                                                                         tmp_path):
    """[[[…]]] a hundred thousand deep: opening the file was Python's RecursionError (a
    traceback on the command line), pasting it an exception in the window."""
    deep = "[" * 100_000 + "]" * 100_000
    window.files.open_example("and_gate")
    path = rewritten(tmp_path, lambda p: json.dumps(p).replace(
        '"description": ', f'"notes": {deep}, "description": ', 1))
    assert not window.files.load(path)
    assert dialogs.shown == [("critical", "Cannot open project", "edited.netcanvas: project.json "
                              "is nested too deeply to be a project description")]
    QApplication.clipboard().setText('{"netcanvas_fragment": 1, "network": ' + deep + "}")
    window.paste_action.trigger()
    assert window.statusBar().currentMessage() == "Nothing to paste: copy some nodes first."


def test_a_number_too_long_for_python_to_read_is_said_in_words(window, dialogs, tmp_path):
    """5,000 digits is past Python's limit for reading a whole number: opening said "Exceeds
    the limit (4300 digits) for integer string conversion … use sys.set_int_max_str_digits()"."""
    path = rewritten(tmp_path, lambda p: json.dumps(p).replace(
        '"description": ', f'"notes": {"9" * 5000}, "description": ', 1))
    assert not window.files.load(path)
    assert dialogs.shown == [("critical", "Cannot open project", "edited.netcanvas: project.json "
                              "holds a number too long to read")]


def test_the_problems_panel_names_weights_train_cannot_start_from(qtbot, window, dialogs,
                                                                  tmp_path):
    """Train refuses NaN weights in words; the Problems panel said "it can be trained" beside
    it. Now it says why not, in Train's words, until Reset Weights draws new ones."""
    project = load_project(example_path("xor_learned"))
    params = dict(project.build_network().params)
    name = next(iter(params))
    params[name] = np.full_like(params[name], np.nan)
    path = tmp_path / "nan.netcanvas"
    save_project(dataclasses.replace(project, params=params), path)
    assert window.files.load(str(path))
    problems = window.problems_panel
    assert problems.summary.text() == "<b>Training cannot start from these weights</b>"
    assert problems.messages() == [
        f"◆ the weights are not numbers: {name} holds NaN or infinite values, so training "
        "cannot start from it — reset the weights to draw new ones"]
    try:  # said again in the new language, Train's words too
        choose(qtbot, window, "ko")
        assert problems.summary.text() == "<b>이 가중치로는 학습을 시작할 수 없습니다</b>"
        assert problems.messages()[0].startswith(f"◆ 가중치가 수가 아닙니다: {name}에 NaN")
    finally:
        choose(qtbot, window, "en")
    assert problems.messages()[0].startswith("◆ the weights are not numbers")
    window.training.actions["reset"].trigger()
    qtbot.waitUntil(lambda: problems.messages() == [])
    assert "The network is complete: it can be trained." in problems.summary.text()
    window.doc.undo_stack.undo()  # the NaN weights back: said again
    assert problems.summary.text() == "<b>Training cannot start from these weights</b>"
    assert dialogs.shown == []
