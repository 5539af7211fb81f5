"""Dates, times and zones for people, in each page's locale, with Babel and zoneinfo.

Each formatted value is kept: the same dates appear on many pages and Babel is slow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval, format_time, match_skeleton

from wsis_site.model.documents import DateRange, Item, TimeSlot

FULL_DATE = "yMMMMd"
#: `MMM` (an abbreviated month) but not `MMMM` (a full one) in a Babel date pattern.
ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")
#: CLDR's range dash, with the thin or ordinary spaces some locales put around it.
RANGE_DASH = re.compile(r"\s*–\s*")
#: Languages that write ranges of days as the ITU letters in that language do, not as CLDR
#: does: Spanish "17-21 de mayo de 2021" (documented in CONTRIBUTING). Times follow each
#: language's `time_*` texts in `data/ui/`.
LETTER_STYLE = frozenset({"es"})
#: Where CLDR has the zones' English abbreviations: Europe's in en_GB, North America's in en.
ZONE_ABBREVIATION_LOCALES = ("en_GB", "en")


def _letter_style(locale: str) -> bool:
    """Whether `locale` writes ranges of days with a hyphen, without spaces."""
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


@dataclass(frozen=True)
class TimeWords:
    """How one language writes a time, a range of times and a zone (`data/ui/<lang>.yaml`)."""

    pattern: str
    """Babel pattern of a time with minutes: `HH:mm`, `H 'h' mm` (French: 10 h 10)."""
    on_the_hour: str
    """Babel pattern of a time on the hour: `HH:mm`, `H 'heures'` (French: 15 heures)."""
    on_the_hour_one: str
    """The same for an hour CLDR's plural rules count as one: `H 'heure'` (French: 1 heure)."""
    single: str
    """`{time}`; Spanish `{time} horas`."""
    range: str
    """`{start}–{end}`; French `de {start} à {end}`."""
    named_zone: str
    """`{time} {abbreviation} ({offset})`; French `{time} ({abbreviation}, {offset})`."""
    unnamed_zone: str
    """`{time} ({offset})`, for a zone the letters have no abbreviation for."""

    @classmethod
    def of(cls, ui: Mapping[str, str]) -> TimeWords:
        """The words of one language's UI file."""
        return cls(
            pattern=ui["time_pattern"],
            on_the_hour=ui["time_pattern_on_the_hour"],
            on_the_hour_one=ui["time_pattern_on_the_hour_one"],
            single=ui["time_single"],
            range=ui["time_range"],
            named_zone=ui["time_zone_named"],
            unnamed_zone=ui["time_zone_unnamed"],
        )

    def clock(self, value: time, locale: str) -> str:
        """One time of day: `15:00`, `15.00`, `15 heures`, `10 h 10`."""
        if value.minute:
            return format_time(value, self.pattern, locale=locale)
        one = Locale.parse(locale).plural_form(value.hour) == "one"
        return format_time(value, self.on_the_hour_one if one else self.on_the_hour, locale=locale)


@cache
def zone_abbreviation(moment: datetime) -> str | None:
    """`CEST`, `CET`, `EDT`: the English abbreviation the letters write in every language.

    CLDR has Europe's in British English and North America's in American English; elsewhere
    it has none (`GMT+9`), and the offset alone is given.
    """
    for locale in ZONE_ABBREVIATION_LOCALES:
        abbreviation = format_time(moment, "z", locale=locale)
        if abbreviation.isalpha():
            return abbreviation
    return None


@cache
def time_span(value: date, slot: TimeSlot, locale: str, words: TimeWords) -> str:
    """`15:00–16:00 CEST (UTC+2)`, `de 15 heures à 16 heures (CEST, UTC+2)`, in `words`."""
    start, _ = localize(value, slot)
    if slot.end is None:
        hours = words.single.format(time=words.clock(slot.start, locale))
    else:
        clocks = (words.clock(slot.start, locale), words.clock(slot.end, locale))
        hours = words.range.format(start=clocks[0], end=clocks[1])
    abbreviation = zone_abbreviation(start)
    if abbreviation is None:
        return words.unnamed_zone.format(time=hours, offset=utc_offset(start))
    return words.named_zone.format(time=hours, abbreviation=abbreviation, offset=utc_offset(start))


def item_when(item: Item, locale: str, words: TimeWords) -> str:
    """The date of an item, then its time and zone, joined as the locale joins a date and a time
    (`9 September 2020, 15:00–16:00…`, `2020年9月9日 15:00–16:00…`, `9 سبتمبر 2020، 15:00…`)."""
    dates = day_span(item.date, item.last_day, locale)
    if item.time is None:
        return dates
    return date_and_time(locale).format(time_span(item.date, item.time, locale, words), dates)


@cache
def date_and_time(locale: str) -> str:
    """The locale's pattern joining a date ({1}) and a time ({0}): `{1}, {0}`, `{1} {0}`."""
    return str(Locale.parse(locale).datetime_formats["medium"])


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(numeral: str) -> int:
    """`4` for `IV`: a phase's number as the letters write it, counted."""
    values = [ROMAN_VALUES[letter] for letter in numeral]
    following = [*values[1:], 0]
    pairs = zip(values, following, strict=True)
    return sum(-value if value < after else value for value, after in pairs)


def phase_name(phase: str, ui: Mapping[str, str]) -> str:
    """`Fase IV`, `第四阶段`, `المرحلة الرابعة`: `phase_name` with the language's own numbers."""
    numbers = ui["phase_numbers"].split()
    value = roman_value(phase)
    number = numbers[value - 1] if value <= len(numbers) else phase
    return ui["phase_name"].format(number=number)


def language_name(code: str, locale: str) -> str:
    """The name of a language in `locale`: `inglés`, `Spanish`, `西班牙文`; the code if none.

    UN Chinese names a written language with 文 (西班牙文, as the footer), where CLDR has 语.
    """
    name = Locale.parse(code).get_display_name(locale) or code
    if Locale.parse(locale).language == "zh" and name.endswith("语"):
        return name[: -len("语")] + "文"
    return name


def place(ui: Mapping[str, str], city: str, country: str, name: str = "") -> str:
    """A venue as every page, feed and report writes it: `Sede de la UIT, Ginebra (Suiza)`,
    with the language's own comma in Chinese; empty when nothing is known."""
    where = ui["city_country"].format(city=city, country=country) if city or country else ""
    return ui["comma"].join(part for part in (name, where) if part)


def host_and_path(url: str) -> str:
    """`www.wsis.org/forum` for `https://www.wsis.org/forum`: an address as people read it."""
    parts = urlsplit(url)
    return (parts.netloc + parts.path).rstrip("/")
