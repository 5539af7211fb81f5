"""Visitors where they are: on GitHub Pages (only the root 404, no headers), in their own time
zone, with their system's dark mode, and with a keyboard on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DATA, SiteServer
from tests.browser.page_checks import DARK, DESKTOP, PHONE, SETTLED, View, shot_name, show
from tests.conftest import LANGUAGES, PREFIXES

# --- A missing page, on a host that serves only the root 404 -----------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_speaks_the_language_of_its_address(
    pages_server: SiteServer, page: Page, output_dir: Path, language: str
) -> None:
    words = DATA.ui[language]
    home = pages_server.url(PREFIXES[language])
    page.set_viewport_size({"width": PHONE, "height": 900})
    answer = page.goto(pages_server.url(f"{PREFIXES[language]}no/such/page/"))
    assert answer is not None
    assert answer.status == 404
    content = page.locator(".wsis-not-found__page")
    assert content.locator("h1").inner_text() == words["not_found_title"]
    assert content.locator(".wsis-lead").inner_text() == words["not_found_text"]
    assert page.title() == f"{words['not_found_title']} - {words['site_name']}"
    # Set on the content only: the header and footer around it stay the root page's.
    expected_lang = "" if language == DATA.default_language else language
    assert (content.get_attribute("lang") or "") == expected_lang
    link = content.get_by_role("link", name=words["go_home"])
    assert page.evaluate("a => a.href", link.element_handle()) in {home, home + "./"}
    for width in (PHONE, DESKTOP):  # on a phone, then as wide as a desktop
        show(page, View(width))
        ways = page.locator(".wsis-not-found__languages > li")
        shown = [way.get_attribute("lang") for way in ways.all() if way.is_visible()]
        assert shown == [code for code in LANGUAGES if code != language]
        page.screenshot(path=output_dir / shot_name(f"{PREFIXES[language]}404", width, "pages"))


def test_the_missing_pages_search_looks_in_the_addresss_language(
    pages_server: SiteServer, page: Page
) -> None:
    page.goto(pages_server.url("fr/no/such/page/"))
    page.get_by_label(DATA.ui["fr"]["search_site"]).fill("Genève")
    page.get_by_label(DATA.ui["fr"]["search_site"]).press("Enter")
    page.wait_for_url("**/fr/**?q=*")
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_without_javascript_the_root_404_offers_every_language(
    pages_server: SiteServer, page_without_javascript: Page
) -> None:
    page = page_without_javascript
    page.goto(pages_server.url("ar/no/such/page/"))
    default = DATA.ui[DATA.default_language]
    assert page.locator("h1").inner_text() == default["not_found_title"]
    for language in LANGUAGES[1:]:
        item = page.locator(f".wsis-not-found__languages li[lang='{language}']")
        assert item.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
        link = item.get_by_role("link", name=DATA.ui[language]["go_home"])
        target = page.evaluate("a => a.href", link.element_handle())
        assert target.startswith(pages_server.url(PREFIXES[language]))


# --- Dark mode ---------------------------------------------------------------------------------


def scheme(page: Page) -> str:
    return str(page.evaluate("document.body.dataset.mdColorScheme"))


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_scheme_follows_the_system_until_the_visitor_chooses(
    pages_server: SiteServer, browser: Browser, prefix: str
) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.goto(pages_server.url(prefix), wait_until="load")
    assert scheme(page) == "default"
    page.emulate_media(color_scheme="dark")  # evening: the system turns dark
    page.wait_for_function(DARK)
    page.goto(pages_server.url(prefix + "editions/"), wait_until="load")
    assert scheme(page) == "slate"
    page.emulate_media(color_scheme="light")  # morning, on a later visit
    page.reload(wait_until="load")
    assert scheme(page) == "default"
    # The visitor chooses dark: the toggle goes from automatic to light, then to dark.
    page.locator("label[for='__palette_1']").click()
    page.locator("label[for='__palette_2']").click()
    assert scheme(page) == "slate"
    page.goto(pages_server.url(prefix + "deadlines/"), wait_until="load")
    assert scheme(page) == "slate"  # chosen, so kept in a light morning
    # And back to following the system.
    page.locator("label[for='__palette_0']").click()
    assert scheme(page) == "default"
    context.close()


# --- The phone menu from the keyboard ----------------------------------------------------------

MENU = ".md-header button.wsis-menu"


def tab_to(page: Page, selector: str, most: int = 10) -> None:
    """Press Tab until the element of `selector` has focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {most} presses of Tab")


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_the_phone_menu_opens_and_closes_from_the_keyboard(
    pages_server: SiteServer, page: Page, output_dir: Path, prefix: str
) -> None:
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(pages_server.url(prefix + "editions/"), wait_until="load")
    menu = page.locator(MENU)
    tab_to(page, MENU)
    assert menu.get_attribute("aria-controls") == "wsis-drawer"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_function(SETTLED)
    focused = page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert focused, "focus moves into the menu"
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer is not None
    side = drawer["x"] + drawer["width"] if prefix == "ar/" else drawer["x"]
    assert round(side) == (PHONE if prefix == "ar/" else 0)  # Arabic opens from the right
    page.screenshot(path=output_dir / shot_name(prefix + "menu", PHONE, "keyboard"))
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("s => document.activeElement.matches(s)", MENU)
    page.keyboard.press(" ")  # Space opens it too
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    menu.click()  # and a tap, as without this script
    assert page.evaluate("document.getElementById('__drawer').checked")


# --- The visitor's own time --------------------------------------------------------------------

# Phase I of 2021: 9 September 2020, 15:00–16:00 in Geneva (CEST), by the visitor's zone and
# the page's language, in the page's own words for times ("15.00-16.00 horas", "de 15 heures à
# 16 heures").
LOCAL_TIMES = {
    "America/New_York": {
        "en/": "09:00–10:00 your local time (Eastern Daylight Time)",
        "": "09.00-10.00 horas en su hora local",
    },
    "Asia/Tokyo": {
        "en/": "22:00–23:00 your local time (Japan Standard Time)",
        "ar/": "من الساعة 22:00 إلى الساعة 23:00 بتوقيتكم المحلي",
        "zh/": "您的当地时间22:00至23:00",
    },
    "Pacific/Auckland": {
        "en/": "10 September, 01:00–02:00 your local time",
        "fr/": "10 septembre, de 1\u00a0heure à 2\u00a0heures à votre heure locale",
    },
}


@pytest.mark.parametrize("zone", list(LOCAL_TIMES))
def test_a_meeting_shows_the_visitors_own_time(
    pages_server: SiteServer, browser: Browser, output_dir: Path, zone: str
) -> None:
    context = browser.new_context(timezone_id=zone, viewport={"width": PHONE, "height": 900})
    page = context.new_page()
    for prefix, expected in LOCAL_TIMES[zone].items():
        page.goto(pages_server.url(prefix + "editions/2021/"), wait_until="load")
        local = page.locator("#phase-1 .wsis-local-time")
        # Waits for the deferred script to fill it in (a loaded machine may run it late).
        expect(local).to_contain_text(expected)
        assert local.is_visible()
        assert not page.locator("#phase-3 .wsis-local-time").count()  # a whole day: no time
        local.scroll_into_view_if_needed()
        city = zone.split("/")[1].lower()
        page.screenshot(path=output_dir / shot_name(f"{prefix}local-time-{city}", PHONE, "light"))
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_in_the_meetings_zone_or_without_javascript_nothing_is_added(
    pages_server: SiteServer, browser: Browser, javascript: bool
) -> None:
    zone = "Europe/Paris" if javascript else "America/New_York"  # Paris keeps Geneva's clock
    context = browser.new_context(timezone_id=zone, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(pages_server.url("en/editions/2021/"))
    assert page.locator(".wsis-local-time").count() > 0
    assert not page.locator(".wsis-local-time").first.is_visible()
    context.close()
