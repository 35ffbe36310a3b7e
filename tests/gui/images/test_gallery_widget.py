"""The gallery widget on its own: which data it takes, one sigmoid output, a second run."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from core.datasets import load_iris
from core.datasets.dataset import Dataset
from core.datasets.images import part_rows
from core.i18n import _ as core_tr
from gui.training.frames import Evaluation
from gui.training.plots.gallery import ImageGallery
from gui.training.plots.output_plots import caption

SPLIT = (0.5, 0.25, 0.25)


def binary_images(n: int = 40) -> Dataset:
    rng = np.random.default_rng(3)
    return Dataset("blobs", rng.random((n, 64)), np.arange(n) % 2, "classification",
                   tuple(f"c{k}" for k in range(64)), ("dark", "light"), "")


def test_a_sigmoid_output_shows_both_classes_and_a_second_run_rebuilds_the_filter(qtbot):
    gallery = ImageGallery()
    qtbot.addWidget(gallery)
    gallery.resize(700, 300)
    gallery.show()
    assert not gallery.set_data(load_iris(), SPLIT, 0)  # 4 measurements: no images
    data = binary_images()
    assert gallery.set_data(data, SPLIT, 0) and gallery.shape == (8, 8)
    truth = data.y[part_rows(data, SPLIT, 0)["test"]]
    p = np.linspace(0.1, 0.9, truth.size)[:, None]
    labels = (p[:, 0] > 0.5).astype(np.int64)
    gallery.show_evaluation(Evaluation("test", truth=truth, labels=labels, outputs=p))
    wrong = np.flatnonzero(labels != truth)
    assert gallery.order[: wrong.size].tolist() == wrong.tolist()
    gallery.select(2)
    np.testing.assert_allclose(gallery.probabilities, [1 - p[2, 0], p[2, 0]])
    assert gallery.grid.images[0].width() == 8 and gallery.grid.images[0].height() == 8

    assert gallery.set_data(data, SPLIT, 1)  # the next run: a fresh filter row
    assert set(gallery.filter_buttons) == {None, 0, 1}
    assert gallery.filter_row.count() == 4  # three buttons and the stretch
    assert gallery.probabilities is None and gallery.grid.images == []


def ten_class_images(n: int = 400) -> Dataset:
    rng = np.random.default_rng(5)
    return Dataset("digits-like", rng.random((n, 64)), np.arange(n) % 10, "classification",
                   tuple(f"c{k}" for k in range(64)), tuple(str(k) for k in range(10)), "")


def gallery_of(qtbot, data: Dataset, width: int, height: int) -> ImageGallery:
    """A gallery on screen, told ``data`` (split by SPLIT, seed 0)."""
    gallery = ImageGallery()
    qtbot.addWidget(gallery)
    gallery.resize(width, height)
    gallery.show()
    qtbot.waitExposed(gallery)
    assert gallery.set_data(data, SPLIT, 0)
    return gallery


def evaluated(gallery: ImageGallery, data: Dataset, rows: int) -> Evaluation:
    """The first ``rows`` test rows classified, every third one wrong (class + 1), as the
    worker's frames say it (with the part's size)."""
    test = part_rows(data, SPLIT, 0)["test"]
    truth = data.y[test][:rows].astype(np.int64)
    labels = truth.copy()
    labels[::3] = (labels[::3] + 1) % 10
    outputs = np.eye(10)[labels]
    confusion = np.bincount(truth * 10 + labels, minlength=100).reshape(10, 10)
    gallery.show_evaluation(Evaluation("test", confusion=confusion, truth=truth, labels=labels,
                                       outputs=outputs, part_rows=len(test)))
    return gallery.evaluation


def test_the_gallery_scrolls_by_rows_to_every_image_and_a_click_there_picks_that_image(qtbot):
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent

    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 700, 260)
    evaluation = evaluated(gallery, data, 100)
    columns, capacity = gallery.grid.columns(), gallery.grid.capacity()
    assert 0 < capacity < 100  # more images than fit: the scroll bar reaches the last row
    assert gallery.scroll.isEnabled()
    assert gallery.scroll.maximum() == -(-100 // columns) - capacity // columns
    assert f"1–{capacity} shown, scroll for more" in gallery.caption.text()

    def wheel(notches: int) -> None:
        centre = QPointF(gallery.grid.rect().center())
        event = QWheelEvent(centre, QPointF(gallery.grid.mapToGlobal(centre.toPoint())),
                            QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(gallery.grid, event)

    wheel(-2)  # two notches down: two rows further
    assert gallery.scroll.value() == 2
    first = 2 * columns
    truth, labels = evaluation.truth, evaluation.labels
    shown = gallery.order[first:first + capacity]
    assert [c for c, _ in gallery.grid.captions] == [f"{truth[r]} → {labels[r]}" for r in shown]
    assert f"{first + 1}–{first + capacity} shown" in gallery.caption.text()
    qtbot.mouseClick(gallery.grid, Qt.MouseButton.LeftButton,
                     pos=gallery.grid.tile_rect(1).center())
    picked = int(gallery.order[first + 1])
    assert gallery.selected_row == picked
    np.testing.assert_allclose(gallery.probabilities, np.eye(10)[labels[picked]])
    wheel(1)
    assert gallery.scroll.value() == 1


def test_the_caption_says_when_only_the_parts_first_images_were_classified(qtbot):
    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 900, 700)
    test_rows = len(part_rows(data, SPLIT, 0)["test"])
    assert test_rows == 100
    evaluation = evaluated(gallery, data, 40)
    assert gallery.caption.text() == "the first 40 of 100 test images, 14 wrong (first, outlined)"
    # the Output panel's accuracy says the same: 26 of those 40 right
    assert caption(evaluation) == "test accuracy 65.0 % (its first 40 of 100 rows)"
    evaluation = evaluated(gallery, data, 100)
    assert gallery.caption.text() == "100 test images, 34 wrong (first, outlined)"
    assert caption(evaluation) == "test accuracy 66.0 %"


def test_a_class_filter_drops_the_clicked_image_of_another_class(qtbot):
    from PySide6.QtCore import Qt

    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 900, 700)
    evaluation = evaluated(gallery, data, 100)
    zero = int(np.flatnonzero(evaluation.truth == 0)[0])
    gallery.select(zero)
    assert gallery.probabilities is not None
    qtbot.mouseClick(gallery.filter_buttons[0], Qt.MouseButton.LeftButton)  # its own class
    assert gallery.selected_row == zero and gallery.probabilities is not None
    qtbot.mouseClick(gallery.filter_buttons[3], Qt.MouseButton.LeftButton)
    assert gallery.selected_row is None and gallery.probabilities is None
    assert all(c.startswith("3 → ") for c, _ in gallery.grid.captions)


def test_the_tiles_follow_the_grids_own_size(qtbot):
    # the grid's height changes without the gallery's when the caption gains lines (a
    # reopened project's first frame): the tiles were counted on the old height (18 shown
    # where 27 fit, until the whole panel was resized)
    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 700, 420)
    evaluated(gallery, data, 100)
    row = gallery.grid.tile_size().height()
    for _ in range(10):  # the grid a few pixels taller than whole rows
        qtbot.wait(50)
        if gallery.grid.height() % row == 5:
            break
        gallery.resize(700, gallery.height() + (5 - gallery.grid.height()) % row)
    assert gallery.grid.height() % row == 5
    before = gallery.grid.capacity()
    assert len(gallery.grid.images) == before
    gallery.caption.min_lines = 4  # two lines more above the grid: a row of tiles less
    gallery.caption.fit(shrink=True)
    qtbot.waitUntil(lambda: gallery.grid.capacity() < before)
    qtbot.waitUntil(lambda: len(gallery.grid.images) == gallery.grid.capacity())
    assert f"1–{gallery.grid.capacity()} shown" in gallery.caption.text()


def many_class_images(n: int = 300, classes: int = 30) -> Dataset:
    rng = np.random.default_rng(7)
    return Dataset("many", rng.random((n, 64)), np.arange(n) % classes, "classification",
                   tuple(f"c{k}" for k in range(64)), tuple(f"k{k}" for k in range(classes)), "")


def test_a_narrow_gallery_filters_from_a_list_and_never_takes_the_buttons_width(qtbot):
    """The filter buttons set no minimum width (beside three other panels they squeezed the
    confusion matrix to a sliver): too narrow for them, the gallery offers a list instead,
    and both say the same choice."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    data = ten_class_images()
    host = QWidget()  # no layout: the gallery takes the sizes it is given, as in a panel
    qtbot.addWidget(host)
    host.resize(900, 500)
    gallery = ImageGallery(host)
    gallery.resize(900, 500)
    host.show()
    qtbot.waitExposed(host)
    assert gallery.set_data(data, SPLIT, 0)
    evaluated(gallery, data, 100)
    buttons_width = gallery.filter_stack.widget(0).sizeHint().width()
    assert gallery.filter_stack.currentIndex() == 0 and buttons_width < 900
    assert gallery.filter_stack.minimumSizeHint().width() < buttons_width // 2
    gallery.resize(buttons_width - 40, 500)
    qtbot.waitUntil(lambda: gallery.filter_stack.currentIndex() == 1)
    combo = gallery.filter_combo
    assert combo.isVisible() and not gallery.filter_buttons[None].isVisible()
    assert [combo.itemText(k) for k in range(combo.count())] == ["All", *map(str, range(10))]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "0" → the images of class 0 only
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # → class 1
    assert gallery.true_class == 1
    truth = gallery.evaluation.truth
    assert gallery.order.size == np.count_nonzero(truth == 1)
    assert all(c.startswith("1 → ") for c, _ in gallery.grid.captions)
    assert gallery.filter_buttons[1].isChecked()  # the same choice in the buttons
    gallery.resize(900, 500)
    qtbot.waitUntil(lambda: gallery.filter_stack.currentIndex() == 0)
    qtbot.mouseClick(gallery.filter_buttons[None], Qt.MouseButton.LeftButton)
    assert gallery.true_class is None and combo.currentIndex() == 0
    assert gallery.order.size == truth.size


def test_more_classes_than_buttons_are_filtered_from_the_list(qtbot):
    data = many_class_images()
    gallery = gallery_of(qtbot, data, 1400, 500)
    assert gallery.filter_buttons == {} and gallery.filter_stack.currentIndex() == 1
    test = part_rows(data, SPLIT, 0)["test"]
    truth = data.y[test].astype(np.int64)
    gallery.show_evaluation(Evaluation("test", truth=truth, labels=truth,
                                       outputs=np.eye(30)[truth], part_rows=len(test)))
    gallery.filter_combo.setCurrentIndex(1 + 17)
    assert gallery.true_class == 17
    assert gallery.order.size == np.count_nonzero(truth == 17) > 0
    assert "of class k17" in gallery.caption.text()


def fashion_images(n: int = 400) -> Dataset:
    """28×28 images named as Fashion-MNIST's classes (the names are what matters here)."""
    from core.datasets.remote import REMOTE

    rng = np.random.default_rng(11)
    return Dataset("fashion-like", rng.random((n, 784)), np.arange(n) % 10, "classification",
                   tuple(f"p{k}" for k in range(784)), REMOTE["fashion-mnist"].class_names, "")


def drawn_lines(gallery: ImageGallery) -> list[tuple[str, int, int]]:
    """Each caption line under the tiles, with its width in pixels and its tile's width: the
    whole caption, or when a tile is tall enough for two lines of text under its image, the
    true class and "→ predicted"."""
    grid = gallery.grid
    metrics = grid.fontMetrics()
    two = grid.tile_size().height() >= grid.image_size.height() + 2 * metrics.height()
    lines = []
    for k, (text, _) in enumerate(grid.captions):
        true, predicted = text.split(" → ")
        for line in ([true, f"→ {predicted}"] if two else [text]):
            lines.append((line, metrics.horizontalAdvance(line), grid.tile_rect(k).width()))
    return lines


@pytest.mark.parametrize("language", ["en", "ko"])
def test_class_names_under_the_tiles_are_whole_not_cut_by_their_neighbours(qtbot, language):
    # Fashion-MNIST's captions ("Ankle boot → T-shirt/top") were drawn in 44-pixel tiles made
    # for digits: each was cut at both edges, a row read "aker → s → Troaker →"
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from gui.i18n import set_language

    set_language(language)
    try:
        data = fashion_images()
        gallery = gallery_of(qtbot, data, 500, 400)
        evaluation = evaluated(gallery, data, 100)
        names = [core_tr(name) for name in data.class_names]
        assert names[9] == ("Ankle boot" if language == "en" else "앵클 부츠")
        truth, labels = evaluation.truth, evaluation.labels
        shown = gallery.order[: len(gallery.grid.captions)]
        assert len(shown) >= 6  # a few rows of them, in two lines each
        assert [c for c, _ in gallery.grid.captions] == [
            f"{names[truth[r]]} → {names[labels[r]]}" for r in shown]
        assert [line for line, need, has in drawn_lines(gallery) if need > has] == []
        assert gallery.grid.caption_lines == 2  # the true class, then "→ predicted"
        grid = gallery.grid
        # hovering a tile tells its caption whole
        centre = grid.tile_rect(0).center()
        QApplication.sendEvent(grid, QHelpEvent(QEvent.Type.ToolTip, centre,
                                                grid.mapToGlobal(centre)))
        assert QToolTip.text() == grid.captions[0][0]
        QToolTip.hideText()
    finally:
        set_language("en")


def test_digit_captions_stay_on_one_line_under_small_tiles(qtbot):
    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 500, 400)
    evaluated(gallery, data, 100)
    assert gallery.grid.tile_size().width() == 44  # 40 pixels and the gap, as before
    assert [line for line, need, has in drawn_lines(gallery) if need > has] == []


def test_a_grid_narrower_than_a_named_tile_elides_its_captions_inside_it(qtbot):
    # beside three other panels (1024×768) the grid was 68 px and the tiles 79: "→ Trouse"
    # ran out of the grid's right edge, cut mid-letter
    data = fashion_images()
    gallery = gallery_of(qtbot, data, 500, 400)
    evaluated(gallery, data, 100)
    grid = gallery.grid
    wide = grid.tile_size().width()
    gallery.resize(wide - 20 + (gallery.width() - grid.width()), 400)
    qtbot.waitUntil(lambda: grid.width() < wide)
    assert grid.columns() == 1
    assert all(grid.tile_rect(k).right() < grid.width() for k in range(len(grid.captions)))
