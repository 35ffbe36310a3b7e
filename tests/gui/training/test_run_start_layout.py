"""A run's start leaves the panels' layout alone: what the panels are told again at every run
(the same network, the same data) and what changes with every frame (a note's length, tick
labels) does not lay a panel out and repaint it again — while what really changes still shows.
"""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QGraphicsScene, QLabel, QMainWindow

from core.datasets.images import part_rows
from core.project import load_project
from core.spec import hidden_node
from gui.canvas.node_item import NodeItem
from gui.training.plots import ActivationsPanel, WeightsPanel
from gui.training.plots.base import add_plot
from gui.training.plots.gallery import ImageGallery
from gui.training.plots.panel_note import PanelNote
from resources.examples import example_path
from tests.gui.training_support import open_example, train_to_end


class Hides(QObject):
    """Counts the Hide events of the widget it watches."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Hide:
            self.count += 1
        return False


def test_a_note_gains_a_line_for_a_longer_text_and_counts_afresh_when_its_width_changes(qtbot):
    note = PanelNote()
    qtbot.addWidget(note)
    note.setFixedWidth(200)
    note.fit(shrink=True)
    one = note.fontMetrics().lineSpacing() + 4
    note.setText("short")
    assert note.lines == 1 and note.height() == one
    note.setText("a sentence too long for two hundred pixels")
    assert note.lines == 2 and note.height() == 2 * one - 4
    note.setText("short")  # the next frame's text fits again: the height stays
    assert note.lines == 2 and note.height() == 2 * one - 4
    note.fit(shrink=True)  # the panel's width changed: counted afresh
    assert note.lines == 1 and note.height() == one
    note.min_lines = 2  # a note whose usual text takes two lines keeps them
    note.fit(shrink=True)
    assert note.lines == 2 and note.height() == 2 * one - 4


def test_a_note_takes_the_lines_its_text_needs_up_to_four_then_the_tooltip_has_it(qtbot):
    # in the four-panel layout the Activations sentence about a trained node needed three
    # lines and was cut after two
    note = PanelNote()
    qtbot.addWidget(note)
    note.setFixedWidth(200)
    note.fit(shrink=True)
    spacing = note.fontMetrics().lineSpacing()
    words = "word " * 200
    for lines in (3, 4):
        text = words[:2 * len(words)]
        while note.fontMetrics().boundingRect(0, 0, 200, 10_000, Qt.TextFlag.TextWordWrap,
                                              text).height() > lines * spacing:
            text = text[:-5]
        note.setText(text)
        note.fit(shrink=True)
        assert note.lines == lines and note.height() == lines * spacing + 4
        assert note.toolTip() == ""  # all of it is on show
    note.setText(words)
    assert note.lines == PanelNote.MAX_LINES and note.toolTip() == words


def test_the_activations_note_has_room_for_its_sentence_before_the_first_frame(qtbot):
    panel = ActivationsPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 320)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.note.text() == panel.legend()  # short: one line would do
    assert panel.note.lines == 2


def test_a_plots_axis_keeps_the_room_wide_tick_labels_needed(qtbot):
    import pyqtgraph as pg

    graphics = pg.GraphicsLayoutWidget()
    qtbot.addWidget(graphics)
    plot = add_plot(graphics, row=0, col=0)
    axis = plot.getAxis("left")
    assert axis.style["autoReduceTextSpace"] is False
    axis._updateMaxTextSize(60)
    wide = axis.maximumWidth()
    axis._updateMaxTextSize(20)  # short labels again (a new run's empty plot)
    assert axis.maximumWidth() == wide and axis.textWidth == 60


@pytest.fixture(scope="module")
def spiral_spec():
    return load_project(example_path("spiral")).spec


def test_the_same_network_again_leaves_the_choices_as_they_are(qtbot, spiral_spec):
    weights, activations = WeightsPanel(), ActivationsPanel()
    for panel in (weights, activations):
        qtbot.addWidget(panel)
        panel.set_network(spiral_spec)
    edges = [e for e in spiral_spec.edges]
    assert weights.edge_combo.count() == len(edges)
    weights.edge_combo.setCurrentIndex(1)
    activations.node_combo.setCurrentIndex(1)
    removed = []
    for combo in (weights.edge_combo, activations.node_combo):
        combo.model().rowsRemoved.connect(lambda *args: removed.append(args))
    ticks = weights.norm_plot.getAxis("bottom")._tickLevels
    for panel in (weights, activations):
        panel.set_network(spiral_spec)  # a run starts
    assert removed == []
    assert weights.edge_combo.currentIndex() == 1 and activations.node_combo.currentIndex() == 1
    assert weights.norm_plot.getAxis("bottom")._tickLevels is ticks

    # a renamed node: the panels offer the new names, keeping what was chosen
    node = spiral_spec.nodes[1]
    renamed = spiral_spec.with_node_changed(node.id, name="renamed")
    weights.set_network(renamed)
    activations.set_network(renamed)
    assert removed  # refilled
    texts = [weights.edge_combo.itemText(k) for k in range(weights.edge_combo.count())]
    assert texts == [f"{renamed.node(e.src).label} → {renamed.node(e.dst).label}"
                     for e in renamed.edges]
    assert any("renamed" in t for t in texts)
    assert weights.edge_combo.currentData() == edges[1].id
    assert activations.node_combo.itemText(0) == "renamed"
    assert activations.node_combo.currentData() == [
        n.id for n in renamed.nodes if n.kind != "input"][1]
    labels = [text for _, text in weights.norm_plot.getAxis("bottom")._tickLevels[0]]
    assert labels == [n.label for n in renamed.nodes if n.kind != "input"]


def test_unchanged_problem_marks_leave_the_canvas_alone(qtbot):
    class Host:
        def edit_bias(self, *args) -> None: ...

        def node_item_moved(self, item) -> None: ...

    scene = QGraphicsScene()
    item = NodeItem(hidden_node("2", 3, position=(0.0, 0.0)), Host())
    scene.addItem(item)
    with qtbot.waitSignal(scene.changed):
        item.set_problems(["diverged"])
    assert item.problems == ["diverged"] and "diverged" in item.toolTip()
    with qtbot.assertNotEmitted(scene.changed, wait=100):
        item.set_problems(["diverged"])
    with qtbot.waitSignal(scene.changed):
        item.set_problems([])
    assert item.problems == [] and "diverged" not in item.toolTip()


def test_the_gallery_stays_on_screen_as_the_next_run_starts(qtbot, window):
    window.resize(1400, 900)
    open_example(window, "digits_mlp", epochs=2)
    ui = window.training
    ui.docks["Output"].raise_()
    train_to_end(qtbot, window)
    output = ui.output
    gallery = output.gallery
    qtbot.waitUntil(lambda: gallery.isVisible() and gallery.order.size > 0)
    buttons = dict(gallery.filter_buttons)
    first = gallery.evaluation
    hides = Hides(gallery)

    train_to_end(qtbot, window)  # the second run: told the same data as it starts
    qtbot.waitUntil(lambda: gallery.evaluation is not None and gallery.evaluation is not first)
    assert hides.count == 0 and gallery.isVisible()
    assert gallery.filter_buttons == buttons  # the same buttons, not made again
    settings = window.doc.settings
    expected = part_rows(window.data.dataset, settings.split, settings.seed)
    assert sorted(gallery._rows) == sorted(expected)
    for part, rows in expected.items():
        np.testing.assert_array_equal(gallery._rows[part], rows)
    # the tiles are the new run's classification of those rows
    evaluation = gallery.evaluation
    assert gallery.order.size == len(evaluation.truth)
    names = window.data.dataset.class_names
    r = gallery.order[0]
    assert gallery.grid.captions[0][0] == (f"{names[evaluation.truth[r]]} → "
                                           f"{names[evaluation.labels[r]]}")


def test_fresh_weights_leave_the_gallery_in_its_place_until_other_data_comes(qtbot, window):
    """Reset weights empties the gallery without hiding it: hidden, and shown again by the
    next run's first frame, the plots beside it and every dock were laid out twice more."""
    window.resize(1400, 900)
    open_example(window, "digits_mlp", epochs=1)
    ui = window.training
    ui.docks["Output"].raise_()
    train_to_end(qtbot, window)
    gallery = ui.output.gallery
    qtbot.waitUntil(lambda: gallery.isVisible() and gallery.order.size > 0)
    width = gallery.width()
    hides = Hides(gallery)

    ui.actions["reset"].trigger()
    qtbot.waitUntil(lambda: gallery.evaluation is None)
    assert gallery.order.size == 0 and gallery.grid.captions == []
    assert gallery.caption.text() == ImageGallery.hint() and "Train" in ImageGallery.hint()
    assert hides.count == 0 and gallery.isVisible() and gallery.width() == width

    train_to_end(qtbot, window)  # trained again: the tiles come back where they were
    qtbot.waitUntil(lambda: gallery.order.size > 0)
    assert hides.count == 0 and gallery.width() == width

    open_example(window, "xor_learned")  # not images: the gallery goes
    qtbot.waitUntil(lambda: not gallery.isVisible())
    assert gallery.shape is None and hides.count == 1


class LayoutRequests(QObject):
    """Counts the times ``widget`` is laid out again from ``start()`` on — for a toolbar's row
    or a dock's panel, the main window lays out every dock and toolbar after it (each placed
    again, and those that moved repainted)."""

    def __init__(self, widget) -> None:
        super().__init__()
        self.count = 0
        self.counting = False
        widget.installEventFilter(self)

    def start(self) -> None:
        self.counting = True

    def eventFilter(self, obj, event) -> bool:
        if self.counting and event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def test_epochs_going_by_do_not_lay_the_main_window_out_again(qtbot, window):
    """The timeline's ``epoch 99 / 99 (latest)`` becomes ``epoch 100 / 100``: no reason to
    lay its row out again, and the main window after it."""
    window.resize(1400, 900)
    open_example(window, "digits_mlp", epochs=160)
    ui = window.training
    layouts = LayoutRequests(ui.timeline.bar)
    labels: list[str] = []

    def progress(_event) -> None:
        if ui.live.frames_drawn and len(ui.timeline.epochs) >= 5 and not layouts.counting:
            layouts.start()  # the run's start is over and drawn: from here on, epochs pass
        labels.append(ui.timeline.bar.label.text())

    ui.session.controller.progress.connect(progress)
    ui.session.controller.state_changed.connect(lambda _state: setattr(layouts, "counting",
                                                                        False))
    train_to_end(qtbot, window)
    epochs = [int(text.split()[1]) for text in labels if text.startswith("epoch")]
    assert min(epochs) < 100 <= max(epochs), labels  # the label's number gained a digit
    assert layouts.count == 0


def test_the_gallerys_count_of_wrong_images_does_not_lay_the_main_window_out_again(qtbot):
    main = QMainWindow()
    qtbot.addWidget(main)
    gallery = ImageGallery()
    dock = QDockWidget("Output")
    dock.setWidget(gallery)
    main.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    main.setCentralWidget(QLabel("canvas"))
    main.resize(900, 600)
    main.show()
    qtbot.waitExposed(main)
    gallery.caption.setText("268 test images, 235 wrong (first, outlined)")
    qtbot.wait(20)
    layouts = LayoutRequests(gallery)
    layouts.start()
    for wrong in ("9", "1,234", "35"):
        gallery.caption.setText(f"268 test images, {wrong} wrong (first, outlined)")
        qtbot.wait(20)
    assert layouts.count == 0
    assert gallery.caption.width() > gallery.caption.fontMetrics().horizontalAdvance(
        gallery.caption.text())  # and the text still has its room


def test_a_narrow_legend_wraps_between_entries_never_inside_one(qtbot):
    # the Loss legend wrapped as "— per batch — training —" over "validation — test"
    from PySide6.QtGui import QColor, QTextDocument

    from gui.training.plots.base import legend_html

    names = ["per batch", "training", "validation", "test"]
    html = legend_html([(name, QColor("red")) for name in names])
    document = QTextDocument()
    document.setHtml(html)
    for width in range(90, 420, 6):  # from an entry a line to all on one
        document.setTextWidth(width)
        document.size()  # lays it out
        block = document.begin()
        layout = block.layout()
        lines = [block.text()[line.textStart():line.textStart() + line.textLength()]
                 for line in map(layout.lineAt, range(layout.lineCount()))]
        for line in lines:  # every line holds whole entries: a mark, then its whole name
            words = line.replace("\u00a0", " ").split("━")
            assert words[0].strip() == "", (width, lines)
            assert all(word.strip() in names for word in words[1:]), (width, lines)


def test_a_panel_once_wide_can_be_narrowed_again_and_so_can_the_window(qtbot, window):
    """A note's fixed width (it keeps a new text from laying the window out) was its panel's
    minimum: maximised and restored, the main window stayed as wide as it had been, and no
    dock could be narrowed again."""
    window.resize(1200, 850)
    open_example(window, "digits_mlp", epochs=1)
    loss = window.training.docks["Loss"]
    loss.raise_()
    qtbot.waitUntil(lambda: window.training.loss.note.text() != "")
    narrow = loss.width()
    window.resize(1800, 850)
    qtbot.waitUntil(lambda: window.width() == 1800 and loss.width() > narrow + 100)
    window.resize(1200, 850)
    qtbot.waitUntil(lambda: window.width() == 1200)
    assert loss.width() < narrow + 50 and loss.minimumSizeHint().width() < narrow
    note = window.training.loss.note
    assert note.width() < 1800 - 1200 + narrow and note.text()  # the note followed


def test_a_legend_narrower_than_an_entry_has_no_blank_line(qtbot):
    # the English Loss legend at 1024×768 (68 px beside its buttons): "━ per batch" was a pixel
    # too wide, the space between entries fell on a line of its own, and the four entries took
    # five lines of a four-line note: "test" was not shown at all
    from PySide6.QtGui import QColor, QTextDocument, QTextOption

    from gui.training.plots.base import legend_html

    names = ["per batch", "training", "validation", "test"]
    document = QTextDocument()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)  # as a QLabel wraps: never in a word
    document.setDefaultTextOption(option)
    document.setHtml(legend_html([(name, QColor("red")) for name in names]))
    for width in range(40, 420, 4):
        document.setTextWidth(width)
        document.size()
        block = document.begin()
        layout = block.layout()
        lines = [block.text()[line.textStart():line.textStart() + line.textLength()]
                 for line in map(layout.lineAt, range(layout.lineCount()))]
        assert all(line.replace("\u00a0", " ").strip() for line in lines), (width, lines)
        assert len(lines) <= len(names), (width, lines)
