"""Dates, times, zones and statuses, formatted with Babel for each locale."""

from __future__ import annotations

from datetime import date, time
from functools import cache

import pytest
import yaml
from babel.dates import format_date

from tests.conftest import ROOT
from wsis_site.domain.formatting import (
    TimeWords,
    day,
    day_span,
    item_when,
    language_name,
    phase_name,
    roman_value,
    time_span,
)
from wsis_site.domain.timeline import next_deadline, status
from wsis_site.environment import build_date
from wsis_site.model.documents import Item, TimeSlot

ZURICH = "Europe/Zurich"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("es", "17-21 de mayo de 2021"), ("en_GB", "17–21 May 2021"), ("fr", "17–21 mai 2021")],
)
def test_day_span(locale: str, expected: str) -> None:
    assert day_span(date(2021, 5, 17), date(2021, 5, 21), locale) == expected


def test_single_day_and_month_crossing() -> None:
    assert day_span(date(2024, 1, 31), date(2024, 1, 31), "es") == "31 de enero de 2024"
    crossing = "30 de mayo-2 de junio de 2024"  # Spanish: the letters' hyphen, no spaces
    assert day_span(date(2024, 5, 30), date(2024, 6, 2), "es") == crossing
    assert day(date(2020, 9, 9), "en_GB") == "9 September 2020"


@cache
def ui(language: str) -> dict[str, str]:
    """The site's own words in `language`, from `data/ui/`."""
    words: dict[str, str] = yaml.safe_load((ROOT / "data" / "ui" / f"{language}.yaml").read_text())
    return words


def words(language: str) -> TimeWords:
    return TimeWords.of(ui(language))


@pytest.mark.parametrize(
    ("when", "start", "end", "expected"),
    [
        (date(2020, 9, 9), time(15), time(16), "15.00-16.00 horas CEST (UTC+2)"),
        (date(2020, 11, 6), time(10, 10), time(11), "10.10-11.00 horas CET (UTC+1)"),
        (date(2021, 3, 27), time(9), None, "09.00 horas CET (UTC+1)"),  # before summer time
        (date(2021, 3, 28), time(9), None, "09.00 horas CEST (UTC+2)"),
    ],
)
def test_time_span_derives_the_abbreviation_and_offset_from_the_date(
    when: date, start: time, end: time | None, expected: str
) -> None:
    slot = TimeSlot(start=start, end=end, zone=ZURICH)
    assert time_span(when, slot, "es", words("es")) == expected


def test_time_span_in_other_zones() -> None:
    # CLDR has no English abbreviation for Indian time: the offset alone.
    kolkata = TimeSlot(start=time(9), end=time(10), zone="Asia/Kolkata")
    assert time_span(date(2024, 1, 10), kolkata, "en_GB", words("en")) == "09:00–10:00 (UTC+5:30)"
    new_york = TimeSlot(start=time(9), end=None, zone="America/New_York")
    assert (
        time_span(date(2024, 7, 1), new_york, "fr", words("fr")) == "à 9\u00a0heures (EDT, UTC-4)"
    )


@pytest.mark.parametrize(
    ("language", "locale", "when", "start", "end", "expected"),
    [
        ("en", "en_GB", date(2020, 9, 9), time(15), time(16), "15:00–16:00 CEST (UTC+2)"),
        # French UN style: "de 15 heures à 16 heures", "10 h 10" (no-break spaces), zone as the
        # French letter has it.
        (
            "fr",
            "fr",
            date(2020, 9, 9),
            time(15),
            time(16),
            "de 15\u00a0heures à 16\u00a0heures (CEST, UTC+2)",
        ),
        (
            "fr",
            "fr",
            date(2020, 11, 6),
            time(10, 10),
            time(11),
            "de 10\u00a0h\u00a010 à 11\u00a0heures (CET, UTC+1)",
        ),
        # One hour in the singular, as CLDR's French plural rules count it.
        (
            "fr",
            "fr",
            date(2020, 9, 9),
            time(1),
            time(2),
            "de 1\u00a0heure à 2\u00a0heures (CEST, UTC+2)",
        ),
        ("ru", "ru", date(2020, 9, 9), time(15), time(16), "15:00–16:00 (CEST, UTC+2)"),
        ("zh", "zh", date(2020, 9, 9), time(15), time(16), "15:00至16:00（CEST，UTC+2）"),
        (
            "ar",
            "ar",
            date(2020, 11, 6),
            time(10, 10),
            time(11),
            "من الساعة 10:10 إلى الساعة 11:00 (CET، UTC+1)",
        ),
    ],
)
def test_each_language_writes_times_and_zones_as_its_letters(
    language: str, locale: str, when: date, start: time, end: time, expected: str
) -> None:
    slot = TimeSlot(start=start, end=end, zone=ZURICH)
    assert time_span(when, slot, locale, words(language)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "Fase IV"), ("ru", "Этап IV"), ("zh", "第四阶段"), ("ar", "المرحلة الرابعة")],
)
def test_phase_names_in_each_languages_numbering(language: str, expected: str) -> None:
    assert phase_name("IV", ui(language)) == expected
    assert [roman_value(n) for n in ("I", "IV", "V", "IX", "XIV", "XL")] == [1, 4, 5, 9, 14, 40]
    # Beyond the language's listed numbers, the letters' own numeral.
    assert phase_name("XI", ui(language)) == ui(language)["phase_name"].format(number="XI")


def test_language_names_as_un_texts_write_them() -> None:
    assert language_name("es", "zh") == "西班牙文"  # as the Chinese footer: not CLDR's 西班牙语
    assert language_name("es", "fr") == "espagnol"


def item(on: date, kind: str = "deadline", status: str = "confirmed") -> Item:
    return Item.model_validate(
        {
            "kind": kind,
            "title": {"es": "t", "en": "t"},
            "date": on.isoformat(),
            "letter": "l",
            "status": status,
        }
    )


def test_item_when_all_day_and_timed() -> None:
    timed = item(date(2020, 9, 9)).model_copy(
        update={"time": TimeSlot(start=time(15), end=time(16), zone=ZURICH)}
    )
    assert item_when(item(date(2021, 3, 8)), "es", words("es")) == "8 de marzo de 2021"
    expected = "9 September 2020, 15:00–16:00 CEST (UTC+2)"
    assert item_when(timed, "en_GB", words("en")) == expected


def test_status_against_the_build_date() -> None:
    deadline = date(2024, 1, 31)
    assert status(deadline, deadline, date(2024, 1, 30)) == "upcoming"
    assert status(deadline, deadline, date(2024, 1, 31)) == "today"
    assert status(deadline, deadline, date(2024, 2, 1)) == "past"


def test_next_deadline_skips_past_and_cancelled() -> None:
    schedules = {
        "2024": {
            "early": item(date(2024, 1, 31)),
            "late": item(date(2024, 2, 15)),
            "meeting": item(date(2024, 1, 20), kind="meeting"),
            "dropped": item(date(2024, 1, 25), status="cancelled"),
        }
    }
    found = next_deadline(schedules, date(2024, 1, 10))
    assert found is not None
    assert found.item_id == "early"
    later = next_deadline(schedules, date(2024, 2, 1))
    assert later is not None
    assert later.item_id == "late"
    assert next_deadline(schedules, date(2024, 2, 16)) is None


def test_build_date_sources() -> None:
    assert build_date({"WSIS_BUILD_DATE": "2024-01-10"}) == date(2024, 1, 10)
    assert build_date({"SOURCE_DATE_EPOCH": "1706659200"}) == date(2024, 1, 31)
    with pytest.raises(ValueError, match="not a YYYY-MM-DD date"):
        build_date({"WSIS_BUILD_DATE": "10/01/2024"})


@pytest.mark.parametrize("locale", ["en_GB", "es", "fr", "ru", "ar"])  # zh writes 5月: a number
@pytest.mark.parametrize("month", range(1, 13))
def test_ranges_never_abbreviate_a_month_babel_803(locale: str, month: int) -> None:
    """python-babel/babel#803: en_GB printed "6–10 Sept 2021" and "28 Dec – 3 Jan"."""
    within = (date(2021, month, 6), date(2021, month, 10))
    across = (date(2021, month, 28), date(2021 + month // 12, month % 12 + 1, 2))
    for start, end in (within, across):
        text = day_span(start, end, locale)
        for value in (start, end):
            assert format_date(value, "MMMM", locale=locale) in text, text
        assert str(end.day) in text
        assert str(end.year) in text


def test_ranges_across_months_and_years_in_british_english() -> None:
    assert day_span(date(2021, 9, 6), date(2021, 9, 10), "en_GB") == "6–10 September 2021"
    assert day_span(date(2021, 9, 28), date(2021, 10, 2), "en_GB") == (
        "28 September\u2009–\u20092 October 2021"
    )
    assert day_span(date(2021, 12, 28), date(2022, 1, 3), "en_GB") == (
        "28 December 2021\u2009–\u20093 January 2022"
    )
    assert day_span(date(2021, 12, 28), date(2022, 1, 3), "es") == (
        "28 de diciembre de 2021-3 de enero de 2022"
    )
