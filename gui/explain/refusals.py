"""Why Explain cannot step a row now, in words (the panel says them; untranslated here, so
``tr`` says them in the language of the moment)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.context import ProjectContext

LOCKED_TEXT = QT_TRANSLATE_NOOP(
    "ExplainPanel", "Explain waits while training runs: the weights change with every "
    "mini-batch. Stop the run (or let it finish), then step a row through the network.")
PROBLEMS_TEXT = QT_TRANSLATE_NOOP(
    "ExplainPanel", "Fix the problems in the Problems panel first: Explain steps a row through a "
    "network that can be built.")
NO_DATA_TEXT = QT_TRANSLATE_NOOP(
    "ExplainPanel", "Choose a data set first: Explain steps one of its rows through the network.")
#: the project has a data set, but it could not be loaded (its file moved, MNIST not here):
#: "Choose a data set first" sent the user to choose one they had chosen
UNLOADED_TEXT = QT_TRANSLATE_NOOP(
    "ExplainPanel", "The project's data set could not be loaded (the Data set panel says why): "
    "Explain steps one of its rows through the network.")
LOADING_TEXT = QT_TRANSLATE_NOOP(
    "ExplainPanel", "The data set is loading: Explain steps one of its rows once it is here.")


def refusal_source(context: ProjectContext) -> str:
    """Why Explain cannot run now, untranslated ("" when it can): training runs, the network
    has problems, or there is no data set (none chosen, still loading, or not loadable)."""
    doc = context.doc
    if doc.locked_reason:
        return LOCKED_TEXT
    if doc.problems:
        return PROBLEMS_TEXT
    if context.data.dataset is None:
        if doc.data is None:
            return NO_DATA_TEXT
        return LOADING_TEXT if context.data.loading else UNLOADED_TEXT
    return ""
