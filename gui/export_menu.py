"""File ▸ Export (PyTorch, ONNX, NumPy script) and File ▸ Import Weights…: what
``netcanvas export`` and ``netcanvas import-weights`` (:mod:`gui.cli_export`) do, on the open
document instead of a saved file, with the same :mod:`core.export` code.

An export runs on a background thread with a busy bar in the status bar, so the window stays
usable; the ONNX one in a child process (:mod:`core.export.isolated`: importing onnx holds the
interpreter lock, which would freeze the window for 0.5–1 s). Importing
weights is one undo entry and, like every edit, waits while training runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressBar

from core.datasets import Dataset
from core.export import (
    SUFFIXES,
    ExportError,
    export_project,
    export_target,
    file_stem,
    refuse_problems,
    renaming_words,
    title,
    with_weights_renamed,
)
from core.export.common import check_target
from core.export.isolated import export_in_process
from core.i18n import _
from core.project import Project
from gui.background import BackgroundJob
from gui.cli_export import DESCRIPTIONS
from gui.context import ProjectContext
from gui.document.weights_command import ReplaceWeightsCommand
from gui.i18n import on_language_change, translate
from gui.lock import LockGate
from gui.save_dialog import choose_target
from gui.widgets import status_line


@dataclass(frozen=True)
class Format:
    """One export format as the menu offers it: what it is for (its tooltip's first half),
    the file dialog's filter and the suffix a file target gets (none: a new folder). The
    texts are marked (context ``ExportMenu``) and translated where shown; the format's name
    in sentences is :func:`core.export.title`'s, as on the command line."""

    name: str
    text: str
    purpose: str
    filter: str
    suffix: str = ""


FORMATS = (
    Format("pytorch", QT_TRANSLATE_NOOP("ExportMenu", "&PyTorch…"),
           QT_TRANSLATE_NOOP("ExportMenu", "To keep training beyond NetCanvas: a "
                             "torch.nn.Module holding these weights and a training script that "
                             "also runs on a GPU or several machines (torchrun)."),
           QT_TRANSLATE_NOOP("ExportMenu", "A new folder (*)")),
    Format("onnx", QT_TRANSLATE_NOOP("ExportMenu", "&ONNX…"),
           QT_TRANSLATE_NOOP("ExportMenu", "To use the network in another program: ONNX "
                             "runtimes run it from Python, C++, C#, Java, a browser or a "
                             "phone, without NetCanvas or Python."),
           QT_TRANSLATE_NOOP("ExportMenu", "ONNX models (*.onnx)"), SUFFIXES["onnx"]),
    Format("numpy", QT_TRANSLATE_NOOP("ExportMenu", "&NumPy Script…"),
           QT_TRANSLATE_NOOP("ExportMenu", "To read and change every step: a plain-NumPy "
                             "program in the book's style, each layer's forward and backward "
                             "and the optimizer's rule written out."),
           QT_TRANSLATE_NOOP("ExportMenu", "Python scripts (*.py)"), SUFFIXES["numpy"]),
)
WEIGHTS_FILTER = QT_TRANSLATE_NOOP("ExportMenu", "NumPy weights (*.npz);;All files (*)")
IMPORT_TIP = QT_TRANSLATE_NOOP(
    "ExportMenu", "Put weights trained elsewhere back onto this network: an .npz under "
    "NetCanvas's names (W1, b1, …), as the exported train.py --out writes it. Every name and "
    "shape is checked; one Undo takes them back.")


#: formats exported in a child process: the window's process never imports onnx
SEPARATE_PROCESS = frozenset({"onnx"})


def shown(text: str) -> str:
    """One of this module's marked texts in the current language."""
    return translate("ExportMenu", text)


def target_refusal(out: Path, folder: bool) -> str:
    """Why an export to ``out`` is refused whatever the user answers (a read-only file, a
    folder where a file goes…); "" when it may be written, replacing what is there."""
    try:
        check_target(out, force=True, folder=folder)
    except ExportError as exc:
        return str(exc)
    return ""


def export_work(project: Project, fmt: str, out: Path, force: bool,
                dataset: Dataset | None = None) -> tuple[list[Path], str] | str:
    """Export in a worker thread (pure core, no Qt): the files written and the note for an
    untrained network ("" otherwise) — or, if core.export refuses, its reason (a str).
    ``dataset``: the project's data set as the window loaded it, not read again (the
    separate process of :data:`SEPARATE_PROCESS` reads its own)."""
    try:
        if fmt in SEPARATE_PROCESS:
            exported = export_in_process(project, fmt, out, force)
            files, trained, seed = exported.files, exported.trained, exported.seed
        else:
            plan, files = export_project(project, fmt, out, force, dataset)
            trained, seed = plan.trained, plan.settings["seed"]
    except ExportError as exc:
        return str(exc)
    if trained:
        return files, ""
    return files, translate("ExportMenu", "The network is untrained: exported its initial "
                            "weights, drawn from seed {seed}.").format(seed=seed)


def sentence(text: str) -> str:
    """core.export's one-line reasons (lower case, as the command line prints them) as a
    sentence for a dialog; one that begins with a file name or path keeps it as it is."""
    if text.split(" ", 1)[0].isalpha():
        text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


class ExportMenu(QObject):
    """The Export submenu (``menu``) and ``import_action`` for a window's File menu."""

    def __init__(self, window: QMainWindow, context: ProjectContext) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.menu = QMenu(window)
        self.menu.setToolTipsVisible(True)
        self.actions: dict[str, QAction] = {}
        for fmt in FORMATS:
            action = self.menu.addAction("")
            action.triggered.connect(lambda _=False, f=fmt: self.export(f))
            self.actions[fmt.name] = action
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.import_weights)
        LockGate(context.doc, self.import_action)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a moving bar says "working"
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        window.statusBar().addPermanentWidget(self.busy)
        self.job = BackgroundJob(self)
        self.job.running_changed.connect(self._running_changed)
        self.job.finished.connect(self._exported)
        self.job.failed.connect(lambda text: self._refuse(self.tr("Export failed"), text))
        self._current: tuple[Format, Path] | None = None
        self._rewound: int | None = None  # see export()
        on_language_change(self.menu, self.retranslate)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("E&xport"))
        for fmt in FORMATS:
            action = self.actions[fmt.name]
            action.setText(shown(fmt.text))
            action.setToolTip(self.tr("{purpose} Writes {what}.").format(
                purpose=shown(fmt.purpose), what=_(DESCRIPTIONS[fmt.name])))
            action.setStatusTip(shown(fmt.purpose))
        self.import_action.setText(self.tr("&Import Weights…"))
        self.import_action.setToolTip(shown(IMPORT_TIP))
        self.import_action.setStatusTip(shown(IMPORT_TIP))

    # ------------------------------------------------------------------ export
    def export(self, fmt: Format) -> bool:
        """Ask where, then export on a background thread; False if nothing was started."""
        if self.job.running:
            status_line(self.window).say(lambda: self.tr("An export is still being written."),
                                         5000)
            return False
        project = self.context.files.project()
        try:
            refuse_problems(project)
        except ExportError as exc:
            self._refuse(self._cannot(fmt), str(exc))
            return False
        target = self._ask_target(fmt)
        if target is None:
            return False
        out, force = target
        self._current = (fmt, out)
        # the timeline shows an earlier epoch: the latest one, which is exported
        self._rewound = self._latest_epoch() if self.context.doc.previewing else None
        status_line(self.window).say(lambda: self.tr("Writing the {format} export…").format(
            format=title(fmt.name)))
        dataset = self.context.data.dataset_of(project.data)
        return self.job.start(lambda report, cancel: export_work(project, fmt.name, out, force,
                                                                 dataset))

    def _ask_target(self, fmt: Format) -> tuple[Path, bool] | None:
        """(path, force) from a save dialog; None if cancelled or refused. A target the file
        system would refuse (a read-only file…) is refused at once; only then is replacing a
        file (:func:`gui.save_dialog.choose_target`) or a folder that holds something asked."""
        files = self.context.files
        stem = file_stem(Path(files.display_name()).stem)
        start = Path(self.context.doc.path).parent if self.context.doc.path else Path.home()
        default = start / (f"{stem}_pytorch" if not fmt.suffix else stem + fmt.suffix)
        caption = (self.tr("Export as {format}") if fmt.suffix
                   else self.tr("Export as {format} — name a new folder")).format(
                       format=title(fmt.name))
        chosen = choose_target(self.window, caption, str(default), shown(fmt.filter),
                               lambda name: export_target(fmt.name, name, stem),
                               lambda out: target_refusal(out, folder=not fmt.suffix))
        if chosen is None:
            return None
        out, refusal = chosen
        if refusal:
            self._refuse(self._cannot(fmt), refusal)
            return None
        if not fmt.suffix and out.is_dir() and any(out.iterdir()):
            answer = QMessageBox.question(
                self.window, self.tr("Replace folder?"), self.tr(
                    "{folder} holds files already. Replace it with the export?").format(
                        folder=out), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return out, True

    def _running_changed(self, running: bool) -> None:
        self.busy.setVisible(running)
        for action in self.actions.values():
            action.setEnabled(not running)

    def _exported(self, result: tuple[list[Path], str] | str) -> None:
        assert self._current is not None  # set when the job started
        fmt, out = self._current
        self.window.statusBar().clearMessage()
        if isinstance(result, str):
            self._refuse(self._cannot(fmt), result)
            return
        written, note = result
        folder = out if not fmt.suffix else out.parent
        names = "\n".join(f"  {path.name}" for path in written)
        label = title(fmt.name)
        # the folder on a line of its own: in the sentence, a long path broke mid-name
        text = self.tr("Exported the network as {format} to this folder:").format(
            format=label) + f"\n{folder}\n{names}"
        if note:
            text += f"\n\n{sentence(note)}"
        if self._rewound is not None:
            # the weights on show are not the project's: say which were written, and how to
            # write those on show (the export, like Save, holds what Train would go on from)
            text += "\n\n" + self.tr(
                "The timeline shows an earlier epoch; the export holds the latest weights, "
                "after epoch {epoch}, as Save does. To export the epoch on show, press "
                "Continue from here, then export again.").format(epoch=self._rewound)
        status_line(self.window).say(lambda: self.tr("Exported {format} to {path}.").format(
            format=title(fmt.name), path=out), 8000)
        box = QMessageBox(QMessageBox.Icon.Information,
                          self.tr("Exported as {format}").format(format=label), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("export_done")
        opener = box.addButton(self.tr("Open Folder"), QMessageBox.ButtonRole.ActionRole)
        opener.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, not blocking: the window's event loop keeps running

    def _latest_epoch(self) -> int:
        history = self.context.doc.history
        return len(history["epochs"]["epoch"]) if isinstance(history, dict) else 0

    # ------------------------------------------------------------------ import
    def import_weights(self) -> bool:
        """Ask for an .npz and put its weights on the network as one undo entry; mismatched
        names or shapes, a file that is no .npz, and a running training are refused in words."""
        doc, refused = self.context.doc, self.tr("Cannot import weights")
        if doc.locked_reason:
            self._refuse(refused, doc.locked_reason)
            return False
        project = self.context.files.project()
        try:
            refuse_problems(project)
        except ExportError as exc:
            self._refuse(refused, str(exc))
            return False
        start = str(Path(doc.path).parent) if doc.path else str(Path.home())
        path, _filter = QFileDialog.getOpenFileName(self.window, self.tr("Import weights"), start,
                                                    shown(WEIGHTS_FILTER))
        if not path:
            return False
        try:
            updated, renaming = with_weights_renamed(project, Path(path))
        except ExportError as exc:
            self._refuse(refused, str(exc))
            return False
        arrays = {**(updated.params or {}), **(updated.state or {})}
        name = Path(path).name
        doc.push(ReplaceWeightsCommand(
            doc, self.tr("Import weights from {file}").format(file=name), arrays, None))
        if renaming:  # the book's numbering: said where it cannot be missed
            QMessageBox.information(self.window, self.tr("Weights imported"), sentence(self.tr(
                "Imported the weights of {file}: {words} (Undo takes them back)").format(
                file=name, words=renaming_words(renaming))))
        status_line(self.window).say(lambda: self.tr(
            "Imported the weights of {file} (Undo takes them back).").format(file=name), 8000)
        return True

    def _cannot(self, fmt: Format) -> str:
        return self.tr("Cannot export as {format}").format(format=title(fmt.name))

    def _refuse(self, caption: str, text: str) -> None:
        QMessageBox.warning(self.window, caption, sentence(text))
