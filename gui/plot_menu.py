"""A plot's right-click menu in the interface's language: Copy Image (to paste into a slide),
Save as PNG…, and Show All where the mouse pans and zooms the plot.

pyqtgraph's own menu was English in the Korean interface (View All, X axis, Mouse Mode, Plot
Options, Export…), and its Export dialog offered SVG, which fails on Qt 6.11's paths ("Unexpected
error: not enough values to unpack"), and a Matplotlib window, not installed ("No module named
'matplotlib'"). The main window's plots had no menu at all: a teacher putting a plot on a slide
had to save a file first. pyqtgraph is imported only once a menu is used (the labs' base
imports this module before the window shows, and pyqtgraph costs a quarter of a second).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QPainter, QRegion
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGraphicsView,
    QMenu,
    QMessageBox,
    QWidget,
)

from gui import theme
from gui.i18n import on_language_change, translate
from gui.save_dialog import choose_target, png_path
from gui.widgets import write_png


def plot_image(widget: QWidget) -> QImage:
    """What ``widget`` shows, for a slide: :data:`gui.theme.PNG_SCALE` times the screen's
    pixels, on white (not the window's grey), without its buttons and check boxes (PNG…, CSV…,
    log scale mean nothing on a slide; the legends and captions stay)."""
    image = QImage(widget.size() * theme.PNG_SCALE, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(theme.PNG_SCALE)
    image.fill(Qt.GlobalColor.white)
    shown = QRegion(widget.rect())
    for button in widget.findChildren(QAbstractButton):
        if button.isVisible():
            shown -= QRegion(QRect(button.mapTo(widget, QPoint(0, 0)), button.size()))
    filled = widget.autoFillBackground()
    widget.setAutoFillBackground(False)  # its grey would be painted over the white
    painter = QPainter(image)
    widget.render(painter, QPoint(), shown, QWidget.RenderFlag.DrawChildren)
    painter.end()
    widget.setAutoFillBackground(filled)
    return image


def ask_and_save_png(picture: QWidget, title: str, file_name: str) -> None:
    """Ask where (a dialog titled ``title``, ``file_name`` offered) and save ``picture`` there
    as :func:`plot_image`; a file that cannot be written is said in words."""
    chosen = choose_target(picture, title, file_name,
                           translate("PlotPanel", "PNG images (*.png)"), png_path)
    if chosen is None:
        return
    path, problem = str(chosen[0]), chosen[1]  # a read-only file: said before drawing
    problem = problem or write_png(plot_image(picture), path)
    if problem:
        QMessageBox.warning(picture, translate("PlotPanel", "Cannot save the image"),
                            translate("PlotPanel", "{path} could not be written: {reason}."
                                      ).format(path=path, reason=problem))


class PlotMenu(QObject):
    """The menu of the pyqtgraph view ``view``, on a right click (or the menu key) there.
    ``picture`` is what is copied and saved (a panel around the plots; by default the view);
    ``save`` asks for a file and saves it (by default :func:`ask_and_save_png`)."""

    def __init__(self, view: QGraphicsView, picture: QWidget | None = None,
                 save: Callable[[], None] | None = None) -> None:
        super().__init__(view)
        self.view = view
        self.picture = picture or view
        self._save = save
        self.menu = QMenu(view)
        self.copy_action = self.menu.addAction("", self.copy)
        self.save_action = self.menu.addAction("", self.save)
        self.show_all_action = self.menu.addAction("", self.show_all)
        self._pressed_at: QPoint | None = None  # where the right button went down
        self._menu_due: QPoint | None = None  # a menu asked for during that press
        view.installEventFilter(self)  # the menu key (the view has the focus)
        view.viewport().installEventFilter(self)  # the mouse
        on_language_change(self.menu, self.retranslate)

    def retranslate(self) -> None:
        self.copy_action.setText(translate("PlotMenu", "&Copy Image"))
        self.save_action.setText(translate("PlotMenu", "&Save as PNG…"))
        self.show_all_action.setText(translate("PlotMenu", "Show &All"))

    def _view_boxes(self) -> list:
        import pyqtgraph as pg  # loaded: the view is one of its

        return [item for item in self.view.scene().items() if isinstance(item, pg.ViewBox)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The menu opens on a right click; on a plot the mouse pans and zooms, where X11 and
        macOS ask for it as the button goes down, it waits for the release and does not open
        after a right-drag (pyqtgraph's zoom)."""
        kind = event.type()
        right = kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) and (
            event.button() == Qt.MouseButton.RightButton)
        if right and kind == QEvent.Type.MouseButtonPress:
            self._pressed_at, self._menu_due = event.position().toPoint(), None
            for box in self._view_boxes():  # pyqtgraph's menu would open on the release
                box.setMenuEnabled(False)
        elif right:
            pressed, due, self._pressed_at, self._menu_due = (
                self._pressed_at, self._menu_due, None, None)
            if due is not None and pressed is not None and (
                    event.position().toPoint() - pressed).manhattanLength() < (
                    QApplication.startDragDistance()):
                self._popup(due)
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            if (event.reason() == QContextMenuEvent.Reason.Mouse
                    and self._pressed_at is not None and self._movable()):
                self._menu_due = event.globalPos()  # the button is still down: a drag?
            else:
                self._popup(event.globalPos())
            return True
        return False

    def _movable(self) -> bool:
        return any(any(box.state["mouseEnabled"]) for box in self._view_boxes())

    def _popup(self, at: QPoint) -> None:
        self.show_all_action.setVisible(self._movable())
        self.menu.popup(at)

    def copy(self) -> None:
        """The picture on the clipboard, to paste into a slide."""
        QApplication.clipboard().setImage(plot_image(self.picture))

    def save(self) -> None:
        if self._save is not None:
            self._save()
        else:
            ask_and_save_png(self.picture, translate("PlotMenu", "Save the plot as PNG"),
                             "plot.png")  # i18n: not ui (a file name)

    def show_all(self) -> None:
        """Every plot the mouse moved or zoomed shows all its data again."""
        for box in self._view_boxes():
            if any(box.state["mouseEnabled"]):
                box.autoRange()


def add_plot_menus(root: QWidget) -> None:
    """A :class:`PlotMenu` on every pyqtgraph view under ``root`` that has none (a lab's)."""
    for view in root.findChildren(QGraphicsView):
        if type(view).__module__.startswith("pyqtgraph") and not view.findChildren(PlotMenu):
            PlotMenu(view)
