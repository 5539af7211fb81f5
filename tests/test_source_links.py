"""Issue 21: from a page to the file that holds its facts, for an editor who finds one wrong."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from mkdocs.config.defaults import MkDocsConfig

from tests.conftest import REPOSITORY, ROOT
from wsis_site.build.mkdocs_adapter import page_sources
from wsis_site.environment import repository_overrides
from wsis_site.model.loader import load_site_data
from wsis_site.pages.source_links import Repository, Source, repository

EDIT, VIEW = f"{REPOSITORY}/edit/main/", f"{REPOSITORY}/blob/main/"


def test_the_address_comes_from_the_environment_first_then_mkdocs_yml() -> None:
    mine = "https://github.com/itu/wsis-forum"
    fork = {"WSIS_REPO_URL": " https://github.com/someone/wsis-forum.git/ "}
    assert repository(mine, *repository_overrides({})) == Repository(mine, "main")
    assert repository(mine, *repository_overrides(fork)) == Repository(
        "https://github.com/someone/wsis-forum", "main"
    )
    branch = repository_overrides({"WSIS_REPO_BRANCH": "draft dates"})
    assert repository(mine, *branch) == Repository(mine, "draft%20dates")


@pytest.mark.parametrize(
    "address",
    [
        "",
        "http://github.com/itu/wsis-forum",
        "https://github.com/itu",
        "https://github.com/a/b/c",
        "https://github.com/itu/wsis-forum?x=1",
        "javascript:alert(1)",
        "github.com/itu/wsis-forum",
    ],
)
def test_no_address_or_a_wrong_one_gives_no_link(address: str) -> None:
    assert repository(address) is None
    assert repository(None, *repository_overrides({"WSIS_REPO_URL": address})) is None


def test_links_open_githubs_editor_and_the_line() -> None:
    found = Repository("https://github.com/itu/wsis-forum", "main")
    assert (
        found.edit("data/phases.yaml")
        == "https://github.com/itu/wsis-forum/edit/main/data/phases.yaml"
    )
    line = found.view(Source("data/phases.yaml", 42))
    assert line == "https://github.com/itu/wsis-forum/blob/main/data/phases.yaml#L42"


def test_the_theme_never_sees_repo_url(tmp_path: Path) -> None:
    """Material's repository widget asks api.github.com for stars: no page asks another host."""
    config = SimpleNamespace(
        repo_url="https://github.com/itu/wsis-forum",
        config_file_path=str(ROOT / "mkdocs.yml"),
        docs_dir=str(ROOT / "docs"),
        extra={},
    )
    sources = page_sources(cast(MkDocsConfig, config))
    assert sources is not None
    assert (sources.repository.url, sources.docs_folder) == (
        "https://github.com/itu/wsis-forum",
        "docs",
    )
    assert config.repo_url is None


def source_links(page: Path) -> list[tuple[str, str]]:
    """The links of the page's "Suggest a change" paragraph, as (address, words)."""
    html = page.read_text(encoding="utf-8")
    found = re.search(r'<p class="wsis-source-links">(.*?)</p>', html, re.DOTALL)
    assert found is not None, page
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', found.group(1), re.DOTALL)
    return [(href, re.sub(r"<[^>]+>", "", words)) for href, words in links]


def test_an_edition_page_links_its_files_at_the_editions_lines(multilingual_site: Path) -> None:
    data = load_site_data(ROOT / "data")
    events = data.source_line("events.yaml", "editions", "2024")
    phases = data.source_line("phases.yaml", "editions", "2024")
    assert events is not None
    assert source_links(multilingual_site / "editions" / "2024" / "index.html") == [
        (f"{EDIT}data/events.yaml", "Proponer un cambio"),
        (f"{VIEW}data/events.yaml#L{events}", f"data/events.yaml, línea\u00a0{events}"),
        (f"{VIEW}data/phases.yaml#L{phases}", f"data/phases.yaml, línea\u00a0{phases}"),
    ]
    lines = (ROOT / "data" / "events.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[events - 1] == "  2024:"  # the very line an editor looks for
    # Each item links its own line, in the page's language.
    html = (multilingual_site / "fr" / "editions" / "2021" / "index.html").read_text("utf-8")
    item = data.source_line("phases.yaml", "editions", "2021", "items", "phase-2")
    assert f'<a href="{VIEW}data/phases.yaml#L{item}">Voir le fichier</a>' in html


@pytest.mark.parametrize(
    ("prefix", "language", "edit"),
    [
        ("", "es", "Proponer un cambio"),
        ("zh/", "zh", "提出修改建议"),
        ("ar/", "ar", "اقتراح تعديل"),
    ],
)
def test_every_page_type_offers_its_source_in_every_language(
    multilingual_site: Path, prefix: str, language: str, edit: str
) -> None:
    site = multilingual_site / prefix
    letter = "2020-10-13-wsis-forum-2021"
    expected = {
        "index.html": "data/events.yaml",
        "editions/index.html": "data/events.yaml",
        "deadlines/index.html": "data/phases.yaml",
        "letters/index.html": "data/letters.yaml",
        f"letters/{letter}/index.html": f"data/letters/{letter}.{language}.md",
        "calendars/index.html": f"data/ui/{language}.yaml",
        "about/index.html": f"docs/{language}/about.md",
        "accessibility/index.html": f"docs/{language}/accessibility.md",
    }
    for page, file in expected.items():
        first = source_links(site / page)[0]
        assert first == (EDIT + file, edit), page
    letter_links = source_links(site / "letters" / letter / "index.html")
    line = load_site_data(ROOT / "data").source_line("letters.yaml", "letters", letter)
    assert letter_links[-1][0] == f"{VIEW}data/letters.yaml#L{line}"


def test_without_an_address_pages_carry_no_source_link(poisoned_site: Path) -> None:
    pages = sorted(poisoned_site.rglob("*.html"))
    assert [page for page in pages if "wsis-source-links" in page.read_text("utf-8")] == []
    assert not [page for page in pages if "github.com" in page.read_text("utf-8")]
