"""What the Problems panel is told by the document and the data: the data's fit and failures,
dismissed warnings, and weights training cannot start from."""

from __future__ import annotations

from core.spec import NodeSpec
from core.training.start_check import weights_problem
from gui.document.commands import ChangeNodeCommand, DismissWarningsCommand
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.i18n import translate
from gui.panels.problems import ProblemsPanel


def connect_data(panel: ProblemsPanel, doc: GraphDocument, data: DataSource) -> None:
    """The panel offers "Give input 0 784 units" when that fits the network to ``data`` (the
    click is one undoable change of the node), and says when the project's data could not be
    loaded (its file has moved or changed, MNIST is not downloaded here …) — until other data
    is chosen or the data is found."""
    def node(node_id: str) -> NodeSpec | None:
        return next((n for n in doc.spec.nodes if n.id == node_id), None)

    panel.node_source = node
    panel.fit_requested.connect(
        lambda node_id, units: doc.push(ChangeNodeCommand(doc, node_id, {"units": units})))
    def refresh(*_args: object) -> None:  # DataSource.failure is reset on every reload
        # any data that could not be loaded (a moved file, MNIST not downloaded here): the
        # panel said "The network is complete: it can be trained" beside a disabled Train
        failure = data.failure
        panel.set_missing_data(str(failure) if failure is not None else "")

    data.missing_file.connect(refresh)
    doc.data_changed.connect(refresh)
    data.dataset_changed.connect(refresh)


def connect_dismissals(panel: ProblemsPanel, doc: GraphDocument) -> None:
    """Dismissing a warning, or listing the dismissed ones again, is one undoable edit of the
    project (it is saved with it). The panel also asks ``doc``'s network for its problems again
    when the language changes."""
    panel.problem_source = lambda: doc.spec.problems()

    def dismiss(warning_id: str) -> None:
        doc.push(DismissWarningsCommand(doc, (*doc.dismissed_warnings, warning_id), translate(
            "ProblemsPanel", "Dismiss warning {id}").format(id=warning_id)))

    def restore() -> None:
        doc.push(DismissWarningsCommand(doc, (), translate("ProblemsPanel",
                                                           "Show dismissed warnings")))

    def show_count() -> None:
        panel.set_dismissed(len(doc.dismissed_warnings))

    panel.dismiss_requested.connect(dismiss)
    panel.restore_requested.connect(restore)
    doc.dismissed_changed.connect(show_count)
    doc.spec_reset.connect(show_count)
    show_count()


def connect_weights(panel: ProblemsPanel, doc: GraphDocument) -> None:
    """The panel says when ``doc``'s weights are not numbers (a run saved after it diverged, a
    hand-edited file): Train refuses to start from them, and the panel said "it can be
    trained" beside it. Looked at again whenever the weights or the network change."""
    def now() -> str:
        return weights_problem(doc.arrays) or ""

    panel.weights_source = now
    doc.params_changed.connect(lambda _names: panel.set_weights_problem(now()))
    doc.spec_reset.connect(lambda: panel.set_weights_problem(now()))
    panel.set_weights_problem(now())
