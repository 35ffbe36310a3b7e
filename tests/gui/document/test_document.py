"""The document and its commands without the window: exact undo, merging, weights in sync."""

import json

import numpy as np
import pytest

from core import build
from core.datasets.ref import DataRef
from core.engine.params import split
from core.spec import NetworkSpec, hidden_node, input_node, output_node
from core.training.settings import TrainingSettings
from gui.document import clipboard, commands
from gui.document.auto_layout import layered_positions
from gui.document.document import GraphDocument
from gui.document.weights_command import ReplaceWeightsCommand


@pytest.fixture
def doc(qapp):
    doc = GraphDocument(seed=3)
    doc.push(commands.AddNodeCommand(doc, input_node("1", 2)))
    doc.push(commands.AddNodeCommand(doc, hidden_node("2", 3, activation="tanh")))
    doc.push(commands.AddNodeCommand(doc, output_node("3", 1, activation="sigmoid")))
    doc.push(commands.ConnectCommand(doc, "1", "2"))
    doc.push(commands.ConnectCommand(doc, "2", "3"))
    return doc


def state(doc):
    return doc.spec, {k: v.copy() for k, v in doc.arrays.items()}


def assert_state(doc, expected):
    spec, arrays = expected
    assert doc.spec == spec
    assert doc.arrays.keys() == arrays.keys()
    for name, value in arrays.items():
        np.testing.assert_array_equal(doc.array(name), value)


def test_the_weights_always_fit_the_spec_and_load_into_the_engine(doc):
    net = build(doc.spec, dtype=np.float64)
    net.load_params(*split(doc.arrays))
    np.testing.assert_array_equal(net.params["W1"], doc.array("W1"))


def test_arrays_are_read_only_outside_commands(doc):
    with pytest.raises(ValueError):
        doc.array("W1")[0, 0] = 1.0


def test_merged_unit_changes_undo_and_redo_exactly(doc):
    before = state(doc)
    for units in (4, 5, 6):
        doc.push(commands.ChangeNodeCommand(doc, "2", {"units": units}, session=7))
    after = state(doc)
    assert doc.undo_stack.count() == 6
    doc.undo_stack.undo()
    assert_state(doc, before)
    doc.undo_stack.redo()
    assert_state(doc, after)


def test_changes_in_different_sessions_or_fields_do_not_merge(doc):
    doc.push(commands.ChangeNodeCommand(doc, "2", {"units": 4}, session=1))
    doc.push(commands.ChangeNodeCommand(doc, "2", {"units": 5}, session=2))
    doc.push(commands.ChangeNodeCommand(doc, "2", {"dropout": 0.1}, session=2))
    doc.push(commands.ChangeNodeCommand(doc, "3", {"units": 2}, session=2))
    assert doc.undo_stack.count() == 9


def test_a_new_initialiser_redraws_the_incoming_weights(doc):
    doc.push(commands.ChangeNodeCommand(doc, "2", {"init": "zeros"}))
    assert not doc.array("W1").any()
    assert doc.array("W2").any()


def test_remove_node_restores_node_and_edge_order(doc):
    doc.push(commands.ConnectCommand(doc, "1", "3"))
    before = state(doc)
    doc.push(commands.delete_command(doc, ["2"]))
    assert [e.id for e in doc.spec.edges] == ["3"]
    doc.undo_stack.undo()
    assert_state(doc, before)
    assert [e.id for e in doc.spec.edges] == ["1", "2", "3"]


def test_deleting_connected_nodes_together(doc):
    before = state(doc)
    doc.push(commands.delete_command(doc, ["1", "2", "3"], ["1"]))
    assert doc.spec == NetworkSpec() and doc.arrays == {}
    doc.undo_stack.undo()
    assert_state(doc, before)


def test_paste_of_garbage_is_ignored_and_a_fragment_round_trips(doc):
    assert clipboard.parse_fragment("hello") is None
    assert clipboard.parse_fragment('{"netcanvas_fragment": 1, "network": 3}') is None
    text = clipboard.copy_fragment(doc, ["1", "2"])
    fragment, arrays = clipboard.parse_fragment(text)
    assert [n.id for n in fragment.nodes] == ["1", "2"] and len(fragment.edges) == 1
    doc.push(clipboard.paste_command(doc, fragment, arrays))
    np.testing.assert_array_equal(doc.array("W3"), doc.array("W1"))
    assert doc.spec.node("4").position == (40.0, 40.0)


def test_layered_positions_follow_depth():
    spec = NetworkSpec((input_node("a", 1), hidden_node("b", 1), output_node("c", 1)), ())
    spec = spec.connect("a", "b").connect("b", "c").connect("a", "c")
    positions = layered_positions(spec, {})
    assert [positions[i][0] for i in "abc"] == [0.0, 230.0, 460.0]


def test_problems_signal_only_when_they_change(doc, qtbot):
    with qtbot.assertNotEmitted(doc.problems_changed):
        doc.push(commands.MoveNodesCommand(doc, {"2": ((0.0, 0.0), (10.0, 10.0))}))
    with qtbot.waitSignal(doc.problems_changed):
        doc.push(commands.DisconnectCommand(doc, "2"))


def test_the_neuron_view_limit_switches_to_blocks(window, qtbot):
    window.files.open_example("spiral")
    hidden = window.scene.node_item("1")
    assert not hidden.neuron_mode  # 32 units
    window.scene.set_neuron_limit(32)
    assert hidden.neuron_mode
    assert window.scene.edge_item("2").per_weight


def test_settings_changed_carries_exactly_the_fields_that_changed(doc, qtbot):
    seen = []
    doc.settings_changed.connect(seen.append)
    # epochs is given but already 100: only the learning rate and the split change
    doc.push(commands.ChangeSettingsCommand(doc, {"lr": 0.05, "epochs": 100,
                                                  "split": (0.8, 0.1, 0.1)}))
    assert seen == [{"lr", "split"}]
    assert (doc.settings.lr, doc.settings.split) == (0.05, (0.8, 0.1, 0.1))
    doc.undo_stack.undo()
    assert seen[-1] == {"lr", "split"} and doc.settings == TrainingSettings()
    with qtbot.assertNotEmitted(doc.settings_changed), \
            qtbot.assertNotEmitted(doc.data_changed), \
            qtbot.assertNotEmitted(doc.history_changed):
        doc.push(commands.MoveNodesCommand(doc, {"2": ((0.0, 0.0), (10.0, 10.0))}))


def test_a_scrubbed_setting_is_one_undo_entry_that_restores_the_first_value(doc):
    entries = doc.undo_stack.count()
    for lr in (0.02, 0.05, 0.04):
        doc.push(commands.ChangeSettingsCommand(doc, {"lr": lr}, session=5))
    assert doc.undo_stack.count() == entries + 1 and doc.settings.lr == 0.04
    doc.undo_stack.undo()
    assert doc.settings.lr == 0.03  # the default
    doc.undo_stack.redo()
    assert doc.settings.lr == 0.04


def test_a_bad_setting_is_refused_before_anything_changes(doc, qtbot):
    with qtbot.assertNotEmitted(doc.settings_changed), pytest.raises(ValueError, match="lr"):
        commands.ChangeSettingsCommand(doc, {"lr": -1.0})
    assert doc.settings == TrainingSettings()


def test_data_and_history_each_signal_their_own_change(doc, qtbot):
    xor, circle = DataRef.builtin("xor"), DataRef.builtin("circle")
    with qtbot.waitSignal(doc.data_changed), qtbot.assertNotEmitted(doc.settings_changed):
        doc.push(commands.SetDataCommand(doc, xor, "Use data: XOR"))
    assert doc.data is xor
    doc.push(commands.SetDataCommand(doc, circle, "Use data: circle"))
    with qtbot.waitSignal(doc.data_changed):
        doc.undo_stack.undo()
    assert doc.data is xor
    history = {"task": "classification"}
    with qtbot.waitSignal(doc.history_changed), qtbot.assertNotEmitted(doc.data_changed):
        doc.push(ReplaceWeightsCommand(doc, "Train", dict(doc.arrays), history))
    assert doc.history is history
    with qtbot.waitSignal(doc.history_changed):
        doc.undo_stack.undo()
    assert doc.history is None


def test_reset_installs_the_whole_project_and_signals_the_settings_that_differ(doc, qtbot):
    seen = []
    doc.settings_changed.connect(seen.append)
    settings = TrainingSettings(lr=0.5, seed=3)
    data = DataRef.builtin("circle")
    with qtbot.waitSignal(doc.data_changed):
        doc.reset(NetworkSpec(), settings=settings, data=data, title="Circle",
                  description="Round.")
    assert (doc.settings, doc.data, doc.history) == (settings, data, None)
    assert (doc.title, doc.description) == ("Circle", "Round.")
    assert seen == [{"lr", "seed"}]


def test_a_locked_document_refuses_replacing_its_weights_but_the_run_keeps_updating(doc):
    """While training runs, its own command (pushed before the lock) follows the live weights;
    any other replacement — Reset, Import Weights, an Explain step — would be overwritten by the
    run's next frame, so it is refused with the lock's reason."""
    run = ReplaceWeightsCommand(doc, "Train")
    doc.push(run)
    doc.lock("training runs")
    refused = []
    doc.edit_refused.connect(refused.append)
    before = {k: v.copy() for k, v in doc.arrays.items()}
    other = {k: v + 1.0 for k, v in doc.arrays.items()}
    assert not doc.push(ReplaceWeightsCommand(doc, "Import weights", other, None))
    assert refused == ["training runs"]
    assert all(np.array_equal(doc.arrays[k], v) for k, v in before.items())
    run.update(other)
    assert all(np.array_equal(doc.arrays[k], other[k]) for k in other)


def test_while_other_weights_are_shown_a_typed_weight_is_refused_but_a_run_is_not(doc, qtbot):
    earlier = {name: value + 1 for name, value in doc.arrays.items()}
    own = {name: value.copy() for name, value in doc.arrays.items()}
    doc.set_preview(earlier, "the timeline shows epoch 3")
    refusals = []
    doc.edit_refused.connect(refusals.append)
    count = doc.undo_stack.count()
    assert not doc.push(commands.SetArrayValueCommand(doc, "W1", (0, 0), 5.0))
    assert refusals == ["the timeline shows epoch 3"] and doc.undo_stack.count() == count
    np.testing.assert_array_equal(doc.array("W1"), own["W1"])
    run = ReplaceWeightsCommand(doc, "Train")  # a run starts from the own weights
    assert doc.push(run)
    doc.set_preview(None)
    assert doc.preview_refusal == ""
    typed = commands.SetArrayValueCommand(doc, "W1", (0, 0), 5.0)
    assert doc.push(typed)
    assert doc.array("W1")[0, 0] == 5.0


def test_a_pasted_statistic_is_judged_by_the_network_s_dtype_as_an_imported_one(qapp):
    """The paste had its own rule: a batch-norm statistic of any finite size was taken, so
    1e300 pasted into a float32 network overflowed at the first step, where Import Weights
    refuses it. One rule now (core.export.import_weights.value_problems) for both."""
    doc = GraphDocument(seed=3)
    doc.push(commands.AddNodeCommand(doc, input_node("1", 2)))
    doc.push(commands.AddNodeCommand(doc, hidden_node("2", 3, batch_norm=True)))
    doc.push(commands.ConnectCommand(doc, "1", "2"))
    fragment = json.loads(clipboard.copy_fragment(doc, ["2"]))
    [statistic] = [name for name in fragment["arrays"] if name.startswith("var")]
    fragment["arrays"][statistic] = [1e300, 1.0, 1.0]
    text = json.dumps(fragment)
    assert clipboard.parse_fragment(text, "float64") is not None  # float64 holds it
    with pytest.raises(clipboard.FragmentValuesError) as refused:
        clipboard.parse_fragment(text, "float32")
    assert refused.value.reason() == (f"{statistic} holds a value of 1e300, larger than float32 "
                                      "can hold (at most 3.4e38)")
