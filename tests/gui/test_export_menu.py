"""File ▸ Export and File ▸ Import Weights…, driven through the window's real menu actions: the
files written answer as the network in the window does, an import is one undo step, and every
refusal is said in words."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import onnxruntime
import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.export import plan_export
from core.export.common import pytorch_model_mark
from tests.core.export.conftest import all_close, epoch_losses, import_file, run_script
from tests.gui.screenshots import screenshot_target
from tests.gui.training_support import open_example, train_to_end

TARGETS = {"pytorch": "net_pytorch", "onnx": "net.onnx", "numpy": "net.py"}


def menu_action(window, text: str):
    """The File menu's action (or Export submenu's) whose text, without mnemonics, is ``text``."""
    file_menu = window.menuBar().actions()[0].menu()
    actions = [*file_menu.actions(), *window.export_menu.menu.actions()]
    return next(a for a in actions if a.text().replace("&", "") == text)


@pytest.fixture
def save_to(monkeypatch):
    """Make the save dialog answer ``path`` (and remember what it was asked)."""
    asked = []

    def answer(path: Path):
        def dialog(parent, caption, start, *args):
            asked.append((caption, start))
            return str(path), ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
        return asked
    return answer


@pytest.fixture
def open_file(monkeypatch):
    def answer(path: Path):
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            staticmethod(lambda *args: (str(path), "")))
    return answer


def exported_box(qtbot, window) -> QMessageBox:
    """The "exported" message, once the background export has ended."""
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "export_done") is not None,
                    timeout=60000)
    return window.findChild(QMessageBox, "export_done")


def predictions(fmt: str, path: Path, x: np.ndarray) -> np.ndarray:
    if fmt == "onnx":
        session = onnxruntime.InferenceSession(str(path))
        return session.run(None, {"x": x.astype(np.float32)})[0]
    if fmt == "numpy":
        return import_file(path, "gui_export_numpy").predict(x)
    import torch

    with torch.no_grad():
        model = import_file(path / "model.py", "gui_export_model").load_model()
        return model(torch.tensor(x, dtype=torch.float32)).numpy()


@pytest.mark.parametrize("fmt", TARGETS)
def test_each_format_exports_what_the_window_shows(qtbot, window, save_to, tmp_path, fmt,
                                                   dialogs, monkeypatch):
    assert window.files.open_example("xor_by_hand")  # hand-set weights: nothing to note
    target = tmp_path / TARGETS[fmt]
    save_to(target)
    label = {"pytorch": "PyTorch…", "onnx": "ONNX…", "numpy": "NumPy Script…"}[fmt]
    menu_action(window, label).trigger()
    assert window.export_menu.busy.isVisibleTo(window)  # the work runs off the GUI thread
    box = exported_box(qtbot, window)
    assert str(target if fmt == "pytorch" else tmp_path) in box.text()
    assert "untrained" not in box.text() and dialogs.shown == []
    plan = plan_export(window.files.project())
    x = plan.dataset.x
    assert all_close(predictions(fmt, target, x), plan.netcanvas_output(x))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    button = next(b for b in box.buttons() if b.text() == "Open Folder")
    button.click()
    folder = target if fmt == "pytorch" else tmp_path
    assert opened == [QUrl.fromLocalFile(str(folder))]
    assert not window.export_menu.busy.isVisibleTo(window)


def test_a_script_exported_after_training_goes_on_as_train_does(qtbot, window, save_to,
                                                                 tmp_path):
    """Train in the window, export the NumPy script and run it: it printed other losses than
    the window's next Train measures (a fresh Adam, the first epoch's shuffle again); it now
    goes on from where the window's run stopped, as Train does."""
    open_example(window, "spiral", epochs=2)
    train_to_end(qtbot, window)
    save_to(tmp_path / "spiral.py")
    menu_action(window, "NumPy Script…").trigger()
    exported_box(qtbot, window)
    result = run_script(["spiral.py", "--epochs", "2"], tmp_path)
    assert result.returncode == 0, result.stderr
    train_to_end(qtbot, window)  # two more epochs, going on from the first two
    losses = window.files.project().load_history().epochs["train_loss"]
    assert len(losses) == 4
    assert np.allclose(epoch_losses(result.stdout), losses[2:], rtol=1e-5, atol=0)
    assert [line.split()[:2] for line in result.stdout.splitlines()[:2]] == [
        ["epoch", "3"], ["epoch", "4"]]  # numbered as the window's Loss panel numbers them


def test_an_untrained_network_exports_its_initial_weights_and_says_so(qtbot, window, save_to,
                                                                      tmp_path):
    assert window.files.open_example("spiral")
    save_to(tmp_path / "spiral")  # the suffix is added
    menu_action(window, "ONNX…").trigger()
    text = exported_box(qtbot, window).text()
    assert (tmp_path / "spiral.onnx").is_file()
    assert "The network is untrained: exported its initial weights, drawn from seed 0." in text
    project = window.files.project()
    plan = plan_export(project)
    x = plan.dataset.x
    assert all_close(predictions("onnx", tmp_path / "spiral.onnx", x), plan.netcanvas_output(x))


def test_a_folder_that_holds_files_is_replaced_only_when_the_student_says_so(
        qtbot, window, save_to, tmp_path, dialogs):
    assert window.files.open_example("xor_by_hand")
    target = tmp_path / "taken"
    target.mkdir()
    earlier = pytorch_model_mark()
    (target / "model.py").write_text(f"{earlier}\nan earlier export")
    save_to(target)
    dialogs.answer = QMessageBox.StandardButton.No
    menu_action(window, "PyTorch…").trigger()
    assert [title for _, title, _ in dialogs.of("question")] == ["Replace folder?"]
    assert not window.export_menu.job.running
    assert (target / "model.py").read_text() == f"{earlier}\nan earlier export"
    dialogs.answer = QMessageBox.StandardButton.Yes
    menu_action(window, "PyTorch…").trigger()
    exported_box(qtbot, window)
    assert "def load_model" in (target / "model.py").read_text()


def test_a_folder_of_ones_own_is_never_replaced(qtbot, window, save_to, tmp_path, dialogs):
    """Choosing one's Documents folder and answering Yes to "Replace folder?" deleted every
    file in it."""
    assert window.files.open_example("xor_by_hand")
    (tmp_path / "essay.txt").write_text("mine")
    save_to(tmp_path)
    dialogs.answer = QMessageBox.StandardButton.Yes
    menu_action(window, "PyTorch…").trigger()
    assert dialogs.of("question") == [] and not window.export_menu.job.running
    [(_kind, _title, text)] = dialogs.shown
    assert f"{tmp_path} holds files that are not an export's (essay.txt" in text
    assert (tmp_path / "essay.txt").read_text() == "mine"


def test_import_weights_is_one_undo_step(window, open_file, tmp_path):
    assert window.files.open_example("xor_by_hand")
    before = {k: v.copy() for k, v in window.doc.arrays.items()}
    new = {k: v * 2 + 1 for k, v in before.items()}
    np.savez(tmp_path / "trained.npz", **new)
    open_file(tmp_path / "trained.npz")
    steps = window.doc.undo_stack.count()
    menu_action(window, "Import Weights…").trigger()
    assert window.doc.undo_stack.count() == steps + 1
    assert all(np.array_equal(window.doc.arrays[k], new[k]) for k in new)
    assert window.undo_action.text() == "&Undo Import weights from trained.npz"
    window.undo_action.trigger()
    assert all(np.array_equal(window.doc.arrays[k], before[k]) for k in before)


def test_weights_that_do_not_fit_are_refused_in_words(window, open_file, tmp_path, dialogs):
    assert window.files.open_example("xor_by_hand")
    before = {k: v.copy() for k, v in window.doc.arrays.items()}
    np.savez(tmp_path / "wrong.npz", W1=np.zeros((3, 2)), b1=np.zeros(2), W2=np.zeros((2, 1)),
             b2=np.zeros(1), W9=np.zeros(1))
    open_file(tmp_path / "wrong.npz")
    menu_action(window, "Import Weights…").trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warning", "Cannot import weights")
    assert text == ("wrong.npz does not fit the network: the network has no parameter called "
                    "W9; W1 has shape (3, 2) but the network needs (2, 2).")
    assert all(np.array_equal(window.doc.arrays[k], before[k]) for k in before)
    assert not window.doc.is_modified()


def test_weights_too_large_to_compute_with_are_refused_in_words(window, open_file, tmp_path,
                                                                dialogs):
    """1e308 is a finite float64: it used to be taken, and a forward pass through weights that
    size gives inf and NaN."""
    assert window.files.open_example("xor_by_hand")
    before = {k: v.copy() for k, v in window.doc.arrays.items()}
    np.savez(tmp_path / "huge.npz", **{**before, "W2": np.full_like(before["W2"], 1e308)})
    open_file(tmp_path / "huge.npz")
    menu_action(window, "Import Weights…").trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("warning", "Cannot import weights")
    assert text == ("huge.npz does not fit the network: W2 holds a value of 1e308; weights, "
                    "biases, γ and β are taken up to 1e6 in size: training never makes them "
                    "that large, and a few layers of products of such weights overflow float32 "
                    "(at most 3.4e38).")
    assert all(np.array_equal(window.doc.arrays[k], before[k]) for k in before)
    assert not window.doc.is_modified()


def test_export_and_import_refuse_a_network_with_problems(window, dialogs, monkeypatch):
    window.files.new()  # an empty canvas: no input, no output
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pytest.fail))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pytest.fail))
    menu_action(window, "PyTorch…").trigger()
    menu_action(window, "Import Weights…").trigger()
    assert [title for _, title, _ in dialogs.shown] == ["Cannot export as PyTorch",
                                                        "Cannot import weights"]
    assert all(text.startswith("The network has problems, fix them first: ")
               for _, _, text in dialogs.shown)


def test_import_waits_while_training_runs(window, dialogs, monkeypatch):
    assert window.files.open_example("xor_by_hand")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(pytest.fail))
    window.doc.lock("Training is running.")
    assert not menu_action(window, "Import Weights…").isEnabled()
    assert not window.export_menu.import_weights()
    assert dialogs.shown == [("warning", "Cannot import weights", "Training is running.")]
    window.doc.unlock()
    assert menu_action(window, "Import Weights…").isEnabled()


def test_every_export_action_says_what_its_format_is_for(window):
    for text in ("PyTorch…", "ONNX…", "NumPy Script…", "Import Weights…"):
        assert len(menu_action(window, text).toolTip()) > 80


def test_screenshot_of_the_export_menu(qtbot, window, tmp_path):
    """README's picture of File ▸ Export: the open menus are windows of their own, so they are
    painted onto the window's picture where they stand. ``UPDATE_SCREENSHOTS=1`` rewrites
    resources/screenshots/export_menu.png."""
    assert window.files.open_example("xor_by_hand")
    window.view.fit_to_view()
    bar = window.menuBar()
    file_action = bar.actions()[0]
    file_menu = file_action.menu()
    file_menu.popup(bar.mapToGlobal(bar.actionGeometry(file_action).bottomLeft()))
    qtbot.waitExposed(file_menu)
    export = window.export_menu.menu
    export_action = export.menuAction()
    file_menu.setActiveAction(export_action)
    export.popup(file_menu.mapToGlobal(file_menu.actionGeometry(export_action).topRight()))
    qtbot.waitExposed(export)
    onnx = window.export_menu.actions["onnx"]
    export.setActiveAction(onnx)
    onnx.showStatusText(window)  # what hovering does on a screen: the status bar teaches
    assert "ONNX runtimes run it" in window.statusBar().currentMessage()
    qtbot.wait(50)
    picture = window.grab()
    painter = QPainter(picture)
    origin = window.mapToGlobal(QPoint(0, 0))
    for menu in (file_menu, export):
        painter.drawPixmap(menu.mapToGlobal(QPoint(0, 0)) - origin, menu.grab())
    painter.end()
    export.hide()
    file_menu.hide()
    image = picture.toImage().copy(0, 0, 900, 560)
    target = screenshot_target("export_menu.png", tmp_path)
    assert image.save(str(target))


def test_the_offered_file_name_is_a_module_name_and_the_folder_a_line_of_its_own(
        qtbot, window, save_to, tmp_path):
    """"XOR, learned" was offered as XOR,_learned.py — a comma in a Python module's name —
    and the done message broke a long folder path in the middle of a name."""
    assert window.files.open_example("xor_learned")
    folder = tmp_path / "a folder with a rather long name for the exported scripts of a class"
    folder.mkdir()
    asked = save_to(folder / "XOR_learned.py")
    menu_action(window, "NumPy Script…").trigger()
    assert Path(asked[0][1]).name == "XOR_learned.py"
    lines = exported_box(qtbot, window).text().splitlines()
    assert lines[:3] == ["Exported the network as NumPy script to this folder:", str(folder),
                         "  XOR_learned.py"]


@pytest.mark.parametrize(("fmt", "label", "shown"), [
    ("numpy", "NumPy 스크립트(N)…", "NumPy 스크립트"), ("onnx", "ONNX(O)…", "ONNX")])
def test_korean_titles_write_the_particle_out(qtbot, window, save_to, tmp_path, korean, fmt,
                                              label, shown):
    """The titles read "NumPy 스크립트(으)로 내보내기": every format's name ends in a vowel, so
    the particle is 로."""
    assert window.files.open_example("xor_by_hand")
    asked = save_to(tmp_path / "xor")  # the ending is added
    menu_action(window, label).trigger()
    assert asked[0][0] == f"{shown}로 내보내기"
    assert exported_box(qtbot, window).text().splitlines()[0] == \
        f"신경망을 {shown}로 이 폴더에 내보냈습니다:"
    assert (tmp_path / TARGETS[fmt].replace("net", "xor")).is_file()


def test_an_export_while_the_timeline_shows_an_earlier_epoch_says_it_holds_the_latest(
        qtbot, window, save_to, tmp_path):
    """The canvas showed epoch 2's weights; the export silently wrote epoch 6's. It still
    writes the latest (what Save keeps and Train goes on from) and now says so."""
    open_example(window, "spiral", epochs=6)
    train_to_end(qtbot, window)
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(4):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    assert timeline.bar.label.text() == "epoch 2 / 6"
    save_to(tmp_path / "spiral.onnx")
    menu_action(window, "ONNX…").trigger()
    text = exported_box(qtbot, window).text()
    assert ("The timeline shows an earlier epoch; the export holds the latest weights, after "
            "epoch 6, as Save does. To export the epoch on show, press Continue from here, then "
            "export again.") in text
    plan = plan_export(window.files.project())
    x = plan.dataset.x
    latest = predictions("onnx", tmp_path / "spiral.onnx", x)
    assert all_close(latest, plan.netcanvas_output(x))
    shown = {k: window.doc.shown_array(k) for k in window.doc.arrays}
    epoch_2 = timeline.timeline.at(2).arrays
    assert all(np.array_equal(shown[k], v) for k, v in epoch_2.items())
    assert not all_close(latest, plan_export(replace(window.files.project(), params={
        k: v for k, v in epoch_2.items() if k in plan.params})).netcanvas_output(x))


@pytest.mark.parametrize("fmt, label, name", [("NumPy Script…", "NumPy script", "net.py"),
                                              ("ONNX…", "ONNX", "net.onnx")])
def test_an_export_onto_a_read_only_file_says_so_and_leaves_it(qtbot, window, save_to,
                                                               tmp_path, dialogs, fmt, label,
                                                               name):
    """The save dialog asked whether to replace a file someone had made read-only (a handout),
    then the export replaced it all the same; Save refuses such a file, and so does Export."""
    assert window.files.open_example("xor_by_hand")
    target = tmp_path / name
    target.write_text("the teacher's version")
    target.chmod(0o444)
    save_to(target)
    menu_action(window, fmt).trigger()
    qtbot.waitUntil(lambda: bool(dialogs.of("warning")), timeout=60000)
    [(_kind, title, text)] = dialogs.of("warning")
    assert title == f"Cannot export as {label}"
    assert text == f"Cannot write {target}: {name} is read-only, so it is not replaced."
    assert target.read_text() == "the teacher's version"
    assert window.findChild(QMessageBox, "export_done") is None


def test_a_trained_sgd_project_s_pytorch_readme_says_why_there_is_no_optimizer_file(
        qtbot, window, save_to, tmp_path):
    """The README listed optimizer.npz "when the project had been trained"; a project trained
    with plain SGD gets none (SGD keeps no arrays) and a student looked for it."""
    open_example(window, "spiral", epochs=1, optimizer="sgd", optimizer_options={}, lr=0.1)
    train_to_end(qtbot, window)
    save_to(tmp_path / "torch")
    menu_action(window, "PyTorch…").trigger()
    exported_box(qtbot, window)
    assert not (tmp_path / "torch" / "optimizer.npz").exists()
    readme = (tmp_path / "torch" / "README.md").read_text(encoding="utf-8")
    assert "plain SGD keeps none, so there is no such file" in readme
