"""The open project and the services around it, handed to the parts of the interface that
work on it (the labs, the training dock) instead of the main window: they then depend on these
four things only, not on how the window is laid out or what else it holds."""

from __future__ import annotations

from dataclasses import dataclass

from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.files import FileController
from gui.training.session import TrainingSession


@dataclass(frozen=True)
class ProjectContext:
    """``doc`` the network being edited, ``data`` its loaded data set, ``session`` training it,
    ``files`` opening and saving it (and its display name)."""

    doc: GraphDocument
    data: DataSource
    session: TrainingSession
    files: FileController
