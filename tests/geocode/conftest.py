"""Shared fixtures: a default gazetteer built once per session in a temporary cache dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.geocode import gazetteer as gazetteer_module

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geocode"


@pytest.fixture(scope="session")
def session_cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sitrep-cache")


@pytest.fixture(autouse=True)
def isolated_cache(session_cache_dir, monkeypatch) -> Path:
    """Every test sees the session's temporary cache dir, never the user's."""
    monkeypatch.setenv("SITREP_CACHE_DIR", str(session_cache_dir))
    yield session_cache_dir
    gazetteer_module.reset_shared()


@pytest.fixture(scope="session")
def default_gazetteer_path(session_cache_dir) -> Path:
    path = session_cache_dir / f"gazetteer-v{gazetteer_module.FORMAT_VERSION}.sqlite"
    if not gazetteer_module.is_complete(path):
        gazetteer_module.build_default(path)
    return path


@pytest.fixture
def gazetteer(default_gazetteer_path):
    return gazetteer_module.get_gazetteer(default_gazetteer_path)


@pytest.fixture
def empty_gazetteer_path(tmp_path) -> Path:
    path = tmp_path / "empty.sqlite"
    gazetteer_module.build_empty(path)
    return path
