"""Selecting a big connection coloured every cell of its heat map on the GUI thread — all 4 M
of a 2000×2000 matrix, 0.4–2.5 s on a loaded machine, and again at each live update while a run
trained — though a matrix that big is drawn a pixel per cell, centred and cut at the widget's
edges. Only the cells on screen are coloured now, and the picture is the same pixels; the
statistics under it are worked out on a worker."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QPainter

import gui.inspector.edge_view as edge_view_module
import gui.inspector.heatmap as heatmap_module
from core import NetworkSpec
from core.engine.params import weight_name
from gui.document.commands import SetArrayValueCommand
from tests.gui.worker_gate import Gate

UNITS = 600  # a 600×600 connection: more cells than its heat map has pixels


def coloured_cells(monkeypatch) -> list[int]:
    """How many cells each colouring of the heat map coloured."""
    counts: list[int] = []
    colour = heatmap_module.diverging_rgb

    def recorded(values, *args, **kwargs):
        counts.append(int(np.size(values)))
        return colour(values, *args, **kwargs)

    monkeypatch.setattr(heatmap_module, "diverging_rgb", recorded)
    return counts


def whole_picture(heatmap) -> QImage:
    """The heat map painted as before: every cell coloured, drawn into its cells' rectangle."""
    picture = QImage(heatmap.size(), QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.white)
    painter = QPainter(picture)
    painter.drawImage(heatmap.cells_rect(), heatmap_module.diverging_image(heatmap.matrix))
    painter.end()
    return picture


def test_a_big_connection_s_heat_map_colours_only_the_cells_on_screen(
        qtbot, window, monkeypatch):
    window.doc.reset(NetworkSpec.mlp([2, UNITS, UNITS, 2]))
    edge = window.doc.spec.edges[1].id
    counts = coloured_cells(monkeypatch)
    window.scene.select_only([], [edge])
    view = window.inspector.edge_view
    assert window.inspector.stack.currentWidget() is view
    heatmap = view.heatmap
    qtbot.waitExposed(heatmap)
    shot = heatmap.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    np.testing.assert_array_equal(heatmap.matrix, window.doc.array(weight_name(edge)))
    assert counts, "the heat map was not painted"
    on_screen = heatmap.width() * heatmap.height()
    assert max(counts) <= on_screen < UNITS * UNITS

    # the same pixels as the whole matrix coloured and cut by the widget
    expected = whole_picture(heatmap)
    cells = heatmap.cells_rect().adjusted(1, 1, -1, -1).intersected(heatmap.rect())  # no border
    for y in range(cells.top(), cells.bottom() + 1, 7):
        for x in range(cells.left(), cells.right() + 1, 5):
            assert shot.pixel(x, y) == expected.pixel(x, y), (x, y)

    # a cell's tooltip still names its weight: the one under the mouse, from the whole matrix
    target = heatmap.cells_rect()
    middle = QPoint(heatmap.width() // 2, heatmap.height() // 2)
    i, j = heatmap.cell_at(middle)
    assert (i, j) == ((middle.y() - target.top()), (middle.x() - target.left()))

    # a weight edited (as a run's live update does) is coloured again, still on screen only
    counts.clear()
    window.doc.push(SetArrayValueCommand(window.doc, weight_name(edge), (i, j), 9.0))
    heatmap.grab()
    assert counts and max(counts) <= on_screen
    assert heatmap.matrix[i, j] == 9.0


def test_the_colour_scale_is_the_largest_finite_magnitude():
    """Read from the lowest and highest values when they are finite, else from every finite
    one: a diverged weight (NaN, ±inf) does not set the scale."""
    largest = heatmap_module.largest_magnitude
    assert largest(np.array([[0.5, -2.0], [1.5, 0.0]])) == 2.0
    assert largest(np.array([[0.5, 3.0], [1.5, 0.0]])) == 3.0
    assert largest(np.array([[np.nan, -3.0], [np.inf, 2.0]])) == 3.0
    assert largest(np.array([[-np.inf, 0.25]])) == 0.25
    assert largest(np.full((2, 2), np.nan)) == 0.0
    assert largest(np.zeros((0, 3))) == 0.0


def test_a_big_connection_s_statistics_are_worked_out_on_a_worker(qtbot, window, monkeypatch):
    """Its mean, spread and extremes took the GUI thread 90-350 ms at a selection (4 M
    weights, a loaded machine). They come from a worker: "…" meanwhile; the weights shown
    last are the ones whose statistics stay."""
    monkeypatch.setattr(edge_view_module, "BACKGROUND_WEIGHTS", 100_000)  # 600×600 counts
    gate = Gate(monkeypatch, edge_view_module, "weight_numbers")
    window.doc.reset(NetworkSpec.mlp([2, UNITS, UNITS, 2]))
    edge = window.doc.spec.edges[1].id
    name = weight_name(edge)
    view = window.inspector.edge_view
    window.scene.select_only([], [edge])  # returns while the worker is held
    qtbot.waitUntil(gate.entered.is_set)
    assert gate.on_gui_thread == [False]
    assert view.stats["shape"].text() == "600 × 600 = 360000 weights"
    assert view.stats["mean"].text() == view.stats["max"].text() == "…"
    # a weight edited meanwhile: its statistics are the ones that stay
    window.doc.push(SetArrayValueCommand(window.doc, name, (3, 4), 9.0))
    gate.release.set()
    w = window.doc.array(name)
    qtbot.waitUntil(lambda: view.stats["max"].text() == "9")
    assert view.stats["mean"].text() == f"{w.mean():.4g}"
    assert view.stats["std"].text() == f"{w.std():.4g}"
    assert view.stats["min"].text() == f"{w.min():.4g}"
    assert view.stats["mean |w|"].text() == f"{np.abs(w).mean():.4g}"
    assert gate.on_gui_thread == [False, False]
    qtbot.wait(100)
    assert view.stats["max"].text() == "9"  # the first, older one did not land over it
