"""The install the README gives: every pinned dependency is in the hash lock at the same version."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock_pins() -> dict[str, str]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    return {_normal(m[1]): m[2] for m in re.finditer(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s\\;]+)", text, re.M)}


def _project_pins() -> list[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"]) + [r for group in project["optional-dependencies"].values() for r in group]
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==(\S+)", requirement.strip())
        assert match, f"{requirement!r} in pyproject.toml is not pinned with =="
        pins.append((_normal(match[1]), match[2]))
    return pins


def test_every_project_dependency_is_locked_at_its_pinned_version():
    locked = _lock_pins()
    for name, version in _project_pins():
        assert locked.get(name) == version, f"{name}=={version} is not in requirements.lock (found {locked.get(name)})"


def test_every_locked_requirement_carries_a_hash():
    blocks = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements.lock").read_text(encoding="utf-8"))
    for block in blocks:
        if "==" in block.splitlines()[0]:
            assert "--hash=sha256:" in block, f"no hash for {block.splitlines()[0]}"


def test_readme_installs_the_lock_without_resolving_again():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install --no-deps --require-hashes -r requirements.lock" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --no-deps --require-hashes -r requirements.lock" in ci
