"""Every address the site publishes: its pages, letters, calendar feeds, Atom feed, sitemap and
error page, inside a language and from the site's root (nothing else spells one), and the hosts
that are placeholders nobody publishes on."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

HOME_PAGE = ""
EDITIONS_PAGE = "editions/"
LETTERS_PAGE = "letters/"
DEADLINES_PAGE = "deadlines/"
CALENDARS_PAGE = "calendars/"
#: Hand-written pages the frame links (`docs/<lang>/about.md`, `accessibility.md`).
ABOUT_PAGE = "about/"
ACCESSIBILITY_PAGE = "accessibility/"

FEED_DIR = "calendar"
ALL_FEED = f"{FEED_DIR}/all.ics"
DEADLINES_FEED = f"{FEED_DIR}/deadlines.ics"
#: The deadlines again, each with reminders a week and a day before (the other feeds have none).
REMINDERS_FEED = f"{FEED_DIR}/deadlines-reminders.ics"
NEWS_FEED = "feed.xml"

#: Names reserved for examples and tests (RFC 2606, RFC 6761): nobody can publish there.
RESERVED_NAMES = ("example.org", "example.com", "example.net", "localhost")
RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")

#: At the site's root only.
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
NOT_FOUND_PAGE = "404.html"
#: The theme's search index, which the build splits into one per language folder.
SEARCH_INDEX = "search/search_index.json"


@dataclass(frozen=True)
class Pages:
    """The fixed pages of a language, for templates: `link(pages.editions)`."""

    editions: str = EDITIONS_PAGE
    letters: str = LETTERS_PAGE
    deadlines: str = DEADLINES_PAGE
    calendars: str = CALENDARS_PAGE
    about: str = ABOUT_PAGE
    accessibility: str = ACCESSIBILITY_PAGE


PAGES = Pages()


def edition_url(edition_id: str) -> str:
    """An edition's page inside a language."""
    return f"{EDITIONS_PAGE}{edition_id}/"


def item_url(edition_id: str, item_id: str) -> str:
    """An item, on its edition's page, inside a language."""
    return f"{edition_url(edition_id)}#{item_id}"


def letter_url(letter_id: str) -> str:
    """A letter's page inside a language."""
    return f"{LETTERS_PAGE}{letter_id}/"


def edition_feed(edition_id: str) -> str:
    """One edition's feed inside a language."""
    return f"{FEED_DIR}/{edition_id}.ics"


def entry_feed(edition_id: str, entry_id: str) -> str:
    """The single-event file of one item (or `forum`) inside a language."""
    return f"{FEED_DIR}/{edition_id}/{entry_id}.ics"


def language_folder(language: str, default_language: str) -> str:
    """A language's folder in the built site: empty for the default language, at the root."""
    return "" if language == default_language else f"{language}/"


def markdown_page_url(relative: PurePath) -> str:
    """The directory URL MkDocs gives a Markdown file: `about.md` → `about/`, `index.md` → ``."""
    parts = relative.with_suffix("").parts
    if parts and parts[-1] in {"index", "README"}:
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


@cache
def relative_url(from_url: str, to_url: str) -> str:
    """A link from one page to another of the same language, both given as directory URLs."""
    target = posixpath.relpath(to_url or ".", from_url or ".")
    if target == ".":
        return "./"
    return f"{target}/" if to_url in {"", "./"} or to_url.endswith("/") else target


def is_placeholder(host: str) -> bool:
    """True for a host nobody can publish on: the reserved names of RFC 2606 and RFC 6761."""
    host = host.lower().rstrip(".")
    if host.rsplit(".", 1)[-1] in RESERVED_TOP_LEVEL:
        return True
    return any(host == name or host.endswith(f".{name}") for name in RESERVED_NAMES)
