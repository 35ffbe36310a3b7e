"""What changed between two runs names things as the window does. In the Korean window the Runs
list said "신경망 2-2-1 sigmoid/sigmoid → 2-2-1 relu/sigmoid, 데이터셋 XOR gate → Circle,
갱신 방법 momentum → sgd": the activations' and optimizers' code names and the data sets' English
titles, beside a data picker saying "원" and an optimizer list saying "SGD". The Loss panel's
legend of a ticked run says the same words."""

from PySide6.QtCore import Qt

from gui.training.runs_list import CHANGED
from tests.gui.training.test_runs_list import click_tick
from tests.gui.training_support import open_example, train_to_end

EPOCHS = 2


def choose(qtbot, combo, text: str) -> None:
    """Pick ``text`` in ``combo`` as a user does: focus it, then Home and Down until shown."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == index


def test_a_korean_runs_list_names_activations_optimizers_and_data_as_the_window_does(
        qtbot, window, canvas, korean):
    open_example(window, "xor_learned", epochs=EPOCHS)  # 2-2-1 sigmoid, Momentum, XOR gate
    train_to_end(qtbot, window)
    canvas.click_node("1")
    choose(qtbot, window.inspector.node_form.activation_combo, "ReLU")
    choose(qtbot, window.data_picker.data_combo, "원")
    choose(qtbot, window.training.settings_panel.optimizer_combo, "SGD")
    train_to_end(qtbot, window)

    words = ("갱신 방법 Momentum → SGD, 신경망 2-2-1 시그모이드/시그모이드 → "
             "2-2-1 ReLU/시그모이드, 데이터셋 XOR 게이트 → 원")
    window.training.docks["Runs"].raise_()
    view = window.training.runs.view
    qtbot.waitUntil(view.isVisible)
    assert view.model().index(1, CHANGED).data() == words
    click_tick(qtbot, view, 1)
    assert [overlay.label for overlay, _ in window.training.loss.overlays] == [
        f"실행 2: {words}"]
