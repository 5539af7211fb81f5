"""Search in the browser, through Material's worker: accents folded, Chinese words found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import SiteServer


@pytest.fixture(scope="module")
def multilingual_server(multilingual_site: Path) -> Iterator[SiteServer]:
    """The site in its six languages, on 127.0.0.1."""
    with SiteServer(multilingual_site) as running:
        yield running


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("", "inscripcion", "letters/2024-01-31-wsis-plus-20-invitation/"),  # inscripción
        ("fr/", "accessibilite", "fr/accessibility/"),  # Accessibilité
        ("zh/", "截止", "zh/about/"),  # a two-character word jieba split out at build time
        ("ar/", "مايو", "ar/editions/2021/"),  # May, a stop word in lunr's Arabic list
        ("ru/", "Женева", "ru/editions/2021/"),  # Cyrillic, with Russian's own settings
        ("en/", "Stocktaking", "en/editions/2024/"),
    ],
)
def test_search_finds_words_as_readers_type_them(
    multilingual_server: SiteServer, browser: Browser, language: str, query: str, expected: str
) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})  # the search field is visible
    page.goto(multilingual_server.url(language), wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Material searches on key events
    page.keyboard.press("End")  # Chinese and Arabic are typed as text, without a keyup
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    addresses = results.evaluate_all("links => links.map(a => a.href)")
    teaser = page.locator(".md-search-result").inner_text()
    context.close()
    assert any(address.startswith(multilingual_server.url(expected)) for address in addresses)
    if query.isascii():  # the folded copy matched, hidden: the snippet shows the accented word
        assert query not in teaser.lower()
