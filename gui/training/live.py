"""Live refresh: the newest frame to the panels and the canvas, at a rate drawing can afford.

Every millisecond the GUI thread spends drawing is taken from training (one interpreter lock,
docs/qt-notes.md §3), and a long repaint delays everything else the window does. So:

- each tick redraws one thing: a visible panel, or the canvas with all that draws on it (at
  most twice a second), in turn, so the work of a frame is spread over several small
  repaints instead of one long one (measured: the event loop's p99 latency fell from 33 ms
  to 4 ms with it). A new frame is taken only when everything on screen shows the current
  one — every panel *remembers* it, hidden or not (cheap) — and the worker makes frames at
  that rate, so none is made for nothing;
- the refresh measures what the GUI thread really spent since the last tick — its CPU time:
  the panel, its repaint, the canvas and the predictions that follow the live weights, the
  progress bar — and waits long enough that this stays near BUDGET of the time (at MNIST's
  size a redraw and what follows it cost 20–40 ms, so about one a second);
- a new run on the same data starts at the interval the last one learned: starting again from
  MIN_INTERVAL redrew everything several times in the run's first second, when the GUI thread
  is busiest anyway (a run's start took 0.27 s of its CPU at MNIST's size against 0.07 s for
  any later 1.2 s). The first redraw still comes after MIN_INTERVAL: the run shows it started.

While paused, or when the run ends, everything is drawn at once: the canvas now, the panels
one per turn of the event loop right after.

The refresh is also what says which parts of a frame are wanted (:meth:`LiveRefresh.want`):
those the panels on screen draw (``frame_parts``). The worker makes its live frames without
the others (a panel behind a tab costs training nothing), and a panel that comes on screen
waiting for its part has the next frame made and drawn at once.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Slot

from gui.training.controller import IDLE, RUNNING
from gui.training.frames import Frame
from gui.training.session import TrainingSession

#: of the GUI thread's time, for drawing: the GUI thread shares the interpreter lock with the
#: training worker, so about this much is what training loses to the live panels (with 0.04
#: the window trained MNIST at 0.87–0.95 of headless speed; a redraw is one paint now, not
#: two, so the panels still follow a run about once a second at MNIST's size)
BUDGET = 0.03
MIN_INTERVAL = 0.04
MAX_INTERVAL = 1.0
CANVAS_INTERVAL = 0.5  # the canvas, and the predictions that follow its weights: ≤ 2 a second
SMOOTHING = 0.5
#: the GUI thread's processor time so far (seconds): what the budget is counted in
gui_cpu = time.thread_time


class LivePanel(Protocol):
    """What the refresh asks of a panel (a plot panel, or its stand-in until it is made)."""

    @property
    def shown(self) -> bool: ...

    @property
    def frame_parts(self) -> frozenset[str]: ...

    @property
    def waits(self) -> bool: ...

    @property
    def stale(self) -> bool: ...

    def remember(self, frame: Frame | None) -> None: ...

    def refresh(self) -> None: ...


class LiveRefresh(QObject):
    def __init__(self, session: TrainingSession, panels: Sequence[LivePanel],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.panels = list(panels)
        self.interval = MIN_INTERVAL
        self.frames_drawn = 0  # panel or canvas redraws
        #: the timeline shows an earlier epoch: live frames wait (no new one is taken)
        self.held = False
        self._canvas_frame: Frame | None = None  # newest frame the canvas has not shown
        self._canvas_due = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.tick)
        self._cpu_mark: float | None = None
        #: the data set the interval was learned on (weakly: it may be replaced and freed)
        self._learned_on: weakref.ref | None = None
        controller = session.controller
        controller.state_changed.connect(self._state_changed)
        controller.frame_ready.connect(self._frame_ready)
        for panel in self.panels:
            built = getattr(panel, "built", None)  # a stand-in's panel, made on screen
            if built is not None:
                built.connect(self.want)

    @Slot()
    def want(self) -> None:
        """Tell the worker the parts of a frame the panels on screen draw; call it when one
        may have come on screen or left it (the refresh also asks at each tick)."""
        parts = frozenset().union(*(p.frame_parts for p in self.panels if p.shown))
        if parts != self.session.controller.wanted:
            self.session.controller.want(parts)

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        if state == RUNNING:
            self.want()
            self._cpu_mark = None  # the start's own repaints are not the frames' cost
            dataset = self.session.data.dataset
            if self._learned_on is None or self._learned_on() is not dataset:
                self._learned_on = None if dataset is None else weakref.ref(dataset)
                self.interval = MIN_INTERVAL
            self._timer.start(round(MIN_INTERVAL * 1000))
        elif state == IDLE:
            self._timer.stop()

    @Slot()
    def _frame_ready(self) -> None:
        if self.held:
            return
        if self.session.controller.state != RUNNING:
            self.draw_all()  # a step, a pause or the end: show it now
            return
        waiting = [p for p in self.panels if p.waits and p.shown]
        if waiting:  # just shown, with an old frame: the one made for it, now
            self._take()
            for panel in waiting:
                panel.refresh()

    def _take(self) -> None:
        frame = self.session.controller.take_frame()
        if frame is not None:
            for panel in self.panels:
                panel.remember(frame)
            self._canvas_frame = frame

    def draw_all(self) -> None:
        self._take()
        for panel in self.panels:
            # a plot panel repaints on a later turn, one per turn (lazy_panel.py): all of them
            # in one frame took the GUI thread 50-100 ms at MNIST's size
            getattr(panel, "refresh_soon", panel.refresh)()
        if self._canvas_frame is not None:
            self.session.show_weights(self._canvas_frame)
            self._canvas_frame = None
        self.frames_drawn += 1

    @Slot()
    def tick(self) -> None:
        if self.session.controller.state != RUNNING:
            return
        if self.held:
            self._timer.start(round(MAX_INTERVAL * 1000))
            return
        self.want()
        # One redraw per tick, in turn: the visible panels, then the canvas; a new frame
        # only once everything on screen shows the current one (the worker makes frames at
        # that rate, so none is made for nothing).
        due = self._due()
        canvas_wanted = time.perf_counter() >= self._canvas_due
        if not due and (canvas_wanted or any(p.shown for p in self.panels)):
            self._take()
            due = self._due()
        if due:
            due[0]()
            self.frames_drawn += 1
        # What the GUI thread used since the last tick, repaints of that redraw included.
        cpu = gui_cpu()
        if self._cpu_mark is not None:
            wanted = min(max((cpu - self._cpu_mark) / BUDGET, MIN_INTERVAL), MAX_INTERVAL)
            self.interval = SMOOTHING * self.interval + (1 - SMOOTHING) * wanted
        self._cpu_mark = cpu
        self._timer.start(round(self.interval * 1000))

    def _due(self) -> list[Callable[[], None]]:
        due: list[Callable[[], None]] = [p.refresh for p in self.panels
                                         if p.stale and not on_canvas(p)]
        canvas_stale = any(p.stale for p in self.panels if on_canvas(p))
        if (self._canvas_frame is not None or canvas_stale) and \
                time.perf_counter() >= self._canvas_due:
            due.append(self._show_weights)
        return due

    def _show_weights(self) -> None:
        """The canvas's turn: its weights and what else draws on it, in one repaint."""
        self._canvas_due = time.perf_counter() + CANVAS_INTERVAL
        frame, self._canvas_frame = self._canvas_frame, None
        for panel in self.panels:
            if on_canvas(panel) and panel.stale:
                panel.refresh()
        if frame is not None:
            self.session.show_weights(frame)


def on_canvas(panel: LivePanel) -> bool:
    """Whether ``panel`` draws on the canvas (the gradient bars): it is drawn in the canvas's
    turn, not in one of its own — two turns repainted the canvas twice per frame."""
    return bool(getattr(panel, "on_canvas", False))
