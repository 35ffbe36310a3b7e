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


@pytest.mark.parametrize("command", [*COMMANDS, "data fetch", "data list"])
def test_every_command_s_help_shows_examples_and_points_to_the_exit_codes(command, capsys):
    """Every command's help repeated the whole exit-code table; it now ends with one line
    pointing to ``netcanvas --help``, below its examples. (``data list --help`` had neither,
    nor a description.)"""
    lines = help_text(command.split(), capsys).splitlines()
    start = lines.index("examples:")
    examples = lines[start + 1:lines.index("", start)]
    assert examples and all(line.startswith(f"  netcanvas {command.split()[0]}")
                            or command == "gui" for line in examples)
    description = lines[lines.index("") + 1]  # under the usage
    assert description and not description.endswith(":")
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


@pytest.mark.parametrize("columns", [40, 80])
@pytest.mark.parametrize("command", ["", *COMMANDS, "data fetch"])
def test_english_help_fits_the_terminal(command, columns, monkeypatch, capsys):
    """English descriptions were one line of up to 429 characters (explain), and the exit-code
    table's rows ran to 89 in 80 columns: a terminal broke them mid-word, a file kept them. Now
    every line but argparse's usage and the example command lines fits."""
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = help_text(command.split(), capsys).splitlines()
    usage_end = lines.index("")
    prose = [line for line in lines[usage_end:] if not line.strip().startswith("netcanvas ")]
    assert max(len(line) for line in prose) <= columns - 2
    if command == "":  # a row's hand-broken continuation is joined back in, then wrapped
        table = lines[lines.index("exit codes:"):]
        two = next(k for k, line in enumerate(table) if line.startswith("  2    bad input"))
        assert " ".join(line.strip() for line in table[two:table.index(
            "  130  interrupted (Ctrl+C)")]) == (
            "2    bad input: unreadable or invalid project file, data, settings or weights, a "
            "target that exists (without --force) or cannot be written, or wrong usage; a data "
            "set that cannot be downloaded (not found, offline, cut off, wrong checksum)")
        assert all(line.startswith("       ") for line in table[two + 1:two + 3])


def test_version_prints_the_installed_version(capsys, monkeypatch):
    """``netcanvas --version`` was taken for the window's option: "netcanvas gui: error:
    unrecognized arguments: --version"."""
    from gui import cli_version

    monkeypatch.setattr(cli_version, "package_info", lambda: ("1.2.3", "MIT"))
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr() == ("netcanvas 1.2.3\n", "")
    assert "  --version       print NetCanvas's version and exit" in help_text([], capsys)


def test_version_of_a_checkout_never_installed_in_korean(capsys, monkeypatch, korean):
    from gui import cli_version

    monkeypatch.setattr(cli_version, "package_info", lambda: (None, None))
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == ("netcanvas: 버전을 알 수 없음(NetCanvas가 패키지로 설치되어 "
                                       "있지 않습니다)\n")
