"""Take the network out of NetCanvas: a PyTorch folder, an ONNX file or a plain-NumPy script,
and the way back (:func:`with_weights`, for weights trained elsewhere).

Every format reproduces NetCanvas's output on raw data rows (standardisation and derived input
features included) and keeps its parameter names. torch and onnxruntime are never needed to
run NetCanvas; onnx, a dependency, is imported by the ONNX exporter only, when it is used (it
takes seconds to import).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from core.datasets import Dataset
from core.export.common import (
    ExportError,
    ExportPlan,
    file_stem,
    plan_export,
    refuse_problems,
)
from core.export.import_weights import (
    read_weights,
    renaming_words,
    weight_problems,
    with_weights,
    with_weights_renamed,
)
from core.export.numpy_script import export_numpy
from core.export.pytorch import export_pytorch
from core.i18n import N_, _
from core.project import Project

FORMATS = ("pytorch", "onnx", "numpy")
#: each format's name as the user reads it, on the command line and in the window (marked
#: only: say it with :func:`title`); a product's name is no word to translate
TITLES = {"pytorch": "PyTorch", "onnx": "ONNX",  # i18n: not ui
          "numpy": N_("NumPy script")}
#: the ending a file format's target has (pytorch writes a folder, whatever its name)
SUFFIXES = {"onnx": ".onnx", "numpy": ".py"}
#: file endings a folder export (PyTorch: model.py, train.py, weights) is given by someone who
#: expected one file: dropped, so "mnist_torch.py" is the folder "mnist_torch" (it was a
#: folder called "mnist_torch.py")
FILE_ENDINGS = (".py", ".pt", ".pth")


def title(format: str) -> str:
    """``format``'s name in the current language: ``NumPy script`` for ``numpy``."""
    return _(TITLES[format])


def export_target(format: str, out: str | Path, name: str = "network") -> Path:
    """Where ``format`` is written when asked for ``out``: with the format's ending added
    when ``out`` has another (``d.txt`` → ``d.txt.onnx``), in the window and on the command
    line alike. A file format asked for a folder (one that exists, or ``out`` ending in a
    path separator) is written inside it, named after the project's ``name``
    (``exports/`` → ``exports/spiral.onnx``; it was ``exports.onnx`` beside the folder). A
    folder format asked for a file name (:data:`FILE_ENDINGS`) is the folder without that
    ending (``mnist_torch.py`` → ``mnist_torch``)."""
    text, suffix = str(out), SUFFIXES.get(format, "")
    out = Path(out)
    if not suffix and out.suffix.lower() in FILE_ENDINGS and not out.is_dir():
        return out.with_suffix("")
    if suffix and (text.endswith(("/", os.sep)) or out.is_dir()):
        return out / (file_stem(name) + suffix)
    return out.with_name(out.name + suffix) if suffix and out.suffix != suffix else out


def export_project(project: Project, format: str, out: str | Path, force: bool = False,
                   dataset: Dataset | None = None) -> tuple[ExportPlan, list[Path]]:
    """Export ``project`` as ``format`` to ``out``; returns the plan and the files written
    (``dataset``: the project's data set, loaded already: see :func:`plan_export`).

    ExportError (one sentence) for a project with problems, an existing target without
    ``force``, or a target that cannot be written; nothing is left half-written."""
    exporters: dict[str, Callable[[ExportPlan, Path, bool], list[Path]]] = {
        "pytorch": export_pytorch, "onnx": _export_onnx, "numpy": export_numpy}
    if format not in exporters:
        raise ExportError(_("unknown format {format}; choose one of {formats}").format(
            format=repr(format), formats=", ".join(FORMATS)))
    plan = plan_export(project, dataset)
    return plan, exporters[format](plan, Path(out), force)


def _export_onnx(plan: ExportPlan, out: Path, force: bool) -> list[Path]:
    from core.export.onnx_graph import export_onnx  # needs onnx: only when asked for

    return export_onnx(plan, out, force)


__all__ = ["FORMATS", "SUFFIXES", "ExportError", "ExportPlan", "export_project", "export_target",
           "file_stem", "plan_export", "read_weights", "refuse_problems", "renaming_words",
           "weight_problems", "with_weights", "with_weights_renamed"]
