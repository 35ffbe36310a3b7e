"""The Loss panel's legend in a short panel with a projector's big system font: at 1024 × 768
with a 16 pt font and the Explain dock open, the panel is 156 pixels high and its legend may
take one line beside "log scale", CSV… and PNG…; the English one needs 443 pixels of the 390
it has. It was clipped at the check box, the mark of "test" against it without its name. The
legend now shows the entries that fit, whole, then "…", the whole legend in its tooltip."""

import pytest

from tests.gui.text_fit import BIG_FONT_WINDOW

SHORT_LOSS = BIG_FONT_WINDOW + """
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
window.files.open_example("xor_learned")
settle()
QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Explain…
settle()
panel = window.training.hosts["Loss"].panel
note = panel.note
shown = QLabel.text(note)  # what the label draws
probe = QLabel()  # the shown text's size, drawn as the note draws it
probe.setFont(note.font())
probe.setWordWrap(note.wordWrap())
probe.setText(shown)
need = ([probe.heightForWidth(note.width()), note.height()] if note.wordWrap()
        else [probe.sizeHint().width(), note.width()])
tools = [note.box, panel.log_check, panel.csv_button, panel.png_button]
boxes = [[*w.mapTo(panel, w.rect().topLeft()).toTuple(), w.width(), w.height()] for w in tools]
result["note"] = {"explain": window.explain.dock.isVisible(), "panel": panel.height(),
                  "lines": note.lines, "shown": shown, "whole": note.toolTip() or shown,
                  "need": need, "boxes": boxes,
                  "names": [translate("LossPanel", "per batch"),
                            *(part_name(part) for part in ("train", "val", "test"))]}
panel.grab().save(sys.argv[1] + "/loss.png")
"""


def overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_loss_legend_in_a_short_panel_is_cut_between_entries(tmp_path, language):
    from tests.gui.scaled import run_scaled
    from tests.gui.training.test_narrow_panels import SETTLE

    body = SHORT_LOSS.replace("import time", "import time\nfrom gui.i18n import translate\n"
                             "from gui.training.plots.base import part_name")
    seen = run_scaled(SETTLE + body, tmp_path, (1024, 768), 1, language)["note"]
    assert seen["explain"] and seen["lines"] == 1  # short: one line of legend
    needed, room = seen["need"]
    assert needed <= room, seen["shown"]  # nothing drawn past the note's edge
    boxes = seen["boxes"]
    assert not any(overlap(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:])
    shown, whole = seen["shown"], seen["whole"]
    names = [name.replace(" ", "&nbsp;") for name in seen["names"]]
    assert all(name in whole for name in names)
    if shown != whole:  # cut: between two entries, said with "…"
        assert shown.endswith("…") and whole.startswith(shown[:-1].rstrip())
        kept = [name for name in names if name in shown]
        assert kept == names[:len(kept)] and len(kept) >= 1
    if language == "ko":  # the Korean legend is short enough to be whole
        assert shown == whole
