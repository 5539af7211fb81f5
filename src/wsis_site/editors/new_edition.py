"""`wsis-site new-edition YEAR`: add a skeleton edition that validation flags until it is filled."""

from __future__ import annotations

import re
from pathlib import Path

from wsis_site.model.fields import YEAR_PATTERN
from wsis_site.model.parse import EVENTS_FILE, TODO, read_languages
from wsis_site.reading.yaml_source import parse_yaml


class ScaffoldError(Exception):
    """The edition cannot be added as asked."""


def _localized(field: str, languages: tuple[str, ...], indent: str) -> str:
    lines = [f"{indent}{field}:"]
    lines += [f"{indent}  {code}: {TODO}" for code in languages]
    return "\n".join(lines)


def edition_skeleton(year: str, languages: tuple[str, ...]) -> str:
    """The YAML block of a new edition: every required field, each value a TODO marker."""
    field = "    "
    return "\n".join(
        [
            f"  {year}:",
            _localized("name", languages, field),
            _localized("description", languages, field),
            f"{field}dates:",
            f"{field}  - start: {TODO}  # YYYY-MM-DD",
            f"{field}    end: {TODO}  # YYYY-MM-DD; the same day as start for a one-day event",
            f"{field}venue:",
            _localized("city", languages, field + "  "),
            _localized("country", languages, field + "  "),
            f"{field}format: {TODO}  # in-person, virtual, hybrid or to-be-decided",
            f"{field}# remote_participation: true  # only if a letter says so",
            f"{field}organizers:",
            f"{field}  - organization: {TODO}  # an id from organizations.yaml, such as itu",
            f"{field}    role: {TODO}  # co-organizer, co-host or collaborating-agency",
            f"{field}contact: {TODO}  # an id from contacts.yaml, such as wsis-secretariat",
            f"{field}letters:",
            f"{field}  - {TODO}  # the id in letters.yaml of the letter that announces it",
            "",
        ]
    )


def add_edition(data_dir: Path, year: str) -> Path:
    """Append a skeleton edition to `events.yaml`, keeping the file's comments and layout."""
    if not re.fullmatch(YEAR_PATTERN, year):
        raise ScaffoldError(f"{year!r} is not a year such as 2027")
    path = data_dir / EVENTS_FILE
    text = path.read_text(encoding="utf-8")
    document, issues = parse_yaml(text, str(path))
    editions = (document.data or {}).get("editions") if not issues else None
    if not isinstance(editions, dict):
        raise ScaffoldError(f"{path} must parse and hold `editions:` first; run `make validate`")
    if year in editions:
        raise ScaffoldError(f"edition {year} already exists in {path}")
    updated = text.rstrip("\n") + "\n\n" + edition_skeleton(year, read_languages(data_dir))
    check, problems = parse_yaml(updated, str(path))
    if problems or year not in (check.data or {}).get("editions", {}):
        raise ScaffoldError(f"`editions:` must be the last section of {path} to append to it")
    path.write_text(updated, encoding="utf-8")
    return path
