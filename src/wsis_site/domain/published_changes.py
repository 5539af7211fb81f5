"""Every published change to the editions, from the git history of main: what the Atom feed
announces and what each edition page lists, newest first, under "Changes"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from babel.dates import format_date

from wsis_site.domain.changes import Change, ChangeWords, Snapshot, compare
from wsis_site.domain.history import Version, as_mapping

#: The changes an edition page lists (its dates, places and statuses), and the UI text of each.
ON_EDITION_PAGES = {
    "item_moved": "news_item_moved",
    "item_added": "news_item_added",
    "item_status": "history_item_status",
    "item_removed": "change_item_removed",
    "edition_dates": "news_edition_dates",
    "edition_venue": "change_edition_venue",
    "edition_format": "change_edition_format",
}


@dataclass(frozen=True)
class PublishedChange:
    """One change, as the commit of main that published it."""

    commit: str
    moment: datetime
    change: Change


def published_changes(history: Sequence[Version]) -> list[PublishedChange]:
    """The changes of each commit against the one before, oldest first (the first is no change)."""
    return list(_in_order(history))


def _in_order(history: Sequence[Version]) -> Iterator[PublishedChange]:
    for before, after in pairwise(history):
        old = Snapshot(as_mapping(before.events), as_mapping(before.phases), {})
        new = Snapshot(as_mapping(after.events), as_mapping(after.phases), {})
        for change in compare(old, new):
            yield PublishedChange(after.commit, after.moment, change)


def edition_history(changes: Sequence[PublishedChange], edition_id: str) -> list[PublishedChange]:
    """What an edition page lists: its changes of dates, places and statuses, newest first."""
    return [
        published
        for published in reversed(changes)
        if published.change.edition_id == edition_id and published.change.kind in ON_EDITION_PAGES
    ]


def change_values(change_words: ChangeWords, change: Change) -> dict[str, str]:
    """What a sentence about a published change says: its values as the change report words
    them, with only the old day when a whole-day item moved within its month."""
    return change_words.values(change) | _day_only(change, change_words.locale)


def _day_only(change: Change, locale: str) -> dict[str, str]:
    """The old day alone when a whole-day item moved within its month: "from 15 to 22 May"."""
    old, new = as_mapping(change.old), as_mapping(change.new)
    if change.kind != "item_moved" or any(
        raw.get(field) for raw in (old, new) for field in ("end_date", "time")
    ):
        return {}
    try:
        before, after = (date.fromisoformat(str(raw.get("date"))) for raw in (old, new))
    except ValueError:
        return {}
    if (before.year, before.month) != (after.year, after.month):
        return {}
    return {"old": format_date(before, "d", locale=locale)}
