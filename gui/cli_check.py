"""What ``netcanvas check`` says about a project — that it opens, its network, its data and the
teaching advice — the trainer a saved project is resumed with (check reports on it; train
and bench run it), and why train would not start it. Kept apart so gui/cli.py stays short; no Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.datasets import Dataset
from core.i18n import N_, _, ngettext
from core.lint import lint
from core.project import Project, load_project
from core.training.history import history_to_continue
from core.training.start_check import start_problem
from core.training.trainer import Trainer
from gui.cli_problems import EXIT_OK

TASK_WORDS = {"classification": N_("classification"), "regression": N_("regression")}
PART_COUNTS = {"train": N_("train {n}"), "val": N_("validation {n}"), "test": N_("test {n}")}


def project_trainer(project: Project, dataset: Dataset, fresh: bool) -> Trainer:
    """The trainer of a saved project: its network, history and optimiser state as saved (check
    reports on it, train and bench go on with it), or with ``fresh`` a new network."""
    if fresh:
        return Trainer(project.spec, dataset, project.settings)
    history = history_to_continue(project.history, dataset.task)  # the window's rule
    return Trainer(project.build_network(), dataset, project.settings, history=history,
                   continuation=project.continuation if history else None)


def start_refusal(trainer: Trainer) -> str | None:
    """Why ``netcanvas train`` would not start ``trainer`` (weights or inputs that are not
    numbers), with the command line's way on; None when it would."""
    problem = start_problem(trainer.network, trainer.data)
    if problem is None:
        return None
    words, weights = problem
    return _("{problem} (on the command line: --fresh starts from new weights)").format(
        problem=words) if weights else words


def run_check(args: argparse.Namespace, argv: list[str]) -> int:
    """``netcanvas check PROJECT``: whether it opens, what it holds, and the teaching advice."""
    project = load_project(args.project)
    dataset = project.data.load()
    trainer = project_trainer(project, dataset, fresh=False)
    net, data = trainer.network, trainer.data
    # with thousands separators, as the parameters on the line above ("train 49,412")
    parts = ", ".join(_(PART_COUNTS[name]).format(n=f"{part.n:,}") if name in PART_COUNTS
                      else f"{name} {part.n:,}" for name, part in data.parts.items())
    epochs = trainer.history.n_epochs
    if project.params is None:
        trained = _("not trained yet")
    elif epochs:
        trained = ngettext("trained {n} epoch", "trained {n} epochs", epochs).format(n=epochs)
    else:
        # set by hand (the gates) or the fresh random ones a new network is saved with: the
        # file cannot tell them apart, so say what holds for both
        trained = _("weights saved with the project, no training recorded")
    n_nodes, n_edges = len(net.spec.nodes), len(net.spec.edges)
    n_params = sum(p.size for p in net.params.values())

    # a built-in example's title is in the catalogue (as the window shows it); a user's is not
    print(_("ok: {title}").format(title=_(project.title) if project.title
                                  else Path(args.project).name))
    print(_("  network: {nodes}, {edges}, {params}; {trained}").format(
        nodes=ngettext("{n} node", "{n} nodes", n_nodes).format(n=n_nodes),
        edges=ngettext("{n} connection", "{n} connections", n_edges).format(n=n_edges),
        params=ngettext("{n} parameter", "{n} parameters", n_params).format(n=f"{n_params:,}"),
        trained=trained))
    task = _(TASK_WORDS[data.task]) if data.task in TASK_WORDS else data.task
    print(_("  data: {data} ({task}; {parts})").format(data=project.data.title(), task=task,
                                                       parts=parts))
    refused = start_refusal(trainer)  # the file is valid, but train would refuse it
    if refused:
        print(_("  cannot train: {reason}").format(reason=refused))
    # teaching advice: never changes the exit code; what the project dismissed is said by its
    # words (the lesson it shows on purpose), not its id
    for warning in lint(project.spec, project.settings, dataset):
        if warning.id in project.dismissed_warnings:
            print(_("  shown on purpose, not warned about: {warning}").format(
                warning=warning.message))
        else:
            print(_("  warning: {text}\n    why: {why}").format(text=warning.text,
                                                              why=warning.why))
    return EXIT_OK
