"""A format's name is one: ``netcanvas export --format numpy`` said "exported numpy to …"
("numpy로 내보냈습니다" in Korean) where File ▸ Export says "NumPy script" ("NumPy 스크립트로").
The command line and the window now both say the window's names, in English and in Korean."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gui import cli
from gui.i18n import set_language
from resources.examples import example_path
from tests.gui.test_export_menu import menu_action

CASES = [
    ("en", "numpy", "NumPy Script…", "exported NumPy script to ",
     "Exported the network as NumPy script to this folder:"),
    ("en", "pytorch", "PyTorch…", "exported PyTorch to ",
     "Exported the network as PyTorch to this folder:"),
    ("ko", "numpy", "NumPy 스크립트(N)…", "NumPy 스크립트로 내보냈습니다: ",
     "신경망을 NumPy 스크립트로 이 폴더에 내보냈습니다:"),
    ("ko", "pytorch", "PyTorch(P)…", "PyTorch로 내보냈습니다: ",
     "신경망을 PyTorch로 이 폴더에 내보냈습니다:"),
]


@pytest.fixture
def english_after(qapp):
    yield
    set_language("en")


@pytest.mark.parametrize(("language", "fmt", "action", "cli_says", "window_says"), CASES)
def test_the_command_line_and_the_window_name_a_format_alike(
        qtbot, window, monkeypatch, tmp_path, capsys, english_after, language, fmt, action,
        cli_says, window_says):
    set_language(language)
    target = tmp_path / ("window.py" if fmt == "numpy" else "window")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args: (str(target), ""))
    assert window.files.open_example("xor_by_hand")
    menu_action(window, action).trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "export_done") is not None,
                    timeout=60000)
    box = window.findChild(QMessageBox, "export_done")
    assert box.text().splitlines()[0] == window_says

    out = tmp_path / ("cli.py" if fmt == "numpy" else "cli")
    capsys.readouterr()
    assert cli.main(["export", str(example_path("xor_by_hand")), "--format", fmt,
                     "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith(f"{cli_says}{out}")


def test_a_pytorch_export_named_like_a_file_is_the_folder_without_its_ending(
        qtbot, window, monkeypatch, tmp_path, capsys):
    """"mnist_torch.py" made a folder called mnist_torch.py, in the window and on the command
    line: the PyTorch export is a folder (model.py, train.py, ...), so the ending is dropped,
    alike in both."""
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args: (str(tmp_path / "window_torch.py"), ""))
    assert window.files.open_example("xor_by_hand")
    menu_action(window, "PyTorch…").trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "export_done") is not None,
                    timeout=60000)
    box = window.findChild(QMessageBox, "export_done")
    assert box.text().splitlines()[1] == str(tmp_path / "window_torch")
    assert (tmp_path / "window_torch" / "model.py").is_file()

    capsys.readouterr()
    assert cli.main(["export", str(example_path("xor_by_hand")), "--format", "pytorch",
                     "--out", str(tmp_path / "cli_torch.PY")]) == 0
    assert f"{tmp_path / 'cli_torch' / 'model.py'}" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cli_torch", "window_torch"]
