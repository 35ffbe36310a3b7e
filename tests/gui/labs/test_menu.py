"""Every registered lab opens from the Labs menu with its explanation, is raised (not
recreated) when chosen again, and closes cleanly — also with the main window."""

from pathlib import Path

import pytest

import core.labs
from gui.i18n import set_language
from gui.labs import LABS, LabInfo


def test_the_menu_lists_the_eight_labs_in_the_books_order(window):
    titles = [a.text() for a in window.labs_menu.actions()]
    assert titles == [f"&{n} {info.title}" for n, info in enumerate(LABS, 1)]
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
    """The dialog named the exception's class ("ModuleNotFoundError: No module named …"); it
    says in words what is missing and what to do."""
    def missing(info):
        raise ModuleNotFoundError(f"No module named {info.module!r}", name=info.module)

    monkeypatch.setattr(LabInfo, "load", missing)
    window.labs_menu.lab_actions["comp_graph"].trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Cannot open the lab")
    assert text == ("The lab “Computational graph and backprop” could not be opened. A part of "
                    "NetCanvas that the lab needs is missing from this installation "
                    "(gui.labs.comp_graph); installing NetCanvas again should bring it back."
                    "\n\nYour project is not affected.")
    assert "comp_graph" not in window.labs_menu.windows and window.isVisible()


@pytest.mark.parametrize("error, why", [
    (RuntimeError(), "This is a fault in NetCanvas, not in your work: an unexpected error that "
                     "gave no description."),
    (AttributeError("the plot has no axis"), "This is a fault in NetCanvas, not in your work: "
                                             "the plot has no axis."),
    (ValueError("The scores are empty."), "This is a fault in NetCanvas, not in your work: "
                                          "The scores are empty."),  # one full stop
    (KeyError("W1"), "This is a fault in NetCanvas, not in your work: 'W1' is missing."),
    (MemoryError(), "There is not enough memory for it; close other programs or labs and try "
                    "again.")])
def test_a_lab_that_fails_is_worded_without_the_exceptions_class(qtbot, window, dialogs,
                                                                 monkeypatch, error, why):
    """A lab whose window raised showed "RuntimeError: " (or only "MemoryError") to the
    student."""
    def failing(info):
        raise error

    monkeypatch.setattr(LabInfo, "load", failing)
    window.labs_menu.lab_actions["search"].trigger()
    [(_kind, _title, text)] = dialogs.shown
    assert text == f"The lab “Hyperparameter search” could not be opened. {why}\n\nYour " \
                   "project is not affected."
    assert type(error).__name__ not in text


def test_the_failure_reads_in_korean(qtbot, window, dialogs, monkeypatch):
    def failing(info):
        raise RuntimeError()

    monkeypatch.setattr(LabInfo, "load", failing)
    set_language("ko")
    try:
        window.labs_menu.lab_actions["search"].trigger()
    finally:
        set_language("en")
    [(_kind, title, text)] = dialogs.shown
    assert title != "Cannot open the lab" and "RuntimeError" not in text
    assert "could not be opened" not in text and "no description" not in text
