"""Rules that span fields or files: references, date order, real local times, letter texts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError

from wsis_site.model.documents import (
    TimeSlot,
)
from wsis_site.model.parse import (
    CONTACTS_FILE,
    EVENTS_FILE,
    LETTERS_FILE,
    ORGANIZATIONS_FILE,
    PHASES_FILE,
    SITE_FILE,
    ParsedFiles,
    letter_text_name,
    ui_file_name,
)
from wsis_site.model.ui_placeholders import listed, placeholder_names, placeholder_problem
from wsis_site.reading.errors import DataIssue, FieldPath, dotted
from wsis_site.reading.limits import letter_files_problem

#: Sections of an edition's page, whose ids item and call anchors must not take.
RESERVED_IDS = frozenset(
    {"timeline", "deadlines", "calls", "organizers", "contact", "calendar", "letters"}
)
#: The calendar ids of an edition's forum days.
FORUM_ID = re.compile(r"forum(?:-[0-9]+)?")

#: The UI texts that are Babel time patterns (`formatting.TimeWords`): hours, minutes, and
#: words in quotes; any other letter is a Babel field (`b`, a period of the day) or a crash.
TIME_PATTERN_KEYS = frozenset(
    {"time_pattern", "time_pattern_on_the_hour", "time_pattern_on_the_hour_one"}
)
TIME_PATTERN = re.compile(r"(?:H{1,2}|m{1,2}|'[^']+'|[^A-Za-z'{}])+")
TIME_PATTERN_PROBLEM = (
    "'{value}' is not a time pattern: write HH or H for the hour, mm for the minutes, and words "
    "between single quotes, e.g. HH:mm or H 'h' mm"
)


def cross_check(parsed: ParsedFiles) -> list[DataIssue]:
    """Every cross-field and cross-file problem in the files that validated on their own."""
    return list(_Checker(parsed).run())


class _Checker:
    def __init__(self, parsed: ParsedFiles) -> None:
        self.parsed = parsed
        (
            self.site,
            self.organizations,
            self.contacts,
            self.events,
            self.phases,
            self.letters,
        ) = parsed.site_models()

    def run(self) -> Iterator[DataIssue]:
        yield from self.site_settings()
        yield from self.organization_references()
        yield from self.contact_references()
        yield from self.letter_references()
        yield from self.edition_references()
        yield from self.edition_dates()
        yield from self.item_dates()
        yield from self.call_items()
        yield from self.letter_languages()
        yield from self.letter_texts()
        yield from self.ui_strings()
        yield from self.reserved_ids()

    def issue(self, file: str, path: FieldPath, message: str) -> DataIssue:
        return self.parsed.documents[file].issue(path, message, field_label=dotted(path))

    def unknown(self, file: str, path: FieldPath, kind: str, value: str) -> DataIssue:
        source = {
            "organization": ORGANIZATIONS_FILE,
            "contact": CONTACTS_FILE,
            "letter": LETTERS_FILE,
        }[kind]
        return self.issue(file, path, f"unknown {kind} {value!r}: not defined in {source}")

    def site_settings(self) -> Iterator[DataIssue]:
        if self.site is None:
            return
        if not self.site.site_url.endswith("/"):
            yield self.issue(SITE_FILE, ("site_url",), "must end with a slash (/)")
        for code in self.site.languages:
            locale = self.site.locale(code)
            try:
                Locale.parse(locale)
            except (ValueError, UnknownLocaleError):
                path: FieldPath = (
                    ("babel_locales", code) if code in self.site.babel_locales else ("languages",)
                )
                yield self.issue(SITE_FILE, path, f"{locale!r} is not a locale Babel knows")
        for code in self.site.babel_locales:
            if code not in self.site.languages:
                yield self.issue(
                    SITE_FILE, ("babel_locales", code), f"{code!r} is not in languages"
                )

    def organization_references(self) -> Iterator[DataIssue]:
        if self.organizations is None:
            return
        known = self.organizations.organizations
        if self.contacts:
            for contact_id, contact in self.contacts.contacts.items():
                if contact.organization not in known:
                    path: FieldPath = ("contacts", contact_id, "organization")
                    yield self.unknown(CONTACTS_FILE, path, "organization", contact.organization)
        if self.events:
            for edition_id, edition in self.events.editions.items():
                seen: set[str] = set()
                for i, organizer in enumerate(edition.organizers):
                    path = ("editions", edition_id, "organizers", i, "organization")
                    if organizer.organization not in known:
                        yield self.unknown(
                            EVENTS_FILE, path, "organization", organizer.organization
                        )
                    elif organizer.organization in seen:
                        yield self.issue(
                            EVENTS_FILE, path, f"{organizer.organization!r} is listed twice"
                        )
                    seen.add(organizer.organization)
        if self.letters:
            for letter_id, letter in self.letters.letters.items():
                for i, signatory in enumerate(letter.signatories):
                    if signatory.organization not in known:
                        path = ("letters", letter_id, "signatories", i, "organization")
                        yield self.unknown(
                            LETTERS_FILE, path, "organization", signatory.organization
                        )

    def contact_references(self) -> Iterator[DataIssue]:
        if self.contacts is None:
            return
        known = self.contacts.contacts
        if self.events:
            for edition_id, edition in self.events.editions.items():
                if edition.contact not in known:
                    path: FieldPath = ("editions", edition_id, "contact")
                    yield self.unknown(EVENTS_FILE, path, "contact", edition.contact)
        if self.letters:
            for letter_id, letter in self.letters.letters.items():
                if letter.contact not in known:
                    path = ("letters", letter_id, "contact")
                    yield self.unknown(LETTERS_FILE, path, "contact", letter.contact)

    def letter_references(self) -> Iterator[DataIssue]:
        if self.letters is None:
            return
        known = self.letters.letters
        if self.events:
            for edition_id, edition in self.events.editions.items():
                for i, letter_id in enumerate(edition.letters):
                    if letter_id not in known:
                        path: FieldPath = ("editions", edition_id, "letters", i)
                        yield self.unknown(EVENTS_FILE, path, "letter", letter_id)
                for i, source in enumerate(edition.sources):
                    # A source is an official https page or the id of a letter.
                    if not source.startswith("https://") and source not in known:
                        path = ("editions", edition_id, "sources", i)
                        yield self.unknown(EVENTS_FILE, path, "letter", source)
                for call_id, call in edition.calls.items():
                    if call.letter not in known:
                        path = ("editions", edition_id, "calls", call_id, "letter")
                        yield self.unknown(EVENTS_FILE, path, "letter", call.letter)
        if self.phases:
            for edition_id, schedule in self.phases.editions.items():
                for item_id, item in schedule.items.items():
                    if item.letter not in known:
                        path = ("editions", edition_id, "items", item_id, "letter")
                        yield self.unknown(PHASES_FILE, path, "letter", item.letter)

    def edition_references(self) -> Iterator[DataIssue]:
        if self.phases is not None:
            for edition_id, schedule in self.phases.editions.items():
                for item_id in schedule.removed.keys() & schedule.items.keys():
                    yield self.issue(
                        PHASES_FILE,
                        ("editions", edition_id, "removed", item_id),
                        f"{item_id!r} is listed as removed but is still in items",
                    )
        if self.events is None or self.phases is None:
            return
        for edition_id in self.phases.editions:
            if edition_id not in self.events.editions:
                yield self.issue(
                    PHASES_FILE,
                    ("editions", edition_id),
                    f"unknown edition {edition_id!r}: add it to events.yaml first",
                )

    def edition_dates(self) -> Iterator[DataIssue]:
        if self.events is None:
            return
        for edition_id, edition in self.events.editions.items():
            for i, span in enumerate(edition.dates):
                path: FieldPath = ("editions", edition_id, "dates", i)
                # Each span is a calendar event whose UID counts spans in order: keep them in order.
                if i and span.start <= edition.dates[i - 1].end:
                    yield self.issue(
                        EVENTS_FILE,
                        (*path, "start"),
                        "date ranges must come in order and not overlap: add new ones at the end",
                    )
                if span.end < span.start:
                    yield self.issue(
                        EVENTS_FILE, (*path, "end"), _before("end", span.end, span.start)
                    )
                if str(span.start.year) != edition_id:
                    yield self.issue(
                        EVENTS_FILE,
                        (*path, "start"),
                        f"{span.start.isoformat()} is not in {edition_id}, the edition's year",
                    )

    def item_dates(self) -> Iterator[DataIssue]:
        if self.phases is None:
            return
        for edition_id, schedule in self.phases.editions.items():
            for item_id, item in schedule.items.items():
                path: FieldPath = ("editions", edition_id, "items", item_id)
                if item.end_date is not None and item.end_date < item.date:
                    yield self.issue(
                        PHASES_FILE,
                        (*path, "end_date"),
                        _before("end_date", item.end_date, item.date),
                    )
                if item.time is None:
                    continue
                if item.end_date is not None:
                    yield self.issue(
                        PHASES_FILE,
                        (*path, "end_date"),
                        "a timed item lasts one day: remove end_date, or remove time "
                        "to make it an all-day range",
                    )
                yield from self._local_times(item.date, item.time, (*path, "time"))

    def _local_times(self, day: date, slot: TimeSlot, path: FieldPath) -> Iterator[DataIssue]:
        for name, wall in (("start", slot.start), ("end", slot.end)):
            if wall is not None and (problem := _local_time_problem(day, wall, slot.zone)):
                yield self.issue(PHASES_FILE, (*path, name), problem)
        if slot.end is not None and slot.end <= slot.start:
            yield self.issue(
                PHASES_FILE,
                (*path, "end"),
                f"must be after start ({slot.start:%H:%M}); items end on the day they start",
            )

    def reserved_ids(self) -> Iterator[DataIssue]:
        """Item and call ids become anchors and calendar UIDs next to names the site uses."""
        if self.phases is not None:
            for edition_id, schedule in self.phases.editions.items():
                for item_id in schedule.items:
                    if item_id in RESERVED_IDS or FORUM_ID.fullmatch(item_id):
                        yield self.issue(
                            PHASES_FILE,
                            ("editions", edition_id, "items", item_id),
                            f"{item_id!r} is reserved by the site: choose another id",
                        )
        if self.events is None:
            return
        for edition_id, edition in self.events.editions.items():
            items = self.phases.items_of(edition_id) if self.phases else {}
            for call_id in edition.calls:
                if call_id in RESERVED_IDS or call_id in items:
                    yield self.issue(
                        EVENTS_FILE,
                        ("editions", edition_id, "calls", call_id),
                        f"{call_id!r} is taken by an item or a section of the page: choose another",
                    )

    def call_items(self) -> Iterator[DataIssue]:
        if self.events is None or self.phases is None:
            return
        for edition_id, edition in self.events.editions.items():
            items = self.phases.items_of(edition_id)
            for call_id, call in edition.calls.items():
                path: FieldPath = ("editions", edition_id, "calls", call_id)
                for name, item_id in (("opens_with", call.opens_with), ("deadline", call.deadline)):
                    if item_id is None:
                        continue
                    if item_id not in items:
                        yield self.issue(
                            EVENTS_FILE,
                            (*path, name),
                            f"unknown item {item_id!r}: not in phases.yaml under {edition_id}",
                        )
                    elif name == "deadline" and items[item_id].kind != "deadline":
                        yield self.issue(
                            EVENTS_FILE,
                            (*path, name),
                            f"{item_id!r} is a {items[item_id].kind}, not a deadline",
                        )

    def letter_languages(self) -> Iterator[DataIssue]:
        if self.letters is None or self.site is None:
            return
        for letter_id, letter in self.letters.letters.items():
            if letter.original_language not in self.site.languages:
                yield self.issue(
                    LETTERS_FILE,
                    ("letters", letter_id, "original_language"),
                    f"{letter.original_language!r} is not a configured language "
                    f"({', '.join(self.site.languages)})",
                )

    def letter_texts(self) -> Iterator[DataIssue]:
        if self.letters is None or self.site is None:
            return
        if problem := letter_files_problem(len(self.parsed.letter_files)):
            # One sentence for a runaway folder, not one per file.
            yield DataIssue(self.parsed.letter_display_path(""), 1, 1, "", problem)
            return
        expected: set[str] = set()
        for letter_id in self.letters.letters:
            for language in self.site.languages:
                name = letter_text_name(letter_id, language)
                expected.add(name)
                if name not in self.parsed.letter_files:
                    where = self.parsed.letter_display_path(name)
                    yield self.issue(
                        LETTERS_FILE,
                        ("letters", letter_id),
                        f"the {language} text is missing: add {where}",
                    )
                    continue
                text, unreadable = self.parsed.letter_text(name)
                yield from unreadable
                if text is not None and not text.strip():
                    where = self.parsed.letter_display_path(name)
                    yield DataIssue(where, 1, 1, "", "the letter's text is empty")
        for stray in sorted(set(self.parsed.letter_files) - expected):
            where = self.parsed.letter_display_path(stray)
            problem = _stray_letter_text(stray, self.letters.letters, self.site.languages)
            yield DataIssue(where, 1, 1, "", problem)

    def ui_strings(self) -> Iterator[DataIssue]:
        """Every language has the default one's keys and placeholders, from `PLACEHOLDERS`."""
        if self.site is None or self.site.languages[0] not in self.parsed.ui:
            return
        default = self.site.languages[0]
        reference = self.parsed.ui[default]
        default_file = f"{self.parsed.folder}/{ui_file_name(default)}"
        for language, strings in self.parsed.ui.items():
            name = ui_file_name(language)
            for key in reference.keys() - strings.keys():
                yield self.issue(name, (), f"missing key {key!r}: translate it from {default_file}")
            for key in strings.keys() - reference.keys():
                yield self.issue(name, (key,), f"unknown key {key!r}: not in {default_file}")
            for key in sorted(strings.keys() & reference.keys()):
                yield from self._placeholders(key, language, default)
            for key in TIME_PATTERN_KEYS & strings.keys():
                if not TIME_PATTERN.fullmatch(strings[key]):
                    problem = TIME_PATTERN_PROBLEM.format(value=strings[key])
                    yield self.issue(name, (key,), problem)

    def _placeholders(self, key: str, language: str, default: str) -> Iterator[DataIssue]:
        """A text's placeholders are refused where they changed, naming the other language's."""
        text, reference = self.parsed.ui[language][key], self.parsed.ui[default][key]
        other = default if language != default else self._translation_of(key, default)
        problem = placeholder_problem(key, text)
        if problem is not None:
            if other is not None:
                names = placeholder_names(self.parsed.ui[other][key])
                uses = "has unpaired braces" if names is None else f"uses {listed(names)}"
                problem += f"; {self._where(other, key)} {uses}"
            yield self.issue(ui_file_name(language), (key,), problem)
        elif language != default and placeholder_problem(key, reference) is None:
            wanted, found = placeholder_names(reference), placeholder_names(text)
            if found != wanted and found is not None and wanted is not None:
                yield self.issue(
                    ui_file_name(language),
                    (key,),
                    f"uses {listed(found)} but {self._where(default, key)} uses {listed(wanted)}: "
                    "use the same placeholders",
                )

    def _translation_of(self, key: str, default: str) -> str | None:
        """The first other language with a text for `key`."""
        return next(
            (lang for lang in self.parsed.ui if lang != default and key in self.parsed.ui[lang]),
            None,
        )

    def _where(self, language: str, key: str) -> str:
        """`data/ui/en.yaml:44`: where one language's text of `key` is written."""
        name = ui_file_name(language)
        line = self.parsed.documents[name].position((key,)).line
        return f"{self.parsed.folder}/{name}:{line}"


def _stray_letter_text(name: str, letter_ids: Iterable[str], languages: Iterable[str]) -> str:
    """Why a file in `letters/` is not the text of a letter in one of the site's languages."""
    listed = ", ".join(languages)
    letter_id, _, language = name.removesuffix(".md").rpartition(".")
    if not name.endswith(".md") or not letter_id:
        return (
            "this file is not a letter's text: name it <letter id>.<language>.md, the language "
            f"being one of the site's ({listed}), or remove it"
        )
    if letter_id not in letter_ids:
        return f"no letter {letter_id!r} in letters.yaml: rename this file or remove it"
    return (
        f"{language!r} is not one of the site's languages ({listed}): rename this file to "
        f"{letter_id}.<language>.md or remove it"
    )


def _before(field: str, end: date, start: date) -> str:
    return f"{field} ({end.isoformat()}) is before the start ({start.isoformat()})"


def _local_time_problem(day: date, wall: time, zone_name: str) -> str | None:
    """Say why a wall-clock time does not name exactly one instant in its zone, if it does not."""
    zone = ZoneInfo(zone_name)
    earlier = datetime.combine(day, wall, tzinfo=zone)
    later = earlier.replace(fold=1)
    if earlier.utcoffset() == later.utcoffset():
        return None
    round_trip = earlier.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if round_trip.replace(tzinfo=None) != earlier.replace(tzinfo=None):
        return (
            f"{wall:%H:%M} does not exist on {day.isoformat()} in {zone_name} (clocks go forward)"
        )
    return f"{wall:%H:%M} happens twice on {day.isoformat()} in {zone_name} (clocks go back)"
