"""What an empty canvas shows: how to begin, and the book's examples one click away.

A new window, File ▸ New, or deleting the last node leaves the canvas empty; a student then
sees a grid and must guess that nodes come from the Build panel and examples from a menu.
The start page says both in the middle of the canvas, with a button per example in the
book's order (perceptrons, the forward pass, learning, MNIST-like digits), and the last
projects that are still there. It goes away as
soon as the network has a node and comes back when it has none. It takes no drops: a node
dragged from the palette onto it lands on the canvas underneath.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.document.document import GraphDocument
from gui.files import EXAMPLES_TITLE, FileController, example_paths, example_texts
from gui.i18n import on_language_change, translate
from gui.widgets import plain_label

#: the examples offered, in the book's order (their titles and descriptions are the files')
STARTERS = ("xor_by_hand", "forward_pass_3layer", "xor_learned", "digits_mlp")
RECENT_SHOWN = 3  # recent projects offered
MARGIN = 24  # px kept free around the page inside the canvas
PADDING = 14  # px inside the card, above and below its content (6 more on its sides)
WIDTH = 460  # px: the text wraps to this width unless the buttons need more


class StartPage(QFrame):
    """The card over an empty canvas: its buttons open an example or a recent project through
    ``files`` (the window's :class:`~gui.files.FileController`)."""

    def __init__(self, view: QAbstractScrollArea, has_nodes: Callable[[], bool],
                 files: FileController) -> None:
        super().__init__(view.viewport())
        self.setObjectName("startPage")
        self.setAcceptDrops(False)  # a palette drag passes through to the canvas
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(f"#startPage {{ background: {theme.BODY}; border: 1px solid "
                           f"{theme.BORDER}; border-radius: 8px; }}")
        self._view = view
        self._has_nodes = has_nodes
        self._files = files
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout()  # two a row: a long title never squeezes its neighbour
        for name in (n for n in STARTERS if n in example_paths()):
            button = QPushButton()
            button.clicked.connect(lambda _=False, n=name: files.open_example(n))
            self.buttons[name] = button
        self.columns = 0
        self._lay_buttons(2)
        # the page's content scrolls in the card when the canvas is smaller than it (a
        # projector at 150 %, a big system font): it was squeezed, the example buttons
        # a few pixels high, their titles unreadable and out of reach
        self.content = QWidget()
        self.content.setAutoFillBackground(False)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(self.grid)
        self.more = QLabel()
        self.more.setWordWrap(True)
        layout.addWidget(self.more)
        self.recent_label = QLabel()
        self.recent_row = QHBoxLayout()  # the last projects, opened with one click
        self.recent_row.addWidget(self.recent_label)
        self.recent: list[QPushButton] = []
        for _i in range(RECENT_SHOWN):
            button = QPushButton()
            button.setFlat(True)
            button.setStyleSheet("QPushButton { color: palette(link); border: none; }"
                                 "QPushButton:hover, QPushButton:focus "
                                 "{ text-decoration: underline; }")  # a link, to the eye
            button.clicked.connect(lambda _=False, b=button: self._open_recent(b))
            self.recent.append(button)
            self.recent_row.addWidget(button)
        self.recent_row.addStretch()
        layout.addLayout(self.recent_row)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)  # the card's own colour
        outer = QVBoxLayout(self)
        outer.addWidget(self.scroll)
        view.viewport().installEventFilter(self)
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            # scrolling the view moves the viewport's children with its picture: back to the
            # middle (the scroll area's own slot, connected first, has moved it by then)
            bar.valueChanged.connect(lambda _value: self.place() if self.isVisible() else None)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.title.setText(translate("StartPage", "Start a network"))
        self.text.setText(translate(
            "StartPage", "Drag <i>Input</i>, <i>Hidden</i> and <i>Output</i> from the Build "
            "panel onto the canvas (or press its buttons), then drag from a node's right port "
            "to another node to connect them. Or open one of the book's examples:"))
        examples = self._files.file_menu_path(plain_label(translate("FileController",
                                                                       EXAMPLES_TITLE)))
        self.more.setText(translate("StartPage", "All examples: {menu}.").format(menu=examples))
        self.recent_label.setText(translate("StartPage", "Recent:"))
        for name, button in self.buttons.items():
            title, description = example_texts(example_paths()[name])
            button.setText(title)
            button.setToolTip(description)
            button.setAccessibleDescription(description)
        self.setAccessibleName(translate("StartPage", "Start a network"))
        self.place()

    def update_shown(self) -> None:
        """Shown exactly while the network has no node."""
        shown = not self._has_nodes()
        if shown:
            self._fill_recent()
        self.setVisible(shown)
        self.place()

    def _fill_recent(self) -> None:
        """The last projects (File ▸ Open Recent lists them all). Their files are not looked
        at here — a path on a drive that is gone can block for seconds — and one that has gone
        says so when opened."""
        paths = self._files.recent_files()[:RECENT_SHOWN]
        for button, path in zip(self.recent, [*paths, *[""] * RECENT_SHOWN], strict=False):
            button.setText(Path(path).name)
            button.setToolTip(path)
            button.setProperty("path", path)
            button.setVisible(bool(path))
        self.recent_label.setVisible(bool(paths))

    def _open_recent(self, button: QPushButton) -> None:
        path = str(button.property("path") or "")
        if path and self._files.maybe_save():
            self._files.load(path)

    def _lay_buttons(self, columns: int) -> None:
        """The example buttons ``columns`` a row (one on a canvas too narrow for two titles)."""
        if columns == self.columns:
            return
        self.columns = columns
        for index, button in enumerate(self.buttons.values()):
            self.grid.removeWidget(button)
            self.grid.addWidget(button, index // columns, index % columns)

    def place(self) -> None:
        """Centred in the canvas, as wide as its text wants up to the canvas's width (the
        buttons one a row when two titles do not fit), as tall as its content. On a canvas too
        small for it, the how-to text goes first (the Build panel says it too; the examples
        stay), then most of the room around and inside the card; what still does not fit
        scrolls."""
        area = self._view.viewport().rect()
        titles = max((b.sizeHint().width() for b in self.buttons.values()), default=0)
        two = 2 * titles + self.grid.horizontalSpacing()
        widest = max(two, self.recent_row.sizeHint().width())
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        for margin, inside, how_to in ((MARGIN, PADDING, True), (MARGIN, PADDING, False),
                                       (MARGIN // 4, PADDING // 3, False)):
            self.layout().setContentsMargins(inside + 6, inside, inside + 6, inside)
            sides, chrome = 2 * (inside + 6 + self.frameWidth()), 2 * (inside + self.frameWidth())
            width = max(120, min(max(widest + sides, WIDTH), area.width() - 2 * margin))
            self._lay_buttons(2 if width - sides - bar >= two else 1)
            self.text.setVisible(how_to)
            self.content.layout().invalidate()
            need = self.content.heightForWidth(width - sides) + chrome
            room = max(60, area.height() - 2 * margin)
            if need <= room:
                break
        else:  # it scrolls: its bar takes a strip
            need = self.content.heightForWidth(width - sides - bar) + chrome
        height = min(need, room)
        self.setFixedWidth(width)
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


def install_start_page(view: QAbstractScrollArea, doc: GraphDocument,
                       has_nodes: Callable[[], bool], files: FileController) -> StartPage:
    """A :class:`StartPage` over ``view`` that follows ``doc``'s nodes."""
    page = StartPage(view, has_nodes, files)
    for signal in (doc.node_added, doc.node_removed, doc.spec_reset):
        signal.connect(lambda *_args: page.update_shown())
    page.update_shown()
    return page

