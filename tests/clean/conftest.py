"""Shared fixtures for the cleaning tests: fixture articles and the seed article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures" / "clean"


@pytest.fixture
def fixture_text() -> Callable[[str], str]:
    """Reads a fixture article from tests/fixtures/clean by file name."""
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")
    return read


@pytest.fixture
def fixture_path() -> Callable[[str], Path]:
    return lambda name: FIXTURES / name


@pytest.fixture
def seed_text(seed_files) -> str:
    """The seed article (shared/seeds), read at test time (see tests/conftest.py)."""
    return seed_files[0].read_text(encoding="utf-8")
