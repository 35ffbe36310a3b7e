"""The data set picker: which data the network learns from, built in, downloaded or imported.

Choosing MNIST or Fashion-MNIST before it is in the cache folder opens the download dialog
first; the data set changes (one undo entry) only once the files are there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets import DataError, Dataset
from core.datasets.linked import EMBED_LIMIT_BYTES, LinkedFileError
from core.datasets.ref import DataRef
from core.datasets.remote import REMOTE, is_cached
from core.i18n import _ as core_tr
from gui import theme
from gui.document.commands import SetDataCommand
from gui.document.data_source import DataSource, choices, ref_key, ref_title
from gui.document.document import GraphDocument
from gui.i18n import counted, on_language_change
from gui.lock import LockGate
from gui.panels.data_import import (
    BusyIndicator,
    JobRun,
    import_button_text,
    import_run,
    import_text,
)
from gui.panels.download_dialog import DownloadDialog
from gui.widgets import WrappedLabel, status_line

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "DataPicker", "Data files (*.csv *.tsv *.txt *.gz *.npz *.idx *-ubyte *.idx1-ubyte "
    "*.idx3-ubyte);;All files (*)")


def grouped(text: str, n: int) -> str:
    """``text`` (a translation whose %n was ``n``) with ``n`` written with thousands separators,
    as every other count in NetCanvas is ("60,000 samples"; Qt's %n has none)."""
    return text.replace(str(n), f"{n:,}", 1)


class DataPicker(QGroupBox):
    """Choosing a data set is an undoable edit of the project; while training runs (the
    document is locked) it waits. Files are imported off the GUI thread; ``import_finished``
    says whether one was (or a dialog said why not, or it was cancelled)."""

    import_finished = Signal(bool)

    def __init__(self, doc: GraphDocument, data: DataSource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._data = data
        self.download_dialog: DownloadDialog | None = None
        self._pending: DataRef | None = None  # what the download dialog fetches
        self.data_combo = QComboBox()
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.import_file)
        self.embed_check = QCheckBox()
        self.embed_check.toggled.connect(self._embed_toggled)
        # shown while a referenced file is missing or changed (the dialog offered it once)
        self.locate_button = QPushButton()
        self.locate_button.clicked.connect(self._locate_clicked)
        self.locate_button.setVisible(False)
        # shown while the project's MNIST or Fashion-MNIST is not in the cache folder (a
        # project from a classmate): choosing it "again" in the list was no change, no download
        self.download_button = QPushButton()
        self.download_button.clicked.connect(self._download_clicked)
        self.download_button.setVisible(False)
        self._import: JobRun | None = None
        self._import_path = ""
        self._busy: BusyIndicator | None = None
        self._locating: tuple[JobRun, DataRef, int, str] | None = None
        self.data_info = WrappedLabel()
        self.data_info.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.data_combo)
        layout.addWidget(self.data_info)
        layout.addWidget(self.locate_button)
        layout.addWidget(self.download_button)
        layout.addWidget(self.import_button)
        layout.addWidget(self.embed_check)
        self.data_combo.currentIndexChanged.connect(self._combo_changed)
        data.dataset_changed.connect(self._dataset_changed)
        data.missing_file.connect(self._file_missing)
        doc.spec_reset.connect(self._project_replaced)
        LockGate(doc, self)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Texts, and the data sets' names and descriptions (core's) in the new language."""
        self.setTitle(self.tr("Data set"))
        self.data_combo.setToolTip(self.tr(
            "The data the network learns from; its predictions show in the Predictions panel and "
            "on the output node."))
        self.import_button.setText(import_button_text())
        self.import_button.setToolTip(self.tr(
            "Load your own table (CSV: the last column is the target), a NumPy .npz with X and "
            "y, or MNIST IDX files. Files up to {mb} MB are stored inside the project; larger "
            "ones are referred to by path and checksum.").format(mb=EMBED_LIMIT_BYTES >> 20))
        self.locate_button.setText(self.tr("Locate the data file…"))
        self.locate_button.setToolTip(self.tr(
            "The project refers to a data file that has moved or changed: choose where it is "
            "now (it is checked against the checksum the project keeps)"))
        self.embed_check.setText(self.tr("Embed data in the project"))
        self.embed_check.setToolTip(self.tr(
            "Store the imported data inside the project file, so it opens anywhere; unticked, "
            "the project refers to the file by path and checksum (smaller, faster to save)"))
        self._fill_combo()
        self._dataset_changed(self._data.dataset)

    def _fill_combo(self) -> None:
        self.data_combo.blockSignals(True)
        self.data_combo.clear()
        for ref, title, description in choices():
            self.data_combo.addItem(core_tr(title), ref)
            self.data_combo.setItemData(self.data_combo.count() - 1, core_tr(description),
                                        Qt.ItemDataRole.ToolTipRole)
        self.data_combo.blockSignals(False)

    @Slot()
    def _project_replaced(self) -> None:
        """Another project (New, Open): the sets only the last one had leave the list. (An
        imported set is keyed by its loaded data, new at every opening: a project reopened
        all day added its set once more each time, each entry holding the data.)"""
        self._fill_combo()
        self._dataset_changed(self._data.dataset)

    def _combo_changed(self) -> None:
        ref = self.data_combo.currentData()
        self.choose(ref)

    def choose(self, ref: DataRef) -> None:
        """Make ``ref`` the project's data set (one undo entry)."""
        if ref_key(ref) == ref_key(self._doc.data):
            return
        if ref.kind == "downloaded" and not is_cached(ref.name):
            self._download(ref)
            return
        self._use(ref)

    def _use(self, ref: DataRef) -> None:
        self._doc.push(SetDataCommand(self._doc, ref, self.tr("Use data: {name}").format(
            name=core_tr(ref_title(ref)))))

    def _download(self, ref: DataRef) -> None:
        """Fetch ``ref``'s files in the download dialog; use them when they are there. Until
        then (and after a cancel or a failure) the picker shows the current data again."""
        self._dataset_changed(self._data.dataset)
        if self.download_dialog is not None:
            return  # one download at a time
        self._pending = ref
        dialog = self.download_dialog = DownloadDialog(ref.name, self)
        dialog.accepted.connect(self._downloaded)
        dialog.finished.connect(self._download_closed)
        dialog.start()

    @Slot()
    def _downloaded(self) -> None:
        ref = self._pending
        if ref is None:
            return
        self._fill_combo()  # its description no longer says "not downloaded yet"
        if ref_key(ref) == ref_key(self._doc.data):  # the project's own set, now here
            self._data.reload()
        else:
            self._use(ref)

    def _missing_download(self) -> DataRef | None:
        """The project's downloadable set, while it could not be loaded for want of its files."""
        ref = self._doc.data
        return ref if (ref is not None and ref.kind == "downloaded" and not self._data.loading
                       and self._data.failure is not None and not is_cached(ref.name)) else None

    @Slot()
    def _download_clicked(self) -> None:
        ref = self._missing_download()
        if ref is not None:
            self._download(ref)

    @Slot()
    def _download_closed(self) -> None:
        dialog, self.download_dialog, self._pending = self.download_dialog, None, None
        if dialog is not None:
            if dialog.failure is not None:  # the descriptions say what the check found
                self._fill_combo()
                self._dataset_changed(self._data.dataset)
            dialog.deleteLater()

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import data"), "",
                                              self.tr(IMPORT_FILTER))
        if path:
            self.import_path(path)

    @property
    def importing(self) -> bool:
        """Whether a file is being read for import now."""
        return self._import is not None

    def import_path(self, path: str) -> None:
        """Start reading ``path`` on a worker thread; when it is read, use it (one undo entry),
        otherwise explain why in a dialog. Then ``import_finished`` tells."""
        if self._import is not None:
            return
        self.import_button.setEnabled(False)
        self._import_path = path
        self._import = import_run(self, path, None, self._doc.settings)
        self._import.finished.connect(self._import_done)
        self._busy = BusyIndicator(self.window(), import_text(path), self._import.job.stop)

    @Slot(object, str)
    def _import_done(self, ref: DataRef | None, problem: str) -> None:
        self._import = None
        if self._busy is not None:
            self._busy.close()
            self._busy = None
        self.import_button.setEnabled(True)
        if problem:
            QMessageBox.warning(self, self.tr("Cannot import data"), problem)
        elif ref is not None:
            self.choose(ref)
            window, dataset, path = self.window(), ref.dataset, self._import_path
            if isinstance(window, QMainWindow) and dataset is not None:
                status_line(window).say(lambda: self.tr(
                    "Imported {name}: {samples}, {features}, {kind}").format(
                    name=Path(path).name, **self.counts(dataset)), 8000)
        self.import_finished.emit(ref is not None)

    @Slot(bool)
    def _embed_toggled(self, embed: bool) -> None:
        ref, dataset = self._doc.data, self._data.dataset
        if ref is None or not ref.imported or dataset is None or embed == (
                ref.kind == "embedded"):
            return
        try:
            new = ref.with_embedding(embed, dataset)
        except DataError as exc:
            QMessageBox.warning(self, self.tr("Cannot refer to the data file"), str(exc))
            self._dataset_changed(dataset)
            return
        self._doc.push(SetDataCommand(self._doc, new, self.tr("Embed data in the project")
                                      if embed else self.tr("Refer to the data file")))

    @Slot(object)
    def _file_missing(self, error: LinkedFileError) -> None:
        self._dataset_changed(self._data.dataset)
        # after the project has finished opening, not in the middle of it
        QTimer.singleShot(0, self, lambda: self.ask_to_locate(error))

    def _missing_file(self) -> LinkedFileError | None:
        """The moved or changed file of the project's data, while its data is not loaded."""
        error, ref = self._data.missing, self._doc.data
        return error if ref is not None and error is not None and error.linked in ref.files \
            else None

    @Slot()
    def _locate_clicked(self) -> None:
        error = self._missing_file()
        if error is not None:
            self._choose_location(error)

    def ask_to_locate(self, error: LinkedFileError) -> None:
        """Say which file has moved or changed; offer to look for it."""
        ref = self._doc.data
        if ref is None or error.linked not in ref.files:
            return
        title = {"moved": self.tr("Data file not found"),
                 "unreadable": self.tr("Data file cannot be read")}.get(
            error.reason, self.tr("Data file has changed"))
        # the problem only: its hint is also for the command line; here the buttons are the way
        answer = QMessageBox.question(
            self, title, self.tr("{error}\n\nChoose Open to locate the file, or Ignore to work "
                                 "without its data (the project keeps referring to it).").format(
                error=f"{error.problem}."),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Ignore)
        if answer == QMessageBox.StandardButton.Open:
            self._choose_location(error)

    def _choose_location(self, error: LinkedFileError) -> None:
        ref = self._doc.data
        if ref is None or error.linked not in ref.files:
            return
        name = Path(error.linked.path).name
        folder = Path(error.linked.path).parent
        while not folder.is_dir() and folder != folder.parent:  # it moved: its nearest parent
            folder = folder.parent
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Locate {name}").format(
                                                  name=name), str(folder))
        if path:
            self.locate(ref, ref.files.index(error.linked), path)

    def locate(self, ref: DataRef, index: int, path: str) -> None:
        """Check (off the GUI thread) that ``path`` is file ``index`` of ``ref``; use it if so,
        and the ref's other missing files too where they sit beside it (IDX labels moved with
        their images: one dialog, not one per file)."""
        run = JobRun(self, lambda cancelled: ref.found_at(index, path, cancelled),
                     "locate data")  # i18n: not ui
        run.finished.connect(self._located)
        self._locating = (run, ref, index, path)
        run.start()

    @Slot(object, str)
    def _located(self, moved: object, problem: str) -> None:
        assert self._locating is not None
        _, ref, index, path = self._locating
        self._locating = None
        if isinstance(moved, DataRef):
            self._doc.push(SetDataCommand(self._doc, moved,
                                          self.tr("Locate {name}").format(name=Path(path).name)))
        else:
            # a file that could not be read is no other file: ``problem`` says why
            title = self.tr("Cannot read the file") if problem else self.tr("Not the same file")
            QMessageBox.warning(self, title, problem or self.tr(
                "{path} is not the file this project was made with: its SHA-256 checksum "
                "differs from that of {original}. Locate the original file.").format(
                path=path, original=ref.files[index].path))

    def _dataset_changed(self, dataset: Dataset | None) -> None:
        ref = self._doc.data
        self.data_combo.blockSignals(True)
        key = ref_key(ref)
        index = next((k for k in range(self.data_combo.count())
                      if ref_key(self.data_combo.itemData(k)) == key), -1)
        if index < 0 and ref is not None:
            self.data_combo.addItem(core_tr(ref_title(ref)), ref)
            index = self.data_combo.count() - 1
        self.data_combo.setCurrentIndex(index)
        self.data_combo.blockSignals(False)
        self.embed_check.blockSignals(True)
        self.embed_check.setVisible(ref is not None and ref.imported)
        self.embed_check.setChecked(ref is not None and ref.kind == "embedded")
        self.embed_check.setEnabled(dataset is not None and ref is not None and (
            ref.kind == "file" or bool(ref.files)))
        self.embed_check.blockSignals(False)
        missing = self._missing_file()
        self.locate_button.setVisible(missing is not None)
        absent = self._missing_download()
        self.download_button.setVisible(absent is not None)
        if absent is not None:
            title = core_tr(ref_title(absent))
            self.data_info.setText(self.tr("{title} is not on this computer yet.").format(
                title=title))
            self.download_button.setText(self.tr("Download ({mb} MB)…").format(
                mb=f"{REMOTE[absent.name].download_mb:g}"))
            self.download_button.setToolTip(self.tr(
                "Download the data set this project uses (about {mb} MB) into the cache folder, "
                "once; then the project opens with it").format(
                mb=f"{REMOTE[absent.name].download_mb:g}"))
            return
        if missing is not None and not self._data.loading:
            self.data_info.setText((self.tr("Without its data: {name} cannot be read.")
                                    if missing.reason == "unreadable" else self.tr(
                                        "Without its data: {name} has moved or changed."))
                                   .format(name=Path(missing.linked.path).name))
            return
        if dataset is None:
            self.data_info.setText(self.tr("No data set chosen.") if ref is None else self.tr(
                "Loading the data…") if self._data.loading else self.tr(
                "The data could not be loaded."))
            return
        self.data_info.setText(self.tr("{samples} · {features} · {kind}").format(
            **self.counts(dataset)))

    def counts(self, dataset: Dataset) -> dict[str, str]:
        """"60 samples", "3 features", "3 classes" (a regression's target values instead), in
        the current language: the panel's summary and an import's message say them."""
        classes, samples, features = dataset.n_classes, dataset.n_samples, dataset.n_features
        kind = (counted(self.tr("%n class", "", classes), self.tr("%n classes", "", classes),
                        classes) if dataset.task == "classification"
                else counted(self.tr("%n target value", "", dataset.n_outputs),
                             self.tr("%n target values", "", dataset.n_outputs),
                             dataset.n_outputs))
        return {"samples": grouped(counted(self.tr("%n sample", "", samples),
                                           self.tr("%n samples", "", samples), samples), samples),
                "features": grouped(counted(self.tr("%n feature", "", features),
                                            self.tr("%n features", "", features), features),
                                    features), "kind": kind}
