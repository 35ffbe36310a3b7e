"""A live panel's stand-in until its dock is first on screen.

The plot panels and pyqtgraph are a large part of start-up (``packaging/startup_time.py``
prints the costs), and two of the four panels sit behind tabs that many sessions never open. So
each dock holds a :class:`LazyPanel`: it makes its panel once it has been painted (after the
window's first frame, so the window shows without waiting for the plots) or when code asks for
:attr:`LazyPanel.panel`. Until then it keeps what the panel was told, through :meth:`call`, and
tells the new panel in the same order.

Making a panel takes the GUI thread 40–70 ms (pyqtgraph's plot items), and all four docks are
painted in the same frame: made together they froze the window for 200–300 ms. So the panels
painted meanwhile wait in one queue and are made one at a time, BUILD_GAP_MS apart, with the
event loop (input, timers, the repaint of the panel just made) running in between.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui.training.frames import Frame

PANEL_SIZE = QSize(520, 270)  # a plot panel's size hint (gui.training.plots.base.Panel)
BUILD_GAP_MS = 30  # between two panels made from the queue


class _BuildQueue(QObject):
    """The hosts painted but not yet made, made one per turn of the event loop."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self._waiting: list[weakref.ref[LazyPanel]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    def add(self, host: LazyPanel) -> None:
        self._waiting.append(weakref.ref(host))
        if not self._timer.isActive():
            self._timer.start(0)  # the first at once: the frame that showed it is out

    @Slot()
    def _next(self) -> None:
        while self._waiting:
            host = self._waiting.pop(0)()
            if host is not None and shiboken6.isValid(host) and not host.is_built:
                host._build()
                break
        if self._waiting:
            self._timer.start(BUILD_GAP_MS)


_queue: _BuildQueue | None = None


def _build_queue() -> _BuildQueue:
    global _queue
    if _queue is None or not shiboken6.isValid(_queue):
        _queue = _BuildQueue()
    return _queue


class LazyPanel(QWidget):
    """Hosts the panel ``make()`` returns, made on first paint or first use of :attr:`panel`.

    Offers the part of a panel's interface the live refresh uses (``shown``, ``stale``,
    ``remember``, ``refresh``, ``set_frame``, ``reset``); other calls go through :meth:`call`.
    """

    built = Signal(QWidget)  # the panel, just made and told everything it missed

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make = make
        self._panel: Any = None
        self._calls: dict[str, tuple[Any, ...]] = {}
        self._scheduled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------------ the panel
    @property
    def is_built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> Any:
        """The panel, made now if it was not yet."""
        if self._panel is None:
            self._build()
        return self._panel

    def when_built(self, callback: Callable[[Any], None]) -> None:
        """``callback(panel)`` now if the panel exists, else as soon as it is made — for code
        that adds to a panel without making it early (and pyqtgraph with it)."""
        if self._panel is not None:
            callback(self._panel)
        else:
            self.built.connect(callback)

    def call(self, name: str, *args: Any) -> None:
        """``panel.name(*args)``: now if the panel exists, else once it is made. Only the newest
        call of each name is kept, in the order of those newest calls — the panels' methods
        replace what an earlier call of the same method set."""
        if self._panel is not None:
            getattr(self._panel, name)(*args)
        else:
            self._calls.pop(name, None)
            self._calls[name] = args

    def _build(self) -> None:
        if self._panel is not None:
            return
        panel = self._make()
        self._panel = panel
        self.layout().addWidget(panel)
        calls, self._calls = self._calls, {}
        for name, args in calls.items():
            getattr(panel, name)(*args)
        self.built.emit(panel)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._panel is None and not self._scheduled:
            self._scheduled = True  # on screen: make the panel once this frame is out
            _build_queue().add(self)

    def sizeHint(self) -> QSize:
        return self._panel.sizeHint() if self._panel is not None else PANEL_SIZE

    # ------------------------------------------------------------------ the live refresh's part
    @property
    def shown(self) -> bool:
        return self._panel is not None and self._panel.shown

    @property
    def stale(self) -> bool:
        return self._panel is not None and self._panel.stale

    def remember(self, frame: Frame | None) -> None:
        self.call("remember", frame)

    def refresh(self) -> None:
        self.call("refresh")

    def set_frame(self, frame: Frame | None) -> None:
        self.call("set_frame", frame)

    def reset(self) -> None:
        self.call("reset")
