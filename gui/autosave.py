"""Autosave: a window's unsaved work — untitled too — is copied every :data:`AUTOSAVE_SECONDS`
and after each training run into its recovery folder (:mod:`gui.recovery`), in the background
(the window's :class:`~gui.background_save.ProjectSaver`). A save, a close or an undo back to
the saved state removes the copy.

The copy after a run waits :data:`AFTER_RUN_MS`, for any run started meanwhile to end (its end
copies again) and for a save being written. Made at once, it competed with the end of the run
and with the next run's start when Train was pressed again soon: a copy of the 784-100-10
MNIST project takes a core for 0.3 s (compressing, and the history's JSON holding the GIL). In
the MNIST benchmark (``python -m gui.training.benchmark --data mnist``) the event loop's latest
tick while training was 180–490 ms in the round that followed Stop and 300–360 ms at the end
of rounds whose copy ran beside it; with the copy waiting, 80–125 ms, the rest being the GUI
thread's own work at a run's start.

After a crash or a kill, :func:`offer_recovery` asks at the next start whether to restore what
was left behind.

``NETCANVAS_AUTOSAVE_SECONDS`` overrides the interval (tests use a fraction of a second).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from gui.files import FileController, shown_title
from gui.i18n import translate
from gui.recovery import (
    Recovery,
    claim,
    left_behind,
    recovery_root,
    remove_recovery,
    write_recovery,
)
from gui.widgets import status_line

AUTOSAVE_SECONDS = 120.0
AFTER_RUN_MS = 1500  # a run's end to its copy, when no other run has started meanwhile
INTERVAL_ENV = "NETCANVAS_AUTOSAVE_SECONDS"
INTERVAL_LIMITS = (0.1, 86400.0)  # seconds: the shortest and longest interval taken
RESTORE, DISCARD, LATER = "restore", "discard", "later"

_serials = itertools.count(1)
_own_folders: set[Path] = set()  # the recovery folders of this process's windows


def autosave_seconds() -> float:
    """``$NETCANVAS_AUTOSAVE_SECONDS`` when it is a positive number, else the default; within
    :data:`INTERVAL_LIMITS` (a day, to mean "hardly ever", overflowed the timer and the window
    did not start; 1e-7 made a copy at every turn of the event loop)."""
    try:
        seconds = float(os.environ.get(INTERVAL_ENV, ""))
    except ValueError:
        return AUTOSAVE_SECONDS
    if not seconds > 0:  # 0, negative, NaN
        return AUTOSAVE_SECONDS
    return min(max(seconds, INTERVAL_LIMITS[0]), INTERVAL_LIMITS[1])


class Autosave(QObject):
    """The recovery copy of one window's document. ``written(folder)`` after each copy."""

    written = Signal(str)

    def __init__(self, window: QMainWindow, files: FileController,
                 run_ended: SignalInstance | None = None, seconds: float | None = None,
                 root: Path | None = None) -> None:
        super().__init__(window)
        self.window, self.files, self.doc = window, files, files.doc
        self.root = root or recovery_root()
        self.folder = self.root / f"{os.getpid()}-{next(_serials)}"
        _own_folders.add(self.folder)
        self._changed = False  # the document changed since the last copy
        self._written = False  # the folder holds a copy
        self._pending = False  # a copy is being written
        self._keeping = False  # the folder holds a claimed copy: keeping_claim
        self.timer = QTimer(self)
        self.timer.setInterval(round(1000 * (seconds or autosave_seconds())))
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.after_run = QTimer(self)  # from a run's end to its copy
        self.after_run.setSingleShot(True)
        self.after_run.setInterval(AFTER_RUN_MS)
        self.after_run.timeout.connect(self._copy_after_run)
        stack = self.doc.undo_stack
        stack.indexChanged.connect(self._document_changed)
        stack.cleanChanged.connect(self._clean_changed)
        self.doc.params_changed.connect(self._document_changed)
        if run_ended is not None:
            run_ended.connect(self._run_ended)

    @Slot()
    def autosave(self) -> bool:
        """Copy the document if it has changes not saved and not copied yet; True when a
        copy is being written."""
        if not self.doc.is_modified():
            self.discard()
            return False
        if self._pending or (self._written and not self._changed):
            return False
        self._changed, self._pending = False, True
        write = functools.partial(write_recovery, self.folder, self.files.project(),
                                  self.doc.path, os.getpid())
        self.files.saver.submit(translate("Autosave", "a recovery copy"), write, self._done)
        return True

    def discard(self) -> None:
        """Remove the copy (the work was saved or thrown away)."""
        if not self._keeping:
            remove_recovery(self.folder)
            self._written = False

    @contextlib.contextmanager
    def keeping_claim(self) -> Iterator[None]:
        """While a copy claimed into this window's folder is asked about or opened, nothing the
        window does discards it: a kill that cancelled the question closed the window, and its
        close deleted the copy being asked about — the work it held was lost."""
        self._keeping = True
        try:
            yield
        finally:
            self._keeping = False

    def close(self) -> None:
        """The window closes normally: no copy is left behind."""
        self.timer.stop()
        self.after_run.stop()
        self.discard()
        _own_folders.discard(self.folder)

    def restore(self, recovery: Recovery) -> bool:
        """Open a claimed copy (in this window's folder) as unsaved work of its original file."""
        with self.keeping_claim():
            loaded = self.files.load(recovery.project_path, remember=False,
                                     restoring=recovery_name(recovery))
        if not loaded:
            return False
        self.doc.set_path(recovery.original_path)
        self.doc.undo_stack.resetClean()  # unsaved: the original file does not hold it
        self._written, self._changed = True, False  # the folder holds exactly this
        status_line(self.window).say(lambda: translate(
            "Autosave", "Restored unsaved work of {name}. Save it to keep it.").format(
                name=recovery_name(recovery)), 15000)
        return True

    def _done(self, error: str) -> None:
        self._pending = False
        if error:
            self._changed = True  # try again at the next tick
            status_line(self.window).say(lambda: translate(
                "Autosave", "Autosave failed: {error}").format(error=error), 15000)
            return
        self._written = True
        if not self.doc.is_modified():  # saved or discarded while the copy was written
            self.discard()
            return
        self.written.emit(str(self.folder))

    @Slot()
    def _document_changed(self) -> None:
        self._changed = True

    @Slot(bool)
    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()

    @Slot(object)
    def _run_ended(self, _result: object) -> None:
        self._changed = True
        self.after_run.start()

    @Slot()
    def _copy_after_run(self) -> None:
        if self.doc.locked_reason:
            return  # a run is going on (training locks the document): its end starts the wait
        if self.files.saver.busy:
            self.after_run.start()  # a save is being written: the copy may be needless after it
            return
        self.autosave()


def recovery_name(recovery: Recovery) -> str:
    """How the user knew the project: its file name, else its title, else "untitled"."""
    if recovery.original_path:
        return Path(recovery.original_path).name
    return shown_title(recovery.title) or translate("Autosave", "untitled")


def describe(recovery: Recovery) -> str:
    """One sentence for the restore question, in the current language."""
    local = recovery.saved_at.astimezone()
    date, time = local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")
    title = shown_title(recovery.title)
    if recovery.original_path and title:
        text = translate("Autosave", "The project “{title}”, saved as {path}; its unsaved "
                                     "changes were copied on {date} at {time}.")
    elif recovery.original_path:
        text = translate("Autosave", "The project, saved as {path}; its unsaved changes were "
                                     "copied on {date} at {time}.")
    elif title:
        text = translate("Autosave", "The project “{title}”, never saved (untitled); its "
                                     "unsaved changes were copied on {date} at {time}.")
    else:
        text = translate("Autosave", "The project, never saved (untitled); its unsaved "
                                     "changes were copied on {date} at {time}.")
    return text.format(title=title, path=recovery.original_path, date=date, time=time)


def ask_restore(window: QMainWindow, recovery: Recovery) -> str:
    """Ask whether to restore ``recovery``: :data:`RESTORE`, :data:`DISCARD` or :data:`LATER`
    (Escape: ask again at the next start)."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      translate("Autosave", "Restore unsaved work?"),
                      translate("Autosave", "NetCanvas ended without saving {name}. Restore "
                                            "the unsaved work?").format(
                                                name=recovery_name(recovery)), parent=window)
    box.setInformativeText(describe(recovery))
    restore = box.addButton(translate("Autosave", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Autosave", "Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton(translate("Autosave", "Ask Next Time"),
                          QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    return RESTORE if clicked is restore else DISCARD if clicked is discard else LATER


def offer_recovery(autosave: Autosave,
                   ask: Callable[[QMainWindow, Recovery], str] = ask_restore) -> bool:
    """Offer the copies other NetCanvas processes left behind, newest first, until one is
    restored into ``autosave``'s window (True). Copies of running windows are not offered.
    Only an open window asks: a kill or Ctrl+C that cancels a question closes the window
    (:mod:`gui.interrupts`), and the next copy's question then waited, with nothing left to
    end it, for a click (``timeout 10 netcanvas`` with two copies never ended); the copies
    not asked about stay for the next start."""
    for recovery in left_behind(autosave.root, _own_folders):
        if not autosave.window.isVisible():
            return False
        claimed = claim(recovery, autosave.folder)
        if claimed is None:  # another NetCanvas took it first
            continue
        with autosave.keeping_claim():
            answer = ask(autosave.window, claimed)
        if answer == RESTORE and autosave.restore(claimed):
            return True
        if answer == DISCARD:
            remove_recovery(claimed.folder)
        else:  # later, or it could not be opened: give it back under its old name
            claim(claimed, recovery.folder)
    return False
