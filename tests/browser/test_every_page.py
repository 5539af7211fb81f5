"""Every page of each language as GitHub Pages serves it (no headers: the policy is in each page's
head; the root 404 for any missing address), each loaded once and turned to every view a visitor
has of it. Screenshots go to the run's `screenshots/` folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import (
    DATA,
    VIOLATIONS,
    SiteServer,
    language_of,
    pages,
    wait_for_search_once,
    watch,
)
from tests.browser.page_checks import (
    ALL_LANGUAGES,
    EVERY_LANGUAGE,
    PAGE_TYPES,
    PHONE,
    SCRIPTS,
    WHERE_SCRIPTS_DIFFER,
    View,
    Weighing,
    keyboard_problems,
    show,
    view_problems,
)

POLICY_START = "default-src 'self'; script-src 'self' 'sha256-"


def switcher_problems(page: Page, path: str, every: list[str], server: SiteServer) -> list[str]:
    """Each link of the language switcher that does not lead to the same page in its language."""
    here = language_of(path)
    links = page.eval_on_selector_all(
        ".md-select__link[hreflang]", "links => links.map(a => [a.hreflang, a.href])"
    )
    problems = []
    if [language for language, _ in links] != list(DATA.languages):
        problems.append(f"{path}: the switcher offers {links}")
    for language, target in links:
        counterpart = DATA.prefix(language) + path.removeprefix(DATA.prefix(here))
        if counterpart not in every or target != server.url(counterpart):
            problems.append(f"{path} -> {language}: {target}")
    return problems


@pytest.mark.parametrize("language", ALL_LANGUAGES)
def test_every_page_runs_clean_links_its_counterparts_and_fits_phones_and_desktops(
    site: Path, pages_server: SiteServer, browser: Browser, output_dir: Path, language: str
) -> None:
    # Every page, loaded on a phone: no console error, failed or foreign request, no policy
    # violation, a policy in its head, a language switcher leading to the same page in each
    # language, the weight of a first view; the search worker and what it loads, at each depth.
    # Each page type is then turned to each view (page_checks.View): no horizontal overflow, no
    # target under 24 px, no invisible text, no Tab stop off screen, axe-core where scripts
    # differ, a screenshot; then, on a phone, Tab leads to the skip link, and it into the content.
    problems: list[str] = []
    output_dir.mkdir(parents=True, exist_ok=True)
    every = pages(site)
    mine = [path for path in every if language_of(path) == language_of(language)]
    views = WHERE_SCRIPTS_DIFFER if language in SCRIPTS else EVERY_LANGUAGE
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    seen = watch(page, f"{pages_server.origin}/")
    weighing = Weighing(page)
    search_addresses: set[tuple[str, str]] = set()
    for path in mine:
        show(page, View(PHONE))
        response = page.goto(pages_server.url(path), wait_until="load")
        assert response is not None
        assert "content-security-policy" not in response.headers, path  # Pages sends none
        search_loaded = wait_for_search_once(page, search_addresses)
        problems += weighing.problems(path, search_loaded=search_loaded)
        page_type = path.removeprefix(language) in PAGE_TYPES
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
        if not (policy or "").startswith(POLICY_START):
            problems.append(f"{path}: no policy in its head")
        if not path.endswith("404.html"):
            problems += switcher_problems(page, path, every, pages_server)
        if page_type:
            for view in views:
                problems += view_problems(page, path, view, output_dir)
            show(page, View(PHONE))  # drawn: now the keyboard, on a phone
            problems += keyboard_problems(page, path)
        problems += [f"{path}: {p}" for p in seen]
        seen.clear()
        problems += [f"{path}: violation {v}" for v in page.evaluate("window.__violations")]
    context.close()
    assert len(mine) >= len(PAGE_TYPES)
    assert problems == []
