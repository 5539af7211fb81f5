"""The built site as a visitor's browser sees it: errors, requests, language switcher, no-JS."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Response

from tests.browser.conftest import DATA, VIOLATIONS, PagesServer, SiteServer, pages, watch


def test_every_page_as_pages_serves_it_runs_clean_and_links_its_counterparts(
    site: Path, pages_server: SiteServer, browser: Browser
) -> None:
    # One walk over every page, on the host we deploy to (no headers: the policy in each page's
    # head): no error, failed or foreign request, no policy violation, and a language switcher
    # leading to the same page in each language.
    problems: list[str] = []
    every = pages(site)
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    seen = watch(page, f"{pages_server.origin}/")
    # A page of each type, and each language's home, waits for the search worker and the index it
    # loads in the background; every page runs the same scripts, which the policy must allow.
    settled = {*PAGE_TYPES, *(DATA.prefix(code) for code in DATA.languages)}
    for path in every:
        response = page.goto(
            pages_server.url(path), wait_until="networkidle" if path in settled else "load"
        )
        assert response is not None
        assert "content-security-policy" not in response.headers, path  # Pages sends none
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        if not (policy or "").startswith("default-src 'self'; script-src 'self' 'sha256-"):
            problems.append(f"{path}: no policy in its head")
        # Going on before a page's search worker is done aborts its requests: not a failure (the
        # pages that wait for it above fail on any, and an error answer always counts).
        problems += [f"{path}: {p}" for p in seen if not p.endswith("(net::ERR_ABORTED)")]
        seen.clear()
        problems += [f"{path}: violation {v}" for v in page.evaluate("window.__violations")]
        if not path.endswith("404.html"):
            here = _language_of(path)
            for link in page.locator(".md-select__link[hreflang]").all():
                language = link.get_attribute("hreflang") or ""
                counterpart = DATA.prefix(language) + path.removeprefix(DATA.prefix(here))
                if counterpart not in every or link.evaluate("a => a.href") != pages_server.url(
                    counterpart
                ):
                    problems.append(f"{path} -> {language}: {link.evaluate('a => a.href')}")
    context.close()
    assert problems == []


def _language_of(path: str) -> str:
    """The language of a page's path inside the site: its folder, or the default's."""
    first = path.split("/", 1)[0]
    return first if first in DATA.languages else DATA.default_language


def test_edition_page_reads_without_javascript(server: SiteServer, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("en/editions/2021/"))
    text = page.locator("article").inner_text()
    context.close()
    assert "17–21 May 2021" in text
    assert "Phase I. Launch of the open consultations" in text
    assert "9 September 2020, 15:00–16:00 CEST (UTC+2)" in text
    assert "Phase V. Final virtual/physical briefing" in text
    assert "Deadline for the submission of official contributions" in text
    assert "8 March 2021" in text


def is_background_search(url: str) -> bool:
    """Material's search worker, its language files and index, fetched after the page shows."""
    return "/workers/" in url or "/lunr/" in url or url.endswith("search_index.json")


def first_view_bytes(browser: Browser, url: str) -> tuple[int, int, list[str]]:
    """Gzip-compressed bytes a first visit to `url` loads: the page, and the search after it."""
    context = browser.new_context()  # an empty cache: a first view
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    sizes = {response.url: len(gzip.compress(response.body(), 6)) for response in responses}
    context.close()
    page_bytes = sum(size for address, size in sizes.items() if not is_background_search(address))
    search_bytes = sum(size for address, size in sizes.items() if is_background_search(address))
    return page_bytes, search_bytes, [f"{size:>7} {url}" for url, size in sorted(sizes.items())]


@pytest.mark.parametrize(
    "path", ["", "editions/2021/", "en/editions/2024/", "deadlines/", "ar/", "zh/editions/2021/"]
)
def test_page_weight_on_first_view(server: SiteServer, browser: Browser, path: str) -> None:
    page_bytes, search_bytes, loaded = first_view_bytes(browser, server.url(path))
    print(
        f"\nfirst view of /{path}: {page_bytes} + {search_bytes} (search) bytes\n"
        + "\n".join(loaded)
    )
    assert page_bytes <= 80_000, "\n".join(loaded)
    assert search_bytes <= 40_000, "\n".join(loaded)


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [("", "Inventario", "Inventario de la CMSI"), ("en/", "Stocktaking", "WSIS Stocktaking")],
)
def test_search_finds_pages_of_its_own_language(
    server: SiteServer, browser: Browser, language: str, query: str, expected: str
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})  # the search field is visible
    page.goto(server.url(language), wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type(query)  # Material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=30_000)
    # Read in one go: Material re-renders the list as more results arrive.
    addresses = results.evaluate_all("links => links.map(a => a.href)")
    text = page.locator(".md-search-result").inner_text()
    context.close()
    assert expected in text
    assert addresses
    assert all(address.startswith(server.url(language)) for address in addresses)
    if not language:
        others = ("ar/", "zh/", "en/", "fr/", "ru/")
        assert not any(
            address.startswith(server.url(other)) for other in others for address in addresses
        )


# Every kind of page, in both languages, as the CSP must let it run.
PAGE_TYPES = [
    "",
    "editions/",
    "editions/2021/",
    "letters/",
    "letters/2024-01-31-wsis-plus-20-invitation/",
    "deadlines/",
    "calendars/",
    "about/",
    "404.html",
]


def test_every_page_type_runs_under_the_csp_of_a_host_that_sends_headers(
    server: SiteServer, browser: Browser
) -> None:
    # A host that sends `_headers` (Netlify, Cloudflare Pages); GitHub Pages is walked above.
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    seen = watch(page, f"{server.origin}/")
    found: dict[str, list[str]] = {}
    for path in (prefix + kind for prefix in ("", "en/") for kind in PAGE_TYPES):
        response = page.goto(server.url(path), wait_until="networkidle")
        assert response is not None
        policy = response.headers.get("content-security-policy", "")
        assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-"), path
        assert response.headers.get("x-content-type-options") == "nosniff"
        if violations := page.evaluate("window.__violations"):
            found[path] = violations
    # The theme's inline script ran (allowed by its hash), and so did its bundle.
    page.goto(server.url("en/"), wait_until="networkidle")
    assert page.evaluate("[typeof __md_get, typeof document$]") == ["function", "object"]
    context.close()
    assert found == {}
    assert seen == []


def test_a_script_slipped_into_a_page_is_blocked_where_no_header_is_sent(
    site: Path, browser: Browser, tmp_path: Path
) -> None:
    """Should markup ever reach a page, its policy refuses the script even on GitHub Pages."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "en" / "editions" / "2021" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    injected = '<script>document.documentElement.dataset.injected = "ran"</script>'
    page_file.write_text(text.replace("<body", f"{injected}<body", 1), encoding="utf-8")
    with PagesServer(copy) as serving:
        context = browser.new_context()
        context.add_init_script(VIOLATIONS)
        page = context.new_page()
        page.goto(serving.url("en/editions/2021/"), wait_until="load")
        ran = page.evaluate("document.documentElement.dataset.injected")
        violations = page.evaluate("window.__violations")
        context.close()
    assert ran is None
    assert [violation.split()[0] for violation in violations] == ["script-src-elem"]


def test_copy_button_copies_a_feeds_address(server: SiteServer, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url("en/calendars/"), wait_until="networkidle")
    page.bring_to_front()  # the clipboard answers the focused page only
    item = page.locator(".wsis-copy").first
    item.locator("button").click()
    page.wait_for_function("document.querySelector('.wsis-copy__status').textContent !== ''")
    status = item.locator(".wsis-copy__status").inner_text()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert status == "Address copied"
    assert copied == f"{DATA.site_url}en/calendar/deadlines.ics"


def test_without_javascript_the_address_is_text_to_select(
    server: SiteServer, browser: Browser
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("calendars/"))
    item = page.locator(".wsis-copy").first
    visible = item.locator("button").is_visible()
    address = item.locator("code").inner_text()
    context.close()
    assert not visible
    assert address == f"{DATA.site_url}calendar/deadlines.ics"
