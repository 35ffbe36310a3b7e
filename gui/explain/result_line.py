"""What the Explain dock says under its buttons: what Check or the SGD step did — the step's
numbers while it is applied, that it was undone once it is not — or why it was not applied;
and a typing slip in the inputs box, said under the box."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from gui import theme
from gui.document.undo_budget import same_entry
from gui.explain.shown import StepMark, sgd_note
from gui.i18n import translate
from gui.widgets import WrappedLabel


class ResultLine:
    """The two labels and what they say (``state``, to say again after a language switch, an
    undo or a new trace)."""

    def __init__(self, undo_stack: QUndoStack) -> None:
        self.undo_stack = undo_stack
        self.result = WrappedLabel()
        self.inputs_error = WrappedLabel()
        self.inputs_error.hide()
        self.state: tuple = ()

    def say(self, state: tuple | None = None, keep: bool = True) -> None:
        """Say ``state`` (None: what was said before, if ``keep``): ("typo",) (said under the
        inputs), ("refused", why) or ("sgd", row, lr, before, after, mark) — said as done,
        undone, or let go by the undo history (:func:`gui.explain.shown.sgd_note`); () says
        nothing."""
        if state is not None or not keep:
            self.state = state or ()
        state = self.state
        typo = state[:1] == ("typo",)
        self.inputs_error.setText(theme.coloured(translate(
            "ExplainPanel", "Type numbers separated by commas, e.g. 0.5, 1."),
            theme.ERROR_TEXT) if typo else "")
        self.inputs_error.setVisible(typo)
        self.result.setVisible(bool(state) and not typo)
        if state[:1] == ("refused",):
            self.result.setText(theme.coloured(translate(
                "ExplainPanel", "Not applied: {reason}").format(reason=state[1]), theme.ERROR_TEXT))
        elif state[:1] == ("sgd",):
            self.result.setText(sgd_note(*state[1:5], self.applied(state[5]), state[5]))
        else:
            self.result.setText("")

    def applied(self, mark: StepMark) -> bool:
        """Whether ``mark``'s step is on the undo stack and not undone."""
        command = mark.command
        if command is None:  # let go by the undo history, and freed
            return False
        stack = self.undo_stack
        return any(same_entry(stack.command(k), command) for k in range(stack.index()))
