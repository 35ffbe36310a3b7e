"""Start the window: ``main(["project.netcanvas"])`` or ``main(["--example", "xor_by_hand"])``.

Called by ``netcanvas`` (gui/cli.py) with the arguments after the optional ``gui`` command.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core.error_words import own_words
from gui.i18n import start_language, translate
from gui.interrupts import close_on_signals
from gui.language_menu import warn_about_fonts
from gui.platform_check import check_xcb
from resources.icons import icon_path

APP_NAME = "NetCanvas"  # i18n: not ui
ORGANIZATION = "NetCanvas"  # i18n: not ui


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="netcanvas gui", add_help=False)  # i18n: not ui
    parser.add_argument("project", nargs="?")
    parser.add_argument("--example")
    args, _unknown = parser.parse_known_args(argv)  # Qt options such as -platform pass through
    return args


def application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, created with NetCanvas's names for QSettings if needed."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME, *(argv or [])])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(icon_path("png"))))
    app.setDesktopFileName("netcanvas")  # Wayland matches the window to netcanvas.desktop
    return app


def report_unexpected_errors(parent: QWidget) -> None:
    """Show a bug as a dialog (details expandable) instead of a traceback in a terminal the
    student may not even see; the traceback still goes to stderr for a bug report."""

    def hook(kind: type[BaseException], value: BaseException,
             tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        sys.stderr.write(details)
        box = QMessageBox(QMessageBox.Icon.Critical, translate("App", "Unexpected error"),
                          translate("App", "Something went wrong: {error}\n\nYour project is "
                                           "still open; save it under a new name to be safe.")
                          .format(error=own_words(value)), parent=parent)
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def main(argv: list[str] | None = None) -> int:
    """Open the main window (and a project or example); returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse(argv)
    failed = check_xcb(argv)  # before Qt can abort on a missing X11 library
    if failed is not None:
        return failed
    app = application()
    code = start_language(QSettings())
    from gui.autosave import offer_recovery
    from gui.main_window import MainWindow

    window = MainWindow()
    window.place_on(window.screen().availableGeometry())
    report_unexpected_errors(window)
    close_on_signals(window)  # Ctrl+C in the terminal quits as File ▸ Quit does
    window.show()
    warn_about_fonts(window, code)
    restored = offer_recovery(window.autosave)  # restored work first: files wait for the menu
    if not window.isVisible():  # Ctrl+C or kill closed it while a start-up dialog was open:
        return 0  # app.exec() would wait for a window that is gone
    if not restored:
        if args.example:
            window.files.open_example(args.example)
        elif args.project:
            window.files.load(args.project)
    elif args.example or args.project:  # one window, one project: say why it is not open
        window.files.set_aside(args.project or "", args.example or "")
    if not window.isVisible():
        return 0
    window.view.fit_to_view()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
