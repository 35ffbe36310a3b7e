"""``netcanvas export`` and ``netcanvas import-weights``: the command-line side of
:mod:`core.export`, kept apart so gui/cli.py stays short. No Qt here either."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from core.export import (
    FORMATS,
    ExportPlan,
    export_project,
    export_target,
    renaming_words,
    title,
    with_weights_renamed,
)
from core.export.common import check_target
from core.i18n import N_, _
from core.project import load_project, save_project
from gui.cli_i18n import HelpFormatter
from gui.cli_problems import EXIT_OK

#: What each format writes, marked only: translate where shown, ``_(DESCRIPTIONS[name])``.
DESCRIPTIONS = {
    "pytorch": N_("a new folder with model.py (load_model()), train.py (python or torchrun), "
                  "weights.npz, data.npz, optimizer.npz (once trained: train.py goes on from "
                  "it) and README.md"),
    "onnx": N_("one .onnx file (opset 17): input x = raw data rows, output y"),
    "numpy": N_("one plain-NumPy .py file in the book's style, its weights and data in the "
                ".npz of the same name"),
}


def add_parsers(commands: argparse._SubParsersAction, epilog: str) -> None:
    """Add the two subcommands to the ``netcanvas`` parser."""
    formats = "\n".join(f"  {name:8} {_(text)}" for name, text in DESCRIPTIONS.items())
    export = commands.add_parser(
        "export", help=_("write the network as PyTorch, ONNX or plain NumPy"),
        description=_("Write the project's network with its weights (the initial ones if it "
                      "was not trained) so it runs without NetCanvas. Every format takes the "
                      "data set's raw columns and answers as NetCanvas does."),
        epilog=_("formats:\n{formats}").format(formats=formats) + f"\n\n{epilog}",
        formatter_class=HelpFormatter)
    export.add_argument("project", help=_("the .netcanvas project to export"))
    export.add_argument("--format", required=True, choices=FORMATS, help=_("what to write"))
    export.add_argument("--out", required=True, metavar="PATH",
                        help=_("the folder (pytorch; a .py, .pt or .pth ending is dropped) "
                               "or file (onnx: .onnx, numpy: .py; the "
                               "ending is added when missing; given a folder, the file is "
                               "written inside it, named after the project) to write"))
    export.add_argument("--force", action="store_true", help=_(
        "replace PATH if it exists (a folder only when it holds an earlier export and nothing "
        "else)"))

    back = commands.add_parser(
        "import-weights", help=_("put weights trained elsewhere back onto a project"),
        description=_("Read an .npz of weights under NetCanvas's names (W1, b1, …, as "
                      "train.py --out writes them), check names and shapes against the "
                      "network, and save the project with them (its training history is "
                      "dropped)."), epilog=epilog,
        formatter_class=HelpFormatter)
    back.add_argument("project", help=_("the .netcanvas project the weights belong to"))
    back.add_argument("weights", help=_("the .npz file of weights"))
    back.add_argument("--out", required=True, metavar="FILE",
                      help=_("the new project file to write (the input is left unchanged)"))
    back.add_argument("--force", action="store_true", help=_("replace FILE if it exists"))


def run_export(args: argparse.Namespace, argv: list[str]) -> int:
    project = load_project(args.project)
    # d.txt → d.txt.onnx, as the window does; a folder → inside it, named after the project
    out = export_target(args.format, args.out, Path(args.project).stem)
    plan, files = export_project(project, args.format, out, args.force)
    if not plan.trained:
        print(_("note: {note}").format(note=untrained_note(Path(args.project).name, plan)))
    print(_("exported {format} to {files}").format(format=title(args.format),
                                                   files=", ".join(str(f) for f in files)))
    return EXIT_OK


def untrained_note(name: str, plan: ExportPlan) -> str:
    """What an export of an untrained network says, on the command line and in the window."""
    return _("{name} is untrained: exported its initial weights, drawn from seed {seed}").format(
        name=name, seed=plan.settings["seed"])


def run_import_weights(args: argparse.Namespace, argv: list[str]) -> int:
    out = Path(args.out)
    check_target(out, args.force)  # a file of the user's was replaced without a word
    updated, renaming = with_weights_renamed(load_project(args.project), Path(args.weights))
    save_project(updated, out)
    print(_("saved {path} with the weights of {weights}").format(
        path=out, weights=Path(args.weights).name))
    if renaming:
        print(_("{weights}: {words}").format(weights=Path(args.weights).name,
                                            words=renaming_words(renaming)))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace, list[str]], int]] = {
    "export": run_export,
    "import-weights": run_import_weights,
}
