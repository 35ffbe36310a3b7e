"""What ``netcanvas train`` writes while and after it trains: the progress bar on stderr and the
final metrics line, in the current language. Kept apart so gui/cli.py stays short; no Qt."""

from __future__ import annotations

import shutil
import time
from typing import TextIO

from core.i18n import N_, _
from core.training.events import TrainingEvent, clock
from core.training.history import History, accuracy_percent, metric_names
from gui.cli_i18n import display_width

PART_LABELS = (("train", N_("train: {values}")), ("val", N_("validation: {values}")),
               ("test", N_("test: {values}")))
VALUE_WORDS = {"loss": N_("loss {value}"), "accuracy": N_("accuracy {value}")}


def format_metrics(history: History) -> str:
    """``epoch 12 · train: loss 0.0312, accuracy 99.0% · val: …`` for the last epoch."""
    row = history.latest()
    if not row:
        return _("no epoch finished")
    pieces = [_("epoch {n}").format(n=row["epoch"])]
    for part, label in PART_LABELS:
        values = [("loss", row[f"{part}_loss"])]
        values += [(m, row[f"{part}_{m}"]) for m in metric_names(history.task)]
        if values[0][1] is None:
            continue
        pieces.append(_(label).format(values=", ".join(_format_value(m, v) for m, v in values)))
    return " · ".join(pieces)


def _format_value(name: str, value: float | None) -> str:
    if value is None:
        shown = "–"
    elif name == "accuracy":
        shown = accuracy_percent(value)
    else:
        shown = f"{value:.4g}"
    return _(VALUE_WORDS[name]).format(value=shown) if name in VALUE_WORDS else f"{name} {shown}"


class ProgressBar:
    """``[#####-----] epoch 12/100  batch loss 0.1234  5,300 samples/s  eta 0:14`` on one line
    of a terminal (redrawn at most 10 times a second, over the whole previous line; the bar
    narrower, or left out, and then the status cut, so that the line fits the terminal: see
    :class:`RedrawnLine`), or a plain line per 10 % when
    piped. The loss is the last mini-batch's, and says so: the final metrics (and the Loss
    panel) show the epoch's loss measured on the training rows, which differs."""

    WIDTH = 24
    MIN_WIDTH = 5  # a narrower bar says too little: the status alone is shown

    def __init__(self, stream: TextIO, first_epoch: int, last_epoch: int) -> None:
        self.stream = stream
        self.first_epoch = first_epoch  # epochs finished before this run
        self.last_epoch = last_epoch
        self.tty = stream.isatty()
        self._shown = 0.0
        self._tenth = -1
        self._drawn = False
        self._bar = self.WIDTH  # on a terminal: only ever narrower, so it never jumps back
        self._redrawn = RedrawnLine(stream)

    def update(self, event: TrainingEvent) -> None:
        epochs_done = event.epoch - 1 - self.first_epoch + event.batch / event.batches_per_epoch
        done = min(1.0, epochs_done / (self.last_epoch - self.first_epoch))
        now = time.monotonic()
        if self.tty:
            if now - self._shown < 0.1 and event.outcome is None:
                return
            self._shown = now
            self._redrawn.draw(self._line(event, done, shutil.get_terminal_size().columns))
            self._drawn = True
        elif int(done * 10) > self._tenth or event.outcome is not None:
            self._tenth = int(done * 10)
            self.stream.write(self._line(event, done) + "\n")
        self.stream.flush()

    def _line(self, event: TrainingEvent, done: float, columns: int | None = None) -> str:
        """The bar and the status; with ``columns``, narrower than that (a line as wide as the
        terminal wraps, and the next redraw starts on its second row)."""
        eta = "" if event.eta_seconds is None else \
            _("  eta {time}").format(time=clock(event.eta_seconds))
        status = _("epoch {epoch}/{last}  batch loss {loss}  {speed} samples/s{eta}").format(
            epoch=event.epoch, last=self.last_epoch, loss=f"{event.loss:.4g}",
            speed=f"{event.samples_per_second:,.0f}", eta=eta)
        width = self.WIDTH
        if columns is not None:
            width = self._bar = min(self._bar, columns - 1 - len("[] ") - display_width(status))
            if width < self.MIN_WIDTH:
                return status
        filled = int(done * width)
        return f"[{'#' * filled}{'-' * (width - filled)}] {status}"

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


class RedrawnLine:
    """One line of a terminal drawn over and over in place (after a carriage return): each
    redraw blanks what the last one left, and neither it nor the blanks go past the terminal's
    edge — a line that wraps makes every later redraw start a row lower, leaving the rows
    above on screen. What does not fit is cut, ending in "…"."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._columns_drawn = 0  # of the last redraw: a shorter one blanks the rest

    def draw(self, line: str) -> None:
        columns = shutil.get_terminal_size().columns - 1  # the last column wraps on some
        line = cut_to_columns(line, columns)
        width = display_width(line)
        drawn = min(self._columns_drawn, columns)  # the terminal may have been made narrower
        self.stream.write("\r" + line + " " * max(drawn - width, 0))
        self._columns_drawn = max(width, drawn)


def cut_to_columns(text: str, columns: int) -> str:
    """``text`` if it fits in ``columns`` terminal columns, else its start and "…" in them."""
    if display_width(text) <= columns:
        return text
    kept, width = "", 1
    for char in text:
        width += display_width(char)
        if width > columns:
            break
        kept += char
    return kept + "…"
