"""A pull request's preview where it lives: under pr-preview/pr-7/ of the Pages site, served
from the gh-pages branch the workflows publish, beside the published site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import DATA, SEARCH_READY, PagesServer, SiteServer, pages, watch
from tests.browser.links import follow_links
from tests.browser.page_checks import DESKTOP, PHONE, shot_name
from tests.conftest import PREVIEW_FOLDER, PREVIEW_NUMBER, PREVIEW_URL


@pytest.fixture(scope="module")
def pages_host(pages_branch: Path) -> Iterator[SiteServer]:
    """The gh-pages branch served as GitHub Pages serves a project site, at /wsis-forum/."""
    with PagesServer(pages_branch) as running:
        yield running


def test_every_link_asset_and_feed_of_the_preview_answers_inside_its_prefix(
    preview_site: Path, pages_host: SiteServer
) -> None:
    broken, checked = follow_links(pages(preview_site), pages_host.url(PREVIEW_FOLDER), PREVIEW_URL)
    assert broken == []
    preview = pages_host.url(PREVIEW_FOLDER)
    assert sum(url.endswith(".ics") for url in checked) >= 26  # every feed, downloadable
    assert any(url.startswith(preview + "assets/") and url.endswith(".js") for url in checked)
    assert any(url.startswith(preview + "ar/editions/2024/#") for url in checked)


@pytest.mark.parametrize(
    ("path", "search"),
    [("", "Ginebra"), ("ar/editions/2024/", "مايو"), ("zh/calendars/", "截止")],
)
def test_the_preview_runs_under_its_prefix_and_says_it_is_one(
    pages_host: SiteServer, page: Page, output_dir: Path, path: str, search: str
) -> None:
    language = path.split("/")[0] if "/" in path else "es"
    preview = pages_host.url(PREVIEW_FOLDER)
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 900})
        problems = watch(page, preview)
        page.goto(preview + path, wait_until="load")
        page.wait_for_function(SEARCH_READY)  # its requests are watched too
        banner = page.locator(".md-banner .wsis-preview")
        expected = DATA.ui[language]["preview_banner"].format(number=PREVIEW_NUMBER)
        assert banner.inner_text() == expected
        assert banner.is_visible()
        page.screenshot(path=output_dir / f"preview-{shot_name(path, width, 'light')}")
        if width == DESKTOP:  # the search worker and its index load from inside the prefix
            page.locator(".md-search__input").click()
            page.keyboard.type(search)
            page.keyboard.press("End")  # Chinese and Arabic are typed as text, without a keyup
            results = page.locator(".md-search-result__item a")
            results.first.wait_for(timeout=30_000)
            addresses = results.evaluate_all("links => links.map(a => a.href)")
            assert addresses
            assert all(address.startswith(preview) for address in addresses)
        assert problems == []
