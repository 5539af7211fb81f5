"""Each class of bad input gets a message naming the file, line, column and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, edit
from wsis_site.model.loader import load_site_data
from wsis_site.reading.errors import DataError


def errors(data_dir: Path) -> list[str]:
    """Every error the loader reports for `data_dir`, as `file:line:col: field: message`."""
    with pytest.raises(DataError) as raised:
        load_site_data(data_dir)
    return [issue.as_text() for issue in raised.value.issues]


def line_of(path: Path, text: str) -> int:
    """The 1-based line where `text` first appears in a file."""
    content = path.read_text(encoding="utf-8")
    return content[: content.index(text)].count("\n") + 1


def test_real_data_is_valid(data_dir: Path) -> None:
    data = load_site_data(data_dir)
    assert data.languages == LANGUAGES
    assert list(data.editions) == ["2021", "2024"]


def test_syntax_error(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "    format: to-be-decided", "    format: [to-be-decided")
    [error] = errors(data_dir)
    assert error.startswith(f"data/events.yaml:{line + 1}:")
    assert "expected ',' or ']'" in error


def test_duplicate_key(data_dir: Path) -> None:
    first = line_of(data_dir / "phases.yaml", "      phase-2:\n")
    line = edit(data_dir / "phases.yaml", "      phase-3:\n", "      phase-2:\n")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:7: editions.2021.items.phase-2: "
        f"duplicate key 'phase-2' (first written on line {first})"
    ]


def test_anchor_and_alias(data_dir: Path) -> None:
    line = edit(data_dir / "contacts.yaml", "    email: wsis-info@itu.int", "    email: &e x@y.org")
    [error] = errors(data_dir)
    assert error == (
        f"data/contacts.yaml:{line}:12: anchors (&name) are not allowed; write the value out"
    )


def test_python_tag(data_dir: Path) -> None:
    line = edit(
        data_dir / "organizations.yaml",
        "    url: https://www.itu.int",
        "    url: !!python/object/apply:os.system ['true']",
    )
    [error] = errors(data_dir)
    assert error.startswith(f"data/organizations.yaml:{line}:10: tags such as !!python/object")


def test_yes_no_is_not_a_boolean(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "remote_participation: true", "remote_participation: yes")
    assert errors(data_dir) == [
        f"data/events.yaml:{line}:27: editions.2024.remote_participation: "
        "must be true or false, without quotes (got 'yes')"
    ]


def test_unquoted_boolean_where_text_is_expected(data_dir: Path) -> None:
    line = edit(data_dir / "organizations.yaml", "      en: Swiss Confederation", "      en: no")
    # `no` stays the text "no", so it is valid text: YAML 1.1 would have made it False.
    assert load_site_data(data_dir).organizations["swiss-confederation"].name["en"] == "no"
    edit(data_dir / "organizations.yaml", "      en: no", "      en: false")
    assert errors(data_dir) == [
        f"data/organizations.yaml:{line}:11: organizations.swiss-confederation.name.en: "
        "must be text: put it in quotes so YAML does not read it as true/false"
    ]


def test_leading_zero_number_stays_text_and_is_refused_as_a_time(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", 'start: "15:00"', "start: 08")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:18: editions.2021.items.phase-1.time.start: "
        "'08' is not a time written as HH:MM on the 24-hour clock, in quotes"
    ]


def test_unquoted_sexagesimal_time_is_kept_as_text(data_dir: Path) -> None:
    edit(data_dir / "phases.yaml", 'start: "15:00"', "start: 15:00")
    slot = load_site_data(data_dir).schedules["2021"]["phase-1"].time
    assert slot is not None
    assert slot.start.isoformat() == "15:00:00"  # YAML 1.1 would have read 54000


def test_impossible_date(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "date: 2021-01-29", "date: 2021-02-30")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:15: editions.2021.items.phase-3.date: "
        "2021-02-30 is not a real calendar date"
    ]


def test_date_in_another_format(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "date: 2021-01-29", "date: 29/01/2021")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:15: editions.2021.items.phase-3.date: "
        "'29/01/2021' is not a date written as YYYY-MM-DD"
    ]


def test_end_before_start(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "end: 2021-05-21", "end: 2021-05-16")
    assert errors(data_dir) == [
        f"data/events.yaml:{line}:14: editions.2021.dates[0].end: "
        "end (2021-05-16) is before the start (2021-05-17)"
    ]


def test_end_time_before_start_time(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", 'end: "16:00"', 'end: "14:00"')
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:16: editions.2021.items.phase-1.time.end: "
        "must be after start (15:00); items end on the day they start"
    ]


def test_unknown_organization(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "{organization: wmo,", "{organization: wmo-typo,")
    assert errors(data_dir) == [
        f"data/events.yaml:{line}:24: editions.2021.organizers[19].organization: "
        "unknown organization 'wmo-typo': not defined in organizations.yaml"
    ]


def test_unknown_edition(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "  2024:\n", "  2042:\n")
    found = errors(data_dir)
    assert (
        f"data/phases.yaml:{line}:3: editions.2042: "
        "unknown edition '2042': add it to events.yaml first"
    ) in found
    # The 2024 calls now point at items that no longer exist under 2024: said too.
    assert sum("not in phases.yaml under 2024" in error for error in found) == 3


def test_unknown_letter_and_item_references(data_dir: Path) -> None:
    letter_line = edit(
        data_dir / "phases.yaml",
        "        letter: 2020-10-13-wsis-forum-2021\n      phase-2:",
        "        letter: 2020-10-13-lost\n      phase-2:",
    )
    item_line = edit(data_dir / "events.yaml", "deadline: phase-4", "deadline: phase-9")
    assert errors(data_dir) == [
        f"data/events.yaml:{item_line}:19: editions.2021.calls.open-consultation.deadline: "
        "unknown item 'phase-9': not in phases.yaml under 2021",
        f"data/phases.yaml:{letter_line}:17: editions.2021.items.phase-1.letter: "
        "unknown letter '2020-10-13-lost': not defined in letters.yaml",
    ]


def test_deadline_must_point_at_a_deadline(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "deadline: phase-4", "deadline: phase-5")
    assert errors(data_dir) == [
        f"data/events.yaml:{line}:19: editions.2021.calls.open-consultation.deadline: "
        "'phase-5' is a briefing, not a deadline"
    ]


def test_unsafe_id(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "      phase-5:", "      Phase 5/final:")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:7: editions.2021.items.Phase 5/final: "
        "'Phase 5/final' is not a safe id: use lowercase letters a-z, digits and single "
        "hyphens, so it works in a URL and a file name"
    ]


def test_missing_and_unknown_translation(data_dir: Path) -> None:
    path = data_dir / "phases.yaml"
    every = "every text needs es, ar, zh, en, fr, ru"
    de_line = edit(
        path, "          en: Launch of the", "          de: Start\n          en: Launch of the"
    )
    title_1 = line_of(path, "      phase-1:") + 3
    line = edit(path, "          en: Second virtual/physical meeting\n", "")
    de_for_en = edit(path, "          en: Final virtual", "          de: Final virtual")
    assert de_line == title_1 + 2  # `title:`, then `es:`
    assert errors(data_dir) == [
        f"data/phases.yaml:{title_1}:9: editions.2021.items.phase-1.title: "
        "de is not a configured language (es, ar, zh, en, fr, ru)",
        f"data/phases.yaml:{line - 2}:9: editions.2021.items.phase-3.title: "
        f"missing translation for en ({every})",
        f"data/phases.yaml:{de_for_en - 2}:9: editions.2021.items.phase-5.title: "
        f"missing translation for en ({every})",  # a missing language comes before an unknown
    ]


def test_unknown_time_zone_and_bare_offsets(data_dir: Path) -> None:
    path = data_dir / "phases.yaml"
    first = edit(path, "zone: Europe/Zurich", "zone: Europe/Geneva")
    second = edit(path, "zone: Europe/Zurich", "zone: +01:00")
    assert errors(data_dir) == [
        f"data/phases.yaml:{first}:17: editions.2021.items.phase-1.time.zone: "
        "'Europe/Geneva' is not a known IANA time zone; use e.g. Europe/Zurich",
        f"data/phases.yaml:{second}:17: editions.2021.items.phase-2.time.zone: "
        "'+01:00' is an offset or an abbreviation, not a place: use an IANA time zone such "
        "as Europe/Zurich (CET/CEST are derived from the date)",
    ]


def test_abbreviation_is_not_a_time_zone(data_dir: Path) -> None:
    edit(data_dir / "phases.yaml", "zone: Europe/Zurich", "zone: CEST")
    [error] = errors(data_dir)
    assert "'CEST' is an offset or an abbreviation, not a place" in error


def test_local_time_that_does_not_exist(data_dir: Path) -> None:
    path = data_dir / "phases.yaml"
    edit(path, "date: 2020-09-09", "date: 2021-03-28")  # clocks jump from 02:00 to 03:00
    line = edit(path, 'start: "15:00"', 'start: "02:30"')
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:18: editions.2021.items.phase-1.time.start: "
        "02:30 does not exist on 2021-03-28 in Europe/Zurich (clocks go forward)"
    ]


def test_unknown_field_and_missing_field(data_dir: Path) -> None:
    path = data_dir / "events.yaml"
    edition = line_of(path, "  2024:\n")
    unknown = edit(path, "    format: in-person\n", "    fromat: in-person\n")
    assert errors(data_dir) == [
        f"data/events.yaml:{edition}:3: editions.2024.format: required field is missing",
        f"data/events.yaml:{unknown}:5: editions.2024.fromat: "
        "unknown field (check its spelling and indentation)",
    ]


def test_http_url_is_refused(data_dir: Path) -> None:
    line = edit(data_dir / "events.yaml", "url: https://www.wsis.org/prizes", "url: http://x.org")
    assert errors(data_dir) == [
        f"data/events.yaml:{line}:14: editions.2024.calls.prizes.url: "
        "'http://x.org' is not an https:// address"
    ]


def test_letter_text_missing_and_stray(data_dir: Path) -> None:
    letters = data_dir / "letters"
    (letters / "2023-11-06-wsis-2024-contributions.en.md").rename(letters / "old.en.md")
    line = line_of(data_dir / "letters.yaml", "  2023-11-06-wsis-2024-contributions:")
    assert errors(data_dir) == [
        f"data/letters.yaml:{line}:3: letters.2023-11-06-wsis-2024-contributions: the en text is "
        "missing: add data/letters/2023-11-06-wsis-2024-contributions.en.md",
        "data/letters/old.en.md:1:1: no letter 'old' in letters.yaml: rename this file or "
        "remove it",
    ]


def test_every_error_is_reported_at_once_across_files(data_dir: Path) -> None:
    edit(data_dir / "events.yaml", "end: 2021-05-21", "end: 2021-05-16")
    edit(data_dir / "phases.yaml", "date: 2021-01-29", "date: 2021-02-30")
    edit(data_dir / "contacts.yaml", "email: wsis-info@itu.int", "email: nobody")
    edit(data_dir / "letters.yaml", "date: 2024-01-31", "date: 2024-13-31")
    found = errors(data_dir)
    assert [error.split(":")[0] for error in found] == [
        "data/contacts.yaml",
        "data/events.yaml",
        "data/letters.yaml",
        "data/phases.yaml",
    ]


def test_control_character_in_yaml(data_dir: Path) -> None:
    path = data_dir / "contacts.yaml"
    line = edit(path, "      es: Gitanjali Sah", "      es: Gitanjali\x07Sah")
    assert errors(data_dir) == [
        f"data/contacts.yaml:{line}:20: the invisible character U+0007 is not allowed: remove it"
    ]


def test_item_id_reserved_for_the_forum_days_or_a_section(data_dir: Path) -> None:
    path = data_dir / "phases.yaml"
    first = edit(path, "      phase-3:\n", "      forum:\n")
    second = edit(path, "      phase-5:\n", "      contact:\n")
    assert errors(data_dir) == [
        f"data/phases.yaml:{first}:7: editions.2021.items.forum: "
        "'forum' is reserved by the site: choose another id",
        f"data/phases.yaml:{second}:7: editions.2021.items.contact: "
        "'contact' is reserved by the site: choose another id",
    ]


def test_date_ranges_in_order(data_dir: Path) -> None:
    path = data_dir / "events.yaml"
    edit(
        path,
        "        end: 2021-05-21\n",
        "        end: 2021-05-21\n      - start: 2021-05-01\n        end: 2021-05-02\n",
    )
    [error] = errors(data_dir)
    assert error.endswith(
        "editions.2021.dates[1].start: date ranges must come in order and not overlap: "
        "add new ones at the end"
    )


def test_translation_must_keep_the_placeholders(data_dir: Path) -> None:
    line = edit(
        data_dir / "ui" / "en.yaml", "letter_of: Letter of {date}", "letter_of: Letter of {fecha}"
    )
    spanish = line_of(data_dir / "ui" / "es.yaml", "letter_of:")
    assert errors(data_dir) == [
        f"data/ui/en.yaml:{line}:12: letter_of: {{fecha}} is not a placeholder of this text: "
        f"it can use {{date}}; data/ui/es.yaml:{spanish} uses {{date}}"
    ]


def test_translation_must_use_the_same_allowed_placeholders(data_dir: Path) -> None:
    line = edit(data_dir / "ui" / "en.yaml", "New edition: {name}", "New edition: {title}")
    spanish = line_of(data_dir / "ui" / "es.yaml", "change_edition_added:")
    assert errors(data_dir) == [
        f"data/ui/en.yaml:{line}:23: change_edition_added: uses {{title}} but "
        f"data/ui/es.yaml:{spanish} uses {{name}}: use the same placeholders"
    ]


def test_a_time_pattern_takes_hours_minutes_and_quoted_words(data_dir: Path) -> None:
    path = data_dir / "ui" / "fr.yaml"
    line = edit(path, "time_pattern: \"H'\u00a0h\u00a0'mm\"", 'time_pattern: "H h mm"')
    assert errors(data_dir) == [
        f"data/ui/fr.yaml:{line}:15: time_pattern: 'H h mm' is not a time pattern: write HH or H "
        "for the hour, mm for the minutes, and words between single quotes, e.g. HH:mm or H 'h' mm"
    ]
