"""View ▸ Language: English / 한국어, switched live and remembered."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from core.i18n import LANGUAGES, remember_language
from core.user_folders import data_dir
from gui.i18n import font_warning, language, on_language_change, set_language


class LanguageMenu(QMenu):
    """One checkable item per language, each named in its own language (a reader who cannot
    read the current one still finds theirs). A switch keeps the window's size
    (:class:`KeepSize`). The choice is kept in the user's data folder, where the command line
    reads it too (:func:`core.i18n.remember_language`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_menu")
        if parent is not None:
            KeepSize(parent.window())
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self, checkable=True)
            action.setData(code)
            group.addAction(action)
            self.addAction(action)
            self.language_actions[code] = action
        group.triggered.connect(lambda action: self.choose(action.data()))
        on_language_change(self, self.retranslate)

    def choose(self, code: str) -> None:
        """Speak ``code`` now (every window retranslates) and from the next start on — or say
        that it could not be kept (a data folder that cannot be written: the window's own
        settings no longer keep a second copy)."""
        if code != language():
            code = set_language(code)
        if not remember_language(code):
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language not remembered"),
                              self.tr("NetCanvas speaks this language now, but could not keep "
                                      "the choice for the next start: the folder {folder} "
                                      "cannot be written.").format(folder=data_dir()),
                              QMessageBox.StandardButton.Ok, self.parentWidget())
            box.setModal(False)
            box.show()
        warn_about_fonts(self.parentWidget(), code)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.setToolTip(self.tr("The language of menus, panels, labs and messages"))
        current = language()
        for code, action in self.language_actions.items():
            action.setChecked(code == current)


class KeepSize(QObject):
    """Keeps ``window``'s size across a switch of language.

    Qt lays the window out again after a switch, and in that pass some docks still report the
    minimum width of their old texts (English headers in one dock beside Korean ones in the
    next): a window at its minimum width grew by the difference and kept it — 1280 → 1287 px,
    past the edge of a 1280-px screen. For a moment after a switch, a window grown by the
    layout is given back the size it had (never less than the new texts' minimum)."""

    SETTLE_MS = 500  # how long after a switch a growth counts as the switch's

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._size: QSize | None = None  # the size before the switch, while it settles
        self._settled = QTimer(self, singleShot=True, interval=self.SETTLE_MS)
        self._settled.timeout.connect(self._forget)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            if self._size is None:
                self._size = self._window.size()
            self._settled.start()
        elif kind == QEvent.Type.Resize and self._size is not None and self._forced(event):
            QTimer.singleShot(0, self, self._restore)  # not inside Qt's layout pass
        return False

    def _forced(self, event: QResizeEvent) -> bool:
        """A growth to the window's minimum: the layout's doing, not the user's."""
        new, old, least = event.size(), event.oldSize(), self._window.minimumSize()
        return (new.width() > old.width() and new.width() == least.width()) or (
            new.height() > old.height() and new.height() == least.height())

    def _forget(self) -> None:
        self._size = None

    def _restore(self) -> None:
        size, window = self._size, self._window
        if size is None or window.isMaximized() or window.isFullScreen() or not (
                window.width() > size.width() or window.height() > size.height()):
            return
        layout = window.layout()
        if layout is not None:  # the minimum of the new texts, not of the half-switched ones
            layout.invalidate()
            layout.activate()
        window.resize(size.boundedTo(window.size()))


def warn_about_fonts(parent: QWidget | None, code: str) -> None:
    """Say once per run, in English, when no installed font can draw ``code``'s script."""
    warning = font_warning(code)
    if warning is not None:
        box = QMessageBox(QMessageBox.Icon.Information, "NetCanvas", warning,  # i18n: not ui
                          QMessageBox.StandardButton.Ok, parent)
        box.setModal(False)
        box.show()
