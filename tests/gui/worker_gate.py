"""Hold a function while a worker thread runs it, so a test can act while that work is provably
still under way (on the GUI thread the function passes at once)."""

from __future__ import annotations

import threading


class Gate:
    """Holds ``module.name`` (a function) on the thread that calls it until the test opens
    the gate — which it can only while the GUI thread goes on; records that thread."""

    def __init__(self, monkeypatch, module, name: str) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        self.on_gui_thread: list[bool] = []
        original = getattr(module, name)

        def gated(*args, **kwargs):
            gui_thread = threading.current_thread() is threading.main_thread()
            self.on_gui_thread.append(gui_thread)
            if not gui_thread:
                self.entered.set()
                assert self.release.wait(10), "the gate was never opened"
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, gated)
