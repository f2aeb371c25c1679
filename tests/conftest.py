"""Fixtures shared by the whole suite: the project's external data beside the checkout.

Some tests read the seed article in ``../shared/seeds`` (the article the project
started from; it is not committed here). On a developer's machine without it
those tests skip; under CI (``CI`` set in the environment) they fail instead,
so that a run which silently lost them can never pass.
``SITREP_SHARED`` points at another copy of that folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The ``shared/`` folder: ``$SITREP_SHARED``, else the one beside this checkout."""
    if os.environ.get("SITREP_SHARED"):
        return Path(os.environ["SITREP_SHARED"])
    return ROOT.parent / "shared"


def missing_shared(what: str) -> None:
    """Skips the test on a developer's machine, fails it under CI."""
    message = f"{what} not found in {shared_dir()} (set SITREP_SHARED to the project's shared/ folder)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    """The seed articles (``shared/seeds/*.txt``), sorted; skipped locally, failed in CI when absent."""
    folder = shared_dir() / "seeds"
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        missing_shared("the seed articles (seeds/*.txt)")
    return files
