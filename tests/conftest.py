"""Shared fixtures: temporary copies of the project, so no test writes into the repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from wsis_site.build.pages_branch import PagesBranch
from wsis_site.cli import main

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")

#: The site's languages, as data/site.yaml and mkdocs.yml list them: the default (at /) first.
LANGUAGES = ("es", "ar", "zh", "en", "fr", "ru")
#: Where each language's pages are, relative to the site's root.
PREFIXES = {code: "" if code == "es" else f"{code}/" for code in LANGUAGES}
#: The forum's city as the real data names it in every language.
GENEVA = {
    "es": "Ginebra",
    "ar": "جنيف",
    "zh": "日内瓦",
    "en": "Geneva",
    "fr": "Genève",
    "ru": "Женева",
}

# Property tests: a few fixed examples in `make test`; `make fuzz` picks the `fuzz` profile.
# No example database: tests never write into the repository.
_PROPERTIES = settings(
    database=None,
    # A hang fails; a stall of a shared 2-core machine does not (one example once took 9 s there,
    # and 0.1 s when Hypothesis ran it again). Speed is measured in `make bench`, not here.
    deadline=timedelta(seconds=60),
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("wsis", _PROPERTIES, max_examples=40, derandomize=True)
settings.register_profile("fuzz", _PROPERTIES, max_examples=1000, print_blob=True)  # replayable
settings.load_profile("wsis")


def copy_project(target: Path) -> Path:
    """Copy the site's sources (config, docs, data, hooks, templates) into `target`."""
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    return target


def build(
    project: Path, site: Path, build_date: str | None = None, *, only: str | None = None
) -> Path:
    """Build `project` into `site` with the project's command line, and return `site`. With
    `only`, that language alone, at the site's root (as `make serve ONLY=en`): a third of the
    time, for a test that reads one language."""
    arguments = ["build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site)]
    with pytest.MonkeyPatch.context() as patch:  # --build-date sets an environment variable
        patch.delenv("WSIS_BUILD_DATE", raising=False)
        if only:
            patch.setenv("WSIS_PREVIEW_LANGUAGE", only)
        assert main([*arguments, *(["--build-date", build_date] if build_date else [])]) == 0
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources in a temporary folder, which a test may edit."""
    return copy_project(tmp_path / "project")


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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser checks `browser`, and run them last, the longest first.

    Their server and browser threads live until the session ends, and while other threads
    run a build never forks its second process (see `wsis_site.build.background`).
    """
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
    # Among them, the long passes over every page first: the two workers then end together.
    items.sort(
        key=lambda item: (
            item.get_closest_marker("browser") is not None,
            item.path.name != "test_every_page.py",
        )
    )


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This test run's temporary folder, shared by its workers when pytest-xdist runs them."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]
) -> Path:
    """What `make` writes into a fresh folder, once for the whole run: the first worker to ask
    makes it under a lock, the others wait for it and share it. `make test` names a folder in
    `WSIS_TEST_SITES` for its two runs (without and with the browser) to share."""
    shared = os.environ.get("WSIS_TEST_SITES")
    root = (Path(shared) if shared else run_folder(tmp_path_factory)) / f"shared-{name}"
    made = root.with_name(f"{root.name}.made")
    with FileLock(f"{root}.lock"):
        if not made.is_file():
            shutil.rmtree(root, ignore_errors=True)
            root.mkdir()
            made.write_text(str(make(root)), encoding="utf-8")
    return Path(made.read_text(encoding="utf-8"))


#: The repository the session's shared site links its sources to (`WSIS_REPO_URL`).
REPOSITORY = "https://github.com/example-org/wsis-forum"


@pytest.fixture(scope="session")
def multilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, in all its languages, built once for the session before the deadlines."""
    from tests.test_pages import BEFORE_DEADLINES

    def make(root: Path) -> Path:
        with pytest.MonkeyPatch.context() as patch:  # as the workflows set them
            patch.setenv("WSIS_REPO_URL", REPOSITORY)
            patch.setenv("WSIS_REPO_BRANCH", "main")
            return build(copy_project(root / "project"), root / "site", BEFORE_DEADLINES)

    return built_once(tmp_path_factory, "multilingual", make)


#: A day after every edition and deadline of the letters.
AFTER_EVERY_EDITION = "2026-11-23"


@pytest.fixture(scope="session")
def site_after_every_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once for the session after its last edition and deadline."""

    def make(root: Path) -> Path:
        return build(copy_project(root / "project"), root / "site", AFTER_EVERY_EDITION)

    return built_once(tmp_path_factory, "after-every-edition", make)


#: A pull request's preview as the pull-request workflow builds it: below the Pages site's path.
PREVIEW_NUMBER = 7
PREVIEW_FOLDER = f"pr-preview/pr-{PREVIEW_NUMBER}/"
PREVIEW_URL = f"https://example.org/wsis-forum/{PREVIEW_FOLDER}"


@pytest.fixture(scope="session")
def preview_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built as pull request 7's preview, for its address on Pages."""
    from tests.test_pages import BEFORE_DEADLINES

    def make(root: Path) -> Path:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("WSIS_PREVIEW_PULL_REQUEST", str(PREVIEW_NUMBER))
            patch.setenv("WSIS_SITE_URL", PREVIEW_URL)
            patch.setenv("WSIS_REPO_URL", REPOSITORY)
            patch.setenv("WSIS_REPO_BRANCH", "preview-branch")
            return build(copy_project(root / "project"), root / "site", BEFORE_DEADLINES)

    return built_once(tmp_path_factory, "preview", make)


def run_git(folder: Path, *args: str) -> str:
    """What a git command prints in `folder`; a failure fails the test."""
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True
    ).stdout.strip()


def clone(remote: Path, folder: Path) -> Path:
    """A checkout of `remote` with one commit on main, as a workflow's job has one."""
    run_git(remote.parent, "clone", "--quiet", str(remote), str(folder))
    identity = ("-c", "user.name=Editor", "-c", "user.email=editor@example.org")
    run_git(folder, *identity, "commit", "--quiet", "--allow-empty", "-m", "main")
    run_git(folder, "push", "--quiet", "origin", "HEAD:main")
    return folder


@pytest.fixture(scope="session")
def pages_branch(
    tmp_path_factory: pytest.TempPathFactory, multilingual_site: Path, preview_site: Path
) -> Path:
    """The gh-pages branch as Pages serves it, published as the workflows publish it: the
    site at its root and pull request 7's preview in its folder."""

    def make(root: Path) -> Path:
        run_git(root, "init", "--quiet", "--bare", "--initial-branch=main", "remote.git")
        branch = PagesBranch(clone(root / "remote.git", root / "work"))
        branch.publish_site(multilingual_site)
        branch.publish_preview(preview_site, PREVIEW_NUMBER)
        served = root / "served"
        served.mkdir()
        archive = subprocess.run(
            ["git", "archive", "gh-pages"],
            cwd=root / "remote.git",
            capture_output=True,
            check=True,
        )
        subprocess.run(["tar", "-x", "-C", str(served)], input=archive.stdout, check=True)
        return served

    return built_once(tmp_path_factory, "gh-pages", make)


@pytest.fixture(scope="session")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project with markup and script in every value validation accepts (see poison)."""
    from tests.poison import poison_data
    from tests.test_pages import BEFORE_DEADLINES

    def make(root: Path) -> Path:
        project = copy_project(root / "project")
        poison_data(project / "data")
        return build(project, root / "site", BEFORE_DEADLINES)

    return built_once(tmp_path_factory, "poisoned", make)
