"""The progress bar of ``netcanvas train`` on a terminal that changes width while it trains."""

import io
import os

from core.training.trainer import TrainingEvent
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
