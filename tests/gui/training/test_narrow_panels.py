"""The training panels in narrow docks — a 1024 × 768 window (a projector, a 2× laptop screen)
— keep their texts readable."""

import pytest
from PySide6.QtCore import Qt

from tests.gui.text_fit import BIG_FONT_WINDOW, clipped_texts
from tests.gui.training.test_plot_fit import raised
from tests.gui.training_support import open_example, train_to_end


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_loss_legend_is_whole_in_a_narrow_loss_panel(qtbot, window, request, language):
    """Beside "log scale", CSV… and PNG… the legend had a few pixels: four lines of colour
    marks without their words. It now takes a row of its own above the buttons."""
    if language == "ko":
        request.getfixturevalue("korean")
    window.resize(1008, 728)
    open_example(window, "spiral")
    loss = window.training.docks["Loss"]
    window.resizeDocks([loss], [250], Qt.Orientation.Horizontal)
    panel = raised(qtbot, window, "Loss")
    qtbot.waitUntil(lambda: loss.width() <= 260)
    note = panel.note
    qtbot.waitUntil(lambda: note.isVisible() and note.width() > 100)
    assert note.toolTip() == ""  # the whole legend is shown, not cut after four lines
    assert clipped_texts(panel) == []
    for word in (("per&nbsp;batch", "training", "validation") if language == "en"
                 else ("배치별", "훈련", "검증")):
        assert word in note.text()
    # wide again: the legend goes back beside the buttons
    window.resizeDocks([loss], [700], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: panel.tools.indexOf(note.box) >= 0)
    assert clipped_texts(panel) == []


def test_the_layers_names_under_the_gradient_norms_never_run_together(qtbot, window):
    """In a narrow Weights panel the three layers' names under their bars overlapped
    ("hiddenhidden 2output 3"); a name that has no room is now left out."""
    from tests.gui.training.test_plot_fit import label_rects, overlapping_labels

    window.resize(1008, 728)
    open_example(window, "forward_pass_3layer", epochs=2)
    loss = window.training.docks["Loss"]
    window.resizeDocks([loss], [10], Qt.Orientation.Horizontal)  # as narrow as it goes
    window.training.docks["Weights"].raise_()
    train_to_end(qtbot, window)
    panel = raised(qtbot, window, "Weights")
    axis = panel.norm_plot.getAxis("bottom")
    qtbot.waitUntil(lambda: len(axis._ticks_given[0]) == 3)
    assert [text for _, text in axis._ticks_given[0]] == ["hidden 1", "hidden 2", "output 3"]
    assert overlapping_labels(panel) == []
    assert 1 <= len(label_rects(axis)) < 3  # the first name kept, one left out


SHORT = """
import time
from gui.main_window import MainWindow
window = MainWindow(settings)
window.place_on(window.screen().availableGeometry())
window.show()
window.files.open_example("xor_learned")
for name in ("Loss", "Weights", "Activations"):
    window.training.docks[name].raise_()
    end = time.time() + 1.5
    while time.time() < end:
        app.processEvents()
    panel = window.training.hosts[name].panel
    graphics = panel.graphics
    visible = graphics.viewport().rect()
    plots = [item for item in graphics.ci.items if hasattr(item, "getAxis")]
    result[name] = {"one_row": getattr(panel, "in_one_row", None), "plots": len(plots), "cut": [
        plot.titleLabel.text for plot in plots
        if plot.sceneBoundingRect().bottom() > visible.bottom() + 1
        or plot.sceneBoundingRect().right() > visible.right() + 1]}
    panel.grab().save(sys.argv[1] + "/" + name + ".png")
"""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_panels_show_their_plots_whole_in_a_short_window(tmp_path, language):
    """At 1280 × 720 and 150 % (853 × 480 logical pixels) the panels are too short for two
    rows of plots: the Accuracy plot's axis and label, the gradient norms and the saturated
    fractions were cut off at the bottom. There the plots now sit in one row."""
    from tests.gui.scaled import run_scaled

    shown = run_scaled(SHORT, tmp_path, (1280, 720), 1.5, language)
    for name, seen in shown.items():
        assert seen["cut"] == [], name
        assert seen["one_row"] and seen["plots"] == (2 if name == "Loss" else 3), name


BIG_FONT_LOSS = BIG_FONT_WINDOW + """
window.files.open_example("xor_learned")
window.training.docks["Loss"].raise_()
end = time.time() + 1.5
while time.time() < end:
    app.processEvents()
panel = window.training.hosts["Loss"].panel
visible = panel.graphics.viewport().rect()
result["line"] = QFontMetrics(app.font()).height()
result["plots"] = [[plot.titleLabel.text, plot.vb.sceneBoundingRect().height(),
                    plot.sceneBoundingRect().bottom() <= visible.bottom() + 1]
                   for plot in (panel.loss_plot, panel.metric_plot)]
panel.grab().save(sys.argv[1] + "/loss.png")
"""


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 768)])
def test_the_loss_plots_are_readable_with_a_big_system_font_in_a_short_window(tmp_path,
                                                                              screen):
    """With a 16 pt system font at 1280 × 720 the Loss and Accuracy plots stayed in two rows
    whose curves had 21 pixels each — less than one line of their own numbers, which ran into
    each other. Too short for that, they now sit side by side, each curve at least two lines
    of text high."""
    from tests.gui.scaled import run_scaled

    shown = run_scaled(BIG_FONT_LOSS, tmp_path, screen, 1)
    for title, curves_height, whole in shown["plots"]:
        assert whole, title
        assert curves_height >= 2 * shown["line"], (title, curves_height, shown["line"])


#: ``settle()`` in a child process: events handled until the window's layout and every plot's
#: curve area have stayed the same for half a second (a loaded machine lays out later)
SETTLE = """
import time
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QWidget
def _looks():
    return [w.geometry().getRect() for top in QApplication.topLevelWidgets()
            if top.isVisible() for w in top.findChildren(QWidget) if w.isVisible()]
def _curves():
    found = []
    for top in QApplication.topLevelWidgets():
        for view in top.findChildren(pg.GraphicsView):
            found += [round(item.vb.height()) for item in view.scene().items()
                      if isinstance(item, pg.PlotItem) and item.isVisible()]
    return found
def settle(least=0.5, most=20.0):
    start = since = time.time()
    last = None
    while time.time() - start < most:
        app.processEvents()
        now = (_looks(), _curves())
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= least:
            return
    raise AssertionError(f"the window's layout kept changing for {most} s")
"""


BIG_FONT_PAGES = BIG_FONT_WINDOW + """
from PySide6.QtTest import QTest
window.files.open_example("xor_learned")
result["line"] = QFontMetrics(app.font()).height()
for name in ("Weights", "Activations"):
    window.training.docks[name].raise_()
    settle()
    panel = window.training.hosts[name].panel
    pager = panel.one_row
    paged = getattr(pager, "one_at_a_time", False)
    seen = result[name] = {"one_at_a_time": paged, "plots": []}
    for index in range(pager.tabs.count() if paged else 1):
        if paged:  # the tab clicked
            tabs = pager.tabs
            QTest.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
            settle()
        tab = pager.tabs.tabText(index) if paged else ""
        visible = panel.graphics.viewport().rect()
        seen["plots"] += [[tab, plot.titleLabel.text, plot.vb.sceneBoundingRect().height(),
                           plot.sceneBoundingRect().bottom() <= visible.bottom() + 1]
                          for plot in panel.graphics.ci.items if hasattr(plot, "vb")]
    panel.grab().save(sys.argv[1] + "/" + name + ".png")
"""


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 768), (1920, 1080)])
def test_the_activations_and_weights_plots_are_readable_with_a_big_system_font(tmp_path,
                                                                               screen):
    """With a 16 pt system font at 1280 × 720 the Activations panel's three plots had curves
    of 11 to 37 pixels (two rows; one row is too narrow for them), at 1024 × 768 the Weights
    panel's 33 pixels in one row (its caption took three lines): less than one and a half
    lines of their own numbers. The Activations plots are now shown one at a time, chosen on
    tabs, the caption takes at most a quarter of the panel: each curve at least that high.
    At 1920 × 1080 the 1280 × 800 window kept the panels side by side, the Weights curves 0
    pixels high: the window, not the screen, now decides the compact layout."""
    from gui.training.plots.small_panels import READABLE_LINES
    from tests.gui.scaled import run_scaled

    shown = run_scaled("POINTS = 16\n" + SETTLE + BIG_FONT_PAGES, tmp_path, screen, 1)
    readable = READABLE_LINES * shown["line"]
    for name in ("Weights", "Activations"):
        plots = shown[name]["plots"]
        assert len(plots) == 3, (name, plots)
        for tab, title, curves_height, whole in plots:
            assert whole, title
            assert curves_height >= readable, (tab, curves_height, shown["line"])
    if shown["Activations"]["one_at_a_time"]:
        assert [tab for tab, *_plot in shown["Activations"]["plots"]] == [
            "Histogram", "Mean ± std", "Saturated, dead"]


@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768), (1920, 1080)])
def test_the_panels_keep_their_plots_together_with_the_default_font(tmp_path, screen):
    """Tabs of one plot at a time are for a big font on a small screen only."""
    from tests.gui.scaled import run_scaled

    shown = run_scaled("POINTS = 0\n" + SETTLE + BIG_FONT_PAGES, tmp_path, screen, 1)
    for name in ("Weights", "Activations"):
        assert not shown[name]["one_at_a_time"], name
        assert len(shown[name]["plots"]) == 3, name


def trained(example: str, epochs: int, dock: str) -> str:
    """A script's lines: ``example`` trained for ``epochs`` with ``dock`` in front, settled."""
    return f"""
from gui.document.commands import ChangeSettingsCommand
window.files.open_example({example!r})
window.doc.push(ChangeSettingsCommand(window.doc, {{"epochs": {epochs}}}))
window.training.docks[{dock!r}].raise_()
ended = []
window.training.session.ended.connect(lambda *args: ended.append(True))
window.training.settings_panel.buttons["train"].click()
deadline = time.time() + 120
while not ended and time.time() < deadline:
    app.processEvents()
assert ended, "the run did not end"
settle()
"""


BIG_FONT_GALLERY = BIG_FONT_WINDOW + trained("digits_mlp", 1, "Output") + """
gallery = window.training.hosts["Output"].panel.gallery
result["gallery"] = [gallery.isVisible(), len(gallery.grid.images), gallery.grid.height(),
                     gallery.grid.tile_size().height()]
"""


def test_the_gallery_s_tiles_are_whole_with_a_big_system_font(tmp_path):
    """With a 16 pt system font at 1024 × 768 the gallery's caption ("268 test images, 78
    wrong …") took four lines and its tiles 80 pixels of the 92 they need: the true and
    predicted classes under the images were cut in half. The caption now takes at most a
    quarter of the gallery (the rest in its tooltip) and a row of tiles is whole."""
    from tests.gui.scaled import run_scaled

    shown, tiles, grid_height, tile_height = run_scaled(SETTLE + BIG_FONT_GALLERY, tmp_path,
                                                        (1024, 768), 1)["gallery"]
    assert shown and tiles >= 1
    assert grid_height >= tile_height


BIG_FONT_RUNS = BIG_FONT_WINDOW + trained("xor_learned", 3, "Runs") + """
from gui.training.runs_list import CHANGED
view = window.training.runs.view
header = view.horizontalHeader()
title = view.model().headerData(CHANGED, Qt.Orientation.Horizontal)
result["tip"] = view.model().headerData(CHANGED, Qt.Orientation.Horizontal,
                                        Qt.ItemDataRole.ToolTipRole)
result["changed"] = [view.model().rowCount(), title, header.sectionSize(CHANGED),
                     header.sectionSizeHint(CHANGED), header.textElideMode().name]
window.training.runs.grab().save(sys.argv[1] + "/runs.png")
"""


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 768)])
def test_the_runs_column_titles_are_cut_at_their_end_with_a_big_system_font(tmp_path, screen):
    """With a 16 pt system font at 1024 × 768 the Runs list's other columns left "What
    changed" 74 pixels of the 175 its title needs, and its centred title, cut at both ends,
    read "at chan". A title with too little room is now cut at its end ("Wha…"), and is
    whole in its tooltip."""
    from tests.gui.scaled import run_scaled

    body = BIG_FONT_RUNS.replace("import time", "import time\nfrom PySide6.QtCore import Qt")
    shown = run_scaled(SETTLE + body, tmp_path, screen, 1)
    rows, title, width, title_width, elided = shown["changed"]
    assert rows == 1 and title == "What changed"
    assert width >= title_width or (elided == "ElideRight" and shown["tip"] == title)


TALLER = BIG_FONT_WINDOW + """
window.files.open_example("xor_learned")
dock = window.training.docks["Activations"]
dock.raise_()
settle()
panel = window.training.hosts["Activations"].panel
result["line"] = QFontMetrics(app.font()).height()
seen = result["seen"] = []
for height in (450, 176, 450):  # taller, short again, taller
    window.resizeDocks([dock], [height], Qt.Orientation.Vertical)
    settle()
    seen.append([panel.one_row.one_at_a_time, panel.one_row.tabs.isVisible(),
                 [plot.vb.height() for plot in panel.one_row.shown_plots],
                 [plot.titleLabel.isVisible() for plot in panel.one_row.shown_plots]])
"""


def test_the_activations_plots_come_together_again_in_a_taller_panel(tmp_path):
    """Shown one at a time in a short panel, the three plots go back into their rows, with
    their titles, when the dock is made taller, and one at a time again when it is made short
    (the rows' shares of the height, 3 : 2, kept)."""
    from gui.training.plots.small_panels import READABLE_LINES
    from tests.gui.scaled import run_scaled

    shown = run_scaled(SETTLE + TALLER, tmp_path, (1280, 720), 1)
    readable = READABLE_LINES * shown["line"]
    (paged, tabs, heights, titles), short, again = shown["seen"]
    assert not paged and not tabs and len(heights) == 3 and all(titles)
    assert min(heights) >= readable
    assert heights[1] > heights[2]  # Mean ± std in the taller first row
    assert short[0] and short[1] and short[3] == [False]  # its tab names the plot alone
    assert again == shown["seen"][0]
