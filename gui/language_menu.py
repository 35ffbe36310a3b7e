"""View ▸ Language: English / 한국어, switched live and remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from core.i18n import LANGUAGES
from gui.i18n import font_warning, language, on_language_change, set_language


class LanguageMenu(QMenu):
    """One checkable item per language, each named in its own language (a reader who cannot
    read the current one still finds theirs)."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_menu")
        self._settings = settings
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
        """Speak ``code`` now (every window retranslates) and from the next start on."""
        if code != language():
            set_language(code, self._settings)
        else:
            self._settings.setValue("language", code)
        warn_about_fonts(self.parentWidget(), code)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self.setToolTip(self.tr("The language of menus, panels, labs and messages"))
        current = language()
        for code, action in self.language_actions.items():
            action.setChecked(code == current)


def warn_about_fonts(parent: QWidget | None, code: str) -> None:
    """Say once per run, in English, when no installed font can draw ``code``'s script."""
    warning = font_warning(code)
    if warning is not None:
        box = QMessageBox(QMessageBox.Icon.Information, "NetCanvas", warning,  # i18n: not ui
                          QMessageBox.StandardButton.Ok, parent)
        box.setModal(False)
        box.show()
