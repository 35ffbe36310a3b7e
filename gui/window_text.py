"""The main window's own texts, marked for translation (context ``MainWindow``): the help, the
docks' titles, the menus' titles and every action's label and tip. The window translates them
in its ``retranslate``; the English here is the source text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.canvas.keyboard import TAB_KEYS
from gui.i18n import translate
from gui.widgets import plain_label

HELP_TEXT = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<h3>Build a network by hand</h3>"
    "<ol><li>Choose a data set on the left (try the AND or XOR gate).</li>"
    "<li>Drag <b>Input</b>, <b>Hidden</b> and <b>Output</b> nodes onto the canvas.</li>"
    "<li>Drag from a node's right port to another node to connect them. Refused targets turn "
    "red and the status bar says why.</li>"
    "<li>Select a node to set its units and activation in the inspector.</li>"
    "<li>Double-click a weight line or a neuron to type a weight or bias, and watch the "
    "predictions change.</li></ol>"
    "<p>Wheel: zoom · middle-drag or Space+drag: pan · drag on empty canvas: select.</p>")

HELP_KEYS = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<h3>Build with the keyboard</h3>"
    "<p>With the canvas focused, <b>{tab}</b> selects the next node and <b>{add}</b> adds it "
    "to the selection; <b>]</b> and <b>[</b> select the next and previous connection (of the "
    "selected node, else of all). The arrow keys move the selected nodes (Shift: further; "
    "while Explain steps through a row, Alt+arrow keys). <b>{connect}</b> ({connect_key}) in "
    "the <b>{edit}</b> menu connects the two selected nodes, and <b>{delete}</b> "
    "({delete_key}) removes what is selected. <b>{values}</b> ({values_key}) types the biases "
    "of the selected node and the weights coming into it, or the weights of the selected "
    "connection ({tab}: the next value). <b>{shortcuts}</b> ({shortcuts_key}) lists every "
    "key.</p>")

#: how a keyboard user adds a node and gets back to the canvas (the paragraph above starts on
#: the canvas, and the palette said only "drag")
HELP_ADD_KEYS = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<p>To add a node, press {tab} until <b>{input}</b>, <b>{hidden}</b> or <b>{output}</b> on "
    "the left has the focus, then Space: the node lands on a free spot beside the selected "
    "node, or in the middle of the view. "
    "<b>{go}</b> ({go_key}) brings the focus back to the canvas from anywhere.</p>")

HELP_MORE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "<h3>Train it, bring data, explore</h3>"
    "<p><b>{train}</b> ({key}) in the <b>{training}</b> menu trains the network on the data "
    "set; watch the loss fall. <b>{import_data}</b> under the data sets brings your own "
    "CSV, NPZ or MNIST files. <b>{examples}</b> opens ready-made projects, and the "
    "<b>{labs}</b> menu holds experiments from the book.</p>")


def key_of(action: QAction) -> str:
    """An action's (first) shortcut as the menus show it."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def keyboard_help(window: Any) -> str:
    """The paragraph on building with the keyboard: the keys from where they are handled, the
    commands by their own labels and shortcuts."""
    connect, delete = window.canvas_keys.connect_action, window.delete_action
    edit = next(menu for menu in delete.associatedObjects() if isinstance(menu, QMenu))
    return translate("MainWindow", HELP_KEYS).format(
        tab=TAB_KEYS[0][0].toString(QKeySequence.SequenceFormat.NativeText),
        add=TAB_KEYS[2][0].toString(QKeySequence.SequenceFormat.NativeText),
        connect=plain_label(connect.text()), connect_key=key_of(connect),
        edit=plain_label(edit.title()), delete=plain_label(delete.text()),
        delete_key=key_of(delete), values=plain_label(window.keyboard_values.action.text()),
        values_key=key_of(window.keyboard_values.action),
        shortcuts=plain_label(window.shortcuts_action.text()),
        shortcuts_key=key_of(window.shortcuts_action)) + translate(
        "MainWindow", HELP_ADD_KEYS).format(
        tab=TAB_KEYS[0][0].toString(QKeySequence.SequenceFormat.NativeText),
        **{kind: button.text() for kind, button in window.palette.buttons.items()},
        go=plain_label(window.go_canvas_action.text()), go_key=key_of(window.go_canvas_action))


def help_text(window: Any) -> str:
    """The help in the current language; the menus and buttons it sends the reader to are
    named by their own (translated) labels."""
    train = window.training.actions["train"]
    return translate("MainWindow", HELP_TEXT) + keyboard_help(window) + translate(
        "MainWindow", HELP_MORE).format(
        train=plain_label(train.text()), key=key_of(train),
        training=plain_label(window.training.menu.title()),
        import_data=plain_label(window.data_picker.import_button.text()),
        examples=window.files.file_menu_path(window.files.examples_menu.title()),
        labs=plain_label(window.labs_menu.title()))


#: the docks' keys in ``MainWindow.docks`` (identifiers, English for good) → shown titles
DOCK_TITLES = {
    "Build": QT_TRANSLATE_NOOP("MainWindow", "Build"),
    "Predictions": QT_TRANSLATE_NOOP("MainWindow", "Predictions"),
    "Problems": QT_TRANSLATE_NOOP("MainWindow", "Problems"),
    "Inspector": QT_TRANSLATE_NOOP("MainWindow", "Inspector"),
}

MENU_TITLES = {
    "file": QT_TRANSLATE_NOOP("MainWindow", "&File"),
    "edit": QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    "view": QT_TRANSLATE_NOOP("MainWindow", "&View"),
    "help": QT_TRANSLATE_NOOP("MainWindow", "&Help"),
}

#: action name → (label, tip): the tip is the status tip and, after the label, the tooltip
ACTIONS = {
    "new": (QT_TRANSLATE_NOOP("MainWindow", "&New"),
            QT_TRANSLATE_NOOP("MainWindow", "Start an empty canvas")),
    "open": (QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
             QT_TRANSLATE_NOOP("MainWindow", "Open a project")),
    "save": (QT_TRANSLATE_NOOP("MainWindow", "&Save"),
             QT_TRANSLATE_NOOP("MainWindow", "Save the project")),
    "save_as": (QT_TRANSLATE_NOOP("MainWindow", "Save &As…"),
                QT_TRANSLATE_NOOP("MainWindow", "Save the project under a new name")),
    "quit": (QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
             QT_TRANSLATE_NOOP("MainWindow", "Close NetCanvas")),
    "delete": (QT_TRANSLATE_NOOP("MainWindow", "&Delete"),
               QT_TRANSLATE_NOOP("MainWindow", "Delete the selected nodes (with their "
                                               "connections) and connections")),
    "select_all": (QT_TRANSLATE_NOOP("MainWindow", "Select &All"),
                   QT_TRANSLATE_NOOP("MainWindow", "Select every node")),
    "copy": (QT_TRANSLATE_NOOP("MainWindow", "&Copy"),
             QT_TRANSLATE_NOOP("MainWindow", "Copy the selected nodes with their weights")),
    "paste": (QT_TRANSLATE_NOOP("MainWindow", "&Paste"),
              QT_TRANSLATE_NOOP("MainWindow", "Paste copied nodes")),
    "layout": (QT_TRANSLATE_NOOP("MainWindow", "&Auto-layout"),
               QT_TRANSLATE_NOOP("MainWindow", "Arrange the nodes in columns by depth")),
    "go_canvas": (QT_TRANSLATE_NOOP("MainWindow", "&Go to Canvas"),
                  QT_TRANSLATE_NOOP("MainWindow", "Move the keyboard focus to the canvas, where "
                                                  "Tab selects the nodes")),
    "fit": (QT_TRANSLATE_NOOP("MainWindow", "Zoom to &Fit"),
            QT_TRANSLATE_NOOP("MainWindow", "Show the whole network")),
    "zoom_in": (QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"),
                QT_TRANSLATE_NOOP("MainWindow", "Zoom in")),
    "zoom_out": (QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"),
                 QT_TRANSLATE_NOOP("MainWindow", "Zoom out")),
    "neuron_limit": (QT_TRANSLATE_NOOP("MainWindow", "&Neuron View Limit…"),
                     QT_TRANSLATE_NOOP("MainWindow", "Nodes with up to this many units draw "
                                                     "each neuron and weight")),
    "full_screen": (QT_TRANSLATE_NOOP("MainWindow", "F&ull Screen"),
                    QT_TRANSLATE_NOOP("MainWindow", "Show the window over the whole screen, "
                                                    "for a projector (press again to leave)")),
    "canvas_only": (QT_TRANSLATE_NOOP("MainWindow", "&Canvas Only"),
                    QT_TRANSLATE_NOOP("MainWindow", "Hide the panels (Explain stays while it is "
                                                    "open) and show the canvas as large as the "
                                                    "window; press again to bring them back")),
    "help": (QT_TRANSLATE_NOOP("MainWindow", "How to &Build a Network"),
             QT_TRANSLATE_NOOP("MainWindow", "A short guide")),
    "shortcuts": (QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
                  QT_TRANSLATE_NOOP("MainWindow", "Every key NetCanvas answers to, and where")),
    "about": (QT_TRANSLATE_NOOP("MainWindow", "&About NetCanvas"),
              QT_TRANSLATE_NOOP("MainWindow", "The version, the licence and the book")),
}
