"""Synthetic projects of any size: N editions in L languages, shaped like the real data."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from copy import deepcopy as copy_of
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml
from tests.conftest import copy_project
from tests.new_language import add_language

from wsis_site.editors.translations import reviewed, translations, write_record
from wsis_site.model.parse import parse_files
from wsis_site.reading import limits
from wsis_site.reading.yaml_source import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
#: The real site's languages, in its order; a project of L languages keeps Spanish, English and
#: then the others, each with its real configuration and translations.
UN_LANGUAGES = ("es", "ar", "zh", "en", "fr", "ru")
BY_COUNT = ("es", "en", "fr", "ar", "zh", "ru")
FIRST_YEAR = 2006
LETTER = "2024-01-31-wsis-plus-20-invitation"


def _read(path: Path) -> Any:
    document, issues = parse_yaml(path.read_text(encoding="utf-8"), path.name)
    assert not issues, issues
    return document.data


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _texts(base: dict[str, str], languages: tuple[str, ...]) -> dict[str, str]:
    """A localized text in `languages`, the extra ones copied from English."""
    return {code: base.get(code, base["en"]) for code in languages}


def _localize_tree(node: Any, languages: tuple[str, ...]) -> Any:
    """Every `{es:…, en:…}` of the real data, extended to `languages`."""
    if isinstance(node, dict):
        if "es" in node and set(node) <= set(UN_LANGUAGES):
            return _texts(node, languages)
        return {key: _localize_tree(value, languages) for key, value in node.items()}
    if isinstance(node, list):
        return [_localize_tree(value, languages) for value in node]
    return node


def _edition(year: int, languages: tuple[str, ...]) -> dict[str, Any]:
    start = date(year, 5, 10)
    collaborators = ["fao", "ilo", "itc", "unep", "unicef", "who", "wipo"]
    return {
        "name": _texts({"es": f"Foro de la CMSI de {year}", "en": f"WSIS Forum {year}"}, languages),
        "description": _texts(
            {"es": "Plataforma multipartita mundial.", "en": "A global multistakeholder platform."},
            languages,
        ),
        "dates": [{"start": start.isoformat(), "end": (start + timedelta(days=4)).isoformat()}],
        "venue": {
            "city": _texts({"es": "Ginebra", "en": "Geneva"}, languages),
            "country": _texts({"es": "Suiza", "en": "Switzerland"}, languages),
        },
        "format": "hybrid",
        "remote_participation": True,
        "organizers": [
            {"organization": org, "role": "co-organizer"}
            for org in ("itu", "unesco", "unctad", "undp")
        ]
        + [{"organization": org, "role": "collaborating-agency"} for org in collaborators],
        "contact": "wsis-secretariat",
        "website": "https://www.wsis.org/forum",
        "letters": [LETTER],
        "calls": {
            "stocktaking": {
                "kind": "stocktaking",
                "title": _texts({"es": "Inventario", "en": "Stocktaking"}, languages),
                "description": _texts({"es": "Proyectos.", "en": "Projects."}, languages),
                "deadline": "stocktaking-deadline",
                "letter": LETTER,
            }
        },
    }


def _items(year: int, languages: tuple[str, ...], count: int = 8) -> dict[str, Any]:
    """`count` items, by default as many as a real edition: five phases, the rest deadlines."""
    items: dict[str, Any] = {}
    for number, roman in enumerate(("I", "II", "III", "IV", "V"), start=1):
        day = date(year - 1, 9, 1) + timedelta(days=40 * number)
        item: dict[str, Any] = {
            "phase": roman,
            "kind": "meeting",
            "title": _texts({"es": f"Reunión {roman}", "en": f"Meeting {roman}"}, languages),
            "description": _texts({"es": "Virtual.", "en": "Virtual."}, languages),
            "date": day.isoformat(),
            "letter": LETTER,
        }
        if number <= 2:
            item["time"] = {"start": "15:00", "end": "16:00", "zone": "Europe/Zurich"}
        items[f"phase-{number}"] = item
    extra = [f"deadline-{number}" for number in range(4, count - 4)]
    deadlines = ["stocktaking-deadline", "consultation-deadline", "prizes", *extra]
    for month, name in enumerate(deadlines[: count - 5], start=1):
        items[name] = {
            "kind": "deadline",
            "title": _texts({"es": f"Plazo {name}", "en": f"Deadline {name}"}, languages),
            "date": date(year, 1, 1 + month).isoformat(),
            "letter": LETTER,
        }
    return items


def write_project(
    target: Path, editions: int, language_count: int, items_per_edition: int = 8
) -> Path:
    """A project in `target` with `editions` editions in `language_count` of the UN languages."""
    chosen = set(BY_COUNT[:language_count])
    languages = tuple(code for code in UN_LANGUAGES if code in chosen)
    copy_project(target)
    data = target / "data"
    site = _read(data / "site.yaml")
    site["languages"] = list(languages)
    _write(data / "site.yaml", site)
    for name in ("organizations.yaml", "contacts.yaml", "letters.yaml"):
        _write(data / name, _localize_tree(_read(data / name), languages))
    years = range(FIRST_YEAR, FIRST_YEAR + editions)
    _write(data / "events.yaml", {"editions": {str(y): _edition(y, languages) for y in years}})
    _write(
        data / "phases.yaml",
        {"editions": {str(y): {"items": _items(y, languages, items_per_edition)} for y in years}},
    )
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    for code in set(UN_LANGUAGES) - chosen:
        (data / "ui" / f"{code}.yaml").unlink()
        shutil.rmtree(target / "docs" / code)
        for text in data.glob(f"letters/*.{code}.md"):
            text.unlink()
        # Its entry in the i18n plugin's list: from its `- locale:` line to the next entry.
        config = re.sub(rf"        - locale: {code}\n(?: {{10}}.*\n)*", "", config)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    _record_all_reviewed(data)
    return target


def _record_all_reviewed(data: Path) -> None:
    """Translated by whoever wrote the data: none of them stale."""
    parsed, _ = parse_files(data)
    languages = tuple(_read(data / "site.yaml")["languages"])
    write_record(data, reviewed(translations(parsed, languages), {}, languages[1:]))


#: Languages beyond the UN's six for the largest site: Babel, Material and lunr know them all.
MORE_LANGUAGES = {"de": "Deutsch", "pt": "Português", "it": "Italiano", "ja": "日本語"}


def write_limits_project(target: Path) -> Path:
    """The largest data `wsis_site.reading.limits` allows, with texts as long as the real ones.

    Every count at its limit: languages, editions, items (spread evenly, so every edition has a
    page of its own), letters, organizations and contacts.
    """
    write_project(target, limits.EDITIONS, len(UN_LANGUAGES), limits.ITEMS // limits.EDITIONS)
    extra = list(MORE_LANGUAGES.items())[: limits.LANGUAGES - len(UN_LANGUAGES)]
    for code, name in extra:
        add_language(target, code, name, copy_from="en")
    data = target / "data"
    _fill(data / "letters.yaml", "letters", LETTER, limits.LETTERS, _letter_copy(data))
    _fill(data / "organizations.yaml", "organizations", "itu", limits.ORGANIZATIONS, _renamed)
    _fill(data / "contacts.yaml", "contacts", "wsis-secretariat", limits.CONTACTS, _renamed)
    _record_all_reviewed(data)
    return target


def _fill(path: Path, key: str, model: str, most: int, copy: Callable[[str, Any], Any]) -> None:
    """Add copies of entry `model` to the file's `key` mapping until it has `most` entries."""
    document = _read(path)
    entries = document[key]
    for number in range(len(entries), most):
        entries[f"{model}-{number}"] = copy(f"{model}-{number}", entries[model])
    _write(path, document)


def _renamed(new_id: str, entry: Any) -> Any:
    """A copy whose texts say which copy it is, so no two entries read the same."""
    if isinstance(entry, dict):
        if "es" in entry:
            return {code: f"{text} {new_id.rsplit('-', 1)[1]}" for code, text in entry.items()}
        return {key: _renamed(new_id, value) for key, value in entry.items()}
    return entry


def _letter_copy(data: Path) -> Callable[[str, Any], Any]:
    """Copy a letter's entry and its text in every language."""

    def copy(new_id: str, entry: Any) -> Any:
        for text in data.glob(f"letters/{LETTER}.*.md"):
            shutil.copy(text, text.with_name(text.name.replace(LETTER, new_id)))
        return copy_of(entry)

    return copy
