"""Suite-wide set-up: GUI tests run headless, so Qt must use the offscreen platform."""

import os
import signal
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The interface speaks the system's language by default; the suite pins English (tests that
# check Korean switch to it themselves, with the ``korean`` fixture of tests/gui/conftest.py).
os.environ["NETCANVAS_LANG"] = "en"

# Recovery copies of any window the suite starts — in this process or in a launched one (the
# start-up timing, the bundle) — go to a folder of the suite's own: a copy left in the user's
# real folder by another run made a launched app wait forever in "Restore unsaved work?".
os.environ["NETCANVAS_DATA_DIR"] = tempfile.mkdtemp(prefix="netcanvas-suite-data-")


@pytest.fixture
def korean():
    """``core`` (and the command line) speaks Korean for one test, English again after it.
    tests/gui/conftest.py overrides it with the whole window's language."""
    from core import i18n

    i18n.set_language("ko")
    try:
        yield
    finally:
        i18n.set_language("en")


@pytest.fixture(autouse=True)
def signal_handlers_restored():
    """Each test starts with the signal handling the one before found: a test that starts the
    app (``gui.app.main``) leaves the window's Ctrl+C handler and wake-up descriptor behind,
    and ``netcanvas train``'s own Ctrl+C handling (installed only over Python's default, as
    in a fresh process) then stood aside for a window already gone."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    wakeup = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(wakeup)
    yield
    for number, handler in handlers.items():
        if signal.getsignal(number) is not handler:
            signal.signal(number, handler)
    try:
        signal.set_wakeup_fd(wakeup)
    except (OSError, ValueError):
        signal.set_wakeup_fd(-1)
