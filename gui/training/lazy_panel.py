"""A live panel's stand-in until its dock is first on screen.

The plot panels and pyqtgraph are a large part of start-up (``packaging/startup_time.py``
prints the costs), and two of the four panels sit behind tabs that many sessions never open. So
each dock holds a :class:`LazyPanel`: it makes its panel once it has been painted (after the
window's first frame, so the window shows without waiting for the plots) or when code asks for
:attr:`LazyPanel.panel`. Until then it keeps what the panel was told, through :meth:`call`, and
tells the new panel in the same order.

Making a panel takes the GUI thread 30–45 ms (pyqtgraph's plot items), and all four docks are
painted in the same frame: made together they froze the window for 200–300 ms (60–75 ms each
while the plots still had context menus). So the panels
painted meanwhile wait in one queue and are made one at a time, BUILD_GAP_MS apart, with the
event loop (input, timers, the repaint of the panel just made) running in between; a panel made
there hears what it missed on the next turn, not in the one that made it.

The same queue spreads what every panel is told at once — a run starts, a project is opened or
replaced: each panel clears its plots and new axes are laid out, and all four repainting in one
frame took the GUI thread 50–100 ms. :meth:`LazyPanel.call_soon` tells a made panel on a later
turn (DELIVER_GAP_MS apart); anything else asked of the host first hands over what waits, so
the panel hears every call in order.
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
DELIVER_GAP_MS = 5  # between two panels told what waits for them


class _BuildQueue(QObject):
    """Hosts with work waiting (a panel to make, calls to hand over), one per turn of the
    event loop."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self._waiting: list[weakref.ref[LazyPanel]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)

    def add(self, host: LazyPanel) -> None:
        if not any(ref() is host for ref in self._waiting):
            self._waiting.append(weakref.ref(host))
        if not self._timer.isActive():
            self._timer.start(0)  # the first at once: the frame that showed it is out

    @Slot()
    def _next(self) -> None:
        gap = 0
        try:
            while self._waiting and not gap:
                host = self._waiting.pop(0)()
                if host is not None and shiboken6.isValid(host):
                    gap = host._work()
        finally:  # a panel that raised does not stop the others
            if self._waiting:
                self._timer.start(gap or DELIVER_GAP_MS)


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
        self._making: Any = None  # a panel made in parts, not whole yet (not used till then)
        self._calls: dict[str, tuple[Any, ...]] = {}  # for the panel once it is made
        self._later: dict[str, tuple[Any, ...]] = {}  # for the made panel, on a later turn
        self._scheduled = False
        self._unannounced = False  # made, and ``built`` not said yet (said once it is told)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------------ the panel
    @property
    def is_built(self) -> bool:
        return self._panel is not None

    @property
    def panel(self) -> Any:
        """The panel, made now if it was not yet, and told what waits for it."""
        if self._panel is None:
            self._build()
        self._deliver()
        return self._panel

    def when_built(self, callback: Callable[[Any], None]) -> None:
        """``callback(panel)`` now if the panel exists, else as soon as it is made — for code
        that adds to a panel without making it early (and pyqtgraph with it)."""
        if self._panel is not None and not self._unannounced:
            callback(self._panel)
        else:
            self.built.connect(callback)

    def call(self, name: str, *args: Any) -> None:
        """``panel.name(*args)``: now if the panel exists, else once it is made. Only the newest
        call of each name is kept, in the order of those newest calls — the panels' methods
        replace what an earlier call of the same method set."""
        if self._panel is not None:
            self._deliver()
            getattr(self._panel, name)(*args)
        else:
            self._calls.pop(name, None)
            self._calls[name] = args

    def call_soon(self, name: str, *args: Any) -> None:
        """:meth:`call`, but a made panel is told on a later turn of the event loop, one panel
        per turn (the newest call of each name, in order, as for a panel not made yet)."""
        if self._panel is None:
            self.call(name, *args)
            return
        self._later.pop(name, None)
        self._later[name] = args
        _build_queue().add(self)

    def call_in_turn(self, name: str, *args: Any) -> None:
        """:meth:`call`, unless calls wait for the panel's turn (:meth:`call_soon`): then this
        one joins them, instead of handing them all over in this turn."""
        if self._later:
            self.call_soon(name, *args)
        else:
            self.call(name, *args)

    def _deliver(self) -> None:
        if self._later:
            later, self._later = self._later, {}
            for name, args in later.items():
                getattr(self._panel, name)(*args)
        if self._unannounced:
            self._unannounced = False
            self.built.emit(self._panel)

    def _work(self) -> int:
        """Make the panel (or, for one made in parts, its next part), or tell it what waits;
        the milliseconds until the next host's turn (0: there was nothing to do). A panel made
        here hears what it missed on its next turn: making one and drawing its data in one
        piece held the GUI thread 0.1 s and more on a loaded machine (the Weights and
        Activations panels' first show).

        A panel made in parts is this host's child from its first part: a window closed before
        its last part deletes it with the window, as it deletes a whole one. Without a parent
        it outlived the window, its pyqtgraph items alive in Qt, until Python's collector broke
        the panel's reference cycles, some time later — clearing the items' Python state
        in no particular order while Qt could still ask them for their size ("'LabelItem'
        object has no attribute '_sizeHint'")."""
        if self._panel is None:
            making = self._making
            if making is None:
                self._making = making = self._make()
                if getattr(making, "parts_left", None):  # Qt's to delete from now on
                    making.setParent(self)
                    making.hide()  # shown once whole (_build): under a hidden host a new
                    # child is not marked hidden, and showed half-made when the dock came back
                else:  # whole at once
                    self._build(tell=False)
            elif making.parts_left:
                making.build_part()
            else:  # whole: shown on its own turn
                self._build(tell=False)
            if self._panel is None:
                _build_queue().add(self)  # its next part (or showing it) on a later turn
            return BUILD_GAP_MS
        if self._later:
            self._deliver()
            return DELIVER_GAP_MS
        return 0

    def _build(self, tell: bool = True) -> None:
        if self._panel is not None:
            return
        panel, self._making = self._making or self._make(), None
        if getattr(panel, "parts_left", None):
            panel.build_whole()  # asked for now: the parts left too
        self._panel = panel
        self.layout().addWidget(panel)
        panel.show()  # (under a hidden host: shown with it; a part-made one was hidden)
        if self.isVisible():  # on screen now, at its size (Qt would lay it out on a later turn)
            self.layout().activate()
        self._later, self._calls = self._calls, {}  # nothing waited for a panel not made
        self._unannounced = True
        if tell:
            self._deliver()
        else:  # on the next turn (a slot of this host: nothing once it is gone)
            QTimer.singleShot(0, self, self._deliver)

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
        """False while calls wait for the panel's turn: the refresh draws it on a later tick,
        not in the same turn as those calls (a run's new data and its first frame)."""
        return self._panel is not None and not self._later and self._panel.stale

    @property
    def frame_parts(self) -> frozenset[str]:
        """The parts of a frame the panel draws (none before it is made: not on screen)."""
        return self._panel.frame_parts if self._panel is not None else frozenset()

    @property
    def waits(self) -> bool:
        """The panel was given a frame without a part it draws (see ``Panel.remember``)."""
        return self._panel is not None and self._panel.waits

    def remember(self, frame: Frame | None) -> None:
        self.call_in_turn("remember", frame)  # after what waits, on the panel's turn

    def refresh(self) -> None:
        self.call("refresh")

    def refresh_soon(self) -> None:
        self.call_soon("refresh")

    def set_frame(self, frame: Frame | None) -> None:
        self.call("set_frame", frame)

    def reset(self) -> None:
        self.call("reset")
