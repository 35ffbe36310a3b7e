"""An example command line or two at the end of each ``netcanvas`` command's ``--help``, above
the line that points to the exit codes. Kept apart so gui/cli.py stays short; no Qt.

The command lines are what a student types, so they are not translated; the heading is.
"""

from __future__ import annotations

import argparse

from core.i18n import _

#: each command's examples, one a line (``data`` has its actions' too, under "data fetch");
#: each fits in 78 columns with its indent, as argparse's help does, and is never wrapped
EXAMPLES: dict[str, str] = {
    "gui": """\
netcanvas my_network.netcanvas
netcanvas --example xor_learned""",  # i18n: not ui
    "train": """\
netcanvas train spiral.netcanvas --epochs 50 --out trained.netcanvas
netcanvas train trained.netcanvas --out trained.netcanvas
netcanvas train spiral.netcanvas --quiet --log log.csv""",  # i18n: not ui
    "check": "netcanvas check spiral.netcanvas",  # i18n: not ui
    "explain": """\
netcanvas explain xor.netcanvas --sample 2
netcanvas explain xor.netcanvas --json > row0.json""",  # i18n: not ui
    "runs": "netcanvas runs trained.netcanvas",  # i18n: not ui
    "bench": "netcanvas bench --rounds 3 --no-torch",  # i18n: not ui
    "export": """\
netcanvas export xor.netcanvas --format onnx --out xor.onnx
netcanvas export digits.netcanvas --format pytorch --out digits_pytorch""",  # i18n: not ui
    "import-weights": """\
netcanvas import-weights digits.netcanvas trained.npz --out new.netcanvas""",  # i18n: not ui
    "data": """\
netcanvas data list
netcanvas data fetch mnist""",  # i18n: not ui
    "data list": "netcanvas data list",  # i18n: not ui
    "data fetch": "netcanvas data fetch fashion-mnist",  # i18n: not ui
    "self-test": "netcanvas self-test",  # i18n: not ui
}


def add_examples(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """Put each subcommand's examples first in its epilog (its own actions' too)."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        for name, command in action.choices.items():
            key = f"{prefix}{name}"
            if key in EXAMPLES:
                lines = "\n".join(f"  {line}" for line in EXAMPLES[key].splitlines())
                examples = _("examples:\n{lines}").format(lines=lines)
                command.epilog = f"{examples}\n\n{command.epilog}" if command.epilog \
                    else examples
            add_examples(command, f"{key} ")
