"""GUI tests drive real widgets headless: mouse gestures on the canvas viewport, keys, and the
inspector's own widgets. Dialogs are replaced by recorders so a test never blocks on one."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before Qt is imported

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui.windows import shown_main_window


class Dialogs:
    """Records every QMessageBox shown; ``answer`` is what ``question`` returns."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.answer = QMessageBox.StandardButton.Discard

    def record(self, kind: str):
        def show(parent, title, text, *args, **kwargs):
            self.shown.append((kind, title, text))
            return self.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [d for d in self.shown if d[0] == kind]


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    recorder = Dialogs()
    for kind in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder.record(kind)))
    return recorder


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory):
    """QSettings() without a file name (as gui.app uses) writes under a temporary folder,
    never into the user's real configuration."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch):
    """Recovery copies (gui.autosave) go to a temporary data folder, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("NETCANVAS_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    return shown_main_window(qtbot, settings)


def lerp(a: QPoint, b: QPoint, t: float) -> QPoint:
    return QPoint(round(a.x() + (b.x() - a.x()) * t), round(a.y() + (b.y() - a.y()) * t))


class Canvas:
    """The gestures a user makes on the canvas, as real events on the view's viewport."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.view = window.view
        self.scene = window.scene
        self.viewport = window.view.viewport()

    def point(self, scene_pos: QPointF) -> QPoint:
        return self.view.mapFromScene(scene_pos)

    def drop_from_palette(self, kind: str, at: QPoint) -> None:
        """What a palette drag delivers: the palette button's own QMimeData in genuine
        drag-enter, drag-move and drop events. (The offscreen platform's QDrag is a stub that
        returns at once, so the drag loop itself cannot run headless.)"""
        mime: QMimeData = self.window.palette.buttons[kind].mime_data()
        pos = QPointF(at)
        actions = Qt.DropAction.CopyAction
        buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        for event in (QDragEnterEvent(at, actions, mime, buttons, mods),
                      QDragMoveEvent(at, actions, mime, buttons, mods),
                      QDropEvent(pos, actions, mime, buttons, mods)):
            QApplication.sendEvent(self.viewport, event)
            assert event.isAccepted()

    def drag(self, start: QPointF, end: QPointF, steps: int = 6) -> None:
        """Press at scene point ``start``, move in steps, release at ``end``."""
        a, b = self.point(start), self.point(end)
        self.qtbot.mousePress(self.viewport, Qt.MouseButton.LeftButton, pos=a)
        for k in range(1, steps + 1):
            self.qtbot.mouseMove(self.viewport, lerp(a, b, k / steps))
        self.qtbot.mouseRelease(self.viewport, Qt.MouseButton.LeftButton, pos=b)

    def start_connection(self, src: str, over: str) -> None:
        """Press on ``src``'s output port and hover over ``over``'s input port (no release)."""
        a = self.point(self.scene.node_item(src).anchor("out"))
        b = self.point(self.scene.node_item(over).anchor("in"))
        self.qtbot.mousePress(self.viewport, Qt.MouseButton.LeftButton, pos=a)
        for k in range(1, 5):
            self.qtbot.mouseMove(self.viewport, lerp(a, b, k / 4))

    def release(self, over: str) -> None:
        b = self.point(self.scene.node_item(over).anchor("in"))
        self.qtbot.mouseRelease(self.viewport, Qt.MouseButton.LeftButton, pos=b)

    def connect(self, src: str, dst: str) -> None:
        self.start_connection(src, dst)
        self.release(dst)

    def click_node(self, node_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        item = self.scene.node_item(node_id)
        header = item.mapToScene(QPointF(0, item.body_rect().top() + 10))
        self.qtbot.mouseClick(self.viewport, Qt.MouseButton.LeftButton, modifier,
                              self.point(header))

    def double_click(self, scene_pos: QPointF) -> None:
        """The events a real double-click delivers: press, release, double-click, release
        (QTest.mouseDClick alone sends only the double-click event)."""
        pos, left = self.point(scene_pos), Qt.MouseButton.LeftButton
        self.qtbot.mousePress(self.viewport, left, pos=pos)
        self.qtbot.mouseRelease(self.viewport, left, pos=pos)
        self.qtbot.mouseDClick(self.viewport, left, pos=pos)
        self.qtbot.mouseRelease(self.viewport, left, pos=pos)

    def type_value(self, scene_pos: QPointF, text: str) -> None:
        """Double-click at ``scene_pos`` (a weight or a neuron), type ``text`` and Enter."""
        self.double_click(scene_pos)
        editor = self.scene.editor
        assert editor is not None, "double-click opened no editor"
        editor.selectAll()
        self.qtbot.keyClicks(editor, text)
        self.qtbot.keyClick(editor, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: self.scene.editor is None)

    def node_ids(self) -> list[str]:
        return [n.id for n in self.window.doc.spec.nodes]


@pytest.fixture
def canvas(qtbot, window) -> Canvas:
    return Canvas(qtbot, window)


@pytest.fixture
def open_lab(qtbot, window):
    """Open a lab through the real Labs menu action; returns its (shown) window."""

    def opener(key: str):
        window.labs_menu.lab_actions[key].trigger()
        lab = window.labs_menu.windows[key]
        qtbot.waitExposed(lab)
        lab.resize(lab.designed_size)  # fitted to the small test screen when shown: the tests
        return lab                     # and the README's pictures are of the designed size

    return opener


@pytest.fixture
def korean(qapp):
    """The whole interface in Korean for one test (English again after it)."""
    from gui.i18n import set_language

    set_language("ko")
    yield
    set_language("en")
