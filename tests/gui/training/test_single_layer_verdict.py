"""A student builds the book's single-layer perceptron on the canvas, switches the data to XOR
and presses Train: the verdict says why it cannot work (step has no slope; one straight line
cannot split XOR) and what to add, not "another seed or more units in the hidden node"."""

import html

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from core.datasets import BUILTIN
from core.i18n import _
from tests.gui.canvas.test_weights_by_hand import perceptron
from tests.gui.training_support import click, train_to_end


def choose_data(qtbot, window, name: str) -> None:
    """Type the set's title (as the combo shows it) into the data set combo, after the pause
    that ends the combo's previous keyboard search."""
    if window.data.dataset is not None and window.data.dataset.name == name:
        return  # typing its title again would search on to the next set that starts so
    combo = window.data_picker.data_combo
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    title = _(BUILTIN[name].title)
    if title.isascii():
        qtbot.keyClicks(combo, title)
    else:  # QTest types only Latin-1: the arrow keys to the set's row
        qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _row in range(combo.findText(title, Qt.MatchFlag.MatchStartsWith)):
            qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.data.dataset is not None and window.data.dataset.name == name


def choose_activation(qtbot, window, canvas, node_id: str, label: str) -> None:
    canvas.click_node(node_id)
    combo = window.inspector.node_form.activation_combo
    combo.setFocus()
    qtbot.wait(QApplication.keyboardInputInterval() + 100)
    qtbot.keyClicks(combo, label)
    assert window.doc.spec.node(node_id).activation == label


def test_a_step_perceptron_on_xor_is_told_about_the_step_and_the_missing_layer(
        qtbot, window, canvas):
    perceptron(qtbot, window, canvas)  # input 2 → output 1, step, on the AND gate
    choose_data(qtbot, window, "xor")
    window.training.docks["Training"].raise_()
    train_to_end(qtbot, window)
    text = window.training.settings_panel.outcome_label.text()
    assert "Not solved yet:" in text
    assert ("The step activation has slope 0 everywhere: no gradient reaches the weights, so "
            "training cannot change them.") in text
    assert ("Without a hidden node the network draws one straight line between the classes, "
            "and no straight line splits XOR gate.") in text
    assert "Try sigmoid, tanh or ReLU instead of step" in text
    assert "a Hidden node between the input and the output" in text
    for wrong in ("hidden node, or", "another seed", "flattened out"):
        assert wrong not in text  # advice that cannot help this network
    assert "no straight line splits XOR gate" in window.statusBar().currentMessage()


def test_a_sigmoid_perceptron_on_xor_is_told_to_add_a_hidden_node(qtbot, window, canvas):
    perceptron(qtbot, window, canvas)
    choose_activation(qtbot, window, canvas, "2", "sigmoid")
    choose_data(qtbot, window, "xor")
    window.training.docks["Training"].raise_()
    train_to_end(qtbot, window)
    text = window.training.settings_panel.outcome_label.text()
    assert "no straight line splits XOR gate" in text
    assert "step" not in text
    assert "more units in the hidden node" not in text and "another seed" not in text


def test_the_verdict_speaks_korean(qtbot, korean, window, canvas):
    choose_data(qtbot, window, "and")
    canvas.drop_from_palette("input", QPoint(150, 300))
    canvas.drop_from_palette("output", QPoint(450, 300))
    canvas.connect("1", "2")
    choose_data(qtbot, window, "xor")
    window.training.docks["Training"].raise_()
    train_to_end(qtbot, window)
    text = window.training.settings_panel.outcome_label.text()
    assert "XOR 게이트은(는) 직선 하나로 나눌 수 없습니다." in text
    assert "입력과 출력 사이에 은닉 노드 추가" in text and "hidden" not in text.lower()


def type_learning_rate(qtbot, window, text: str) -> None:
    spin = window.training.settings_panel.lr_spin
    window.training.docks["Training"].raise_()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_a_far_too_large_rate_is_told_to_come_down_not_to_grow(qtbot, window, canvas):
    """A 2-2-1 network drawn for XOR, learning rate 50 with Adam: the verdict said "a larger
    learning rate (150 instead of 50)"."""
    choose_data(qtbot, window, "xor")
    for kind, x in (("input", 100), ("hidden", 300), ("output", 500)):
        canvas.drop_from_palette(kind, QPoint(x, 300))
    canvas.connect("1", "2")
    canvas.connect("2", "3")
    type_learning_rate(qtbot, window, "50")
    click(qtbot, window, "reset")  # the seed's weights: a start that does not luck into it
    assert window.doc.settings.lr == 50 and window.doc.settings.optimizer == "adam"
    result = train_to_end(qtbot, window)
    assert not result.outcome.failed
    text = html.unescape(window.training.settings_panel.outcome_label.text())
    assert "Not solved yet:" in text
    assert ("The learning rate 50 is far above Adam's usual 0.0001–0.01: each step overshoots "
            "the bottom of the loss.") in text
    assert "Try a learning rate in the usual range, such as 0.01 (then Reset weights)." in text
    assert "larger learning rate" not in text and "150" not in text


def test_a_far_too_large_rate_is_told_in_korean(qtbot, korean, window, canvas):
    choose_data(qtbot, window, "xor")
    for kind, x in (("input", 100), ("hidden", 300), ("output", 500)):
        canvas.drop_from_palette(kind, QPoint(x, 300))
    canvas.connect("1", "2")
    canvas.connect("2", "3")
    type_learning_rate(qtbot, window, "50")
    click(qtbot, window, "reset")  # the seed's weights: a start that does not luck into it
    train_to_end(qtbot, window)
    text = html.unescape(window.training.settings_panel.outcome_label.text())
    assert "학습률 50이(가) Adam의 보통 범위 0.0001–0.01보다 훨씬 큽니다" in text
    assert "보통 범위의 학습률, 예를 들어 0.01(그다음 가중치 초기화)" in text


def test_the_verdict_is_in_sight_when_the_training_dock_is_opened(qtbot, window, canvas):
    """At the default window size the verdict sat at the foot of the Training dock, below its
    fold: a student who opened the dock saw the settings, not why the run failed."""
    window.resize(1280, 800)
    perceptron(qtbot, window, canvas)
    choose_data(qtbot, window, "xor")
    train_to_end(qtbot, window)
    window.training.docks["Training"].raise_()
    label = window.training.settings_panel.outcome_label
    qtbot.waitUntil(label.isVisible)
    assert "no straight line splits XOR gate" in label.text()
    assert label.visibleRegion().boundingRect() == label.rect()  # whole, not scrolled away


def test_a_plateau_at_a_large_rate_is_not_told_to_triple_it(qtbot, window):
    """XOR, learned at Momentum's rate 10 (the top of what the Problems panel lets pass):
    stuck at 75 %, the verdict said "a larger learning rate (30 instead of 10)" — a rate the
    panel then calls far too large."""
    assert window.files.open_example("xor_learned")
    type_learning_rate(qtbot, window, "10")
    assert window.doc.settings.optimizer == "momentum" and window.doc.settings.lr == 10
    train_to_end(qtbot, window)
    text = html.unescape(window.training.settings_panel.outcome_label.text())
    assert "The loss has flattened out" in text
    assert "Try another seed (then Reset weights) or more units in the hidden node." in text
    assert "larger learning rate" not in text
