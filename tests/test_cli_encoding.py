"""An output whose encoding lacks characters NetCanvas prints (``netcanvas explain P > out.txt``
on a Western Windows, cp1252; ``PYTHONIOENCODING=ascii``): the command stopped at the first →,
δ or × with Python's "'ascii' codec can't encode character …" as its error, exit 2. Such a
character is printed as "?" now, and the rest of the output follows."""

import io
import sys

import pytest

from gui import cli
from resources.examples import example_path


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_explain_into_a_narrow_encoding_prints_everything(encoding, monkeypatch, capsys):
    output = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    monkeypatch.setattr(sys, "stdout", output)
    code = cli.main(["explain", str(example_path("xor_learned")), "--sample", "1"])
    output.flush()
    printed = output.buffer.getvalue().decode(encoding)
    assert (code, capsys.readouterr().err) == (0, "")
    assert "x1 = 1, x2 = 0 ? target class 1" in printed  # the → it could not write
    assert printed.rstrip().splitlines()[-1].startswith("  ")  # to the end: the gradients
    assert "codec" not in printed
