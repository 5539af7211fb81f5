"""Which translations still translate the current default-language text, and which went stale.

Every translated text (a localized value in `data/*.yaml`, a template string in `data/ui/`, a
letter of `data/letters/`, a page of `docs/`) is recorded in `data/translated-from.yaml` with a
short hash of the source text it was made from. The record is written by
`wsis-site translations --reviewed`, never by hand; a source text that no longer matches its
hash leaves its translations stale until someone updates them and marks them reviewed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from wsis_site import environment
from wsis_site.model.loader import load_parsed
from wsis_site.model.parse import DATA_FILES, LETTERS_DIR, TODO, ParsedFiles, ui_file_name
from wsis_site.model.translation_record import RECORD_FILE, Record, read_record
from wsis_site.reading.errors import DataError, DataIssue, FieldPath, dotted, shown
from wsis_site.reading.plaintext import read_text
from wsis_site.reading.yaml_source import SourceDocument

DOCS_DIR = "docs"
HASH_LENGTH = 10
RECORD_HEADER = """\
# Which version of the Spanish source each translation was made from: a short hash of the
# source text. Written by `make translations-reviewed`, never by hand (see CONTRIBUTING).
"""


@dataclass(frozen=True)
class Where:
    """A place in a file of the repository, as messages print it."""

    file: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Translation:
    """One translated text: what it translates, where it is, and whether it exists yet."""

    key: str
    """Names the source text in every language, e.g. `events.yaml#editions.2021.name`."""
    language: str
    source: str
    source_at: Where
    at: Where
    present: bool

    @property
    def source_hash(self) -> str:
        """The short hash recorded when the translation was made from this source."""
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translations(parsed: ParsedFiles, languages: Sequence[str]) -> list[Translation]:
    """Every translated text of the site into each non-default language."""
    default, *others = languages
    found: list[Translation] = []
    for name in DATA_FILES:
        found += _localized(parsed.documents.get(name), name, default, others)
    found += _ui(parsed, default, others)
    found += _letters(parsed, default, others)
    found += _docs(parsed.data_dir.parent, default, others)
    return found


def stale(found: Iterable[Translation], record: Record) -> list[Translation]:
    """Translations that exist but were made from another version of their source."""
    return [
        t for t in found if t.present and record.get(t.language, {}).get(t.key) != t.source_hash
    ]


def stale_translations(data_dir: Path, languages: Sequence[str]) -> tuple[Translation, ...]:
    """The translations made from an older version of their source text, for the data in
    `data_dir`, which `load_site_data` has already checked; a bad record is a `DataError`."""
    record, issues = read_record(data_dir)
    if issues:
        raise DataError(issues)
    return tuple(stale(translations(load_parsed(data_dir), languages), record))


def stale_issues(stale_ones: Iterable[Translation]) -> list[DataIssue]:
    """One issue per stale translation, at the translation, naming the changed source."""
    return [
        DataIssue(
            t.at.file,
            t.at.line,
            t.at.column,
            t.key,
            f"the {t.language} translation may be out of date: its source at {t.source_at} "
            f"changed to “{shown(t.source)}”: update it, then run "
            f"`make translations-reviewed LANGUAGES={t.language}`",
        )
        for t in stale_ones
    ]


def stale_warnings(stale_ones: Iterable[Translation]) -> list[DataIssue]:
    """The policy for translations to review: warnings while editing, returned to be shown; in
    a build for publishing (`WSIS_PUBLISH=1`) a `DataError` that stops it."""
    issues = stale_issues(stale_ones)
    if issues and environment.is_publishing():
        raise DataError(issues)
    return issues


def reviewed(
    found: Iterable[Translation], record: Record, languages: Iterable[str]
) -> dict[str, dict[str, str]]:
    """The record with every present translation into `languages` marked as up to date."""
    marked = {language: dict(hashes) for language, hashes in record.items()}
    chosen = set(languages)
    for t in found:
        if t.present and t.language in chosen:
            marked.setdefault(t.language, {})[t.key] = t.source_hash
    return marked


def write_record(data_dir: Path, record: Record) -> None:
    """Write the record sorted, so each review changes only the lines it should."""
    ordered = {lang: dict(sorted(record[lang].items())) for lang in sorted(record)}
    text = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=120)
    (data_dir / RECORD_FILE).write_text(RECORD_HEADER + text, encoding="utf-8")


def completeness_table(found: Sequence[Translation], record: Record) -> str:
    """A Markdown table: each language's translated share and its stale translations."""
    out_of_date = set(map(id, stale(found, record)))
    rows = ["| Language | Translated | Complete | Stale |", "|---|---:|---:|---:|"]
    for language in dict.fromkeys(t.language for t in found):
        own = [t for t in found if t.language == language]
        done = sum(t.present for t in own)
        late = sum(id(t) in out_of_date for t in own)
        rows.append(f"| {language} | {done}/{len(own)} | {100 * done // len(own)} % | {late} |")
    return "\n".join(rows) + "\n"


# --- Where the translated texts are ---------------------------------------------------------

#: Fields written only in the languages that have one (`fields.InSomeLanguages`).
SOME_LANGUAGES_FIELDS = frozenset({("acronym",), ("honorific",)})


def _localized(
    document: SourceDocument | None, name: str, default: str, others: Sequence[str]
) -> Iterator[Translation]:
    if document is None or document.data is None:
        return
    for path, texts in _localized_values(document.data, (), {default, *others}):
        source = texts.get(default)
        if not isinstance(source, str):
            continue
        key = f"{name}#{dotted(path)}"
        source_at = _at(document, (*path, default))
        for language in others:
            present = _written(texts.get(language))
            if not present and path[-1:] in SOME_LANGUAGES_FIELDS:
                continue  # a language without an acronym is not missing one
            at = _at(document, (*path, language) if present else path)
            yield Translation(key, language, source, source_at, at, present)


def _localized_values(
    node: Any, path: FieldPath, languages: set[str]
) -> Iterator[tuple[FieldPath, Mapping[str, Any]]]:
    """Each mapping of language codes to texts (a localized value), with its path."""
    if isinstance(node, dict):
        if node and set(node) <= languages:
            yield path, node
            return
        for key, value in node.items():
            yield from _localized_values(value, (*path, key), languages)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _localized_values(value, (*path, index), languages)


def _ui(parsed: ParsedFiles, default: str, others: Sequence[str]) -> Iterator[Translation]:
    source = parsed.documents.get(ui_file_name(default))
    if source is None or not isinstance(source.data, dict):
        return
    for language in others:
        target = parsed.documents.get(ui_file_name(language))
        strings = target.data if target is not None and isinstance(target.data, dict) else {}
        for key, text in source.data.items():
            if not isinstance(text, str):
                continue
            present = _written(strings.get(key))
            at = _at(target, (key,)) if target is not None and present else _top(target, language)
            yield Translation(f"ui#{key}", language, text, _at(source, (key,)), at, present)


def _letters(parsed: ParsedFiles, default: str, others: Sequence[str]) -> Iterator[Translation]:
    suffix = f".{default}.md"
    for name in sorted(parsed.letter_files):
        if not name.endswith(suffix):
            continue
        letter_id = name.removesuffix(suffix)
        text, _ = parsed.letter_text(name)
        if text is None:
            continue
        source_at = Where(parsed.letter_display_path(name), 1)
        for language in others:
            translated = f"{letter_id}.{language}.md"
            present = translated in parsed.letter_files
            at = Where(parsed.letter_display_path(translated), 1)
            key = f"{LETTERS_DIR}/{letter_id}.md"
            yield Translation(key, language, text, source_at, at, present)


def _docs(root: Path, default: str, others: Sequence[str]) -> Iterator[Translation]:
    source_dir = root / DOCS_DIR / default
    if not source_dir.is_dir():
        return
    for page in sorted(p.name for p in source_dir.iterdir() if p.suffix == ".md"):
        shown_path = f"{DOCS_DIR}/{default}/{page}"
        text, _ = read_text(root, shown_path, shown_path)
        if text is None:
            continue
        for language in others:
            target = f"{DOCS_DIR}/{language}/{page}"
            present = (root / target).is_file() and not (root / target).is_symlink()
            yield Translation(
                f"{DOCS_DIR}/{page}",
                language,
                text,
                Where(shown_path, 1),
                Where(target, 1),
                present,
            )


def _written(value: object) -> bool:
    """A translation exists: a text that is not the `TODO` left by `add_language`."""
    return isinstance(value, str) and value.strip() != TODO


def _at(document: SourceDocument, path: FieldPath) -> Where:
    position = document.position(path, at_key=True)
    return Where(document.display_path, position.line, position.column)


def _top(document: SourceDocument | None, language: str) -> Where:
    return Where(document.display_path if document else f"data/{ui_file_name(language)}", 1)
