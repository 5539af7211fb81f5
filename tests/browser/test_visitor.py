"""The built site as a visitor's browser sees it: without JavaScript, the policy a host sends, the
copy button."""

from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page

from tests.browser.conftest import (
    DATA,
    VIOLATIONS,
    PagesServer,
    SiteServer,
    wait_for_search_once,
    watch,
)
from tests.browser.page_checks import PAGE_TYPES


def test_edition_page_reads_without_javascript(
    server: SiteServer, page_without_javascript: Page
) -> None:
    page_without_javascript.goto(server.url("en/editions/2021/"))
    text = page_without_javascript.locator("article").inner_text()
    assert "17–21 May 2021" in text
    assert "Phase I. Launch of the open consultations" in text
    assert "9 September 2020, 15:00–16:00 CEST (UTC+2)" in text
    assert "Phase V. Final virtual/physical briefing" in text
    assert "Deadline for the submission of official contributions" in text
    assert "8 March 2021" in text


def test_every_page_type_runs_under_the_csp_of_a_host_that_sends_headers(
    server: SiteServer, page: Page
) -> None:
    # A host that sends `_headers` (Netlify, Cloudflare Pages); GitHub Pages: test_every_page.
    page.add_init_script(VIOLATIONS)
    seen = watch(page, f"{server.origin}/")
    found: dict[str, list[str]] = {}
    search_addresses: set[tuple[str, str]] = set()
    for path in ("en/" + kind for kind in PAGE_TYPES):  # one policy for every language
        response = page.goto(server.url(path), wait_until="load")
        assert response is not None
        wait_for_search_once(page, search_addresses)  # the worker runs under the policy too
        policy = response.headers.get("content-security-policy", "")
        assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-"), path
        assert response.headers.get("x-content-type-options") == "nosniff"
        if violations := page.evaluate("window.__violations"):
            found[path] = violations
    # The theme's inline script ran (allowed by its hash), and so did its bundle.
    page.goto(server.url("en/"), wait_until="load")
    assert page.evaluate("[typeof __md_get, typeof document$]") == ["function", "object"]
    assert found == {}
    assert seen == []


def test_a_script_slipped_into_a_page_is_blocked_where_no_header_is_sent(
    site: Path, page: Page, tmp_path: Path
) -> None:
    """Should markup ever reach a page, its policy refuses the script even on GitHub Pages."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page_file = copy / "en" / "editions" / "2021" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    injected = '<script>document.documentElement.dataset.injected = "ran"</script>'
    page_file.write_text(text.replace("<body", f"{injected}<body", 1), encoding="utf-8")
    page.add_init_script(VIOLATIONS)
    with PagesServer(copy) as serving:
        page.goto(serving.url("en/editions/2021/"), wait_until="load")
        ran = page.evaluate("document.documentElement.dataset.injected")
        violations = page.evaluate("window.__violations")
    assert ran is None
    assert [violation.split()[0] for violation in violations] == ["script-src-elem"]


def test_copy_button_copies_a_feeds_address(server: SiteServer, browser: Browser) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server.url("en/calendars/"), wait_until="load")
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
    server: SiteServer, page_without_javascript: Page
) -> None:
    page_without_javascript.goto(server.url("calendars/"))
    item = page_without_javascript.locator(".wsis-copy").first
    visible = item.locator("button").is_visible()
    address = item.locator("code").inner_text()
    assert not visible
    assert address == f"{DATA.site_url}calendar/deadlines.ics"
