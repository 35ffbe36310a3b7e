"""The computational graph lab, driven through its buttons, keys, value boxes and combos: the
book's apple numbers on the edges (docs/book.md §6), step by step."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target

LEFT = Qt.MouseButton.LeftButton
APPLE_EDGES = {("apple", "mul_apple", 0): ("100", "2.2"),
               ("apple_num", "mul_apple", 1): ("2", "110"),
               ("mul_apple", "mul_tax", 0): ("200", "1.1"),
               ("tax", "mul_tax", 1): ("1.1", "200")}


@pytest.fixture
def lab(open_lab):
    return open_lab("comp_graph")


def texts(edge):
    return edge.value_label.text(), edge.grad_label.text()


def edge_texts(lab):
    return {key: texts(edge) for key, edge in lab.canvas.edges.items()}


def output(lab):
    return texts(lab.canvas.output_edge)



def show_all(qtbot, lab):
    qtbot.mouseClick(lab.run_button, LEFT)


def test_opens_on_the_apples_at_their_inputs_and_end_shows_both_passes(qtbot, lab):
    """The lab opened with every step shown, so → and ← did nothing: it opens at the inputs."""
    assert lab.preset.currentData() == "apples"
    assert lab.progress.text() == "forward 0/2 · backward 0/2"
    assert edge_texts(lab)[("apple", "mul_apple", 0)] == ("100", "")
    assert output(lab) == ("", "")
    assert lab.step_text.text() == ("The inputs are known. Press → to step through the forward "
                                    "pass, then the backward pass; End shows both at once.")
    assert lab.forward_button.isEnabled() and not lab.backward_button.isEnabled()
    show_all(qtbot, lab)
    assert edge_texts(lab) == APPLE_EDGES
    assert output(lab) == ("220", "1")
    assert "× swaps its inputs: 1.1 × 2 = 2.2 to apple" in lab.step_text.text()
    assert "swaps its inputs — d(xy)/dx = y" in lab.canvas.nodes["mul_tax"].toolTip()
    assert "(→)" in lab.forward_button.toolTip() and "(←)" in lab.backward_button.toolTip()
    assert "(End)" in lab.run_button.toolTip() and "(Home)" in lab.reset_button.toolTip()
    assert "replaces the graph" in lab.preset.toolTip()


def test_right_and_left_step_forward_and_back_along_both_passes(qtbot, lab):
    """← was "Backward step" (the next backward rule) while in Explain it is one step back:
    → now walks the forward pass then the backward pass, ← walks back the same way."""
    lab.activateWindow()  # the step keys are shortcuts of the lab's window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lab)
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Right)
    assert edge_texts(lab)[("mul_apple", "mul_tax", 0)] == ("200", "")
    assert output(lab) == ("", "")
    assert lab.step_text.text().endswith("Forward at mul_apple: 100 × 2 = 200")
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Right)
    assert output(lab) == ("220", "")
    assert lab.forward_button.isEnabled() and lab.backward_button.isEnabled()

    qtbot.keyClick(lab.canvas, Qt.Key.Key_Right)  # on into the backward pass
    assert output(lab) == ("220", "1")
    assert edge_texts(lab)[("tax", "mul_tax", 1)] == ("1.1", "200")
    assert edge_texts(lab)[("mul_apple", "mul_tax", 0)] == ("200", "1.1")
    assert edge_texts(lab)[("apple", "mul_apple", 0)] == ("100", "")  # not reached yet
    assert lab.canvas.nodes["mul_tax"].current
    qtbot.mouseClick(lab.forward_button, LEFT)
    assert edge_texts(lab) == APPLE_EDGES
    assert lab.progress.text() == "forward 2/2 · backward 2/2"
    assert not lab.forward_button.isEnabled() and not lab.run_button.isEnabled()

    qtbot.keyClick(lab.canvas, Qt.Key.Key_Left)  # one step back, as in the Explain dock
    assert lab.progress.text() == "forward 2/2 · backward 1/2"
    assert edge_texts(lab)[("apple", "mul_apple", 0)] == ("100", "")
    assert lab.step_text.text().startswith("Step 3 of 4 · Backward at mul_tax")
    qtbot.mouseClick(lab.backward_button, LEFT)
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Left)  # back into the forward pass
    assert lab.progress.text() == "forward 1/2 · backward 0/2"
    assert output(lab) == ("", "")
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Left)
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Left)  # nothing before the inputs
    assert lab.progress.text() == "forward 0/2 · backward 0/2"
    assert not lab.backward_button.isEnabled()

    qtbot.keyClick(lab.canvas, Qt.Key.Key_End)
    assert edge_texts(lab) == APPLE_EDGES
    qtbot.keyClick(lab.canvas, Qt.Key.Key_Home)
    assert lab.progress.text() == "forward 0/2 · backward 0/2"


@pytest.mark.parametrize("combo", ["kind", "preset"])
def test_home_and_end_in_a_combo_choose_there_and_do_not_step(qtbot, lab, combo):
    """End in the node-kind combo ran "Run all": the combo box now keeps Home and End."""
    lab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is lab)
    box = getattr(lab, combo)
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_End)
    assert box.currentIndex() == box.count() - 1
    assert lab.shown == 0 and lab.progress.text().startswith("forward 0/")
    qtbot.keyClick(lab.canvas, Qt.Key.Key_End)  # elsewhere End still shows both passes
    assert lab.shown == len(lab.steps) > 0
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Home)
    assert box.currentIndex() == 0
    assert lab.shown == len(lab.steps) or combo == "preset"  # a new preset starts again
    qtbot.keyClick(box, Qt.Key.Key_Right)  # → is not a combo key: it still steps
    assert lab.shown == (1 if combo == "preset" else len(lab.steps))


def test_apples_and_oranges_show_the_books_numbers(qtbot, lab):
    qtbot.keyClick(lab.preset, Qt.Key.Key_Down)  # the next preset
    assert lab.preset.currentData() == "apples_oranges"
    show_all(qtbot, lab)
    assert output(lab) == ("715", "1")
    edges = edge_texts(lab)
    assert [edges[(name, dst, slot)] for name, dst, slot in (
        ("apple", "mul_apple", 0), ("apple_num", "mul_apple", 1), ("orange", "mul_orange", 0),
        ("orange_num", "mul_orange", 1), ("tax", "mul_tax", 1))] == [
        ("100", "2.2"), ("2", "110"), ("150", "3.3"), ("3", "165"), ("1.1", "650")]
    assert edges[("mul_apple", "add_fruit", 0)] == ("200", "1.1")  # + passes 1.1 on
    assert edges[("mul_orange", "add_fruit", 1)] == ("450", "1.1")
    assert set(lab.value_boxes) == {"apple", "apple_num", "orange", "orange_num", "tax"}


def test_typing_an_apple_price_recomputes_live(qtbot, lab):
    show_all(qtbot, lab)
    type_into(qtbot, lab.value_boxes["apple"], "200")
    assert output(lab) == ("440", "1")
    assert edge_texts(lab)[("tax", "mul_tax", 1)] == ("1.1", "400")
    assert edge_texts(lab)[("apple_num", "mul_apple", 1)] == ("2", "220")
    assert edge_texts(lab)[("apple", "mul_apple", 0)] == ("200", "2.2")


def test_check_gradients_agree_with_the_numerical_ones(qtbot, lab):
    qtbot.mouseClick(lab.check_button, LEFT)
    table = lab.check_table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [row[:2] for row in rows] == [["apple", "2.2"], ["apple_num", "110"],
                                         ["tax", "200"]]
    assert [float(row[2]) for row in rows] == pytest.approx([2.2, 110, 200])
    assert all(float(row[3]) < 1e-6 and row[4] == "✓" for row in rows)
    assert "agrees" in lab.status.text()


def test_bad_edits_show_a_message_and_nothing_breaks(qtbot, lab, dialogs):
    show_all(qtbot, lab)
    type_into(qtbot, lab.value_boxes["apple_num"], "0")
    lab.kind.setCurrentIndex(lab.kind.findData("reciprocal"))
    lab.operands[0].setCurrentText("mul_apple")
    qtbot.mouseClick(lab.add_button, LEFT)
    assert "Not added" in lab.status.text() and "1/x is undefined at x = 0" in lab.status.text()
    assert "reciprocal1" not in lab.graph.names and lab.graph.output == "mul_tax"
    type_into(qtbot, lab.value_boxes["apple_num"], "2")

    lab.kind.setCurrentIndex(lab.kind.findData("log"))
    lab.operands[0].setCurrentText("mul_tax")
    qtbot.mouseClick(lab.add_button, LEFT)
    assert lab.graph.output == "log1"
    assert output(lab) == ("5.39363", "1")  # log 220
    assert edge_texts(lab)[("mul_tax", "log1", 0)] == ("220", "0.00454545")  # 1/220

    type_into(qtbot, lab.value_boxes["apple"], "-5")
    assert "log needs a positive input" in lab.status.text()
    assert output(lab) == ("", "") and not lab.check_button.isEnabled()
    type_into(qtbot, lab.value_boxes["apple"], "100")
    assert lab.status.text() == "" and output(lab) == ("5.39363", "1")
    assert dialogs.shown == []


def test_adding_and_removing_nodes(qtbot, lab):
    lab.kind.setCurrentIndex(lab.kind.findData("input"))
    type_into(qtbot, lab.constant, "3")
    qtbot.mouseClick(lab.add_button, LEFT)
    assert "x1" in lab.value_boxes and lab.graph.output == "mul_tax"
    lab.kind.setCurrentIndex(lab.kind.findData("mul"))
    lab.operands[0].setCurrentText("mul_tax")
    lab.operands[1].setCurrentText("x1")
    qtbot.mouseClick(lab.add_button, LEFT)
    assert output(lab) == ("660", "1")
    assert edge_texts(lab)[("tax", "mul_tax", 1)] == ("1.1", "600")

    node = lab.canvas.nodes["mul1"]
    view = lab.canvas
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.mapFromScene(node.scenePos()))
    assert view.selected_node() == "mul1"
    qtbot.mouseClick(lab.remove_button, LEFT)
    assert "mul1" not in view.nodes and lab.graph.output == "mul_tax"
    assert edge_texts(lab) == APPLE_EDGES and output(lab) == ("220", "1")


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_graph.png."""
    lab.resize(1200, 760)
    show_all(qtbot, lab)  # both passes, as the README's picture shows them
    qtbot.mouseClick(lab.check_button, LEFT)
    qtbot.wait(50)
    target = screenshot_target("lab_graph.png", tmp_path)
    assert lab.grab().toImage().save(str(target))


def test_a_long_graph_stays_readable_and_scrolls(qtbot, lab):
    from gui.labs.comp_graph_canvas import MIN_SCALE

    lab.resize(960, 640)
    lab.kind.setCurrentIndex(lab.kind.findData("sigmoid"))
    for _ in range(12):  # σ(σ(…σ(220)…)): twelve more columns
        lab.operands[0].setCurrentText(lab.graph.output)
        qtbot.mouseClick(lab.add_button, LEFT)
    assert len(lab.graph.ops) == 14
    canvas = lab.canvas
    assert canvas.transform().m11() == MIN_SCALE  # shrunk no further than readable
    bar = canvas.horizontalScrollBar()
    assert bar.maximum() > 0  # the rest is a scroll away
    bar.setValue(bar.maximum())
    last = canvas.mapFromScene(canvas.nodes[lab.graph.output].pos())
    assert canvas.viewport().rect().contains(last)


def test_the_note_says_when_the_graph_was_edited_and_choosing_it_again_starts_over(qtbot, lab):
    """The note went on saying "d apple = 2.2, d apple_num = 110" for a graph whose apple
    price was typed as 200 (d apple_num 220) or whose output was replaced by a new node."""
    book = lab.preset_note.text()
    assert "d\u00a0apple = 2.2" in book
    type_into(qtbot, lab.value_boxes["apple"], "200")
    edited = ("Edited from “Apples (book): 100 × 2 × 1.1”: its numbers no longer hold; the "
              "steps and the gradient check show this graph's own. Choose the graph in the "
              "list again to start over.")
    assert lab.preset_note.text() == edited
    type_into(qtbot, lab.value_boxes["apple"], "100")  # the book's graph again
    assert lab.preset_note.text() == book
    lab.kind.setCurrentIndex(lab.kind.findData("exp"))
    lab.operands[0].setCurrentText("tax")
    qtbot.mouseClick(lab.add_button, LEFT)
    assert lab.graph.output == "exp1" and lab.preset_note.text() == edited
    lab.preset.showPopup()  # the same graph chosen again from the list
    qtbot.keyClick(lab.preset.view(), Qt.Key.Key_Return)
    assert "exp1" not in lab.graph.names and lab.preset_note.text() == book
    show_all(qtbot, lab)
    assert edge_texts(lab) == APPLE_EDGES
