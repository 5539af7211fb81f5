"""iCalendar feeds of each language, written by the icalendar library from the validated data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event, vDuration, vText

from wsis_site import __version__
from wsis_site.addresses import (
    ALL_FEED,
    CALENDARS_PAGE,
    DEADLINES_FEED,
    REMINDERS_FEED,
    edition_feed,
    edition_url,
    entry_feed,
)
from wsis_site.domain.calendar_entries import ONE_DAY, Entry, EntryWords, entries, entry_times
from wsis_site.domain.formatting import localize
from wsis_site.domain.history import Revision
from wsis_site.feeds.vtimezone import vtimezone_ical

END_OF_CALENDAR = b"END:VCALENDAR\r\n"
STATUS = {"confirmed": "CONFIRMED", "tentative": "TENTATIVE", "cancelled": "CANCELLED"}
#: How often calendar apps should fetch a feed again: the site is rebuilt daily.
REFRESH = ONE_DAY
#: When the reminders feed's alarms ring, before the start, by its UI text. An all-day deadline
#: starts at midnight: its reminders ring at 09:00 seven days and one day before.
REMINDERS = {
    "reminder_week": (timedelta(days=7), timedelta(days=6, hours=15)),
    "reminder_day": (timedelta(days=1), timedelta(hours=15)),
}


@dataclass
class FeedWriter:
    """Writes the feeds of one language."""

    words: EntryWords
    revisions: Mapping[str, Revision]
    """Revision of every entry, by its revision key."""
    _events: dict[tuple[str, str, bool], bytes] = field(
        default_factory=dict, init=False, repr=False
    )
    """Each VEVENT serialized once (with or without reminders), then placed in every feed."""

    def feeds(self) -> dict[str, bytes]:
        """Every feed of the language, by path inside the language's folder."""
        t, language, data = self.words.t, self.words.language, self.words.data
        base = data.base_url(language)
        every = entries(data)
        deadlines = [e for e in every if e.is_deadline]
        calendars_page = base + CALENDARS_PAGE
        feeds = {
            ALL_FEED: self.calendar(
                ALL_FEED, calendars_page, every, t("calendar_all"), t("calendar_all_description")
            ),
            DEADLINES_FEED: self.calendar(
                DEADLINES_FEED,
                calendars_page,
                deadlines,
                t("calendar_deadlines"),
                t("calendar_deadlines_description"),
            ),
            REMINDERS_FEED: self.calendar(
                REMINDERS_FEED,
                calendars_page,
                deadlines,
                t("calendar_reminders"),
                t("calendar_reminders_description"),
                reminders=True,
            ),
        }
        by_edition: dict[str, list[Entry]] = {}
        for entry in every:
            by_edition.setdefault(entry.edition_id, []).append(entry)
        for edition_id, edition in data.editions.items():
            own = by_edition.get(edition_id, [])
            name = edition.name[language]
            path = edition_feed(edition_id)
            feeds[path] = self.calendar(
                path, base + edition_url(edition_id), own, name, t("calendar_edition_description")
            )
            for entry in own:
                path = entry_feed(edition_id, entry.entry_id)
                feeds[path] = self.calendar(
                    path, self.words.page_url(entry), [entry], self.words.title(entry), name
                )
        return feeds

    def calendar(
        self,
        path: str,
        page: str,
        chosen: Iterable[Entry],
        name: str,
        description: str,
        *,
        reminders: bool = False,
    ) -> bytes:
        """The VCALENDAR at `path`, shown on `page`: `chosen` and the VTIMEZONEs they need."""
        language = self.words.language
        calendar = Calendar()
        calendar.add("prodid", f"-//WSIS Forum site//wsis-site {__version__}//{language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        # No METHOD: with METHOD:PUBLISH, RFC 5546 requires an ORGANIZER (libical refuses the
        # feed without one), and Apple Calendar may take an ORGANIZER for an invitation.
        # icalendar does not escape NAME by itself: typing it as TEXT makes it escape newlines.
        for key, value in (
            ("name", name),
            ("x-wr-calname", name),
            ("description", description),
            ("x-wr-caldesc", description),
        ):
            calendar.add(key, vText(value))
        calendar.add("x-wr-timezone", self.words.data.calendar_timezone)
        # RFC 7986 requires VALUE=DURATION, which icalendar's `refresh_interval` setter omits.
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's name for the same
        calendar.source = self.words.data.base_url(language) + path  # where apps fetch it again
        calendar.url = page
        chosen = list(chosen)
        components = [
            vtimezone_ical(zone, moments) for zone, moments in sorted(_zone_moments(chosen).items())
        ]
        for entry in chosen:
            built = (entry.edition_id, entry.entry_id, reminders)
            if built not in self._events:
                event = self.event(entry)
                if reminders:
                    for alarm in self.alarms(entry):
                        event.add_component(alarm)
                self._events[built] = event.to_ical()
            components.append(self._events[built])
        return _enclose(calendar.to_ical(), components)

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
        in_language = {"LANGUAGE": words.language}  # which language the feed speaks
        event.add("summary", words.title(entry), parameters=in_language)
        start, end = entry_times(entry)
        event.add("dtstart", start)
        if end is not None:
            event.add("dtend", end)
        event.add("description", words.description(entry), parameters=in_language)
        event.add("url", words.page_url(entry))
        if location := words.location(entry):
            event.add("location", location, parameters=in_language)
        event.add("categories", [words.category(entry)])
        event.add("status", STATUS[entry.item.status if entry.item else "confirmed"])
        # Deadlines and all-day spans mark a date; they should not block the day as busy.
        event.add("transp", "OPAQUE" if isinstance(start, datetime) else "TRANSPARENT")
        event.add("class", "PUBLIC")
        return event

    def alarms(self, entry: Entry) -> list[Alarm]:
        """Reminders a week and a day before an entry, in the feed's language (RFC 5545 VALARM)."""
        start, _ = entry_times(entry)
        timed = isinstance(start, datetime)
        found = []
        for key, (before_timed, before_day) in REMINDERS.items():
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", -(before_timed if timed else before_day))
            text = self.words.t(key).format(title=self.words.title(entry))
            alarm.add("description", text, parameters={"LANGUAGE": self.words.language})
            found.append(alarm)
        return found


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


def _enclose(calendar: bytes, components: list[bytes]) -> bytes:
    """Place serialized components where icalendar puts them: after the calendar's properties."""
    assert calendar.endswith(END_OF_CALENDAR)
    return b"".join([calendar[: -len(END_OF_CALENDAR)], *components, END_OF_CALENDAR])
