"""The Explain dock's stepping widgets: the bar of First, ← Back, Next → and Last with their
window-wide keys (as in the computational-graph lab), and the box that says the current step —
its title, its rule, its values and its matrix."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QGridLayout, QGroupBox, QPushButton, QVBoxLayout, QWidget

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
    """The four step buttons in a row, each clicked by its key too; in two rows (First,
    ← Back over Next →, Last) when the dock is narrower than the row: with a 16 pt font at
    1024 × 768 the row was 317 pixels wide in a dock of 308, which scrolled sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home_button = CompactButton()
        self.back_button = CompactButton()
        self.next_button = CompactButton()
        self.end_button = CompactButton()
        self.buttons = (self.home_button, self.back_button, self.next_button, self.end_button)
        self._grid = bar = QGridLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(3)
        self.in_two_rows = False
        #: each key and its button (Help ▸ Keyboard Shortcuts lists them)
        self.step_keys: list[tuple[QShortcut, QPushButton]] = []
        for column, (button, key) in enumerate(((self.home_button, Qt.Key.Key_Home),
                                                (self.back_button, Qt.Key.Key_Left),
                                                (self.next_button, Qt.Key.Key_Right),
                                                (self.end_button, Qt.Key.Key_End))):
            button.setMinimumWidth(BUTTON_WIDTH)  # four in a row fit the narrow dock
            bar.addWidget(button, 0, column)
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
        self._arrange()
        self.updateGeometry()  # the least width of two rows changed with the words

    def _widths(self) -> list[int]:
        return [max(button.minimumWidth(), button.minimumSizeHint().width())
                for button in self.buttons]

    def minimumSizeHint(self) -> QSize:
        """As narrow as two rows of two buttons, as high as the rows they are in now."""
        first, back, next_, last = self._widths()
        spacing = self._grid.horizontalSpacing()
        return QSize(max(first, next_) + spacing + max(back, last),
                     super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """One row when the bar is wide enough for it, else two."""
        one_row = sum(self._widths()) + 3 * self._grid.horizontalSpacing()
        two_rows = self.width() < one_row
        if two_rows == self.in_two_rows:
            return
        self.in_two_rows = two_rows
        for index, button in enumerate(self.buttons):
            self._grid.removeWidget(button)
            row, column = divmod(index, 2) if two_rows else (0, index)
            self._grid.addWidget(button, row, column)
        for column in range(4):  # the columns in use share the width
            self._grid.setColumnStretch(column, 1 if column < 2 or not two_rows else 0)

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
