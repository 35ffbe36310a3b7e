"""An export run in a process of its own, for a program whose other threads must keep running
(docs/qt-notes.md §13).

Importing onnx holds the interpreter lock for 0.6 s or more (ml_dtypes' C extension sets itself
up under it: measured, a thread importing onnx kept a 2 ms timer in another thread waiting
553–616 ms; the window's first ONNX export froze it for 0.5–1 s). No other thread of the
importing process runs meanwhile, so the window exports ONNX in a spawned child process, which
imports onnx there, writes the file and answers the few facts the window says about it.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path

from core.export.common import ExportError
from core.i18n import _, language, set_language
from core.project import Project


@dataclass(frozen=True)
class Exported:
    """What the window says of an export: the files written, whether the network was trained,
    and the seed its initial weights were drawn from."""

    files: list[Path]
    trained: bool
    seed: int


def _export_here(project: Project, format: str, out: Path, force: bool,
                 language_code: str) -> Exported | str:
    """In the child: the export, or core.export's reason for refusing it (in the parent's
    language)."""
    from core.export import export_project  # the child's own imports

    set_language(language_code)
    try:
        plan, files = export_project(project, format, out, force)
    except ExportError as exc:
        return str(exc)
    return Exported(files, plan.trained, int(plan.settings["seed"]))


def export_in_process(project: Project, format: str, out: Path, force: bool = False
                      ) -> Exported:
    """:func:`core.export.export_project` in a spawned child process, waited for (call it from a
    worker thread: the wait holds no lock). ExportError as the export itself raises it, and
    when the child process ends before answering (killed, or out of memory)."""
    # the timeline goes nowhere in an export, and its lock (it is shared with the training
    # thread) cannot be sent to another process
    project = replace(project, timeline=None)
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            answer = pool.submit(_export_here, project, format, Path(out), force,
                                 language()).result()
    except BrokenProcessPool:
        raise ExportError(_("the process writing the export stopped before it had finished"
                            )) from None
    if isinstance(answer, str):
        raise ExportError(answer)
    return answer
