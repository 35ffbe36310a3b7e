"""Every window in Korean, photographed and checked for text that does not fit.

``UPDATE_SCREENSHOTS=1`` saves the pictures of README.ko.md into resources/screenshots/ko/.
The check is :func:`tests.gui.text_fit.clipped_texts`: a label, button, check box, group title or
tab whose Korean text needs more room than it has fails the test, naming it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from gui.i18n import set_language
from gui.labs import LABS
from tests.gui.explain.test_explain_screenshot import explain_mid_backward
from tests.gui.screenshots import SCREENSHOTS, screenshot_target
from tests.gui.text_fit import settled_clipped_texts
from tests.gui.training.test_runs_screenshot import three_runs_compared
from tests.gui.training.test_screenshots import paused_mid_training
from tests.gui.training.test_timeline import spiral_pulled_back
from tests.gui.training_support import click, open_example

ENGLISH_PHRASE = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{3,}\b")  # "add an input node"


def english_phrases(texts: list[str]) -> list[str]:
    """Visible texts holding three English words in a row: an untranslated sentence (names,
    symbols, identifiers and formulas never make three lower-case words)."""
    plain = [re.sub(r"<[^>]+>|&\w+;", " ", t) for t in texts]
    return [t for t in plain if ENGLISH_PHRASE.search(t)]


def save(widget, name: str, tmp_path: Path) -> None:
    target = screenshot_target(f"ko/{name}", tmp_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().toImage().save(str(target))


def visible_texts(widget) -> list[str]:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    found = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisible() and child.text():
            found.append(child.text())
    found += [g.title() for g in widget.findChildren(QGroupBox) if g.isVisible() and g.title()]
    return found


def test_the_main_window_in_korean(qtbot, window, korean, tmp_path):
    window.place_on(QRect(0, 0, 1440, 900))
    open_example(window, "xor_by_hand")
    qtbot.wait(300)
    assert settled_clipped_texts(qtbot, window) == []
    assert english_phrases(visible_texts(window)) == []
    assert [a.text() for a in window.menuBar().actions()][:3] == ["파일(&F)", "편집(&E)",
                                                                   "보기(&V)"]
    save(window, "main_window_xor.png", tmp_path)


@pytest.mark.parametrize("key", [info.key for info in LABS])
def test_each_lab_in_korean(qtbot, window, open_lab, korean, key, tmp_path):
    lab = open_lab(key)
    qtbot.wait(200)
    assert any("\uac00" <= c <= "\ud7a3" for c in lab.windowTitle())
    assert settled_clipped_texts(qtbot, lab) == []
    assert english_phrases(visible_texts(lab)) == []
    save(lab, f"lab_{key}.png", tmp_path)


def test_training_in_korean(qtbot, window, korean, tmp_path):
    paused_mid_training(qtbot, window, "spiral", 8, 300, 100, ("Loss", "Output"))
    ui = window.training
    assert settled_clipped_texts(qtbot, window) == []
    assert ui.docks["Loss"].windowTitle() == "손실"
    save(window, "training_spiral.png", tmp_path)
    with qtbot.waitSignal(ui.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_explain_in_korean(qtbot, window, korean, tmp_path):
    explain_mid_backward(qtbot, window)
    assert window.explain.dock.windowTitle() == "단계별 설명"
    assert settled_clipped_texts(qtbot, window) == []
    assert english_phrases(visible_texts(window)) == []
    save(window, "explain_backward.png", tmp_path)


def test_runs_compared_in_korean(qtbot, window, korean, tmp_path):
    """Three runs trained in Korean; the runs list and the legend of the runs drawn under the
    current one switch to English and back live."""
    three_runs_compared(qtbot, window)
    ui = window.training
    korean_labels = [o.label for o, _ in ui.loss.overlays]
    assert len(korean_labels) == 2
    assert all(any("\uac00" <= c <= "\ud7a3" for c in label) for label in korean_labels)
    assert ui.runs.model.index(2, 2).data() == "배치 크기 32 → 8"
    assert ui.docks["Runs"].windowTitle() == "실행 목록"
    set_language("en")
    assert [o.label for o, _ in ui.loss.overlays] == ["run 1: first run",
                                                      "run 2: lr 0.03 → 0.003"]
    assert ui.runs.model.index(2, 2).data() == "batch size 32 → 8"
    set_language("ko")
    assert [o.label for o, _ in ui.loss.overlays] == korean_labels
    window.view.fit_to_view()
    assert settled_clipped_texts(qtbot, window) == []
    save(window, "runs_compared.png", tmp_path)


def test_timeline_pulled_back_in_korean(qtbot, window, korean, tmp_path):
    spiral_pulled_back(qtbot, window)
    label = window.training.timeline.bar.label.text()
    assert "에폭 15" in label and "최신" not in label  # pulled back: not the latest
    assert settled_clipped_texts(qtbot, window) == []
    assert english_phrases(visible_texts(window)) == []
    save(window, "timeline_spiral.png", tmp_path)


def test_the_korean_readme_shows_these_pictures():
    readme = (SCREENSHOTS.parents[1] / "README.ko.md").read_text(encoding="utf-8")
    for name in ("main_window_xor.png", "training_spiral.png", "lab_perceptron.png",
                 "explain_backward.png", "runs_compared.png", "timeline_spiral.png"):
        assert f"resources/screenshots/ko/{name}" in readme
        assert (SCREENSHOTS / "ko" / name).stat().st_size > 0

