"""Load `data/` once per content: parse, validate, cross-check, and assemble `SiteData`."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from wsis_site.addresses import language_folder
from wsis_site.environment import preview_of, site_url_override
from wsis_site.model.checks import cross_check
from wsis_site.model.documents import (
    Contact,
    Edition,
    EditionSchedule,
    Item,
    Letter,
    Organization,
)
from wsis_site.model.parse import (
    EVENTS_FILE,
    LETTERS_FILE,
    PHASES_FILE,
    ParsedFiles,
    letter_text_name,
    parse_files,
)
from wsis_site.model.translation_record import read_record
from wsis_site.reading.errors import DataError
from wsis_site.reading.files import read_inside, walk


@dataclass(frozen=True)
class SiteData:
    """Everything in `data/`, validated and cross-checked."""

    languages: tuple[str, ...]
    organizations: Mapping[str, Organization]
    contacts: Mapping[str, Contact]
    editions: Mapping[str, Edition]
    schedules: Mapping[str, Mapping[str, Item]]
    """Items of each edition, by edition id then item id, in the order the file gives them."""
    letters: Mapping[str, Letter]
    letter_texts: Mapping[str, Mapping[str, str]]
    """Full Markdown text of each letter, by letter id then language."""
    ui: Mapping[str, Mapping[str, str]]
    """Words of the page templates, by language then key."""
    babel_locales: Mapping[str, str]
    """Babel locale of each language."""
    site_url: str
    calendar_uid_domain: str
    calendar_timezone: str
    source_lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each edition, schedule, item and letter in its file, by `file#dotted.path`
    (`phases.yaml#editions.2021.items.phase-1`): where "View the source" points."""
    preview: int | None = None
    """The pull request this build previews (`WSIS_PREVIEW_PULL_REQUEST`); None: the real site."""

    def source_line(self, file: str, *path: str) -> int | None:
        """The line of `path` in `file` (`"events.yaml", "editions", "2021"`), if recorded."""
        return self.source_lines.get(f"{file}#{'.'.join(path)}")

    @property
    def default_language(self) -> str:
        """The language served at the site's root."""
        return self.languages[0]

    def prefix(self, language: str) -> str:
        """The language's folder in the built site: empty for the default language."""
        return language_folder(language, self.default_language)

    def base_url(self, language: str) -> str:
        """The public address of the language's home."""
        return self.site_url + self.prefix(language)


def load_site_data(data_dir: Path) -> SiteData:
    """Load and check `data_dir`; cached on the files' content, so repeated calls are free.

    `WSIS_SITE_URL`, when set, replaces `site_url` (a fork or a custom domain needs no edit);
    `WSIS_PREVIEW_PULL_REQUEST` makes the build a pull request's preview.
    """
    digest = content_digest(data_dir)
    return _load_cached(data_dir.resolve(), digest, site_url_override(), preview_of())


def content_digest(data_dir: Path, names: Iterable[str] | None = None) -> str:
    """A cache key for the named files of `data_dir` (all of them by default) and their bytes.

    Links and special files count by what they are: they are never followed or read.
    """
    entries = walk(data_dir) if names is None else ((name, None) for name in names)
    digest = hashlib.sha256()
    for relative, what in entries:
        digest.update(relative.encode() + b"\0")
        content = None if what else read_inside(data_dir, relative, relative)[0]
        digest.update((what or "").encode() if content is None else content)
        digest.update(b"\0")
    return digest.hexdigest()


def load_parsed(data_dir: Path) -> ParsedFiles:
    """`data_dir` parsed and cross-checked, for the tools that read the files themselves (the
    translation record); cached on the files' content like `load_site_data`."""
    return _parse_cached(data_dir.resolve(), content_digest(data_dir))


@lru_cache(maxsize=4)
def _parse_cached(data_dir: Path, _digest: str) -> ParsedFiles:
    parsed, issues = parse_files(data_dir)
    issues += cross_check(parsed)
    issues += read_record(data_dir)[1]  # the record's shape; what it says is not the site's
    if issues:
        raise DataError(issues)
    return parsed


@lru_cache(maxsize=4)
def _load_cached(
    data_dir: Path, digest: str, site_url: str | None, preview: int | None
) -> SiteData:
    data = _assemble(_parse_cached(data_dir, digest), site_url)
    return replace(data, preview=preview)


def _assemble(parsed: ParsedFiles, site_url: str | None) -> SiteData:
    site, organizations, contacts, events, phases, letters = parsed.site_models()
    # cross_check found no issue, so every file validated and every letter text reads.
    assert site is not None
    assert organizations is not None
    assert contacts is not None
    assert events is not None
    assert phases is not None
    assert letters is not None
    languages = tuple(site.languages)
    texts = {
        letter_id: {lang: _letter_text(parsed, letter_id, lang) for lang in languages}
        for letter_id in letters.letters
    }
    schedules = {edition_id: dict(phases.items_of(edition_id)) for edition_id in events.editions}
    return SiteData(
        languages=languages,
        organizations=organizations.organizations,
        contacts=contacts.contacts,
        editions=events.editions,
        schedules=schedules,
        letters=letters.letters,
        letter_texts=texts,
        ui=parsed.ui,
        babel_locales={code: site.locale(code) for code in languages},
        site_url=site_url or site.site_url,
        calendar_uid_domain=site.calendar_uid_domain,
        calendar_timezone=site.calendar_timezone,
        source_lines=_source_lines(parsed, events.editions, phases.editions, letters.letters),
    )


def _source_lines(
    parsed: ParsedFiles,
    editions: Mapping[str, object],
    schedules: Mapping[str, EditionSchedule],
    letters: Mapping[str, object],
) -> dict[str, int]:
    """Where each edition, schedule, item and letter starts: the line of its key."""
    paths: list[tuple[str, tuple[str, ...]]] = [
        (EVENTS_FILE, ("editions", edition_id)) for edition_id in editions
    ]
    for edition_id, schedule in schedules.items():
        paths.append((PHASES_FILE, ("editions", edition_id)))
        paths += [(PHASES_FILE, ("editions", edition_id, "items", item)) for item in schedule.items]
    paths += [(LETTERS_FILE, ("letters", letter_id)) for letter_id in letters]
    return {
        f"{file}#{'.'.join(path)}": parsed.documents[file].position(path, at_key=True).line
        for file, path in paths
    }


def _letter_text(parsed: ParsedFiles, letter_id: str, language: str) -> str:
    text, _ = parsed.letter_text(letter_text_name(letter_id, language))
    assert text is not None
    return text
