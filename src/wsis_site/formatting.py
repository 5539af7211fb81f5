"""Dates, times and zones for people, in each page's locale, with Babel and zoneinfo.

Each formatted value is kept: the same dates appear on many pages and Babel is slow.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval, format_time, match_skeleton

from wsis_site.models import DateRange, Item, TimeSlot

FULL_DATE = "yMMMMd"
#: `MMM` (an abbreviated month) but not `MMMM` (a full one) in a Babel date pattern.
ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")
#: CLDR's range dash, with the thin or ordinary spaces some locales put around it.
RANGE_DASH = re.compile(r"\s*–\s*")
#: Languages that write ranges and times as the ITU letters in that language do, not as CLDR
#: does: Spanish "17-21 de mayo de 2021" and "15.00-16.00 horas" (documented in CONTRIBUTING).
LETTER_STYLE = frozenset({"es"})


def _letter_style(locale: str) -> bool:
    """Whether `locale` writes ranges with a hyphen and times as `15.00 horas`."""
    return Locale.parse(locale).language in LETTER_STYLE


@cache
def day(value: date, locale: str) -> str:
    """`9 de septiembre de 2020`, `9 September 2020`."""
    return format_date(value, "long", locale=locale)


@cache
def day_span(start: date, end: date, locale: str) -> str:
    """`17-21 de mayo de 2021`, `28 September – 2 October 2021`; one day when start is end.

    Spanish uses the letters' hyphen, without spaces, where CLDR has an en dash.
    """
    text = _cldr_day_span(start, end, locale)
    return RANGE_DASH.sub("-", text) if _letter_style(locale) else text


def _cldr_day_span(start: date, end: date, locale: str) -> str:
    """A range of days in the locale's CLDR interval pattern, months never abbreviated.

    Works around python-babel/babel#803: where a locale has no interval pattern with full
    month names (en_GB, fr, ru…), `format_interval` falls back to its abbreviated one
    ("6–10 Sept 2021"). The best-matching pattern is used here with its months widened.
    """
    if start == end:
        return day(start, locale)
    formats = Locale.parse(locale).interval_formats
    skeleton = match_skeleton(FULL_DATE, formats) if FULL_DATE not in formats else FULL_DATE
    greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    if skeleton is None or greatest not in formats[skeleton]:
        return format_interval(start, end, FULL_DATE, locale=locale)
    first, second = (
        ABBREVIATED_MONTH.sub("MMMM", pattern) for pattern in formats[skeleton][greatest]
    )
    return format_date(start, first, locale=locale) + format_date(end, second, locale=locale)


def date_ranges(ranges: list[DateRange], locale: str) -> list[str]:
    """Each range of an edition, formatted."""
    return [day_span(r.start, r.end, locale) for r in ranges]


def utc_offset(moment: datetime) -> str:
    """`UTC+2`, `UTC-3:30`, `UTC` for a zone-aware moment."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def localize(value: date, slot: TimeSlot) -> tuple[datetime, datetime | None]:
    """The zone-aware start and end of a timed item."""
    zone = ZoneInfo(slot.zone)
    start = datetime.combine(value, slot.start, zone)
    end = datetime.combine(value, slot.end, zone) if slot.end else None
    return start, end


@cache
def time_span(value: date, slot: TimeSlot, locale: str) -> str:
    """`15:00–16:00 CEST (UTC+2)`: wall-clock times, then the zone as `zone_label` gives it.

    Spanish writes them as the letters do: `15.00-16.00 horas CEST (UTC+2)`.
    """
    start, _ = localize(value, slot)
    if _letter_style(locale):
        hours = "-".join(f"{t.hour:02d}.{t.minute:02d}" for t in (slot.start, slot.end) if t)
        return f"{hours} horas {zone_label(start, locale)}"
    if slot.end is None:
        hours = format_time(slot.start, "HH:mm", locale=locale)
    else:
        hours = format_interval(slot.start, slot.end, "Hm", locale=locale)
    return f"{hours} {zone_label(start, locale)}"


@cache
def zone_label(moment: datetime, locale: str) -> str:
    """`CEST (UTC+2)` where the locale's CLDR data has the zone's abbreviation, else `(UTC+02:00)`.

    Of the site's languages, CLDR abbreviates Central European time in English and Spanish only;
    elsewhere Babel would print `+0200`, and `CEST` means little to a French or Chinese reader.
    """
    abbreviation = format_time(moment, "z", locale=locale)
    if abbreviation[:1] in "+-":
        return f"(UTC{format_time(moment, 'ZZZZZ', locale=locale).replace('Z', '+00:00')})"
    return f"{abbreviation} ({utc_offset(moment)})"


def item_when(item: Item, locale: str) -> str:
    """The date of an item, then its time and zone, joined as the locale joins a date and a time
    (`9 September 2020, 15:00–16:00…`, `2020年9月9日 15:00–16:00…`, `9 سبتمبر 2020، 15:00…`)."""
    dates = day_span(item.date, item.last_day, locale)
    if item.time is None:
        return dates
    return _date_and_time(locale).format(time_span(item.date, item.time, locale), dates)


@cache
def _date_and_time(locale: str) -> str:
    """The locale's pattern joining a date ({1}) and a time ({0}): `{1}, {0}`, `{1} {0}`."""
    return str(Locale.parse(locale).datetime_formats["medium"])


def language_name(code: str, locale: str) -> str:
    """The name of a language in `locale`: `inglés`, `Spanish`; the code if Babel has none."""
    return Locale.parse(code).get_display_name(locale) or code


def host_and_path(url: str) -> str:
    """`www.wsis.org/forum` for `https://www.wsis.org/forum`: an address as people read it."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
