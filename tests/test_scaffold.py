"""`make new-edition`: a skeleton every field of which validation flags until it is filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import GENEVA, LANGUAGES, edit
from wsis_site.cli import main
from wsis_site.model.loader import load_site_data
from wsis_site.reading.errors import DataError


def localized(indent: int, texts: dict[str, str]) -> str:
    """A text in every language, as the skeleton writes it: one line a language, in order."""
    assert tuple(texts) == LANGUAGES
    return f"\n{' ' * indent}".join(f"{code}: {text}" for code, text in texts.items())


TODO = dict.fromkeys(LANGUAGES, "TODO")
NAME = {
    "es": "Foro 2027",
    "ar": "منتدى 2027",
    "zh": "2027年论坛",
    "en": "Forum 2027",
    "fr": "Forum 2027",
    "ru": "Форум 2027",
}
DESCRIPTION = {
    "es": "Foro anual.",
    "ar": "منتدى سنوي.",
    "zh": "年度论坛。",
    "en": "Annual forum.",
    "fr": "Forum annuel.",
    "ru": "Ежегодный форум.",
}
CITY = GENEVA
COUNTRY = {
    "es": "Suiza",
    "ar": "سويسرا",
    "zh": "瑞士",
    "en": "Switzerland",
    "fr": "Suisse",
    "ru": "Швейцария",
}
FILLED = {
    f"name:\n      {localized(6, TODO)}": f"name:\n      {localized(6, NAME)}",
    f"description:\n      {localized(6, TODO)}": f"description:\n      {localized(6, DESCRIPTION)}",
    "start: TODO": "start: 2027-05-10",
    "end: TODO": "end: 2027-05-14",
    f"city:\n        {localized(8, TODO)}": f"city:\n        {localized(8, CITY)}",
    f"country:\n        {localized(8, TODO)}": f"country:\n        {localized(8, COUNTRY)}",
    "format: TODO": "format: to-be-decided",
    "organization: TODO": "organization: itu",
    "role: TODO": "role: co-organizer",
    "contact: TODO": "contact: wsis-secretariat",
    "- TODO  # the id": "- 2024-01-31-wsis-plus-20-invitation  # the id",
}
#: The skeleton's fields that are not texts: dates, format, organizer, contact and letter.
PLAIN_FIELDS = 7


def test_new_edition_is_flagged_until_every_todo_is_filled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-edition", "--data", str(data_dir), "2027"]) == 0
    with pytest.raises(DataError) as raised:
        load_site_data(data_dir)
    issues = raised.value.issues
    assert {issue.message for issue in issues} == {"still marked TODO: write the real value"}
    assert {issue.field for issue in issues} >= {
        *(f"editions.2027.{field}.{code}" for field in ("name", "description") for code in TODO),
        *(f"editions.2027.venue.{field}.{code}" for field in ("city", "country") for code in TODO),
        "editions.2027.dates[0].start",
        "editions.2027.format",
        "editions.2027.organizers[0].organization",
        "editions.2027.contact",
        "editions.2027.letters[0]",
    }
    assert len(issues) == PLAIN_FIELDS + 4 * len(LANGUAGES)  # and four texts in each language
    events = data_dir / "events.yaml"
    for todo, value in FILLED.items():
        edit(events, todo, value)
    edition = load_site_data(data_dir).editions["2027"]
    assert edition.name == NAME
    assert edition.venue is not None
    assert edition.venue.city == CITY
    assert "# in-person, virtual, hybrid or to-be-decided" in events.read_text(encoding="utf-8")


def test_new_edition_refuses_an_existing_or_malformed_year(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-edition", "--data", str(data_dir), "2024"]) == 1
    assert "edition 2024 already exists" in capsys.readouterr().err
    assert main(["new-edition", "--data", str(data_dir), "27"]) == 1
    assert "'27' is not a year" in capsys.readouterr().err
