"""Suite-wide set-up: GUI tests run headless, so Qt must use the offscreen platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
