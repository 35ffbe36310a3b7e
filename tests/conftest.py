"""Suite-wide set-up: GUI tests run headless, so Qt must use the offscreen platform."""

import os
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
