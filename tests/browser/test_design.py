"""The design as a visitor meets it: phones and desktops, light and dark, keyboard and paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import NODE_TOOLS, SiteServer
from tests.browser.test_checks import ALL_LANGUAGES, PAGE_TYPES, SCRIPTS, WCAG_21_AA

PHONE, DESKTOP = 390, 1280

# Elements a visitor can reach with Tab.
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)

# Controls smaller than WCAG 2.2's 24 by 24 px, except links inside a sentence (its exception).
SMALL_TARGETS = """() => [...document.querySelectorAll("a[href], button, summary, input, label")]
  .filter(e => e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter(e => {
    const box = e.getBoundingClientRect();
    if (box.width * box.height === 0 || (box.width >= 24 && box.height >= 24)) return false;
    const block = e.closest("p, li, dd, td, th, address");
    const inSentence = block && block.textContent.trim().length > e.textContent.trim().length;
    return !inSentence;
  })
  .map(e => {
    const box = e.getBoundingClientRect();
    const size = `${Math.round(box.width)}x${Math.round(box.height)}`;
    return `${e.tagName} ${e.className} "${e.textContent.trim().slice(0, 30)}" ${size}`;
  })"""

# Text drawn in its own background colour: axe leaves such text unreported.
INVISIBLE_TEXT = """() => [...document.querySelectorAll("a, button, summary, .wsis-badge")]
  .filter(e => e.checkVisibility() && e.textContent.trim())
  .filter(e => { const s = getComputedStyle(e); return s.color === s.backgroundColor; })
  .map(e => `${e.tagName} ${e.className} "${e.textContent.trim().slice(0, 30)}"`)"""

OFF_SCREEN_FOCUSABLE = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.checkVisibility({visibilityProperty: true}) && !e.closest("[inert]"))
  .filter(e => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && (box.right <= 0 || box.left >= window.innerWidth);
  })
  .map(e => `${e.tagName} ${e.className} "${e.textContent.trim().slice(0, 30)}"`)"""


# The header's search field and the search results animate in; check and draw them settled.
# A function, not an expression: Playwright polls an expression with eval, which the CSP refuses.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"


def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now."""
    page.add_script_tag(path=NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA
    )
    return [
        f"{v['id']}: {node['target']} {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def shot_name(path: str, width: int, scheme: str) -> str:
    prefix = next((p for p in ALL_LANGUAGES if p and path.startswith(p)), "")
    language = prefix.strip("/") or "es"
    name = path.removeprefix(prefix).strip("/").replace("/", "-").removesuffix(".html") or "home"
    return f"{name}-{language}-{width}-{scheme}.png"


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_page_fits_phones_and_desktops_with_large_enough_targets_and_passes_axe(
    server: SiteServer, browser: Browser, output_dir: Path, language: str
) -> None:
    # axe (WCAG 2.1 AA) where layout and structure differ by script: Spanish, Arabic, Chinese.
    problems: list[str] = []
    output_dir.mkdir(parents=True, exist_ok=True)
    for width in (320, PHONE, DESKTOP):
        # axe is injected as an inline script, which the site's policy rightly refuses.
        context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
        page = context.new_page()
        for path in PAGE_TYPES:
            page.goto(server.url(language + path), wait_until="load")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{language}{path} at {width}px: {scroll_width}px wide")
            problems += [
                f"{language}{path} at {width}px: {t}" for t in page.evaluate(SMALL_TARGETS)
            ]
            problems += [
                f"{language}{path}: invisible text {t}" for t in page.evaluate(INVISIBLE_TEXT)
            ]
            if width != 320:
                page.wait_for_function(SETTLED)
                page.screenshot(path=output_dir / shot_name(language + path, width, "light"))
                page.screenshot(
                    path=output_dir / shot_name(language + path, width, "light-full"),
                    full_page=True,
                )
            if width == DESKTOP and language in SCRIPTS:
                problems += [f"{language}{path}: axe {v}" for v in axe_violations(page)]
        context.close()
    assert problems == []


@pytest.mark.parametrize("language", SCRIPTS)
def test_dark_scheme_follows_the_system_and_keeps_contrast(
    server: SiteServer, browser: Browser, output_dir: Path, language: str
) -> None:
    found: dict[str, list[str]] = {}
    for width in (PHONE, DESKTOP):
        context = browser.new_context(  # axe is injected inline, which the site's CSP refuses
            viewport={"width": width, "height": 800}, color_scheme="dark", bypass_csp=True
        )
        page = context.new_page()
        for path in PAGE_TYPES:
            page.goto(server.url(language + path), wait_until="load")
            scheme = page.evaluate("document.body.dataset.mdColorScheme")
            assert scheme == "slate", f"{language}{path}: {scheme}"
            page.wait_for_function(SETTLED)
            page.screenshot(
                path=output_dir / shot_name(language + path, width, "dark-full"), full_page=True
            )
            if width == DESKTOP and (violations := axe_violations(page)):
                found[language + path] = violations
        context.close()
    assert found == {}


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_keyboard_starts_at_the_skip_link_and_never_tabs_off_screen(
    server: SiteServer, browser: Browser, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    for language in ("", "ar/"):
        for path in PAGE_TYPES:
            page.goto(server.url(language + path), wait_until="load")
            page.keyboard.press("Tab")
            first = page.evaluate("document.activeElement.className")
            if "md-skip" not in first.split():
                problems.append(f"{language}{path}: first Tab stop is {first!r}")
            page.keyboard.press("Enter")
            # Material's own skip link (pages with Markdown headings) targets the first heading.
            landed = page.evaluate(
                "!!document.querySelector(decodeURIComponent(location.hash))?.closest('article')"
            )
            if not landed:
                problems.append(f"{language}{path}: the skip link leads outside the content")
            hidden = page.evaluate(OFF_SCREEN_FOCUSABLE, FOCUSABLE)
            problems += [f"{language}{path}: off screen: {element}" for element in hidden]
    context.close()
    assert problems == []


@pytest.mark.parametrize("language", SCRIPTS)
def test_axe_with_the_search_dialog_open(
    server: SiteServer, browser: Browser, language: str
) -> None:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(server.url(language + "editions/2021/"), wait_until="networkidle")
    page.locator(".md-search__input").click()
    page.keyboard.type("2021")
    page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
    page.wait_for_function(SETTLED)
    assert page.locator(".md-search").get_attribute("aria-label")
    violations = axe_violations(page)
    context.close()
    assert violations == []


def test_print_shows_the_source_and_hides_the_controls(
    server: SiteServer, browser: Browser, output_dir: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url("en/editions/2021/"), wait_until="networkidle")
    page.emulate_media(media="print")
    head = page.locator(".wsis-print-head")
    assert head.is_visible()
    assert "WSIS Forum · https://example.org/wsis-forum/en/editions/2021/" in head.inner_text()
    for hidden in (".md-header", ".md-sidebar--primary", ".wsis-add", ".wsis-toc", ".md-footer"):
        assert page.locator(hidden).first.is_hidden(), hidden
    pdf = page.pdf(format="A4", path=output_dir / "edition-2021-en.pdf")
    context.close()
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
    server: SiteServer, browser: Browser, language: str, mirrored: bool
) -> None:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 800})
    page = context.new_page()
    page.goto(server.url(language + "editions/2021/"), wait_until="networkidle")
    layout = page.evaluate(LAYOUT)
    context.close()
    direction = "rtl" if mirrored else "ltr"
    assert layout["body"] == direction
    assert layout["html"] == (direction if mirrored else "")
    assert (layout["navLeft"] > layout["articleLeft"]) == mirrored
    assert (layout["firstStep"] > layout["lastStep"]) == mirrored
