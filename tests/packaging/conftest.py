"""Helpers for the bundle tests. ``packaging/`` is deliberately not a Python package (it would
shadow PyPI's ``packaging``, which PyInstaller imports), so its scripts are loaded by path."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module (its folder on sys.path for its own imports)."""
    if str(PACKAGING) not in sys.path:
        sys.path.append(str(PACKAGING))
    spec = importlib.util.spec_from_file_location(f"netcanvas_packaging_{name}",
                                                  PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and typing look modules up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def packaging_script() -> Callable[[str], ModuleType]:
    return load_script
