"""The teaching lint in the Problems panel: warnings follow the network, the settings and the
data as they change, never block training, say why, select their nodes when clicked, and
"Show me" opens the lab that shows the effect."""

import pytest
from PySide6.QtCore import Qt

from core import NetworkSpec
from core.datasets.ref import DataRef
from core.training.settings import TrainingSettings
from gui.document.commands import ChangeNodeCommand
from resources.examples import example_names

SETTINGS = TrainingSettings(optimizer="adam", lr=0.01, batch_size=16, standardize=True)
GAUSSIANS = DataRef.builtin("gaussians", n_samples=60)


def shown(qtbot, window, expected):
    qtbot.waitUntil(lambda: window.problems_panel.warning_ids() == expected, timeout=3000)
    return window.problems_panel.warning_rows


@pytest.mark.parametrize(("spec", "expected", "lab", "nodes"), [
    (NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="identity"), "linear_network",
     "activations", ["1", "2"]),
    (NetworkSpec.mlp([2, 8, 2], loss="mse"), "softmax_with_mse", "activations", ["2"]),
    (NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="sigmoid", init="std", init_std=1.0),
     "saturating_init", "initialization", ["2"]),
])
def test_a_warning_shows_why_selects_its_nodes_and_opens_its_lab(qtbot, window, spec, expected,
                                                                 lab, nodes):
    window.doc.reset(spec, settings=SETTINGS, data=GAUSSIANS)
    assert window.data.dataset is not None
    [row] = shown(qtbot, window, [expected])
    panel = window.problems_panel
    assert panel.messages() == []  # a warning is not a problem: training may start
    assert row.warning.why in row.label.text() and row.label.toolTip() == row.warning.why
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert window.scene.selected_node_ids() == nodes
    qtbot.mouseClick(row.show_me, Qt.MouseButton.LeftButton)
    lab_window = window.labs_menu.windows[lab]
    qtbot.waitExposed(lab_window)
    assert lab_window.isVisible()
    lab_window.close()


def test_warnings_follow_the_settings_and_undo(qtbot, window):
    window.doc.reset(NetworkSpec.mlp([2, 8, 2]), settings=SETTINGS, data=GAUSSIANS)
    shown(qtbot, window, [])
    window.training.settings_panel.lr_spin.setValue(5.0)  # as typed in the Training dock
    [row] = shown(qtbot, window, ["learning_rate"])
    assert "too large" in row.warning.message
    # the optimizer as the Training dock's list names it, not its id ("adam's usual")
    assert row.warning.message.startswith("learning rate 5 is far outside Adam's usual")
    window.undo_action.trigger()
    shown(qtbot, window, [])


def test_the_bundled_examples_are_silent(qtbot, window):
    for name in example_names():
        window.files.open_example(name)
        shown(qtbot, window, [])
        dismissed = window.problems_panel.restore
        # the overfitting example overfits on purpose; XOR by hand sets its step units by hand
        assert dismissed.isVisible() == (name in ("overfitting", "xor_by_hand"))
    window.files.open_example("overfitting")
    assert window.problems_panel.restore.text() == "Show 1 dismissed warning"


def test_dismiss_hides_a_warning_undo_and_show_bring_it_back_and_it_is_saved(qtbot, window):
    window.doc.reset(NetworkSpec.mlp([2, 8, 2], loss="mse"), settings=SETTINGS, data=GAUSSIANS)
    [row] = shown(qtbot, window, ["softmax_with_mse"])
    panel = window.problems_panel
    assert not panel.restore.isVisible()
    qtbot.mouseClick(row.dismiss, Qt.MouseButton.LeftButton)
    shown(qtbot, window, [])
    assert window.doc.dismissed_warnings == ("softmax_with_mse",) and panel.restore.isVisible()
    window.undo_action.trigger()
    shown(qtbot, window, ["softmax_with_mse"])
    window.redo_action.trigger()
    shown(qtbot, window, [])
    assert window.files.project().dismissed_warnings == ("softmax_with_mse",)
    qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    shown(qtbot, window, ["softmax_with_mse"])
    assert not panel.restore.isVisible()


def test_regression_targets_beyond_a_sigmoid_output_are_warned_about(qtbot, window, tmp_path):
    """Targets of 100–150 into "XOR, learned" (sigmoid output): it trains, but the output can
    never answer more than 1 — the panel says so beside "it can be trained"."""
    from tests.gui.panels.test_data_import import import_and_wait

    assert window.files.open_example("xor_learned")
    rows = [f"{k % 2},{k // 2 % 2},{100 + 50 * k // 15}" for k in range(16)]  # under 20 rows
    (tmp_path / "prices.csv").write_text("a,b,price\n" + "\n".join(rows) + "\n")
    assert import_and_wait(window, qtbot, tmp_path / "prices.csv") == [True]
    assert window.data.dataset.task == "regression"
    [row] = shown(qtbot, window, ["output_range"])
    panel = window.problems_panel
    assert panel.messages() == []  # still trainable: a warning, not a problem
    assert "✓ The network is complete: it can be trained." in panel.summary.text()
    assert "1 warning worth reading:" in panel.summary.text()
    assert ("the targets run from 100 to 150, but the Sigmoid output can only give values "
            "between 0 and 1: it can never reach the targets outside that") in row.label.text()
    assert "give the output the identity activation" in row.warning.why
    window.doc.push(ChangeNodeCommand(window.doc, "2", {"activation": "identity"}))
    shown(qtbot, window, [])


def test_pixel_bytes_imported_unscaled_are_warned_about(qtbot, window, tmp_path):
    # an NPZ of MNIST-like bytes (0–255): its features are the bytes themselves, and a
    # 784-100-10 network reached 64 % where the same images in [0, 1] reach 95 %, silently
    import numpy as np

    rng = np.random.default_rng(0)
    path = tmp_path / "pixels.npz"
    np.savez(path, x=rng.integers(0, 256, (60, 8, 8), dtype=np.uint8), y=np.arange(60) % 3)
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(path))
    assert finished.args == [True]
    unscaled = TrainingSettings(optimizer="adam", lr=0.01, batch_size=16, standardize=False)
    window.doc.reset(NetworkSpec.mlp([64, 10, 3]), settings=unscaled, data=window.doc.data)
    [row] = shown(qtbot, window, ["unscaled_features"])
    assert row.warning.message == ("the input features reach 255 and standardisation is off")
    assert "divide pixel values by 255" in row.label.text()
    # as the advice says, in the Training dock: the window had no switch for it
    window.training.docks["Training"].raise_()
    check = window.training.settings_panel.standardize_check
    qtbot.waitUntil(check.isVisible)
    assert check.text() == "Standardise inputs" and not check.isChecked()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert window.doc.settings.standardize and check.isChecked()
    shown(qtbot, window, [])
    window.undo_action.trigger()
    assert not window.doc.settings.standardize and not check.isChecked()
    shown(qtbot, window, ["unscaled_features"])


def test_a_gate_built_from_scratch_gets_no_batch_size_warning(qtbot, window, canvas):
    """The AND perceptron drawn on a new canvas keeps the default batch size (32) on 4 rows:
    the Problems panel said "batch size 32 is larger than the 4 training rows" in orange under
    every gate a student built, for a setting the student never touched."""
    from tests.gui.canvas.test_weights_by_hand import perceptron

    perceptron(qtbot, window, canvas)
    assert window.doc.settings.batch_size == 32 and window.data.dataset.n_samples == 4
    window.training.settings_panel.lr_spin.setValue(5.0)  # a warning the panel does show
    shown(qtbot, window, ["learning_rate"])
    window.undo_action.trigger()
    shown(qtbot, window, [])
    assert "warning" not in window.problems_panel.summary.text()


def test_a_korean_warning_names_the_activation_as_the_inspector_does(qtbot, window, canvas,
                                                                     korean):
    """Sigmoid units with weights of std 1 on the 8×8 digits (64 inputs): the Korean panel said
    "가중치 표준편차가 1인 sigmoid이(가) 포화됩니다" and "sigmoid의 평평한 양 끝" — the code's
    name, beside an inspector offering "시그모이드"."""
    from tests.gui.training.test_runs_named_as_shown import choose

    assert window.files.open_example("digits_mlp")
    canvas.click_node("1")
    form = window.inspector.node_form
    choose(qtbot, form.activation_combo, "시그모이드")
    choose(qtbot, form.init_combo, "고정 표준편차")
    form.init_std_spin.setFocus()
    form.init_std_spin.selectAll()
    qtbot.keyClicks(form.init_std_spin, "1")
    qtbot.keyClick(form.init_std_spin, Qt.Key.Key_Return)
    [row] = shown(qtbot, window, ["saturating_init"])
    assert "가중치 표준편차가 1인 시그모이드" in row.label.text()
    assert row.warning.why.startswith("시그모이드의 평평한 양 끝에서는")
    assert "sigmoid" not in row.label.text()


def test_a_hidden_step_node_is_warned_that_training_leaves_its_weights(qtbot, window, canvas,
                                                                       korean):
    """A hidden node switched to the step function trained XOR "solved" with no word that its
    incoming weights never move (the step's slope is 0): only the output learned, from fixed
    random step features."""
    from tests.gui.training.test_runs_named_as_shown import choose

    assert window.files.open_example("xor_learned")
    shown(qtbot, window, [])
    canvas.click_node("1")
    choose(qtbot, window.inspector.node_form.activation_combo, "계단 함수")
    [row] = shown(qtbot, window, ["step_hidden"])
    assert row.label.text().startswith(
        "<span style='color:#e67700'>△ 은닉 1에 계단 함수를 쓰고 있습니다: 학습해도 이 노드로 "
        "들어오는 가중치는 바뀌지 않습니다")
    qtbot.mouseClick(row.label, Qt.MouseButton.LeftButton)
    assert window.scene.selected_node_ids() == ["1"]
    canvas.click_node("1")
    choose(qtbot, window.inspector.node_form.activation_combo, "tanh")  # it learns again
    shown(qtbot, window, [])
