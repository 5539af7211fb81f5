"""The dated entries subscribers can hold, and what each says in a language.

Pages link to them and feeds serialize them; this module stays free of icalendar so pages
are built without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from wsis_site.addresses import edition_url, item_url
from wsis_site.domain.formatting import localize, phase_name, place
from wsis_site.domain.history import forum_key, item_key
from wsis_site.model.documents import Edition, Item
from wsis_site.model.loader import SiteData

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Entry:
    """One dated thing subscribers can hold: an edition's forum days or one of its items."""

    edition_id: str
    entry_id: str
    """`forum` for the forum days, else the item's id."""
    revision_key: str
    edition: Edition
    item: Item | None = None
    start: date | None = None
    """First day of the forum days (items carry their own dates)."""
    end: date | None = None

    @property
    def is_deadline(self) -> bool:
        """True for deadline items."""
        return self.item is not None and self.item.kind == "deadline"

    @property
    def first_day(self) -> date:
        """The day it starts, for ordering."""
        if self.item is not None:
            return self.item.date
        assert self.start is not None
        return self.start


def entries(data: SiteData) -> list[Entry]:
    """Every calendar entry, by date then id, so feeds come out in a stable order."""
    found: list[Entry] = []
    for edition_id, edition in data.editions.items():
        for index, span in enumerate(edition.dates):
            entry_id = "forum" if index == 0 else f"forum-{index + 1}"
            found.append(
                Entry(
                    edition_id, entry_id, forum_key(edition_id), edition, None, span.start, span.end
                )
            )
        for item_id, item in data.schedules[edition_id].items():
            found.append(Entry(edition_id, item_id, item_key(edition_id, item_id), edition, item))
    return sorted(found, key=lambda entry: (entry.first_day, entry.edition_id, entry.entry_id))


@dataclass(frozen=True)
class EntryWords:
    """What an entry says in one language: title, description, place and address."""

    data: SiteData
    language: str

    def t(self, key: str) -> str:
        """One template string of the language."""
        return self.data.ui[self.language][key]

    def title(self, entry: Entry) -> str:
        """SUMMARY of an entry: the phase and title of an item, or the forum days of an edition."""
        edition_name = entry.edition.name[self.language]
        if entry.item is None:
            return self.t("forum_days").format(edition=edition_name)
        title = entry.item.title[self.language]
        if entry.item.phase:
            phase = phase_name(entry.item.phase, self.data.ui[self.language])
            title = self.t("phase_title").format(phase=phase, title=title)
        return self.t("entry_title").format(title=title, edition=edition_name)

    def page_url(self, entry: Entry) -> str:
        """The https address of the entry on its edition's page."""
        base = self.data.base_url(self.language)
        if entry.item is None:
            return base + edition_url(entry.edition_id)
        return base + item_url(entry.edition_id, entry.entry_id)

    def description(self, entry: Entry) -> str:
        """DESCRIPTION: what the data says of the entry, ending with the link to its page."""
        parts: list[str] = []
        if entry.item is None:
            parts.append(entry.edition.description[self.language])
        else:
            if entry.item.description:
                parts.append(entry.item.description[self.language])
            parts.extend(f"• {detail[self.language]}" for detail in entry.item.details)
            parts.append(entry.edition.name[self.language])
        parts.append(self.page_url(entry))
        return "\n\n".join(parts)

    def location(self, entry: Entry) -> str | None:
        """LOCATION of the forum days; items carry none in the data."""
        venue = entry.edition.venue
        if entry.item is not None or venue is None:
            return None
        name = venue.name[self.language] if venue.name else ""
        ui, language = self.data.ui[self.language], self.language
        return place(ui, venue.city[language], venue.country[language], name)

    def category(self, entry: Entry) -> str:
        """CATEGORIES: the kind of entry, in words."""
        return self.t("edition") if entry.item is None else self.t(f"kind_{entry.item.kind}")


def entry_times(entry: Entry) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND: zone-aware times, or dates with the exclusive end of all-day events."""
    item = entry.item
    if item is None:
        assert entry.start is not None
        assert entry.end is not None
        return entry.start, entry.end + ONE_DAY
    if item.time is None:
        return item.date, item.last_day + ONE_DAY
    return localize(item.date, item.time)
