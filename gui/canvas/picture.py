"""File ▸ Export ▸ Canvas as PNG…: the whole network as a picture for slides — every card,
connection, thumbnail and gradient bar and, while Explain is open, its numbers — drawn from the
scene (not grabbed from the screen: what lies outside the view is in it too) at twice the
screen's pixels on white."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core.export.common import file_stem
from gui import theme
from gui.canvas.scene import CanvasScene
from gui.context import ProjectContext
from gui.i18n import on_language_change
from gui.save_dialog import choose_target, png_path
from gui.widgets import status_line, write_png

MARGIN = 24.0  # scene units of white around the network


def picture_rect(scene: CanvasScene) -> QRectF:
    """What the picture shows, in scene units: the items' bounding box and a margin."""
    return scene.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def render_canvas(scene: CanvasScene, scale: int = theme.PNG_SCALE) -> QImage:
    """The scene's items (their bounding box and a margin) on white, ``scale`` pixels per scene
    unit; a null image when the scene is empty or the picture too large to hold in memory
    (nothing is drawn then)."""
    if scene.itemsBoundingRect().isEmpty():
        return QImage()
    source = picture_rect(scene)
    image = QImage(round(source.width() * scale), round(source.height() * scale),
                   QImage.Format.Format_ARGB32)
    if image.isNull():
        return image
    image.fill(Qt.GlobalColor.white)
    background = scene.backgroundBrush()
    scene.setBackgroundBrush(QBrush(QColor(Qt.GlobalColor.white)))  # not the canvas's grey
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)
    scene.drawing.draw_stale()  # what changed off screen is drawn as it is now
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    scene.setBackgroundBrush(background)
    return image


def save_canvas_png(scene: CanvasScene, path: str | Path, scale: int = theme.PNG_SCALE) -> bool:
    """:func:`render_canvas` as a PNG file; False when there is no picture or the file cannot
    be written."""
    image = render_canvas(scene, scale)
    return not image.isNull() and not write_png(image, path)


class CanvasPicture(QObject):
    """The "Canvas as PNG…" action, added to ``menu`` after a separator."""

    def __init__(self, window: QMainWindow, context: ProjectContext, scene: CanvasScene,
                 menu: QMenu) -> None:
        super().__init__(window)
        self.window, self.context, self.scene = window, context, scene
        menu.addSeparator()
        self.action = QAction(window)
        self.action.triggered.connect(self.ask)
        menu.addAction(self.action)
        on_language_change(menu, self.retranslate)

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Canvas as PNG…"))
        tip = self.tr("The whole network as a picture for slides (Explain's numbers too while "
                      "it is open): twice the screen's pixels, on white.")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)

    def ask(self) -> bool:
        """Ask for a file name, then write the picture; False if nothing was written."""
        if self.scene.itemsBoundingRect().isEmpty():
            QMessageBox.information(self.window, self.tr("Nothing to save"), self.tr(
                "The canvas is empty: there is nothing to save as a picture. Drag Input, "
                "Hidden and Output nodes onto it first."))
            return False
        files = self.context.files
        stem = file_stem(Path(files.display_name()).stem)
        doc_path = self.context.doc.path
        start = Path(doc_path).parent if doc_path else Path.home()
        chosen = choose_target(self.window, self.tr("Save the canvas as PNG"),
                               str(start / f"{stem}.png"), self.tr("PNG images (*.png)"),
                               png_path)
        if chosen is None:
            return False
        path, problem = str(chosen[0]), chosen[1]  # a read-only file…: said before drawing
        if not problem:
            image = render_canvas(self.scene)
            if image.isNull():  # no memory for it: the cards lie too far apart
                size = picture_rect(self.scene).size() * theme.PNG_SCALE
                QMessageBox.warning(self.window, self.tr("Cannot save the image"), self.tr(
                    "The network spreads too far for one picture ({width:,.0f} × {height:,.0f} "
                    "pixels). Bring its nodes closer together (View ▸ Auto-layout), then save "
                    "again.").format(width=size.width(), height=size.height()))
                return False
            problem = write_png(image, path)
        if problem:
            QMessageBox.warning(self.window, self.tr("Cannot save the image"),
                                self.tr("{path} could not be written: {reason}.").format(
                                    path=path, reason=problem))
            return False
        status_line(self.window).say(
            lambda: self.tr("Saved the canvas as {path}.").format(path=path), 8000)
        return True
