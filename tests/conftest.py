"""Shared fixtures: temporary copies of the project, so no test writes into the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources (config, docs, data, hooks, templates) in a temporary folder."""
    target = tmp_path / "project"
    target.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def data_dir(project: Path) -> Path:
    """A copy of `data/` that a test may edit."""
    return project / "data"


def edit(path: Path, old: str, new: str, *, count: int = 1) -> int:
    """Replace `old` by `new` in a file and return the 1-based line where the first change is."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"{old!r} not found in {path}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line
