"""Main windows for tests."""


def shown_main_window(qtbot, settings):
    """A main window on screen with its own settings file (closed by qtbot at the end)."""
    from gui.main_window import MainWindow

    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
