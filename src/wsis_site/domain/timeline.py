"""Where each edition and item stands against the build date: past, today or upcoming."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from wsis_site.model.documents import Edition, Item

Status = Literal["past", "today", "upcoming"]


def status(first: date, last: date, today: date) -> Status:
    """Past once the last day is over, today while it runs, upcoming before it starts."""
    if last < today:
        return "past"
    if first <= today:
        return "today"
    return "upcoming"


def item_status(item: Item, today: date) -> Status:
    """The status of a dated item on `today`."""
    return status(item.date, item.last_day, today)


def edition_status(edition: Edition, today: date) -> Status:
    """The status of an edition's forum days on `today`."""
    return status(edition.first_day, edition.last_day, today)


@dataclass(frozen=True)
class DatedItem:
    """An item with the edition it belongs to."""

    edition_id: str
    item_id: str
    item: Item


def all_items(schedules: Mapping[str, Mapping[str, Item]]) -> Iterable[DatedItem]:
    """Every item of every edition."""
    for edition_id, items in schedules.items():
        for item_id, item in items.items():
            yield DatedItem(edition_id, item_id, item)


def deadlines_newest_first(schedules: Mapping[str, Mapping[str, Item]]) -> list[DatedItem]:
    """Every deadline of every edition, the latest date first."""
    found = [entry for entry in all_items(schedules) if entry.item.kind == "deadline"]
    return sorted(found, key=lambda entry: (entry.item.date, entry.item_id), reverse=True)


def next_deadline(schedules: Mapping[str, Mapping[str, Item]], today: date) -> DatedItem | None:
    """The earliest deadline that is today or later and not cancelled, if there is one."""
    upcoming = [
        entry
        for entry in all_items(schedules)
        if entry.item.kind == "deadline"
        and entry.item.date >= today
        and entry.item.status != "cancelled"
    ]
    return min(upcoming, key=lambda entry: (entry.item.date, entry.item_id), default=None)


def next_item(items: Iterable[tuple[str, Item]], today: date) -> str | None:
    """The id of the first item, in the order given, that is not over and not cancelled."""
    for item_id, item in items:
        if item_status(item, today) != "past" and item.status != "cancelled":
            return item_id
    return None


def last_deadline(schedules: Mapping[str, Mapping[str, Item]], today: date) -> DatedItem | None:
    """The latest deadline that has closed before `today` and was not cancelled, if any."""
    closed = [
        entry
        for entry in all_items(schedules)
        if entry.item.kind == "deadline"
        and entry.item.last_day < today
        and entry.item.status != "cancelled"
    ]
    return max(closed, key=lambda entry: (entry.item.date, entry.item_id), default=None)


def featured_edition(editions: Mapping[str, Edition], today: date) -> str | None:
    """The next or current edition, or else the latest one."""
    ordered = sorted(editions, key=lambda edition_id: editions[edition_id].first_day)
    for edition_id in ordered:
        if edition_status(editions[edition_id], today) != "past":
            return edition_id
    return ordered[-1] if ordered else None
