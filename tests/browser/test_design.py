"""The design where one pass over every page does not reach: the search dialog open, the page before
the theme's script has run, the Arabic mirror, and paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import SEARCH_READY, SiteServer
from tests.browser.page_checks import (
    DESKTOP,
    PHONE,
    SCRIPTS,
    SETTLED,
    axe_violations,
)


@pytest.mark.parametrize("language", SCRIPTS)
def test_axe_with_the_search_dialog_open(server: SiteServer, page: Page, language: str) -> None:
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.goto(server.url(language + "editions/2021/"), wait_until="load")
    page.wait_for_function(SEARCH_READY)
    page.locator(".md-search__input").click()
    page.keyboard.type("2021")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    page.wait_for_function(SETTLED)
    assert page.locator(".md-search").get_attribute("aria-label")
    assert axe_violations(page) == []


def test_print_shows_the_source_and_hides_the_controls(
    server: SiteServer, page: Page, output_dir: Path
) -> None:
    page.goto(server.url("en/editions/2021/"), wait_until="load")
    page.emulate_media(media="print")
    head = page.locator(".wsis-print-head")
    assert head.is_visible()
    assert "WSIS Forum · https://example.org/wsis-forum/en/editions/2021/" in head.inner_text()
    for hidden in (".md-header", ".md-sidebar--primary", ".wsis-add", ".wsis-toc", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    pdf = page.pdf(format="A4", path=output_dir / "edition-2021-en.pdf")
    assert 1 <= len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) <= 3


# The document's direction, and where the navigation, the article and the timeline's first and
# last steps are drawn: mirrored in Arabic, as readers of right-to-left scripts expect.
LAYOUT = """() => {
  const box = s => document.querySelector(s)?.getBoundingClientRect();
  const steps = [...document.querySelectorAll(".wsis-steps > li")]
    .map(e => e.getBoundingClientRect());
  return {
    html: document.documentElement.dir, body: document.body.dir,
    navLeft: box(".md-sidebar--primary").left, articleLeft: box("article").left,
    firstStep: steps[0].left, lastStep: steps[steps.length - 1].left,
  };
}"""


# Material's script, blocked to see the page as it is drawn before the script has run.
THEME_SCRIPT = "**/javascripts/bundle.*.js"

# Layout shifts since the page began loading (their sum is Lighthouse's Cumulative Layout Shift).
LAYOUT_SHIFTS = """() => new Promise(done => {
  const shifts = [];
  const observer = new PerformanceObserver(list => shifts.push(...list.getEntries()));
  observer.observe({type: "layout-shift", buffered: true});
  setTimeout(() => {
    observer.disconnect();
    done(shifts.map(e => ({value: e.value, sources: e.sources.map(
      s => s.node ? (s.node.outerHTML || s.node.textContent).slice(0, 80) : "")})));
  }, 500);
})"""


@pytest.mark.parametrize("language", SCRIPTS)
def test_the_page_holds_still_while_the_theme_script_loads(
    server: SiteServer, browser: Browser, language: str
) -> None:
    """Until Material's script has run (or without it) the header is narrower: the language
    list must not widen the page then, nor anything move much when the script adds its buttons."""
    context = browser.new_context(viewport={"width": PHONE, "height": 800}, is_mobile=True)
    page = context.new_page()
    page.route(THEME_SCRIPT, lambda route: route.abort())
    page.goto(server.url(language), wait_until="load")
    assert page.evaluate("document.documentElement.scrollWidth") == PHONE
    page.unroute(THEME_SCRIPT)
    page.goto(server.url(language), wait_until="load")
    shifts = page.evaluate(LAYOUT_SHIFTS)
    context.close()
    assert sum(shift["value"] for shift in shifts) < 0.005, shifts


@pytest.mark.parametrize(("language", "mirrored"), [("", False), ("ar/", True)])
def test_arabic_pages_are_mirrored_right_to_left(
    server: SiteServer, page: Page, language: str, mirrored: bool
) -> None:
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.goto(server.url(language + "editions/2021/"), wait_until="load")
    layout = page.evaluate(LAYOUT)
    direction = "rtl" if mirrored else "ltr"
    assert layout["body"] == direction
    assert layout["html"] == (direction if mirrored else "")
    assert (layout["navLeft"] > layout["articleLeft"]) == mirrored
    assert (layout["firstStep"] > layout["lastStep"]) == mirrored
