"""File ▸ Open Recent: the projects last opened or saved, kept in the settings. A part of
:class:`gui.files.FileController`, kept apart to keep that module short."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

from gui.i18n import translate

MAX_RECENT = 8
RECENT_KEY = "files/recent"


class RecentFiles:
    """The recent files' list (in ``settings``) and menu (``recent_menu``); the file commands
    it calls are the controller's."""

    settings: QSettings
    recent_menu: QMenu
    maybe_save: Callable[[], bool]
    load: Callable[..., bool]
    file_menu_path: Callable[[str], str]

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        recent = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
        self.settings.setValue(RECENT_KEY, recent)  # the menu reads it when it next opens

    def _forget_missing(self, path: str | Path, error: str) -> str:
        """``error``; when ``path`` no longer exists, its Open Recent entry is removed and the
        text says so."""
        resolved, recent = str(Path(path).resolve()), self.recent_files()
        if Path(path).exists() or resolved not in recent:
            return error
        self.settings.setValue(RECENT_KEY, [p for p in recent if p != resolved])
        return translate("FileController", "{error}; it was removed from {menu}.").format(
            error=error, menu=self.file_menu_path(self.recent_menu.title()))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for path in recent:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            if not Path(path).exists():  # kept, disabled: a removable drive may come back
                action.setEnabled(False)
                action.setText(translate("FileController", "{name} (not found)").format(
                    name=Path(path).name))
            action.triggered.connect(lambda _=False, p=path: self.maybe_save() and self.load(p))
        if not recent:
            self.recent_menu.addAction(translate("FileController", "(no recent projects)")
                                       ).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(translate("FileController", "Clear list"),
                                       self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.setValue(RECENT_KEY, [])
        self._fill_recent()

    def _folder(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())
