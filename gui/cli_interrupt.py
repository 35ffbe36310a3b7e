"""Ctrl+C while ``netcanvas train`` trains: the first one stops training as the window's Stop
does (after the mini-batch under way; the run ends "stopped by the user" and ``--out`` and
``--log`` keep the epochs trained), a second one interrupts at once, saving nothing. Kept apart
so gui/cli.py stays short; no Qt."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


@contextmanager
def first_ctrl_c_stops(stop: Callable[[], None]) -> Iterator[Callable[[], bool]]:
    """Within the block, the first Ctrl+C (SIGINT) calls ``stop`` and the next raises
    KeyboardInterrupt; yields whether Ctrl+C was pressed. Python's own handling is left alone
    outside the main thread and where SIGINT is ignored (a job a shell started with ``&``)."""
    pressed: list[bool] = []
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield lambda: False
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if pressed:
            raise KeyboardInterrupt
        pressed.append(True)
        stop()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield lambda: bool(pressed)
    finally:
        signal.signal(signal.SIGINT, previous)
