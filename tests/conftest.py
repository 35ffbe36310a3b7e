"""Suite-wide set-up: GUI tests run headless, so Qt must use the offscreen platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The interface speaks the system's language by default; the suite pins English (tests that
# check Korean switch to it themselves, with the ``korean`` fixture of tests/gui/conftest.py).
os.environ["NETCANVAS_LANG"] = "en"
