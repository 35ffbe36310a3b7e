"""Help ▸ About NetCanvas: the version and licence (:mod:`gui.package_info`), the book
NetCanvas is made for, and the libraries it runs on with the versions loaded now."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from gui.i18n import on_language_change
from gui.package_info import package_info
from gui.widgets import WrappedLabel, show_one


def libraries() -> list[tuple[str, str]]:
    """The libraries the window runs on and their versions at run time."""
    import numpy  # loaded by now; imported here so that opening the window never waits on it
    import pyqtgraph

    return [("Python", platform.python_version()),  # i18n: not ui
            ("Qt", qVersion()),  # i18n: not ui
            ("PySide6", PySide6.__version__),  # i18n: not ui
            ("NumPy", numpy.__version__),  # i18n: not ui
            ("pyqtgraph", pyqtgraph.__version__)]


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # asks for the height its wrapped text needs: Qt's guess cut the last lines (NumPy,
        # pyqtgraph) with a big system font
        self.text = WrappedLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About NetCanvas"))
        version, licence = package_info()
        unknown = self.tr("unknown (NetCanvas is not installed as a package)")
        parts = [
            "<h2>NetCanvas {version}</h2>".format(  # i18n: not ui
                version=html.escape(version or "")),
            "<p>{}</p>".format(self.tr(  # i18n: not ui
                "Build neural networks by hand on a canvas and watch them learn.")),
            "<p>{}</p>".format(self.tr(  # i18n: not ui
                "Made for students of the book <b>Deep Learning from Scratch</b> by Saito "
                "Koki (O'Reilly Japan), in Korean <b>밑바닥부터 시작하는 딥러닝</b> (Hanbit "
                "Media). NetCanvas follows its chapters; it is not part of the book.")),
            "<p>{}<br>{}</p>".format(  # i18n: not ui
                self.tr("Version: {version}").format(version=html.escape(version or unknown)),
                self.tr("Licence: {licence}").format(licence=html.escape(licence or unknown))),
            "<p>{}<br>{}</p>".format(self.tr("Built on:"), "<br>".join(  # i18n: not ui
                f"{name} {html.escape(number)}" for name, number in libraries())),
        ]
        self.text.setText("".join(parts))


def show_about(window: QWidget) -> AboutDialog:
    """Open (or bring forward) the About dialog."""
    return show_one(window, AboutDialog)
