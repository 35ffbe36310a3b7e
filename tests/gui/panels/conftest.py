"""The data picker's downloads in tests: an empty cache folder and checksums of generated
files (served by tests/core/datasets/idx_server.py, which owns the fixture)."""

from __future__ import annotations

from tests.core.datasets import idx_server

env = idx_server.env
