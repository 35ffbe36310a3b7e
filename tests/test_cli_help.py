"""Each command's ``--help`` ends with example command lines (that parse, and fit a terminal)
and one line pointing to the exit codes, which ``netcanvas --help`` alone lists;
``gui --example NAME`` names the examples."""

import shlex

import pytest

from gui import cli
from gui.cli_examples import EXAMPLES
from resources.examples import example_names

COMMANDS = ["gui", "train", "check", "explain", "runs", "bench", "export", "import-weights",
            "data", "self-test"]


def help_text(argv, capsys) -> str:
    assert cli.main([*argv, "--help"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [*COMMANDS, "data fetch"])
def test_every_command_s_help_shows_examples_and_points_to_the_exit_codes(command, capsys):
    """Every command's help repeated the whole exit-code table; it now ends with one line
    pointing to ``netcanvas --help``, below its examples."""
    lines = help_text(command.split(), capsys).splitlines()
    start = lines.index("examples:")
    examples = lines[start + 1:lines.index("", start)]
    assert examples and all(line.startswith(f"  netcanvas {command.split()[0]}")
                            or command == "gui" for line in examples)
    assert max(len(line) for line in examples) <= 78
    assert lines[-1] == "Exit codes: see netcanvas --help." and lines[-2] == ""
    assert start < len(lines) - 1
    assert "exit codes:" not in lines and not any("training failed" in line for line in lines)


def test_the_exit_code_table_is_netcanvas_s_help(capsys):
    lines = help_text([], capsys).splitlines()
    table = lines[lines.index("exit codes:"):]
    assert [line.split()[0] for line in table if line.startswith("  ") and
            line.split()[0].isdigit()] == ["0", "1", "2", "130", "141"]
    assert "Exit codes: see netcanvas --help." not in lines


@pytest.mark.parametrize("command", EXAMPLES)
def test_every_example_is_a_command_line_netcanvas_accepts(command):
    parser = cli.build_parser()
    for line in EXAMPLES[command].splitlines():
        words = shlex.split(line.split(" > ")[0])[1:]
        if words[0] not in cli.HANDLERS:
            words = ["gui", *words]  # as main() does for a project or --example
        args = parser.parse_args(words)  # a wrong flag would exit here
        assert args.command == words[0]
        if getattr(args, "example", None):
            assert args.example in example_names()


def test_the_example_option_names_the_examples(capsys):
    text = " ".join(help_text(["gui"], capsys).split())
    assert "--example NAME open a bundled example project: " + ", ".join(example_names()) in text
    assert "xor_by_hand" in example_names()
    assert "Open the window, on a project or an example if one is named." in text
