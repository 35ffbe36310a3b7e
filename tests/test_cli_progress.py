"""The progress lines of ``netcanvas train`` and ``netcanvas data fetch`` on a terminal that is
narrow or changes width while they draw."""

import io
import os

from core.datasets.download import Progress
from core.training.trainer import TrainingEvent
from gui.cli_data import FetchProgress
from gui.cli_i18n import display_width
from gui.cli_output import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def event(epoch: int) -> TrainingEvent:
    return TrainingEvent(epoch=epoch, batch=1, batches_per_epoch=1, step=epoch, loss=0.25,
                         samples_per_second=1234.0, eta_seconds=12.0 * (10 - epoch))


def test_a_terminal_made_narrower_gets_redraws_that_fit_it(monkeypatch):
    """The blanks that cover a longer earlier redraw stopped only at its width: once the
    terminal was made narrower, every redraw ran past the edge and wrapped a row lower."""
    terminal = Terminal()
    bar = ProgressBar(terminal, 0, 10)
    monkeypatch.setattr("time.monotonic", iter(range(10, 1000, 10)).__next__)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((120, 24)))
    bar.update(event(1))
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((60, 24)))
    bar.update(event(2))
    bar.update(event(3))
    first, *narrow = terminal.getvalue().split("\r")[1:]
    assert first.startswith("[") and display_width(first) < 120
    assert len(narrow) == 2
    for line in narrow:
        assert display_width(line) <= 59, repr(line)
        assert "epoch" in line


def test_a_40_column_terminal_gets_redraws_that_fit_it(monkeypatch):
    """Below 44 columns the bar was left out but the status alone (55 columns) still wrapped:
    every redraw started a row lower, leaving a screenful of half lines."""
    terminal = Terminal()
    bar = ProgressBar(terminal, 0, 10)
    monkeypatch.setattr("time.monotonic", iter(range(10, 1000, 10)).__next__)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((40, 24)))
    for epoch in (1, 2, 3):
        bar.update(event(epoch))
    redraws = terminal.getvalue().split("\r")[1:]
    assert len(redraws) == 3
    for line in redraws:
        assert display_width(line) <= 39, repr(line)
    assert redraws[0].startswith("epoch 1/10  batch loss 0.25  1,234") and \
        redraws[0].rstrip().endswith("…")


def test_the_download_line_fits_a_narrow_terminal(monkeypatch):
    """``data fetch``'s line was padded to 60 columns whatever the terminal: in 40 columns each
    redraw wrapped and started a row lower."""
    terminal = Terminal()
    progress = FetchProgress(terminal)
    monkeypatch.setattr("time.monotonic", iter(range(10, 1000, 10)).__next__)
    monkeypatch.setattr("shutil.get_terminal_size", lambda: os.terminal_size((40, 24)))
    name = "train-images-idx3-ubyte.gz"
    for done in (0, 4 * 2**20, 9_912_422):
        progress.update(Progress(name, 1, 4, done, 9_912_422))
    progress.update(Progress("t10k-labels-idx1-ubyte.gz", 4, 4, 0, None, checking=True))
    progress.close()
    redraws = terminal.getvalue().split("\r")[1:]
    assert len(redraws) == 4
    for line in redraws:
        assert display_width(line.rstrip("\n")) <= 39, repr(line)
    assert redraws[1].startswith(f"{name} (1/4)  4.0 …")
    assert redraws[3] == "checking t10k-labels-idx1-ubyte.gz (4/4)"[:38] + "…\n"
