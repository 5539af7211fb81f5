"""Write the calendar and Atom feeds of each language into the built site."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path

from wsis_site.addresses import NEWS_FEED
from wsis_site.domain.calendar_entries import EntryWords
from wsis_site.domain.history import HISTORY_FILES, Revision, Version, entry_revisions, read_history
from wsis_site.domain.published_changes import published_changes
from wsis_site.feeds.atom import news_feed
from wsis_site.model.loader import SiteData, content_digest
from wsis_site.reading.git import git


def write_feeds(data: SiteData, data_dir: Path, folders: Mapping[str, Path], today: date) -> None:
    """Write every calendar feed and the Atom feed of each language into its folder of the site;
    without git history, their dates are `today`'s, the build's."""
    # Imported here, by the process that writes feeds: pages are built without icalendar.
    from wsis_site.feeds.calendars import FeedWriter

    by_entry = revisions(data_dir, today)
    history = published_history(data_dir)
    changes = published_changes(history) if history else []  # once, for every language
    for language, folder in folders.items():
        feeds = FeedWriter(EntryWords(data, language), by_entry).feeds()
        feeds[NEWS_FEED] = news_feed(data, language, changes, _fallback(today))
        for relative, content in feeds.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)


def revisions(data_dir: Path, today: date) -> dict[str, Revision]:
    """Revisions of every entry, computed once per data content and commit."""
    digest = content_digest(data_dir, HISTORY_FILES)
    return _revisions(data_dir.resolve(), digest, _head(data_dir), _fallback(today))


def published_history(data_dir: Path) -> list[Version] | None:
    """The committed versions of the history files, read once per commit."""
    return _history(data_dir.resolve(), _head(data_dir))


def _fallback(today: date) -> datetime:
    """Without git history, DTSTAMP is the build date, so two builds agree byte for byte."""
    return datetime.combine(today, time(), UTC)


@lru_cache(maxsize=4)
def _revisions(
    data_dir: Path, _digest: str, head_commit: str, fallback: datetime
) -> dict[str, Revision]:
    return entry_revisions(data_dir, fallback, _history(data_dir, head_commit))


@lru_cache(maxsize=4)
def _history(data_dir: Path, _head_commit: str) -> list[Version] | None:
    return read_history(data_dir)


def _head(data_dir: Path) -> str:
    return (git(data_dir, "rev-parse", "HEAD") or "").strip()
