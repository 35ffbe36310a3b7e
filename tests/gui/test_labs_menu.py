"""Every registered lab opens from the Labs menu with its explanation, is raised (not
recreated) when chosen again, and closes cleanly — also with the main window."""

from gui.labs import LABS


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
        window.labs_menu.lab_actions[info.key].trigger()
        assert window.labs_menu.windows[info.key] is lab  # raised, not made again
        lab.close()
        assert not lab.isVisible()
    window.close()  # the main window closes whatever is left open
