"""iCalendar feeds of each language, written by the icalendar library from the validated data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event, vDuration, vText

from wsis_site import __version__
from wsis_site.formatting import localize
from wsis_site.loader import SiteData
from wsis_site.models import Edition, Item
from wsis_site.revisions import Revision, forum_key, item_key
from wsis_site.vtimezone import vtimezone

FEED_DIR = "calendar"
ALL_FEED = f"{FEED_DIR}/all.ics"
DEADLINES_FEED = f"{FEED_DIR}/deadlines.ics"
ONE_DAY = timedelta(days=1)
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}


def edition_feed(edition_id: str) -> str:
    """Path of one edition's feed inside a language."""
    return f"{FEED_DIR}/{edition_id}.ics"


def entry_feed(edition_id: str, entry_id: str) -> str:
    """Path of the single-event file of one item (or `forum`) inside a language."""
    return f"{FEED_DIR}/{edition_id}/{entry_id}.ics"


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
            title = f"{self.t('phase')} {entry.item.phase}: {title}"
        return f"{title} ({edition_name})"

    def page_url(self, entry: Entry) -> str:
        """The https address of the entry on its edition's page."""
        anchor = f"#{entry.entry_id}" if entry.item is not None else ""
        return f"{self.data.base_url(self.language)}editions/{entry.edition_id}/{anchor}"

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
        place = [venue.city[self.language], venue.country[self.language]]
        if venue.name:
            place.insert(0, venue.name[self.language])
        return ", ".join(place)

    def category(self, entry: Entry) -> str:
        """CATEGORIES: the kind of entry, in words."""
        return self.t("edition") if entry.item is None else self.t(f"kind_{entry.item.kind}")


@dataclass
class FeedWriter:
    """Writes the feeds of one language."""

    words: EntryWords
    revisions: Mapping[str, Revision]
    """Revision of every entry, by its revision key."""
    _events: dict[tuple[str, str], Event] = field(default_factory=dict, init=False, repr=False)
    """Each VEVENT built once, then placed in every feed that holds it."""

    def feeds(self) -> dict[str, bytes]:
        """Every feed of the language, by path inside the language's folder."""
        t, language, data = self.words.t, self.words.language, self.words.data
        every = entries(data)
        feeds = {
            ALL_FEED: self.calendar(every, t("calendar_all"), t("calendar_all_description")),
            DEADLINES_FEED: self.calendar(
                [e for e in every if e.is_deadline],
                t("calendar_deadlines"),
                t("calendar_deadlines_description"),
            ),
        }
        by_edition: dict[str, list[Entry]] = {}
        for entry in every:
            by_edition.setdefault(entry.edition_id, []).append(entry)
        for edition_id, edition in data.editions.items():
            own = by_edition.get(edition_id, [])
            name = edition.name[language]
            feeds[edition_feed(edition_id)] = self.calendar(
                own, name, t("calendar_edition_description")
            )
            for entry in own:
                feeds[entry_feed(edition_id, entry.entry_id)] = self.calendar(
                    [entry], self.words.title(entry), name
                )
        return feeds

    def calendar(self, chosen: Iterable[Entry], name: str, description: str) -> bytes:
        """One VCALENDAR holding `chosen`, with the VTIMEZONEs their times need."""
        language = self.words.language
        calendar = Calendar()
        calendar.add("prodid", f"-//WSIS Forum site//wsis-site {__version__}//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        # icalendar does not escape NAME by itself: typing it as TEXT makes it escape newlines.
        for key, value in (
            ("name", name),
            ("x-wr-calname", name),
            ("description", description),
            ("x-wr-caldesc", description),
        ):
            calendar.add(key, vText(value))
        calendar.add("x-wr-timezone", self.words.data.calendar_timezone)
        calendar.add("refresh-interval", ONE_DAY, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(ONE_DAY))
        chosen = list(chosen)
        for zone, moments in sorted(_zone_moments(chosen).items()):
            calendar.add_component(vtimezone(zone, moments))
        for entry in chosen:
            built = (entry.edition_id, entry.entry_id)
            if built not in self._events:
                self._events[built] = self.event(entry)
            calendar.add_component(self._events[built])
        ical: bytes = calendar.to_ical()
        return ical

    def event(self, entry: Entry) -> Event:
        """The VEVENT of one entry."""
        revision = self.revisions[entry.revision_key]
        words = self.words
        event = Event()
        event.add("uid", f"{entry.edition_id}-{entry.entry_id}@{words.data.calendar_uid_domain}")
        event.add("dtstamp", revision.modified)
        event.add("created", revision.created)
        event.add("last-modified", revision.modified)
        event.add("sequence", revision.sequence)
        event.add("summary", words.title(entry))
        start, end = entry_times(entry)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        event.add("description", words.description(entry))
        event.add("url", words.page_url(entry))
        if location := words.location(entry):
            event.add("location", location)
        event.add("categories", [words.category(entry)])
        event.add("status", STATUS[entry.item.status if entry.item else "confirmed"])
        # Deadlines and all-day spans mark a date; they should not block the day as busy.
        event.add("transp", "OPAQUE" if isinstance(start, datetime) else "TRANSPARENT")
        event.add("class", "PUBLIC")
        return event


def entry_times(entry: Entry) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND: zone-aware times, or dates with the exclusive end of all-day events."""
    item = entry.item
    if item is None:
        assert entry.start is not None
        assert entry.end is not None
        return entry.start, entry.end + ONE_DAY
    if item.time is None:
        return item.date, (item.end_date or item.date) + ONE_DAY
    return localize(item.date, item.time)


def _zone_moments(chosen: Iterable[Entry]) -> dict[str, list[datetime]]:
    """The wall-clock moments each time zone must describe correctly."""
    moments: dict[str, list[datetime]] = {}
    for entry in chosen:
        item = entry.item
        if item is None or item.time is None:
            continue
        start, end = localize(item.date, item.time)
        moments.setdefault(item.time.zone, []).extend(m for m in (start, end) if m is not None)
    return moments
