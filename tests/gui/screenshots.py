"""Where a screenshot test saves its picture: into resources/screenshots/ (the README's
pictures) when ``UPDATE_SCREENSHOTS=1``, otherwise into the test's temporary folder."""

import os
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "resources" / "screenshots"


def screenshot_target(name: str, tmp_path: Path) -> Path:
    return SCREENSHOTS / name if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path / name
