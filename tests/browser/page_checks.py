"""What a visitor meets on a page as it is drawn: its fit, its targets, its colours, axe-core's
verdict, and the screenshots a reviewer looks at."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import NamedTuple

from playwright.sync_api import Page, Response

from tests.browser.conftest import NODE_TOOLS
from tests.conftest import PREFIXES

NARROW, PHONE, DESKTOP = 320, 390, 1280

#: A page of each kind the site publishes, as paths inside a language's folder.
PAGE_TYPES = [
    "",
    "editions/",
    "editions/2021/",
    "editions/2024/",
    "letters/",
    "letters/2024-01-31-wsis-plus-20-invitation/",
    "deadlines/",
    "calendars/",
    "about/",
    "accessibility/",
    "404.html",
]
#: Every language's folder: Spanish at the root, then the UN's order.
ALL_LANGUAGES = list(PREFIXES.values())
#: Where layout, contrast or structure can differ by script: left to right, right to left,
#: Chinese. English, French and Russian pages are laid out as the Spanish ones.
SCRIPTS = ["", "ar/", "zh/"]

#: The most a first view may load, compressed as GitHub Pages sends it: the page and what it
#: needs to show, then the search Material loads in the background.
FIRST_VIEW_BYTES, SEARCH_BYTES = 80_000, 40_000

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: axe-core's rules that read colours: all a change of scheme can break.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

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

# Elements a visitor can reach with Tab.
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)

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
#: The theme has drawn its dark scheme, or its light one.
DARK = "() => document.body.dataset.mdColorScheme === 'slate'"
LIGHT = "() => document.body.dataset.mdColorScheme === 'default'"
#: The theme's colours fade into a new scheme and its search field widens with the screen, some
#: after others: each transition's end, at once (the page is checked, then drawn, at rest).
END_TRANSITIONS = """async () => {
  for (let round = 0; round < 10; round++) {
    const running = document.getAnimations().filter(a => a.playState === "running"
      && a.effect?.getTiming().iterations !== Infinity);
    if (!running.length) return;
    running.forEach(a => a.finish());
    await new Promise(next => requestAnimationFrame(next));
  }
}"""


@functools.cache
def _axe_source() -> str:
    return (NODE_TOOLS / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page as it is now (or those of `rules`)."""
    # Evaluated by the driver, which the page's policy does not govern (an inline script tag
    # would be refused); once per page, as it is half a megabyte.
    if not page.evaluate("typeof axe === 'object'"):
        page.evaluate(_axe_source())
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_21_AA}
    # Only violations are described node by node: a third of the time of a full result.
    result = page.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only
    )
    return [
        f"{v['id']}: {node['target']} {node['failureSummary']}"
        for v in result["violations"]
        for node in v["nodes"]
    ]


def layout_problems(page: Page, where: str) -> list[str]:
    """What a visitor meets on the page as drawn now: a page wider than the screen, controls
    too small to tap, text in its own background colour, a Tab stop off the screen."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    problems = [f"{where} at {width}px: {t}" for t in page.evaluate(SMALL_TARGETS)]
    problems += [f"{where}: invisible text {t}" for t in page.evaluate(INVISIBLE_TEXT)]
    hidden = page.evaluate(OFF_SCREEN_FOCUSABLE, FOCUSABLE)
    problems += [f"{where} at {width}px: focusable off screen: {e}" for e in hidden]
    if (scroll_width := page.evaluate("document.documentElement.scrollWidth")) > width:
        problems.append(f"{where} at {width}px: {scroll_width}px wide")
    return problems


def shot_name(path: str, width: int, scheme: str) -> str:
    """`editions-2021-ar-390-dark.png` for `ar/editions/2021/`."""
    prefix = next((p for p in ALL_LANGUAGES if p and path.startswith(p)), "")
    language = prefix.strip("/") or "es"
    name = path.removeprefix(prefix).strip("/").replace("/", "-").removesuffix(".html") or "home"
    return f"{name}-{language}-{width}-{scheme}.png"


class View(NamedTuple):
    """A way of seeing a page: its width, the system's scheme, whether it is drawn into a
    screenshot, and which of axe-core's rules run ("all": WCAG 2.1 AA; "colours")."""

    width: int
    scheme: str = "light"
    drawn: bool = True
    axe: str = ""


#: Each language's pages: the narrowest phones checked, a phone and a desktop drawn.
EVERY_LANGUAGE = (View(NARROW, drawn=False), View(PHONE), View(DESKTOP))
#: Where scripts differ, the dark scheme too (drawn on the phone), and axe-core on the desktop.
WHERE_SCRIPTS_DIFFER = (
    View(NARROW, drawn=False),
    View(PHONE),
    View(PHONE, "dark"),
    View(DESKTOP, "dark", drawn=False, axe="colours"),
    View(DESKTOP, axe="all"),
)


def show(page: Page, view: View) -> None:
    """Turn the page to the view's width and scheme, as a visitor turns a phone or their system
    turns dark: the theme follows on the page already drawn."""
    if page.viewport_size != {"width": view.width, "height": 800}:
        page.set_viewport_size({"width": view.width, "height": 800})
    dark = view.scheme == "dark"
    if page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") != dark:
        page.emulate_media(color_scheme="dark" if dark else "light")
        page.wait_for_function(DARK if dark else LIGHT)
    page.evaluate(END_TRANSITIONS)  # the search field widens and colours fade: checked at rest


def view_problems(page: Page, where: str, view: View, shots: Path) -> list[str]:
    """What the loaded page shows wrong in `view`; drawn into `shots` if the view is drawn."""
    show(page, view)
    label = where if view.scheme == "light" else f"{where} (dark)"
    problems = layout_problems(page, label)
    if view.drawn:
        page.wait_for_function(SETTLED)
        page.screenshot(path=shots / shot_name(where, view.width, view.scheme), full_page=True)
    if view.axe:
        found = axe_violations(page, COLOUR_RULES if view.axe == "colours" else None)
        problems += [f"{label}: axe {v}" for v in found]
    return problems


def keyboard_problems(page: Page, where: str) -> list[str]:
    """From the top of the page, the first Tab stop is the skip link, and it leads into the
    content (Material's own, on pages with Markdown headings, to the first heading)."""
    problems = []
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    if "md-skip" not in first.split():
        problems.append(f"{where}: first Tab stop is {first!r}")
    page.keyboard.press("Enter")
    landed = page.evaluate(
        "!!document.querySelector(decodeURIComponent(location.hash))?.closest('article')"
    )
    if not landed:
        problems.append(f"{where}: the skip link leads outside the content")
    return problems


def is_background_search(url: str) -> bool:
    """Material's search worker, its language files and index, fetched after the page shows."""
    return "/workers/" in url or "/lunr/" in url or url.endswith("search_index.json")


class Weighing:
    """What each page loads, as the compressed bytes its answers announce: from the network or,
    the same bytes, from the cache, so every page is weighed as a first view."""

    def __init__(self, page: Page) -> None:
        self.sizes: dict[str, int] = {}
        page.on("response", self._answered)

    def _answered(self, response: Response) -> None:
        self.sizes[response.url] = int(response.headers.get("content-length", "0"))

    def problems(self, where: str, *, search_loaded: bool) -> list[str]:
        """Over the first view's budget, with what was loaded; then forget this page."""
        loaded = [f"{size:>7} {url}" for url, size in sorted(self.sizes.items())]
        search = sum(size for url, size in self.sizes.items() if is_background_search(url))
        shown = sum(self.sizes.values()) - search
        self.sizes.clear()
        problems = []
        if shown > FIRST_VIEW_BYTES:
            problems.append(f"{where}: a first view loads {shown} bytes: {loaded}")
        if search_loaded and search > SEARCH_BYTES:
            problems.append(f"{where}: its search loads {search} bytes: {loaded}")
        return problems
