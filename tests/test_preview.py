"""A pull request's preview: it says so on every page, is not indexed, offers no subscription."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, PREFIXES, PREVIEW_NUMBER, ROOT
from wsis_site.model.loader import load_site_data

DATA = load_site_data(ROOT / "data")
NOINDEX = '<meta name="robots" content="noindex">'
#: What offers a feed for subscription: webcal, Google's and Outlook's subscribe links, and
#: the feeds announced to browsers and feed readers (in the head, and the footer's news link).
SUBSCRIPTIONS = (
    "webcal://",
    "calendar.google.com/calendar/render?cid=",
    "addfromweb",
    'type="text/calendar" href=',
    'type="application/atom+xml"',
)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else "es"


def test_every_preview_page_says_it_is_a_preview_and_is_not_indexed(preview_site: Path) -> None:
    pages = html_pages(preview_site)
    assert len(pages) > 60
    for page in pages:
        html = page.read_text(encoding="utf-8")
        language = language_of(preview_site, page)
        banner = DATA.ui[language]["preview_banner"].format(number=PREVIEW_NUMBER)
        [shown] = re.findall(r'<p class="wsis-preview">([^<]*)</p>', html)
        assert unescape(shown) == banner, page
        assert NOINDEX in html, page
    assert "n.º 7: este no es el sitio publicado" in (preview_site / "index.html").read_text()


def test_the_published_site_has_no_banner_and_is_indexed(multilingual_site: Path) -> None:
    for page in html_pages(multilingual_site):
        html = page.read_text(encoding="utf-8")
        assert "md-banner" not in html, page
        assert "noindex" not in html, page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_preview_offers_its_calendars_to_check_never_to_subscribe(
    preview_site: Path, multilingual_site: Path, language: str
) -> None:
    for page in html_pages(preview_site / PREFIXES[language]):
        html = page.read_text(encoding="utf-8")
        assert not [offer for offer in SUBSCRIPTIONS if offer in html], page
    calendars = (preview_site / PREFIXES[language] / "calendars" / "index.html").read_text()
    note = DATA.ui[language]["preview_no_subscription"]
    downloads = re.findall(r'href="([^"]+\.ics)" type="text/calendar" download>', calendars)
    assert calendars.count(unescape(note).replace("'", "&#39;")) == len(downloads) >= 5
    assert all(
        (preview_site / PREFIXES[language] / "calendars" / d).resolve().is_file() for d in downloads
    )
    # The published site offers them all.
    published = (multilingual_site / PREFIXES[language] / "calendars" / "index.html").read_text()
    assert all(offer in published for offer in SUBSCRIPTIONS[:3])
