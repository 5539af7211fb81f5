"""The data holds every fact of the three source letters, including their traps."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.conftest import GENEVA, ROOT
from wsis_site.model.documents import Item
from wsis_site.model.loader import SiteData, load_site_data

SEEDS = ROOT.parent / "shared" / "seeds"
LETTER_SEEDS = {
    "2020-10-13-wsis-forum-2021": "000_d755bc5f334f8182.txt",
    "2023-11-06-wsis-2024-contributions": "002_69a6c83506e30af0.txt",
    "2024-01-31-wsis-plus-20-invitation": "003_54e5f346ca0f6db7.txt",
}


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT / "data")


def utc_range(item: Item) -> tuple[str, str]:
    """An item's start and end in UTC, as HH:MM."""
    from zoneinfo import ZoneInfo

    assert item.time is not None
    assert item.time.end is not None
    zone = ZoneInfo(item.time.zone)
    start = datetime.combine(item.date, item.time.start, zone).astimezone(UTC)
    end = datetime.combine(item.date, item.time.end, zone).astimezone(UTC)
    return f"{start:%H:%M}", f"{end:%H:%M}"


def test_2021_edition(data: SiteData) -> None:
    edition = data.editions["2021"]
    assert edition.name == {
        "es": "Foro de la CMSI de 2021",
        "ar": "منتدى القمة العالمية لمجتمع المعلومات لعام 2021",
        "zh": "2021年信息社会世界首脑会议论坛",
        "en": "WSIS Forum 2021",
        "fr": "Forum du SMSI de 2021",
        "ru": "Форум ВВУИО 2021 года",
    }
    assert [(r.start, r.end) for r in edition.dates] == [(date(2021, 5, 17), date(2021, 5, 21))]
    assert edition.format == "to-be-decided"
    assert edition.venue is not None
    assert edition.venue.city == GENEVA
    co_organizers = [o.organization for o in edition.organizers if o.role == "co-organizer"]
    assert co_organizers == ["itu", "unesco", "unctad", "undp"]


def test_2021_has_five_phases_with_their_exact_dates(data: SiteData) -> None:
    items = data.schedules["2021"]
    assert [(item.phase, item.date.isoformat(), item.kind) for item in items.values()] == [
        ("I", "2020-09-09", "launch"),
        ("II", "2020-11-06", "meeting"),
        ("III", "2021-01-29", "meeting"),
        ("IV", "2021-03-08", "deadline"),
        ("V", "2021-04-19", "briefing"),
    ]


def test_phase_times_are_wall_clock_in_zurich_summer_and_winter(data: SiteData) -> None:
    items = data.schedules["2021"]
    assert utc_range(items["phase-1"]) == ("13:00", "14:00")  # 15:00-16:00 CEST
    assert utc_range(items["phase-2"]) == ("09:10", "10:00")  # 10:10-11:00 CET
    assert items["phase-3"].time is None


def test_2024_has_two_different_deadlines(data: SiteData) -> None:
    items = data.schedules["2024"]
    deadlines = {item_id: item.date for item_id, item in items.items() if item.kind == "deadline"}
    assert deadlines == {
        "stocktaking-prizes-deadline": date(2024, 1, 31),
        "open-consultation-deadline": date(2024, 2, 15),
    }
    calls = data.editions["2024"].calls
    assert calls["stocktaking"].deadline == "stocktaking-prizes-deadline"
    assert calls["prizes"].deadline == "stocktaking-prizes-deadline"
    assert calls["open-consultation"].deadline == "open-consultation-deadline"
    assert items["stocktaking-prizes-deadline"].letter == "2023-11-06-wsis-2024-contributions"
    assert items["open-consultation-deadline"].letter == "2024-01-31-wsis-plus-20-invitation"


def test_2024_edition_roles_and_remote_participation(data: SiteData) -> None:
    edition = data.editions["2024"]
    assert edition.name["en"] == "WSIS+20 Forum High-Level Event"
    assert [(r.start, r.end) for r in edition.dates] == [(date(2024, 5, 27), date(2024, 5, 31))]
    assert edition.remote_participation is True
    roles = {o.organization: o.role for o in edition.organizers}
    assert [org for org, role in roles.items() if role == "co-host"] == [
        "itu",
        "swiss-confederation",
    ]
    assert [org for org, role in roles.items() if role == "co-organizer"] == [
        "unesco",
        "undp",
        "unctad",
    ]


def test_collaborating_agencies_differ_between_editions(data: SiteData) -> None:
    def agencies(edition: str) -> set[str]:
        organizers = data.editions[edition].organizers
        return {o.organization for o in organizers if o.role == "collaborating-agency"}

    assert agencies("2024") - agencies("2021") == {"un-technology-bank", "unu"}
    assert agencies("2021") - agencies("2024") == set()
    assert len(agencies("2021")) == 17


def test_programmes_and_calls_of_the_letters(data: SiteData) -> None:
    calls_2021 = data.editions["2021"].calls
    calls_2024 = data.editions["2024"].calls
    assert {call.kind for call in calls_2021.values()} == {
        "consultation",
        "call-for-candidates",
        "photo-contest",
    }
    assert {call.kind for call in calls_2024.values()} == {
        "consultation",
        "stocktaking",
        "prizes",
        "trust-fund",
        "participation",
    }
    assert "14\u00a0000" in calls_2024["stocktaking"].description["es"]
    assert "14,000" in calls_2024["stocktaking"].description["en"]


def test_official_english_names(data: SiteData) -> None:
    def names(org: str) -> tuple[str, str]:
        acronym = data.organizations[org].acronym
        assert acronym is not None
        return acronym["es"], acronym["en"]

    assert names("itu") == ("UIT", "ITU")
    assert names("undp") == ("PNUD", "UNDP")
    assert names("un-women") == ("ONU Mujeres", "UN-Women")
    assert names("un-desa") == ("DAES", "UN DESA")


def test_contact(data: SiteData) -> None:
    contact = data.contacts["wsis-secretariat"]
    assert (contact.name["es"], contact.phone, contact.fax, contact.email) == (
        "Gitanjali Sah",
        "+41 22 730 6240",
        "+41 22 730 6453",
        "wsis-info@itu.int",
    )
    assert {edition.contact for edition in data.editions.values()} == {"wsis-secretariat"}


def test_letters_contradictions_are_kept_in_editor_notes(data: SiteData) -> None:
    notes = " ".join(n["es"] for n in data.letters["2020-10-13-wsis-forum-2021"].editor_notes)
    assert "«seis fases»" in notes
    assert "enumera cinco" in notes
    assert "Foro de la CMSI de 2020" in notes


def test_letter_signatories(data: SiteData) -> None:
    letter = data.letters["2024-01-31-wsis-plus-20-invitation"]
    assert [(s.name["es"], s.organization) for s in letter.signatories] == [
        ("Albert Rösti", "swiss-confederation"),
        ("Doreen Bogdan-Martin", "itu"),
        ("Audrey Azoulay", "unesco"),
        ("Achim Steiner", "undp"),
        ("Rebeca Grynspan", "unctad"),
    ]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source letters are beside the repository")
@pytest.mark.parametrize(("letter_id", "seed"), LETTER_SEEDS.items())
def test_spanish_letter_texts_are_the_originals_verbatim(
    data: SiteData, letter_id: str, seed: str
) -> None:
    original = (SEEDS / seed).read_text(encoding="utf-8")
    assert data.letters[letter_id].original_language == "es"
    # The whole letter as issued, signatures included ("Houlin ZHAO", "[Original firmado]").
    text = data.letter_texts[letter_id]["es"]
    assert text.strip("\n") == original.strip("\n")
    signatures = text[text.rindex("Atentamente,") :].upper()
    for signatory in data.letters[letter_id].signatories:
        assert signatory.name["es"].split()[-1].upper() in signatures


@pytest.mark.parametrize("letter_id", LETTER_SEEDS)
def test_english_letter_texts_are_translations_that_keep_the_letters_errors(
    data: SiteData, letter_id: str
) -> None:
    english = data.letter_texts[letter_id]["en"]
    assert "Dear Sir/Madam" in english
    # The header keeps the reference as issued ("Foro CMSI 2021"); the body is English.
    assert "CMSI" not in english.split("\n\n", 2)[2]
    if letter_id == "2020-10-13-wsis-forum-2021":
        assert "six phases" in english
        assert "15:00–16:00 CEST" in english


def test_every_letter_is_referenced_by_an_edition(data: SiteData) -> None:
    referenced = {letter for edition in data.editions.values() for letter in edition.letters}
    assert referenced == set(data.letters)
