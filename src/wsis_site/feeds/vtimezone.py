"""VTIMEZONE components in the yearly-rule form that Outlook, Google and Apple all accept.

icalendar's `Timezone.from_tzid` lists each transition explicitly (one block per transition,
and RDATEs once the span covers several years); Outlook misreads that form and shifts events by
an hour. Calendar services themselves publish one DAYLIGHT and one
STANDARD rule anchored in 1970, so that is written here, from the zone's current rule in tzdata
(the POSIX TZ string at the end of its TZif file). Every moment the feed uses is checked
against zoneinfo through icalendar's own reading of the result; where the current rule does
not describe those moments (the zone changed its rules), the exact RDATE form is used instead.
"""

from __future__ import annotations

import calendar
import importlib.resources
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

_NAME = r"(<[^>]+>|[A-Za-z]{3,})"
_OFFSET = r"([+-]?\d{1,2}(?::\d{2}){0,2})"
_RULE = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/" + _OFFSET + r")?"
_POSIX_TZ = re.compile(
    rf"^{_NAME}{_OFFSET}(?:{_NAME}{_OFFSET}?,{_RULE},{_RULE})?$"  # std[dst[offset],start,end]
)
_WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")
ANCHOR_YEAR = 1970


@dataclass(frozen=True)
class Transition:
    """A yearly change of offset: `week` 5 means the last such weekday of the month."""

    month: int
    week: int
    weekday: int  # 0 is Sunday, as in POSIX
    seconds: int  # local time of the change, in the offset before it

    def day_in(self, year: int) -> date:
        """The date of this transition in `year`."""
        weeks = calendar.Calendar(firstweekday=6).monthdatescalendar(year, self.month)
        days = [d for week in weeks for d in week if d.month == self.month]
        matching = [d for d in days if (d.weekday() + 1) % 7 == self.weekday]
        return matching[-1] if self.week == 5 else matching[self.week - 1]

    def rrule(self) -> vRecur:
        """The yearly RRULE of this transition."""
        ordinal = -1 if self.week == 5 else self.week
        return vRecur(
            {
                "FREQ": "YEARLY",
                "BYMONTH": self.month,
                "BYDAY": f"{ordinal}{_WEEKDAYS[self.weekday]}",
            }
        )


@dataclass(frozen=True)
class PosixZone:
    """The current rule of a zone: its standard offset, and its daylight rule if it has one."""

    standard_name: str
    standard_offset: timedelta
    daylight_name: str | None = None
    daylight_offset: timedelta | None = None
    daylight_start: Transition | None = None
    daylight_end: Transition | None = None


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    return sign * sum(value * unit for value, unit in zip(parts, (3600, 60, 1), strict=False))


def _transition(month: str, week: str, weekday: str, at: str | None) -> Transition:
    return Transition(int(month), int(week), int(weekday), _seconds(at) if at else 7200)


def parse_posix_tz(text: str) -> PosixZone | None:
    """Read a POSIX TZ string such as `CET-1CEST,M3.5.0,M10.5.0/3`; None for forms not handled."""
    match = _POSIX_TZ.match(text)
    if not match:
        return None
    std, std_off, dst, dst_off, *rules = match.groups()
    standard = timedelta(seconds=-_seconds(std_off))  # POSIX counts hours west of Greenwich
    if dst is None:
        return PosixZone(std.strip("<>"), standard)
    daylight = timedelta(seconds=-_seconds(dst_off)) if dst_off else standard + timedelta(hours=1)
    start, end = _transition(*rules[:4]), _transition(*rules[4:])
    if not all(0 <= t.seconds < 86400 for t in (start, end)):
        return None  # transitions outside the day need the exact form
    return PosixZone(std.strip("<>"), standard, dst.strip("<>"), daylight, start, end)


@cache
def current_rule(zone: str) -> str:
    """The POSIX TZ string tzdata ends a zone's TZif file with."""
    resource = importlib.resources.files("tzdata.zoneinfo").joinpath(*zone.split("/"))
    footer = resource.read_bytes().rstrip(b"\n").rsplit(b"\n", 1)[-1]
    # A zone without a footer ends in binary data: no rule, so the exact form is used.
    return footer.decode("ascii") if footer.isascii() else ""


def _observance(
    kind: type[TimezoneStandard] | type[TimezoneDaylight],
    name: str,
    offset_from: timedelta,
    offset_to: timedelta,
    transition: Transition | None,
) -> TimezoneStandard | TimezoneDaylight:
    observance = kind()
    if transition is None:
        start = datetime(ANCHOR_YEAR, 1, 1)
    else:
        day = transition.day_in(ANCHOR_YEAR)
        start = datetime.combine(day, datetime.min.time()) + timedelta(seconds=transition.seconds)
        observance.add("rrule", transition.rrule())
    observance.add("dtstart", start)
    observance.add("tzname", name)
    observance.add("tzoffsetfrom", offset_from)
    observance.add("tzoffsetto", offset_to)
    return observance


@cache
def rule_vtimezone(zone: str) -> Timezone | None:
    """The 1970-anchored RRULE form of `zone`'s current rule, or None if it cannot be written."""
    rule = parse_posix_tz(current_rule(zone))
    if rule is None:
        return None
    timezone = Timezone()
    timezone.add("tzid", zone)
    if rule.daylight_name is None or rule.daylight_offset is None:
        timezone.add_component(
            _observance(
                TimezoneStandard,
                rule.standard_name,
                rule.standard_offset,
                rule.standard_offset,
                None,
            )
        )
        return timezone
    timezone.add_component(
        _observance(
            TimezoneDaylight,
            rule.daylight_name,
            rule.standard_offset,
            rule.daylight_offset,
            rule.daylight_start,
        )
    )
    timezone.add_component(
        _observance(
            TimezoneStandard,
            rule.standard_name,
            rule.daylight_offset,
            rule.standard_offset,
            rule.daylight_end,
        )
    )
    return timezone


def vtimezone_ical(zone: str, moments: Iterable[datetime]) -> bytes:
    """The VTIMEZONE of `zone` that gives every one of `moments` (wall-clock times) its offset.

    Serialized once per form: feeds repeat the same few zones thousands of times.
    """
    wall_times = sorted({moment.replace(tzinfo=None) for moment in moments})
    if rule_vtimezone(zone) is not None and all(_rule_agrees(zone, wall) for wall in wall_times):
        return _rule_ical(zone)
    first = wall_times[0].date() if wall_times else date(ANCHOR_YEAR, 1, 1)
    last = wall_times[-1].date() + timedelta(days=1) if wall_times else first
    return _exact_ical(zone, first, last)


@cache
def _rule_ical(zone: str) -> bytes:
    candidate = rule_vtimezone(zone)
    assert candidate is not None
    ical: bytes = candidate.to_ical()
    return ical


@cache
def _exact_ical(zone: str, first: date, last: date) -> bytes:
    ical: bytes = Timezone.from_tzid(zone, first_date=first, last_date=last).to_ical()
    return ical


@cache
def _rule_agrees(zone: str, wall: datetime) -> bool:
    """True when calendar software reading the rule form finds zoneinfo's offset at `wall`."""
    read_back = _read_back(zone)
    return (
        wall.replace(tzinfo=read_back).utcoffset()
        == wall.replace(tzinfo=ZoneInfo(zone)).utcoffset()
    )


@cache
def _read_back(zone: str) -> tzinfo:
    """The rule form as icalendar interprets it (not as zoneinfo knows the zone)."""
    candidate = rule_vtimezone(zone)
    assert candidate is not None
    read: tzinfo = candidate.to_tz(lookup_tzid=False)
    return read
