"""`make new-edition`: a skeleton every field of which validation flags until it is filled."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit
from wsis_site.cli import main
from wsis_site.errors import DataError
from wsis_site.loader import load_site_data

FILLED = {
    "es: TODO\n      en: TODO\n    description": "es: Foro\n      en: Forum 2027\n    description",
    "es: TODO\n      en: TODO\n    dates": "es: Foro anual.\n      en: Annual forum.\n    dates",
    "start: TODO": "start: 2027-05-10",
    "end: TODO": "end: 2027-05-14",
    "city:\n        es: TODO\n        en: TODO": "city:\n        es: Ginebra\n        en: Geneva",
    "es: TODO\n        en: TODO\n    format": "es: Suiza\n        en: Switzerland\n    format",
    "format: TODO": "format: to-be-decided",
    "organization: TODO": "organization: itu",
    "role: TODO": "role: co-organizer",
    "contact: TODO": "contact: wsis-secretariat",
    "- TODO  # the id": "- 2024-01-31-wsis-plus-20-invitation  # the id",
}


def test_new_edition_is_flagged_until_every_todo_is_filled(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-edition", "--data", str(data_dir), "2027"]) == 0
    with pytest.raises(DataError) as raised:
        load_site_data(data_dir)
    issues = raised.value.issues
    assert {issue.message for issue in issues} == {"still marked TODO: write the real value"}
    assert {issue.field for issue in issues} >= {
        "editions.2027.name.es",
        "editions.2027.name.en",
        "editions.2027.dates[0].start",
        "editions.2027.format",
        "editions.2027.organizers[0].organization",
        "editions.2027.contact",
        "editions.2027.letters[0]",
    }
    assert len(issues) == 15
    events = data_dir / "events.yaml"
    for todo, value in FILLED.items():
        edit(events, todo, value)
    edition = load_site_data(data_dir).editions["2027"]
    assert edition.name["en"] == "Forum 2027"
    assert "# in-person, virtual, hybrid or to-be-decided" in events.read_text(encoding="utf-8")


def test_new_edition_refuses_an_existing_or_malformed_year(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new-edition", "--data", str(data_dir), "2024"]) == 1
    assert "edition 2024 already exists" in capsys.readouterr().err
    assert main(["new-edition", "--data", str(data_dir), "27"]) == 1
    assert "'27' is not a year" in capsys.readouterr().err
