"""What every lab window shares: a title, a "what to notice" text, and a body to fill.

Translation: ``title`` is one of the Labs menu's titles (marked in :mod:`gui.labs` under the
context ``"Labs"``) and ``notice`` is marked where the class defines it, with that class's name
as context: ``notice = QT_TRANSLATE_NOOP("PerceptronLab", "<b>What to notice.</b> …")``. The
base shows both in the current language and again whenever it changes, by itself. A lab whose
notice depends on its state overrides :meth:`LabWindow.notice_text` and calls
:meth:`LabWindow.show_notice` when the state changes; a lab that sets ``notice_label``'s text
itself keeps it (the base then leaves the notice alone). A lab's own texts go in its
``retranslate()``, registered with ``gui.i18n.on_language_change`` at the end of its ``__init__``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui import theme
from gui.background import BackgroundJob
from gui.context import ProjectContext
from gui.docks import scrolling
from gui.i18n import translate
from gui.labs import CLOSE_KEYS
from gui.plot_menu import add_plot_menus
from gui.plot_style import use_app_colours
from gui.widgets import fit_to_screen, link_form_labels, tab_passes_tables

#: the context of the lab titles (the Labs menu and the windows' titles)
TITLE_CONTEXT = "Labs"  # i18n: not ui


#: a lab's column of controls beside its plots, in characters: 330 px at the default font. It
#: was 330 px whatever the font, and with a projector's 14 pt font its spin boxes, buttons and
#: group titles were cut off (the Search, Computational graph and Regularization labs)
COLUMN_CHARACTERS = 55


def column_width(widget: QWidget) -> int:
    """The width of a lab's column of controls in ``widget``'s font (at least 330 px)."""
    return max(330, widget.fontMetrics().averageCharWidth() * COLUMN_CHARACTERS)


def say(label: QLabel, text: str, error: bool = False) -> None:
    """Put a status message on ``label``; an error in red (a lab never opens a dialog)."""
    red = f"<span style='color:{theme.ERROR_TEXT}'>{text}</span>"  # i18n: not ui
    label.setText(red if error else text)


def name_view(widget: QWidget, name: str, description: str | None = None) -> None:
    """Name a lab's plot or table for a screen reader, which said only "graphics view" or
    "table": ``name`` what it is, ``description`` what it shows (without one, Qt reads the
    widget's tooltip). Called with translated text from the lab's ``retranslate``."""
    widget.setAccessibleName(name)
    if description is not None:
        widget.setAccessibleDescription(description)


def lab_title(title: str) -> str:
    """A lab's ``title`` (as registered in :data:`gui.labs.LABS`) in the current language."""
    return translate(TITLE_CONTEXT, title)


class _LanguageWatch(QObject):
    """Calls the lab's frame retranslation on LanguageChange (after the lab's own filters,
    which were installed later and so run first)."""

    def __init__(self, lab: LabWindow) -> None:
        super().__init__(lab)
        self._lab = lab
        lab.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._lab.retranslate_frame()
        return False


class LabWindow(QWidget):
    """A top-level lab window. Subclasses set ``title`` and ``notice`` (rich text: what the
    student should look for) and lay their controls out in :attr:`body`. Long work goes to a
    :class:`~gui.background.BackgroundJob` child, which is cancelled and joined when the
    window closes. ``context`` is the main window's project, for labs that work on it."""

    title = ""
    notice = ""

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        use_app_colours()  # before the lab makes its plots
        self.context = context
        self.resize(1100, 720)
        layout = QVBoxLayout(self)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("labNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextFormat(Qt.TextFormat.RichText)
        self.notice_label.setStyleSheet(
            f"#labNotice {{ background: {theme.NOTICE_BACKGROUND};"
            f" border: 1px solid {theme.NOTICE_BORDER}; border-radius: 6px;"
            f" padding: 8px; color: {theme.TEXT}; }}")
        layout.addWidget(self.notice_label)
        self.body = QWidget()
        # scrolls when the screen is smaller than the lab needs (a projector at 150 % is 683 ×
        # 512 logical pixels): its right and bottom parts were off the screen, out of reach
        area = scrolling(self.body, sideways=True)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the lab's widgets (and
        layout.addWidget(area, 1)                     # scrolls the one it reaches into view)
        self._fitted = False
        self.designed_size = self.size()
        # The subclass is not built yet: show the class's own notice now (not a state's).
        self._shown_notice = LabWindow.notice_text(self)
        self.notice_label.setText(self._shown_notice)
        self.setWindowTitle(self.window_title())
        self.close_action = QAction(self)  # Ctrl+W (Esc: keyPressEvent)
        self.close_action.setShortcuts([QKeySequence(key) for key in CLOSE_KEYS[1:]])
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        _LanguageWatch(self)

    # ------------------------------------------------------------------ translation
    def window_title(self) -> str:
        """"<title> — NetCanvas lab" in the current language."""
        return translate("LabWindow", "{title} — NetCanvas lab").format(
            title=lab_title(self.title))

    def notice_text(self) -> str:
        """The "what to notice" text in the current language. By default the class's
        ``notice``, translated in the context of the class that defines it; labs whose notice
        follows their state override this (and call :meth:`show_notice`)."""
        owner = next((cls for cls in type(self).__mro__ if "notice" in vars(cls)), LabWindow)
        return translate(owner.__name__, self.notice) if self.notice else ""

    def show_notice(self) -> None:
        """Show :meth:`notice_text` now (after a change of the lab's state)."""
        self._shown_notice = self.notice_text()
        self.notice_label.setText(self._shown_notice)

    def retranslate_frame(self) -> None:
        """The window title and the notice in the current language (called on every change
        of language). A notice the lab put on the label itself is left to the lab."""
        self.setWindowTitle(self.window_title())
        if self.notice_label.text() == self._shown_notice:
            self.show_notice()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time: no larger than the screen, and whole on it."""
        if not self._fitted:
            self._fitted = True
            self.designed_size = self.size()  # what the lab asked for (its README picture's)
            link_form_labels(self.body)  # the lab is built: its fields named by their labels
            tab_passes_tables(self.body)
            add_plot_menus(self.body)  # its plots' right-click menu: copy, save, show all
            fit_to_screen(self, self.screen().availableGeometry())
        super().showEvent(event)

    # ------------------------------------------------------------------ closing
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if QKeySequence(event.keyCombination()) == QKeySequence(CLOSE_KEYS[0]):
            self.close()  # Esc that no widget of the lab used, as in a dialog
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        interrupted = False
        for job in self.findChildren(BackgroundJob):
            interrupted |= job.running
            job.shutdown()
        super().closeEvent(event)
        if interrupted:
            self.closed_mid_run()

    def closed_mid_run(self) -> None:
        """Closing stopped a job (a shut-down job sends no ``finished``): say so and show
        what it got. Labs with background work override this."""
