"""New, Open, Save, Save As, recent files and the bundled examples — with error dialogs.

A file that cannot be read leaves the open document exactly as it was: the project is loaded
completely first and only then handed to the document. Reading and writing run off the GUI
thread (:mod:`gui.busy`, :mod:`gui.background_save`): a project with tens of megabytes of
embedded data froze the window for seconds.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from core.datasets.ref import DataRef
from core.engine.params import split
from core.i18n import _
from core.project import SUFFIX, Project, ProjectError, load_project, save_project
from core.project_checks import PlaceError
from core.spec import NetworkSpec
from core.training.timeline import Timeline
from gui.background_save import ProjectSaver
from gui.busy import run_busy, wait_for_saver
from gui.document.document import GraphDocument
from gui.file_changes import DiskStamp, Stamp, stamp_of
from gui.focus_keys import commit_typing
from gui.i18n import on_language_change, translate
from gui.recent_files import RecentFiles
from gui.save_dialog import choose_target
from gui.training.continuation import ContinuationKeeper
from gui.widgets import menu_path, status_line
from gui.window_text import ACTIONS, MENU_TITLES


def file_filter() -> str:
    """The file dialogs' filter, in the current language."""
    return translate("FileController", "NetCanvas projects (*{suffix});;All files (*)").format(
        suffix=SUFFIX)


DEFAULT_DATA = "xor"
#: the titles of File ▸ Open Recent and File ▸ Examples
RECENT_TITLE = QT_TRANSLATE_NOOP("FileController", "Open &Recent")
EXAMPLES_TITLE = QT_TRANSLATE_NOOP("FileController", "&Examples")


def example_paths() -> dict[str, Path]:
    """The bundled example projects by name (``xor_by_hand`` …)."""
    folder = files("resources") / "examples"
    return {Path(str(p)).stem: Path(str(p)) for p in sorted(folder.iterdir(), key=str)
            if str(p).endswith(SUFFIX)}


def shown_title(title: str) -> str:
    """A project's title as shown: a bundled example's in the current language (its title is
    marked where the examples are made), any other as it is."""
    return _(title) if title else title


@functools.cache
def _example_words(path: Path) -> tuple[str, str] | None:
    """A bundled example's title and description as its file has them (English), read once:
    a language change only translates them again."""
    try:
        project = load_project(path)
    except ProjectError:
        return None
    return project.title, project.description


def example_texts(path: Path) -> tuple[str, str]:
    """The example's own title and description, translated (its file name and "" if it
    cannot be read)."""
    words = _example_words(path)
    if words is None:
        return path.stem, ""
    title, description = words
    return shown_title(title) or path.stem, _(description) if description else ""


def example_title(path: Path) -> str:
    """The example's own title, translated (its file name if it cannot be read)."""
    return example_texts(path)[0]


def _read(path: str | Path) -> tuple[Project | None, dict[str, Any], str]:
    """The project at ``path`` and the weights to show (the seed's when it is untrained), or
    why it cannot be read. Runs in a background thread."""
    try:
        project = load_project(path)
    except ProjectError as exc:
        return None, {}, str(exc)
    arrays = {**(project.params or {}), **(project.state or {})}
    if project.params is None and not project.spec.problems():
        # Untrained: show exactly the weights training will start from (the seed's).
        network = project.build_network()
        arrays = {**network.params, **network.state}
    return project, arrays, ""


def _save(project: Project, path: str, advice: str, written: list[Stamp | None]) -> None:
    """Write ``project`` to ``path`` and note the file as written in ``written``; a folder
    that refused it gets ``advice`` (what to do)."""
    try:
        save_project(project, path)
    except PlaceError as exc:
        raise ProjectError(f"{exc}\n\n{advice}") from None  # i18n: not ui
    written.append(stamp_of(path))


def _undo_position(stack: QUndoStack) -> tuple[int, object]:
    """Where the undo stack is: its index and the command before it (an undo followed by a
    new edit comes back to the same index with another command)."""
    index = stack.index()
    return index, stack.command(index - 1) if index > 0 else None


def default_data() -> DataRef:
    """A new project starts on the XOR gate, the course's first puzzle."""
    return DataRef.builtin(DEFAULT_DATA)


class FileController(RecentFiles):
    """File commands of one window and its document; ``opened`` is called after a project
    was opened (the window shows the whole network)."""

    def __init__(self, window: QMainWindow, doc: GraphDocument, settings: QSettings,
                 opened: Callable[[], None]) -> None:
        self.window = window
        self.opened = opened
        self.doc = doc
        self.settings = settings
        #: writes project files off the GUI thread (autosave shares it: one write at a time)
        self.saver = ProjectSaver(window)
        self.failures = 0  # saves that failed so far
        #: the file as this window last read or wrote it: Save asks before replacing changes
        #: made to it since by another window or program
        self.on_disk = DiskStamp()
        self._generation = 0  # counts New/Open: a late save result never marks another document
        #: while training runs, the history that goes with the weights shown (set by the window)
        self.live_history: Callable[[], dict[str, Any] | None] = lambda: None
        #: the training timeline to store with the project, and where an opened one goes
        self.timeline: Callable[[], Timeline | None] = lambda: None
        self.timeline_loaded: Callable[[Timeline | None], None] = lambda timeline: None
        #: the optimizer state that goes with the document's weights (the window shares the
        #: training session's)
        self.continuation = ContinuationKeeper()
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.examples_menu = QMenu(window)
        self.examples_menu.aboutToShow.connect(self._fill_examples)
        on_language_change(self.recent_menu, self.retranslate)

    def retranslate(self) -> None:
        """The menus' titles and items in the current language."""
        self.recent_menu.setTitle(translate("FileController", RECENT_TITLE))
        self.examples_menu.setTitle(translate("FileController", EXAMPLES_TITLE))
        self.examples_menu.clear()  # titled anew when next opened
        self._fill_recent()

    # ------------------------------------------------------------------ names
    def display_name(self) -> str:
        if self.doc.path:
            return Path(self.doc.path).name
        return shown_title(self.doc.title) or translate("FileController", "Untitled")

    # ------------------------------------------------------------------ commands
    def new(self) -> bool:
        if not self.maybe_save():
            return False
        self._generation += 1
        self.on_disk.forget()
        self.doc.reset(NetworkSpec(), data=default_data())
        return True

    def open(self) -> bool:
        if not self.maybe_save():
            return False
        path, _filter = QFileDialog.getOpenFileName(
            self.window, translate("FileController", "Open project"), self._folder(),
            file_filter())
        return bool(path) and self.load(path)

    def open_example(self, name: str) -> bool:
        """Open a bundled example as an untitled copy (Save asks where to put it)."""
        path = example_paths().get(name)
        if path is None:
            self._error(translate("FileController", "Cannot open example"),
                        translate("FileController", "There is no example called {name}.").format(
                            name=repr(name)))
            return False
        return self.maybe_save() and self.load(path, remember=False)

    def load(self, path: str | Path, remember: bool = True, restoring: str = "") -> bool:
        """Read ``path`` into the document; on failure show why and change nothing. Reading
        runs in a background thread (the window keeps painting; Cancel after a second).
        ``restoring``: ``path`` is the recovery copy of the unsaved work of that project."""
        name, before = Path(path).name, stamp_of(path)
        wait_for_saver(self.window, self.saver, lambda: translate(
            "FileController", "Finishing the save before opening {name}…").format(name=name))
        outcome = run_busy(self.window, lambda: translate(
            "FileController", "Opening {name}…").format(name=name), lambda _cancel: _read(path))
        if outcome.cancelled:
            status_line(self.window).say(lambda: translate(
                "FileController", "Opening {name} was cancelled.").format(name=name), 8000)
            return False
        project, arrays, error = outcome.value or (None, {}, outcome.error)
        if project is None and restoring:  # the copy's own name would say nothing
            self._error(translate("FileController", "Cannot restore unsaved work"), translate(
                "FileController", "NetCanvas kept a copy of the unsaved work of {name}, but the "
                "copy cannot be opened:\n{error}\n\nThe copy is kept: you are asked again at "
                "the next start, where Discard deletes it.").format(name=restoring, error=error))
            return False
        if project is None:
            self._error(translate("FileController", "Cannot open project"),
                        self._forget_missing(path, error))
            return False
        self._generation += 1
        self.on_disk.remember(path, before if remember else None)
        self.doc.reset(project.spec, arrays, settings=project.settings, data=project.data,
                       history=project.history, title=project.title,
                       description=project.description,
                       dismissed_warnings=project.dismissed_warnings,
                       path=str(path) if remember else "", runs=project.runs)
        self.timeline_loaded(project.timeline)
        self.continuation.keep(project.continuation, self.doc)
        if remember:
            self._remember(str(path))
        self.opened()
        status_line(self.window).say(lambda: translate("FileController", "Opened “{name}”.").format(
            name=shown_title(project.title) or name), 8000)
        return True

    def save(self, wait: bool = False) -> bool:
        if not self.doc.path:
            return self.save_as(wait)
        folder, name = Path(self.doc.path).parent, Path(self.doc.path).name
        if not folder.is_dir():  # moved or deleted since (restored work), a drive unplugged
            status_line(self.window).say(lambda: translate(
                "FileController", "The folder {folder} no longer exists: choose where to save "
                "{name}.").format(folder=folder, name=name), 15000)
            return self.save_as(wait)
        commit_typing()  # what is typed in a box is part of the work saved
        if not self.on_disk.may_replace(self.window, self.doc.path, self.save_as_path()):
            return False
        return self.write(self.doc.path, wait)

    def save_as(self, wait: bool = False) -> bool:
        commit_typing()
        chosen = choose_target(self.window, translate("FileController", "Save project as"),
                               self.doc.path or self._folder(), file_filter(),
                               lambda name: Path(name if name.endswith(SUFFIX) else name + SUFFIX))
        # a place refused (a read-only file…) is not asked about: the save says why
        return chosen is not None and self.write(str(chosen[0]), wait)

    def write(self, path: str, wait: bool = True) -> bool:
        """Save the document to ``path`` in a background thread. With ``wait``, return once it
        is written (True) or refused (False, after saying why), behind a modal progress
        dialog; without, return at once (True) — the status bar tells how it went."""
        project = self.project()  # a snapshot: edits made during the save do not reach it
        stack, generation, previous = self.doc.undo_stack, self._generation, self.doc.path
        saved_at = _undo_position(stack)
        outcomes: list[str] = []
        written: list[Stamp | None] = []
        self.on_disk.writing(path)
        self.doc.set_path(path)  # a second Save meanwhile goes to the same file

        def done(error: str) -> None:
            outcomes.append(error)
            same_document = generation == self._generation
            self.on_disk.written(path, written[0] if written and same_document else None)
            if error:  # the document stays modified: nothing is lost
                self.failures += 1
                if same_document and self.doc.path == path:
                    self.doc.set_path(previous)
                self._error(translate("FileController", "Cannot save project"), error)
                return
            if same_document and _undo_position(stack) == saved_at:
                stack.setClean()
            elif same_document:  # an undo (or an edit) meanwhile: what is open is not what was
                stack.resetClean()  # written, even where an older save's state is reached
            self._remember(path)
            status_line(self.window).say(lambda: translate(
                "FileController", "Saved {name}.").format(name=Path(path).name), 5000)

        advice = translate("FileController", "Your work is still open and not saved: choose "
                           "another folder or name with {save_as}.").format(
                               save_as=self.save_as_path())
        self.saver.submit(Path(path).name,
                          functools.partial(_save, project, path, advice, written), done)
        status_line(self.window).say(lambda: translate("FileController", "Saving {name}…").format(
            name=Path(path).name))
        if wait:
            self.finish_writing()
        return outcomes == [""] if wait else True

    def finish_writing(self) -> bool:
        """Wait for the saves under way (closing does); False if one of them failed."""
        failures = self.failures
        current = self.saver.current()
        wait_for_saver(self.window, self.saver, lambda: translate(
            "FileController", "Waiting for {name} to be saved…").format(name=current)
            if current else translate("FileController", "Waiting for the project to be saved…"))
        return self.failures == failures

    def project(self) -> Project:
        """The document as a project. Weights are stored only for a network that can be
        built (a half-built one gets fresh weights when it is opened again). A snapshot that
        a background save (or Explain's worker) may read while editing goes on: the weights
        are the document's own read-only arrays, never changed in place (it swaps in changed
        ones), so they are shared, not copied — copying 2-2000-2000-2's took the GUI thread
        0.3 s after every run; the history is copied; the spec, settings and data set are
        immutable. Edits still under way land first."""
        doc = self.doc
        doc.settle()
        params, state = split(doc.arrays) if not doc.problems else ({}, {})
        return Project(
            spec=doc.spec,
            settings=doc.settings,
            data=doc.data or default_data(),
            params=params or None,
            state=state or None,
            history=copy.deepcopy(self.live_history() or doc.history),
            title=doc.title,
            description=doc.description,
            dismissed_warnings=doc.dismissed_warnings,
            timeline=self.timeline(),
            runs=doc.runs,
            continuation=self.continuation.for_document(doc))

    def maybe_save(self) -> bool:
        """True when it is fine to throw the document away (saved, discarded, unchanged)."""
        commit_typing()  # a name typed but not entered is a change too
        self.doc.settle()  # and so is an edit still under way
        if self.saver.current():
            # a save under way (Save, then Close at once): once written there may be nothing
            # to ask about; asking first said "has changes that are not saved" of it
            self.finish_writing()
        if not self.doc.is_modified():
            return True
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        answer = QMessageBox.question(
            self.window, translate("FileController", "Unsaved changes"),
            translate("FileController", "“{name}” has changes that are not saved. Save them "
                      "first?").format(name=self.display_name()),
            buttons, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save(wait=True)
        return answer == QMessageBox.StandardButton.Discard

    def _fill_examples(self) -> None:
        """Read the examples' titles the first time the menu opens (not at start-up)."""
        if self.examples_menu.actions():
            return
        for name, path in example_paths().items():
            action = self.examples_menu.addAction(example_title(path))
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.open_example(n))

    def set_aside(self, path: str = "", example: str = "") -> None:
        """Restored work fills the window instead of the project at ``path`` or the bundled
        ``example`` asked for at start: say why it is not open and where it is (a project is
        put in Open Recent, one click away)."""
        found = example_paths().get(example) if example else None
        menu = EXAMPLES_TITLE if example else RECENT_TITLE
        if not example and Path(path).is_file():
            self._remember(path)
        # said again in a new language, after the restored work's message it follows (the
        # menu's title from its source: the menu may be retitled after this is said again)
        status_line(self.window).add(lambda: translate(
            "FileController", "{name} was not opened: save or close the restored work, then "
            "open it ({menu}).").format(
                name=example_title(found) if found else example or Path(path).name,
                menu=self.file_menu_path(translate("FileController", menu))), 30000)

    def save_as_path(self) -> str:
        """"File ▸ Save As…" as the menus show it."""
        return self.file_menu_path(translate("MainWindow", ACTIONS["save_as"][0]))

    def file_menu_path(self, label: str) -> str:
        """"File ▸ {label}" as the menus show it (``label`` as shown, translated)."""
        return menu_path(translate("MainWindow", MENU_TITLES["file"]), label)

    def _error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)
