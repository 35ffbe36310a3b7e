"""Files dropped on the window: a project opens, a data file is imported, anything else is
explained — as genuine drag-enter and drop events."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from core.project import load_project
from gui.file_drops import chosen
from gui.files import example_paths


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drop_on_canvas(window, *paths: Path) -> bool:
    """Drag ``paths`` over the middle of the canvas and drop them; whether the drag was taken
    there (the canvas lets files through to the window)."""
    viewport = window.view.viewport()
    at = viewport.rect().center()
    mime = _mime(*paths)
    action, buttons, mods = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(at, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)  # propagates up to the widget that takes it
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(window.mapFrom(viewport, at)), action, mime, buttons, mods)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def _saved_example(window, tmp_path: Path, name: str) -> Path:
    window.files.open_example(name)
    path = tmp_path / f"{name} 프로젝트.netcanvas"
    assert window.files.write(str(path))
    window.files.new()
    return path


def test_a_project_dropped_on_the_canvas_opens(qtbot, window, tmp_path) -> None:
    path = _saved_example(window, tmp_path, "spiral")
    assert not window.doc.spec.nodes
    assert drop_on_canvas(window, path)
    qtbot.waitUntil(lambda: window.doc.path == str(path))
    expected = load_project(example_paths()["spiral"]).spec
    assert [n.id for n in window.doc.spec.nodes] == [n.id for n in expected.nodes]
    assert window.doc.data.name == "spiral"


def test_dropping_a_project_over_unsaved_work_asks_first(qtbot, window, dialogs,
                                                         tmp_path) -> None:
    path = _saved_example(window, tmp_path, "xor_learned")
    window.add_node_in_view("input")  # unsaved work
    dialogs.answer = dialogs.answer.Cancel
    assert drop_on_canvas(window, path)
    qtbot.waitUntil(lambda: len(dialogs.of("question")) == 1)  # once the drop has returned
    assert window.doc.path != str(path) and len(window.doc.spec.nodes) == 1  # kept


def test_a_csv_dropped_is_imported(qtbot, window, tmp_path) -> None:
    table = tmp_path / "points.csv"
    rows = "\n".join(f"{x},{y},{int(x > y)}" for x, y in [(0, 1), (1, 0), (2, 3), (3, 2), (5, 4)])
    table.write_text("x,y,label\n" + rows + "\n")
    with qtbot.waitSignal(window.data_picker.import_finished) as finished:
        assert drop_on_canvas(window, table)
    assert finished.args == [True]
    assert window.data.dataset.n_samples == 5
    assert "points" in window.data_picker.data_combo.currentText()


def test_a_picture_dropped_is_explained_not_imported(qtbot, window, dialogs, tmp_path) -> None:
    picture = tmp_path / "cat.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with qtbot.waitSignal(window.data_picker.import_finished) as finished:
        assert drop_on_canvas(window, picture)
    assert finished.args == [False]
    (_kind, _title, text), = dialogs.of("warning")
    assert "cat.png" in text and "cannot tell what kind of data file" in text
    assert window.doc.data.name == "xor"


def test_several_files_are_refused_in_words(qtbot, window, tmp_path) -> None:
    files = [tmp_path / f"{n}.csv" for n in "abc"]
    for f in files:
        f.write_text("x,label\n1,0\n")
    count = window.doc.undo_stack.count()
    assert drop_on_canvas(window, *files)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
        "Drop one file at a time"))
    assert window.doc.undo_stack.count() == count and window.doc.data.name == "xor"


def test_a_data_file_dropped_while_training_says_why_it_waits(qtbot, window, tmp_path) -> None:
    from gui.training.session import lock_reason

    table = tmp_path / "points.csv"
    table.write_text("x,label\n1,0\n2,1\n")
    window.doc.lock(lock_reason())  # what a run does
    assert drop_on_canvas(window, table)
    expected = f"points.csv was not imported: {lock_reason()}"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == expected)
    assert not window.data_picker.importing and window.doc.data.name == "xor"


def test_a_drag_that_carries_no_file_is_not_taken(window) -> None:
    viewport = window.view.viewport()
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert not enter.isAccepted()


def test_an_idx_pair_means_its_images() -> None:
    images = Path("train-images-idx3-ubyte.gz")
    labels = Path("train-labels-idx1-ubyte.gz")
    assert chosen([labels, images]) == images
    assert chosen([Path("a.csv")]) == Path("a.csv")
    assert chosen([Path("a.csv"), images]) is None
    assert chosen([images, images.with_name("t10k-images-idx3-ubyte")]) is None
    upper = [Path("TRAIN-IMAGES.IDX3-UBYTE"), Path("TRAIN-LABELS.IDX1-UBYTE")]
    assert chosen(upper) == upper[0]
