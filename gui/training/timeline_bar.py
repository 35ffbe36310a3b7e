"""The timeline's row of widgets: the epoch slider, the epoch it shows, Continue from here and
Save timeline with project (:class:`~gui.training.timeline.TimelineUi` drives them).

The button and the checkbox are toolbar items of their own (:meth:`TimelineBar.add_to`): on a
narrow screen — a projector at 1024 × 768 and 150 % is 683 logical pixels wide — the toolbar
moves them behind its » button instead of forcing the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolBar,
    QWidget,
)

from gui.focus_keys import NAVIGATION_KEYS
from gui.i18n import on_language_change, translate

LARGE_NETWORK = 100_000  # parameters: above this "Save timeline with project" starts off
CONTINUE_TIP = QT_TRANSLATE_NOOP("TimelineUi",
                                 "Make epoch {k} the latest: its weights back in the network "
                                 "(one undo step), ready to edit or to train on (press Train "
                                 "to go on). Epochs after {k} are dropped from this run; Undo "
                                 "brings them back.")
#: why an edit of the weights on show is refused while the slider is pulled back
#: (the document's edit refusal, after "Not now: ")
REWOUND = QT_TRANSLATE_NOOP("TimelineUi",
                            "the timeline shows epoch {epoch}: press Continue from here to edit "
                            "from that epoch, or move the slider to its right end to edit the "
                            "latest weights.")
NO_TIMELINE = QT_TRANSLATE_NOOP("TimelineUi", "no timeline yet")
#: the bar's title, before the slider (and in the slider's accessible name)
TITLE = QT_TRANSLATE_NOOP("TimelineUi", "Timeline:")


def epoch_text(shown: object, last: object, latest: bool) -> str:
    """The bar's ``epoch 12 / 30`` (``(latest)`` at the right end)."""
    if latest:
        return translate("TimelineUi", "epoch {epoch} / {last} (latest)").format(epoch=shown,
                                                                            last=last)
    return translate("TimelineUi", "epoch {epoch} / {last}").format(epoch=shown, last=last)


#: the slider's keys while it has the focus (it keeps them from Explain's: gui.focus_keys)
SLIDER_KEYS = NAVIGATION_KEYS


class TimelineBar(QWidget):
    """The slider and the epoch it shows; Continue from here and the save checkbox beside it
    (:meth:`add_to`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimumWidth(180)
        self.slider.setPageStep(5)
        self.label = QLabel()
        self.continue_button = QPushButton()
        self.save_check = QCheckBox()
        self.title = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        on_language_change(self, self.retranslate)

    def show_epoch(self, text: str) -> None:
        """``text`` (:func:`epoch_text`, or that there is no timeline) beside the slider, and
        as the slider's accessible name with the bar's title: a screen reader heard only an
        unnamed slider at position 0, 1, 2 …, not the epoch it shows."""
        self.label.setText(text)
        title = translate("TimelineUi", TITLE)  # (its label may still be in the old language)
        self.slider.setAccessibleName(f"{title} {text}")  # i18n: not ui

    def add_to(self, toolbar: QToolBar) -> None:
        """The bar, then the button and the checkbox as items of ``toolbar`` of their own."""
        toolbar.addWidget(self)
        toolbar.addWidget(self.continue_button)
        toolbar.addWidget(self.save_check)

    def retranslate(self) -> None:
        """The bar's fixed texts (the epoch and the button's tip: :meth:`TimelineUi.refresh`)."""
        self.slider.setToolTip(translate(
            "TimelineUi", "Drag back to see the network as it was after an earlier epoch: the "
            "canvas, predictions and every training panel follow. At the right end it follows "
            "training again."))
        # Fixed size: a new epoch's text must not relayout the main window (every dock and
        # toolbar placed again, 1–2 ms of the GUI thread and their repaints, at each epoch)
        metrics = self.label.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in (
            epoch_text(10000, 10000, True), translate("TimelineUi", NO_TIMELINE)))
        self.label.setFixedSize(widest + 6, metrics.height() + 2)
        self.continue_button.setText(translate("TimelineUi", "Continue from here"))
        self.save_check.setText(translate("TimelineUi", "Save timeline with project"))
        self.save_check.setToolTip(translate(
            "TimelineUi", "Store the per-epoch weights in the project file, so the slider works "
            "after it is opened again. Off at first for networks over {count} parameters "
            "(their timelines take many megabytes).").format(count=f"{LARGE_NETWORK:,}"))
        self.title.setText(translate("TimelineUi", TITLE))
