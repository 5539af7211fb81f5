"""The command line: `validate` and `schema --check` exit non-zero and say why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import edit
from wsis_site.cli import main


def test_validate_ok(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(data_dir)]) == 0
    # The counts of the files as they are today, read here without the loader.
    events = yaml.safe_load((data_dir / "events.yaml").read_text(encoding="utf-8"))
    phases = yaml.safe_load((data_dir / "phases.yaml").read_text(encoding="utf-8"))
    letters = yaml.safe_load((data_dir / "letters.yaml").read_text(encoding="utf-8"))
    editions = len(events["editions"])
    items = sum(len(edition["items"]) for edition in phases["editions"].values())
    expected = f"OK: {editions} editions, {items} dated items, {len(letters['letters'])} letters"
    assert expected in capsys.readouterr().out
    assert editions >= 2


def test_validate_reports_errors_and_fails(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    line = edit(data_dir / "phases.yaml", "date: 2021-01-29", "date: 2021-02-30")
    assert main(["validate", "--data", str(data_dir)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"data/phases.yaml:{line}:15: editions.2021.items.phase-3.date: "
        "2021-02-30 is not a real calendar date",
        "1 data error found.",
    ]


def test_validate_annotates_on_github(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    line = edit(data_dir / "phases.yaml", "date: 2021-01-29", "date: 2021-02-30")
    assert main(["validate", "--data", str(data_dir)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == (
        f"::error file=data/phases.yaml,line={line},col=15,title=Data error::"
        "editions.2021.items.phase-3.date: 2021-02-30 is not a real calendar date"
    )


def test_schema_check_fails_when_stale(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "schema"
    assert main(["schema", "--data", str(data_dir), "--out", str(out), "--check"]) == 1
    assert main(["schema", "--data", str(data_dir), "--out", str(out)]) == 0
    assert main(["schema", "--data", str(data_dir), "--out", str(out), "--check"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "contacts.schema.json",
        "events.schema.json",
        "letters.schema.json",
        "organizations.schema.json",
        "phases.schema.json",
        "site.schema.json",
    ]
