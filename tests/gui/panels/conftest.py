"""The data picker's downloads in tests: an empty cache folder and checksums of generated
files (served by tests/core/datasets/idx_server.py)."""

from __future__ import annotations

import json

import pytest

from core.datasets.remote import CACHE_ENV, MIRROR_ENV, TEST_CHECKSUMS_ENV
from tests.core.datasets.idx_server import checksums, make_files


@pytest.fixture
def env(tmp_path, monkeypatch):
    """An empty cache folder, and checksums of the generated files (the test-only table)."""
    files = make_files()
    table = tmp_path / "checksums.json"
    table.write_text(json.dumps(checksums(files)))
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv(TEST_CHECKSUMS_ENV, str(table))
    monkeypatch.delenv(MIRROR_ENV, raising=False)
    return tmp_path / "cache", files
