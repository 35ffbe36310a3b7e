"""Every registered lab opens from the Labs menu with its explanation, is raised (not
recreated) when chosen again, and closes cleanly — also with the main window."""

from pathlib import Path

import core.labs
from gui.labs import LABS, LabInfo


def test_the_menu_lists_the_eight_labs_in_the_books_order(window):
    titles = [a.text() for a in window.labs_menu.actions()]
    assert titles == [info.title for info in LABS]
    assert [info.key for info in LABS] == ["perceptron", "activations", "softmax_loss",
                                           "comp_graph", "optimizer_race", "initialization",
                                           "regularization", "search"]


def test_a_labs_key_names_its_module_its_class_and_its_core_maths():
    info = LabInfo("optimizer_race", "Optimizer race")
    assert (info.module, info.cls) == ("gui.labs.optimizer_race", "OptimizerRaceLab")
    assert [(i.module, i.cls) for i in LABS][3:6] == [
        ("gui.labs.comp_graph", "CompGraphLab"), ("gui.labs.optimizer_race", "OptimizerRaceLab"),
        ("gui.labs.initialization", "InitializationLab")]
    core_stems = {p.stem for p in Path(core.labs.__file__).parent.glob("*.py")} - {"__init__"}
    keys = {i.key for i in LABS}
    assert {"comp_graph", "optimizer_race", "initialization"} <= core_stems
    # a lab's core maths is its key's module, or a part of it named after it (comp_graph_check)
    assert all(stem in keys or any(stem.startswith(f"{key}_") for key in keys)
               for stem in core_stems), sorted(core_stems)


def test_every_lab_opens_explains_itself_and_closes(qtbot, window, open_lab):
    for info in LABS:
        lab = open_lab(info.key)
        assert lab.windowTitle() == f"{info.title} — NetCanvas lab"
        assert lab.notice_label.text().startswith("<b>What to notice")
        assert lab.context is window.context  # the project it may work on, not the window
        window.labs_menu.lab_actions[info.key].trigger()
        assert window.labs_menu.windows[info.key] is lab  # raised, not made again
        lab.close()
        assert not lab.isVisible()
    window.close()  # the main window closes whatever is left open


def test_a_lab_that_cannot_be_opened_says_so_and_the_window_goes_on(qtbot, window, dialogs,
                                                                     monkeypatch):
    def missing(info):
        raise ModuleNotFoundError(f"No module named {info.module!r}")

    monkeypatch.setattr(LabInfo, "load", missing)
    window.labs_menu.lab_actions["comp_graph"].trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Cannot open the lab")
    assert "No module named 'gui.labs.comp_graph'" in text
    assert "comp_graph" not in window.labs_menu.windows and window.isVisible()
