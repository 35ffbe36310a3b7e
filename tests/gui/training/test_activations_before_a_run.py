"""The Activations panel before any run shows what every node outputs now, on the probe batch
a run's frames use — the book's §6.2 view: change an initialisation and see the activations
spread, collapse or saturate before training a step. After a run, an edit of the weights
draws the edited weights' activations; undo brings the run's frame back."""

import numpy as np
import pytest

from core import build
from core.engine.params import split
from core.training.trainer import Trainer
from gui.document.commands import ChangeNodeCommand, SetArrayValueCommand
from tests.gui.training_support import open_example, train_to_end


def activations_panel(window):
    window.training.docks["Activations"].raise_()
    return window.training.activations


def first_frame_activations(window):
    """What a run's first frame would show: a trainer made from the document (its weights,
    data and settings), its snapshot before any step."""
    doc = window.doc
    network = build(doc.spec, dtype=np.float64)
    network.load_params(*split(doc.arrays))
    return Trainer(network, window.data.dataset, doc.settings).snapshot().activations


def drawn_means(panel) -> list[float]:
    return panel.means.getData()[1].tolist()


def test_before_any_run_the_panel_shows_the_first_frames_activations(qtbot, window):
    open_example(window, "digits_mlp")
    panel = activations_panel(window)
    qtbot.waitUntil(lambda: panel.current is not None and not panel.stale)
    expected = first_frame_activations(window)
    for node_id in ("1", "2"):
        shown, made = panel.current[0][node_id], expected[node_id]
        assert shown.mean == pytest.approx(made.mean, rel=1e-9)
        assert shown.std == pytest.approx(made.std, rel=1e-9)
        assert shown.dead == made.dead
        assert shown.histogram.counts.tolist() == made.histogram.counts.tolist()
    assert drawn_means(panel) == pytest.approx([expected["1"].mean, expected["2"].mean])
    assert panel.frame is None and panel.empty_note.text == ""  # nothing to train first


def test_an_initial_std_of_1_saturates_sigmoids_and_001_collapses_them(qtbot, window):
    """The book's §6.2: sigmoid units with weights of std 1 pile up at 0 and 1; with 0.01
    they all answer about 0.5 (spread almost nothing)."""
    open_example(window, "digits_mlp")
    panel = activations_panel(window)
    doc = window.doc
    doc.push(ChangeNodeCommand(doc, "1", {"activation": "sigmoid", "init": "std",
                                          "init_std": 1.0}))
    qtbot.waitUntil(lambda: panel.current is not None and panel.current[0]["1"].saturated > 0.3)
    qtbot.waitUntil(lambda: "saturated" in panel.note.text())
    assert "(Sigmoid)" in panel.note.text()  # the node as edited, not the example's ReLU
    doc.push(ChangeNodeCommand(doc, "1", {"init_std": 0.01}, session=1))
    qtbot.waitUntil(lambda: panel.current[0]["1"].saturated == 0.0)
    collapsed = panel.current[0]["1"]
    assert collapsed.mean == pytest.approx(0.5, abs=0.05) and collapsed.std < 0.05
    qtbot.waitUntil(lambda: drawn_means(panel)[0] == pytest.approx(collapsed.mean))


def test_an_edit_after_a_run_draws_the_edited_activations_and_undo_the_frame(qtbot, window):
    open_example(window, "xor_learned")
    panel = activations_panel(window)
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: panel.frame is not None and not panel.stale)
    run_means = drawn_means(panel)
    doc = window.doc
    doc.push(SetArrayValueCommand(doc, "b1", (0,), 50.0))  # hidden unit 1: always on
    qtbot.waitUntil(lambda: panel.edited and drawn_means(panel) != run_means)
    assert panel.frame is not None  # the run is still what the timeline and trail show
    assert drawn_means(panel)[0] == pytest.approx(panel.current[0]["1"].mean)
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not panel.edited and drawn_means(panel) == run_means)


def test_another_project_does_not_show_the_last_ones_activations(qtbot, window, monkeypatch):
    """The panel redrew the previous project's activations (and its nodes in the combo) when
    a project was opened: on a large data set its own are known only once the data is
    prepared — held back here."""
    open_example(window, "digits_mlp")
    panel = activations_panel(window)
    qtbot.waitUntil(lambda: panel.current is not None and not panel.stale)
    old_spec = window.doc.spec
    monkeypatch.setattr(window.predictions._prepared, "ready", lambda: False)
    assert window.files.open_example("spiral")
    spec = window.doc.spec
    qtbot.waitUntil(lambda: panel._spec is spec)
    qtbot.wait(100)
    assert panel.current is None or panel.current[1] is not old_spec
    nodes = [panel.node_combo.itemData(k) for k in range(panel.node_combo.count())]
    assert nodes == [n.id for n in spec.nodes if n.kind != "input"]
    assert panel.means.getData()[1] is None or len(drawn_means(panel)) == 0
    assert panel.empty_note.text != ""
