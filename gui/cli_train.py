"""``netcanvas train``: a project trained headless, its run recorded and the result saved.

Checks every flag and target before the first epoch (a bad ``--out`` must not waste a run),
draws a progress bar on stderr, and lets Ctrl+C stop after the epoch as the window's Stop does.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import replace
from pathlib import Path

from core.file_writes import place_error, streamed, write_atomically, write_reason
from core.i18n import _
from core.numbers import whole_problem
from core.project import load_project, save_project
from core.project_checks import save_error
from core.training.history import History
from core.training.runs import now_iso
from core.training.settings import MAX_EPOCHS, MAX_LR, MIN_LR
from gui.cli_check import project_trainer, start_refusal
from gui.cli_interrupt import first_ctrl_c_stops
from gui.cli_output import ProgressBar, format_metrics
from gui.cli_problems import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, CommandError


def run_train(args: argparse.Namespace, argv: list[str]) -> int:
    project = load_project(args.project)
    if args.epochs is not None:  # the settings' rule, said of the flag, not of "epochs"
        problem = whole_problem("--epochs", args.epochs, 1, MAX_EPOCHS)
        if problem:
            raise CommandError(problem)
        project.settings = replace(project.settings, epochs=args.epochs)
    if args.processes is not None:
        from core.engine.batch_split import MAX_PROCESSES

        problem = whole_problem("--processes", args.processes, 1, MAX_PROCESSES)
        if problem:
            raise CommandError(problem)
    if args.lr is not None:
        try:  # the settings own the rule: a rate from MIN_LR to MAX_LR
            project.settings = replace(project.settings, lr=args.lr)
        except ValueError:
            raise CommandError(_("--lr must be a number from {low} to {high}, such as 0.01 (at "
                                 "0 the weights would never change)").format(
                low=f"{MIN_LR:g}", high=f"{MAX_LR:g}")) from None
    out, log = (Path(args.out) if args.out else None), (Path(args.log) if args.log else None)
    # before training: a bad target would waste the run; the project itself is updated in
    # place (it is what the user asked to train: a second run is appended to its runs)
    # the log was written and then the project saved over it, or the CSV over the project
    if log is not None and _same_file(log, args.project):
        raise CommandError(_("--log {path} is the project being trained; give the log a file "
                             "of its own").format(path=log))
    if log is not None and out is not None and _same_file(log, str(out)):
        raise CommandError(_("--out and --log both name {path}; give each a file of its "
                             "own").format(path=log))
    _check_targets(out, log, args.force, out is not None and _same_file(out, args.project))
    trainer = project_trainer(project, project.data.load(), fresh=args.fresh)
    refused = start_refusal(trainer)  # NaN weights: bad input, not a run that "diverged"
    if refused:
        raise CommandError(refused)
    started_at = now_iso()
    bar = None if args.quiet else ProgressBar(sys.stderr, trainer.first_epoch,
                                              trainer.last_epoch)
    with first_ctrl_c_stops(trainer.stop) as interrupted:
        try:
            outcome = trainer.run(bar.update if bar else None, processes=args.processes)
        finally:  # a second Ctrl+C too: main() says "interrupted" on a line of its own
            if bar:
                bar.close()
    if interrupted() and trainer.epoch == trainer.first_epoch:
        raise KeyboardInterrupt  # stopped before an epoch finished: nothing worth keeping
    if (args.processes or 1) > 1 and trainer.processes == 1:
        from core.engine.batch_split import one_process_reason

        print(one_process_reason(trainer.network.spec), file=sys.stderr)
    try:
        print(f"{outcome.reason}")
        if outcome.failed:  # the reason says it as the window does ("reset the weights")
            print(_("  on the command line: --lr RATE sets a lower rate, --fresh starts from "
                    "new weights"))
        print(format_metrics(trainer.history))
    finally:  # the files are written even when the reader of stdout has gone (| head -1)
        if log:
            _write_log(trainer.history, log)
        if out:
            net = trainer.network
            runs = project.runs.record(project.settings, trainer.history.copy(),
                                       trainer.epoch - trainer.first_epoch, outcome.kind,
                                       outcome.reason, started_at=started_at,
                                       spec=project.spec, data=project.data.describe(),
                                       outcome=outcome)
            trained = replace(project, params={k: v.copy() for k, v in net.params.items()},
                              state={k: v.copy() for k, v in net.state.items()} or None,
                              history=trainer.history.to_dict(), runs=runs,
                              continuation=trainer.continuation())
            save_project(trained, out)
    if out:
        print(_("saved {path}").format(path=out))
    elif not outcome.failed:
        print(_("not saved: add --out FILE to keep the trained project"))
    return EXIT_INTERRUPTED if interrupted() else EXIT_FAILED if outcome.failed else EXIT_OK


def _same_file(path: Path, other: str) -> bool:
    try:
        return path.resolve() == Path(other).resolve()
    except OSError:
        return False


def _check_targets(out: Path | None, log: Path | None, force: bool, in_place: bool) -> None:
    """Refuse, before any epoch runs, an ``--out`` or ``--log`` that exists (without ``--force``;
    ``in_place``: ``--out`` is the project, updated without it) or is a folder, or whose folder
    is missing or cannot be written."""
    for path, may_replace, error in ((out, force or in_place, save_error), (log, force,
                                                                          _log_error)):
        if path is None:
            continue
        if path.is_dir():
            raise CommandError(_("{path} is a folder; give a file name").format(path=path))
        problem = place_error(path)
        if problem:
            raise error(problem, path)
        if path.exists() and not may_replace and not streamed(path):  # (written, not replaced)
            raise CommandError(_("{path} exists already; use --force to replace it").format(
                path=path))


def _write_log(history: History, path: Path) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(history.epochs)
    for row in zip(*history.epochs.values(), strict=True):
        writer.writerow("" if v is None else v for v in row)
    try:  # atomically: a full disk leaves an older log as it was, never half a new one
        write_atomically(path, text.getvalue().encode("utf-8"))
    except OSError as exc:
        raise _log_error(exc, path) from None


def _log_error(exc: OSError, path: Path) -> CommandError:
    return CommandError(_("cannot write the log {path}: {reason}").format(
        path=path, reason=write_reason(exc, path)))
