"""Issue 23: ProperDocs, MkDocs' maintained fork, builds the same site as MkDocs 1.x."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, copy_project
from tests.test_pages import BEFORE_DEADLINES
from wsis_site.build.engines import EngineError, use_engine

GENERATOR = '<meta name="generator" content="{}, mkdocs-material">'


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built by ProperDocs, in its own process, for the shared build's date."""
    root = tmp_path_factory.mktemp("properdocs")
    project = copy_project(root / "project")
    command = [sys.executable, "-m", "wsis_site.cli", "build", "--engine", "properdocs"]
    command += ["--config", str(project / "mkdocs.yml"), "--site-dir", str(root / "site")]
    # The same repository as the shared build's, so that the two sites compare byte for byte.
    environ = {**os.environ, "WSIS_REPO_URL": REPOSITORY, "WSIS_REPO_BRANCH": "main"}
    command += ["--build-date", BEFORE_DEADLINES]
    subprocess.run(command, check=True, capture_output=True, env=environ)
    return root / "site"


def files_of(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def test_properdocs_builds_the_same_site_but_the_generator_tag(
    properdocs_site: Path, multilingual_site: Path
) -> None:
    files = files_of(multilingual_site)
    assert files_of(properdocs_site) == files
    mkdocs_tag = GENERATOR.format(f"mkdocs-{version('mkdocs')}")
    properdocs_tag = GENERATOR.format(f"ProperDocs {version('properdocs')}")
    different = []
    for name in files:
        ours, theirs = (
            (multilingual_site / name).read_bytes(),
            (properdocs_site / name).read_bytes(),
        )
        if name.endswith(".html"):
            assert mkdocs_tag.encode() in ours, name
            ours = ours.replace(mkdocs_tag.encode(), properdocs_tag.encode())
        if ours != theirs:
            different.append(name)
    assert different == []
    assert sum(name.endswith(".html") for name in files) > 70


def test_properdocs_cannot_be_chosen_once_mkdocs_is_imported() -> None:
    import mkdocs  # noqa: F401  (the test process builds with MkDocs)

    with pytest.raises(EngineError, match="choose ProperDocs before building"):
        use_engine("properdocs")
    with pytest.raises(EngineError, match="unknown engine 'zensical'"):
        use_engine("zensical")
