"""Every registered lab opens from the Labs menu with its explanation, is raised (not
recreated) when chosen again, and closes cleanly — also with the main window."""

from gui.labs import LABS, LabInfo


def test_the_menu_lists_the_seven_labs_in_the_books_order(window):
    titles = [a.text() for a in window.labs_menu.actions()]
    assert titles == [info.title for info in LABS]
    assert [info.key for info in LABS] == ["perceptron", "activations", "graph", "optimizers",
                                           "init", "regularization", "search"]


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
    window.labs_menu.lab_actions["graph"].trigger()
    [(kind, title, text)] = dialogs.shown
    assert (kind, title) == ("critical", "Cannot open the lab")
    assert "No module named 'gui.labs.comp_graph'" in text
    assert "graph" not in window.labs_menu.windows and window.isVisible()
