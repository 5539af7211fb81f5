"""Search in the browser, through Material's worker: accents folded, Chinese words found, and
each language's pages only."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import DATA, SEARCH_READY, SiteServer


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
def test_search_finds_words_as_readers_type_them_in_their_own_language(
    server: SiteServer, page: Page, language: str, query: str, expected: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})  # the search field is shown
    page.goto(server.url(language))
    page.wait_for_function(SEARCH_READY)
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Material searches on key events
    page.keyboard.press("End")  # Chinese and Arabic are typed as text, without a keyup
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    # Read in one go: Material re-renders the list as more results arrive.
    addresses = results.evaluate_all("links => links.map(a => a.href)")
    teaser = page.locator(".md-search-result").inner_text()
    assert any(address.startswith(server.url(expected)) for address in addresses)
    # Spanish, at the root, holds the other languages' folders: none of their pages is found.
    others = {DATA.prefix(code) for code in DATA.languages} - {"", language}
    assert all(address.startswith(server.url(language)) for address in addresses)
    assert not any(address.startswith(server.url(o)) for o in others for address in addresses)
    if query.isascii():  # the folded copy matched, hidden: the snippet shows the accented word
        assert query not in teaser.lower()
