"""The Explain dock's stepping widgets: the bar of First, ← Back, Next → and Last with their
window-wide keys (as in the computational-graph lab), and the box that says the current step —
its title, its rule, its values and its matrix."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from core.explain import Step
from core.explain.report import vector_text
from gui import theme
from gui.explain.buttons import CompactButton
from gui.explain.tables import MatrixTable, html_text
from gui.focus_keys import keep_navigation_keys
from gui.i18n import translate
from gui.widgets import WrappedLabel

BUTTON_WIDTH = 48
BOLD = "<b style='color:{color}'>{text}</b>"  # i18n: not ui


class StepBar(QWidget):
    """The four step buttons in a row, each clicked by its key too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home_button = CompactButton()
        self.back_button = CompactButton()
        self.next_button = CompactButton()
        self.end_button = CompactButton()
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(3)
        #: each key and its button (Help ▸ Keyboard Shortcuts lists them)
        self.step_keys: list[tuple[QShortcut, QPushButton]] = []
        for button, key in ((self.home_button, Qt.Key.Key_Home),
                            (self.back_button, Qt.Key.Key_Left),
                            (self.next_button, Qt.Key.Key_Right),
                            (self.end_button, Qt.Key.Key_End)):
            button.setMinimumWidth(BUTTON_WIDTH)  # four in a row fit the narrow dock
            bar.addWidget(button)
            # Window-wide, so the keys step while the canvas has the focus too; enabled only
            # while a row is explained (a focused table, slider, text box or combo box keeps
            # the ones it moves with: focus_keys).
            shortcut = QShortcut(QKeySequence(key), self, button.click)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            self.step_keys.append((shortcut, button))
        keep_navigation_keys()

    def retranslate(self) -> None:
        for button, text, tip in (
                (self.home_button, translate("ExplainPanel", "First"),
                 translate("ExplainPanel", "The first step (Home)")),
                (self.back_button, translate("ExplainPanel", "← Back"),
                 translate("ExplainPanel", "One step back (←)")),
                (self.next_button, translate("ExplainPanel", "Next →"),
                 translate("ExplainPanel", "The next step (→)")),
                (self.end_button, translate("ExplainPanel", "Last"),
                 translate("ExplainPanel", "The last step (End)"))):
            button.setText(text)
            button.setToolTip(tip)
            # at least its words: a fixed 48 px cut "← 이전" and "다음 →" in a dock at its
            # narrowest (a projector's screen)
            button.setMinimumWidth(max(BUTTON_WIDTH, button.sizeHint().width()))

    def show_position(self, index: int, count: int) -> None:
        """At step ``index`` of ``count``: each button (and key) enabled when it leads
        somewhere; all disabled when there are no steps."""
        for widget in (self.home_button, self.back_button, self.next_button, self.end_button,
                       *(shortcut for shortcut, _button in self.step_keys)):
            widget.setEnabled(count > 0)
        if count:
            self.home_button.setEnabled(index > 0)
            self.back_button.setEnabled(index > 0)
            self.next_button.setEnabled(index < count - 1)
            self.end_button.setEnabled(index < count - 1)


class StepBox(QGroupBox):
    """The current step in words beside its numbers: its title (coloured by its pass), its
    rule, its values (each with its numerical gradient once checked) and its first matrix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step_title = WrappedLabel()
        self.rule = WrappedLabel()
        self.values = WrappedLabel()
        self.values.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.matrix = MatrixTable()
        layout = QVBoxLayout(self)
        for widget in (self.step_title, self.rule, self.values, self.matrix):
            layout.addWidget(widget)

    def clear(self) -> None:
        for label in (self.step_title, self.rule, self.values):
            label.setText("")
        self.matrix.show_matrix(None, None)

    def show_step(self, step: Step, numerical: dict[str, np.ndarray] | None) -> None:
        color = theme.FORWARD_VALUE if step.phase == "forward" else theme.GRADIENT
        self.step_title.setText(BOLD.format(color=color, text=html_text(step.title)))
        self.rule.setText(html_text(step.rule))
        lines = []
        for symbol, value in step.values.items():
            line = f"<b>{html_text(symbol)}</b> = {html_text(vector_text(value))}"  # i18n: not ui
            if numerical is not None and symbol in numerical:
                line += "<br>" + theme.coloured(translate(
                    "ExplainPanel", "numerical = {value}").format(
                        value=vector_text(numerical[symbol])), theme.MUTED_TEXT)
            lines.append(line)
        self.values.setText("<br>".join(lines))
        matrices = [(s, v) for s, v in step.values.items() if np.ndim(v) == 2]
        symbol, matrix = matrices[0] if matrices else (None, None)
        self.matrix.show_matrix(symbol, matrix, numerical)
