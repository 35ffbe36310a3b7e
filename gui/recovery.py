"""Recovery copies of unsaved work, kept in the user data folder, and finding them again.

Each window writes its copy into a folder of its own, ``recovery/<pid>-<n>/`` under
:func:`data_dir`, holding ``project.netcanvas`` (an ordinary project file) and ``about.json``
(what it is: title, the file it came from, when it was written, the process id). Both are
written atomically, the project first, so a folder with an ``about.json`` always has a whole
project beside it.

A folder whose process is no longer running is a crash's or a kill's leftover: the next start
offers it (:mod:`gui.autosave`). Claiming it is a rename of the folder into the new window's
own name — atomic, so two NetCanvas windows starting together never both take it, and a crash
while the question is on screen leaves it to be offered again.

No Qt here: the copies are written in a background thread.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from core.file_writes import write_atomically
from core.project import Project, save_project
from core.user_folders import data_dir

FOLDER = "recovery"
PROJECT_FILE = "project.netcanvas"
ABOUT_FILE = "about.json"
FORMAT = "netcanvas-recovery"


def recovery_root() -> Path:
    return data_dir() / FOLDER


@dataclass(frozen=True)
class Recovery:
    """One recovery copy: where it is and what ``about.json`` says of it (``pid``: the
    process that first wrote it)."""

    folder: Path
    pid: int
    title: str
    original_path: str  # "" for an untitled project
    saved_at: datetime  # UTC

    @property
    def project_path(self) -> Path:
        return self.folder / PROJECT_FILE

    def name(self) -> str:
        """How the user knew the project: its file name, else its title, else "untitled"."""
        if self.original_path:
            return Path(self.original_path).name
        return self.title or "untitled"


def write_recovery(folder: Path, project: Project, original_path: str, pid: int) -> None:
    """Write ``project`` and its ``about.json`` into ``folder`` (worker thread; ProjectError
    or OSError when it cannot be written)."""
    folder.mkdir(parents=True, exist_ok=True)
    save_project(project, folder / PROJECT_FILE)
    about = {"format": FORMAT, "pid": pid, "title": project.title,
             "original_path": original_path,
             "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    write_atomically(folder / ABOUT_FILE, json.dumps(about, ensure_ascii=False).encode("utf-8"))


def remove_recovery(folder: Path) -> None:
    """Delete a recovery folder (it is fine if it is already gone)."""
    shutil.rmtree(folder, ignore_errors=True)


def read_recovery(folder: Path) -> Recovery | None:
    """The copy in ``folder``, or None when its ``about.json`` or project is missing or is
    not what this module writes (hand-edited, another program's, half-written)."""
    try:
        about = json.loads((folder / ABOUT_FILE).read_text(encoding="utf-8"))
        if not isinstance(about, dict) or about.get("format") != FORMAT:
            return None
        pid, title, original = about.get("pid"), about.get("title"), about.get("original_path")
        if (isinstance(pid, bool) or not isinstance(pid, int) or not isinstance(title, str)
                or not isinstance(original, str)):
            return None
        saved_at = datetime.fromisoformat(str(about.get("saved_at")))
        if saved_at.tzinfo is None:
            return None
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not (folder / PROJECT_FILE).is_file():
        return None
    return Recovery(folder, pid, title, original, saved_at)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs (on this machine)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would end the process there
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def owner_pid(folder: Path) -> int:
    """The id of the process a recovery folder belongs to (its name is ``<pid>-<n>``); a
    claimed folder keeps the ``about.json`` of the process that wrote it first."""
    head = folder.name.partition("-")[0]
    return int(head) if head.isdigit() else -1


def left_behind(root: Path, mine: set[Path]) -> list[Recovery]:
    """Copies in ``root`` whose process has ended, newest first (``mine``: folders of this
    process's own windows, never offered; another folder with this process's id is an older
    process's that had the same id)."""
    found = []
    try:
        folders = [p for p in root.iterdir() if p.is_dir() and p not in mine]
    except OSError:
        return []
    for folder in folders:
        pid = owner_pid(folder)
        if pid == os.getpid() or not process_alive(pid):
            recovery = read_recovery(folder)
            if recovery is not None:
                found.append(recovery)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def claim(recovery: Recovery, folder: Path) -> Recovery | None:
    """Move ``recovery`` into ``folder`` (this window's own; replaced if it exists): the copy
    is ours now. None when another process took it first."""
    remove_recovery(folder)
    try:
        os.replace(recovery.folder, folder)
    except OSError:
        return None
    return read_recovery(folder)

