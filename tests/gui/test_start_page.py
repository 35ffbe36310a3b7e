"""The empty canvas's start page: how to begin, and the book's examples one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.i18n import _
from core.project import load_project
from gui.canvas.start_page import STARTERS
from gui.files import example_paths


def test_a_new_window_offers_the_books_examples_and_one_click_opens_one(qtbot, window) -> None:
    page = window.start_page
    assert page.isVisible()
    assert list(page.buttons) == list(STARTERS)
    titles = [b.text() for b in page.buttons.values()]
    assert titles == ["XOR by hand: AND(NAND, OR)", "Three-layer forward pass", "XOR, learned",
                      "Handwritten digits"]
    assert page.buttons["forward_pass_3layer"].toolTip().startswith("The book's worked example")
    assert page.more.text() == "All examples: File ▸ Examples."
    assert not page.recent_label.isVisible()  # nothing opened yet
    assert all(b.width() >= b.sizeHint().width() for b in page.buttons.values())  # whole titles
    centre = window.view.viewport().rect().center()
    assert page.geometry().contains(centre)  # in the middle of the canvas, where eyes go

    qtbot.mouseClick(page.buttons["forward_pass_3layer"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.doc.spec.nodes) > 0)
    expected = load_project(example_paths()["forward_pass_3layer"]).spec
    assert [n.id for n in window.doc.spec.nodes] == [n.id for n in expected.nodes]
    assert not page.isVisible()


def test_it_comes_back_when_the_last_node_goes_and_leaves_on_undo(qtbot, window) -> None:
    page = window.start_page
    window.add_node_in_view("input")
    assert not page.isVisible()
    window.select_all()
    window.delete_action.trigger()
    assert window.doc.spec.nodes == () or not window.doc.spec.nodes
    assert page.isVisible()
    window.doc.undo_stack.undo()
    assert window.doc.spec.nodes
    assert not page.isVisible()
    window.files.new()
    assert page.isVisible()


def test_it_is_reached_by_keyboard_and_takes_no_drops(qtbot, window) -> None:
    page = window.start_page
    assert not page.acceptDrops()  # a palette drag passes through to the canvas below
    button = page.buttons["xor_learned"]
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(window.doc.spec.nodes) == 3)
    assert not page.isVisible()


def test_it_speaks_korean(qtbot, korean, window) -> None:
    page = window.start_page
    assert page.title.text() != "Start a network"
    path = example_paths()["xor_learned"]
    korean_title = _(load_project(path).title)
    assert korean_title != "XOR, learned"
    assert page.buttons["xor_learned"].text() == korean_title
    assert all(b.width() >= b.sizeHint().width() for b in page.buttons.values())  # whole titles


def test_it_offers_the_last_projects_and_one_that_has_gone_says_so(qtbot, window, dialogs,
                                                                   tmp_path) -> None:
    page = window.start_page
    saved = []
    for name in ("spiral", "xor_learned", "and_gate"):
        window.files.open_example(name)
        saved.append(tmp_path / f"{name}.netcanvas")
        assert window.files.write(str(saved[-1]))
    saved[2].unlink()  # a file the page does not look at (a drive that is gone may block)
    window.files.new()
    assert page.isVisible() and page.recent_label.isVisible()
    shown = [b for b in page.recent if b.isVisible()]
    assert [b.text() for b in shown] == ["and_gate.netcanvas", "xor_learned.netcanvas",
                                         "spiral.netcanvas"]
    assert shown[2].toolTip() == str(saved[0].resolve())
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)  # gone: said, nothing changes
    assert dialogs.shown and "and_gate.netcanvas" in dialogs.shown[-1][2]
    assert not window.doc.spec.nodes and page.isVisible()
    qtbot.mouseClick(shown[2], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.doc.path == str(saved[0].resolve()))
    assert window.doc.data.name == "spiral" and not page.isVisible()


def test_it_stays_in_the_middle_when_the_empty_canvas_scrolls(window) -> None:
    page, view = window.start_page, window.view
    centre = view.viewport().rect().center()
    bars = view.horizontalScrollBar(), view.verticalScrollBar()
    for bar, step in zip(bars, (150, 80), strict=True):
        bar.setValue(bar.value() + step)  # what panning and the wheel do
    assert abs(page.geometry().center().x() - centre.x()) <= 1
    assert abs(page.geometry().center().y() - centre.y()) <= 1
