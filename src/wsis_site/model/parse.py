"""Read each data file strictly and validate it against its model, locating every error."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from wsis_site.model.documents import (
    ContactsFile,
    EventsFile,
    LettersFile,
    Model,
    OrganizationsFile,
    PhasesFile,
    SiteSettings,
    UiStrings,
)
from wsis_site.reading.errors import DataError, DataIssue, FieldPath, dotted, shown
from wsis_site.reading.files import refusals
from wsis_site.reading.limits import LETTER_FILE_BYTES
from wsis_site.reading.plaintext import read_text
from wsis_site.reading.yaml_source import SourceDocument, read_yaml

SITE_FILE, ORGANIZATIONS_FILE, CONTACTS_FILE = "site.yaml", "organizations.yaml", "contacts.yaml"
EVENTS_FILE, PHASES_FILE, LETTERS_FILE = "events.yaml", "phases.yaml", "letters.yaml"
#: Each data file and the model of its content, in the order they are read.
DATA_FILES: Mapping[str, type[Model]] = {
    SITE_FILE: SiteSettings,
    ORGANIZATIONS_FILE: OrganizationsFile,
    CONTACTS_FILE: ContactsFile,
    EVENTS_FILE: EventsFile,
    PHASES_FILE: PhasesFile,
    LETTERS_FILE: LettersFile,
}
LETTERS_DIR = "letters"
UI_DIR = "ui"
TODO = "TODO"
M = TypeVar("M", bound=Model)


class SiteModels(NamedTuple):
    """The model of each data file; None where that file did not validate."""

    site: SiteSettings | None
    organizations: OrganizationsFile | None
    contacts: ContactsFile | None
    events: EventsFile | None
    phases: PhasesFile | None
    letters: LettersFile | None


@dataclass
class ParsedFiles:
    """The documents read from `data/` and the models that validated; None where one failed."""

    data_dir: Path
    documents: dict[str, SourceDocument]
    models: dict[str, BaseModel | None]
    letter_files: frozenset[str]
    """Names of the entries of `data/letters/`."""
    ui: dict[str, dict[str, str]]
    """Template strings of each language whose file validated."""
    _letter_texts: dict[str, tuple[str | None, list[DataIssue]]] = field(default_factory=dict)

    def model(self, name: str, kind: type[M]) -> M | None:
        """The validated model of one file, or None when it did not validate."""
        found = self.models.get(name)
        return found if isinstance(found, kind) else None

    def site_models(self) -> SiteModels:
        """Every data file's model."""
        return SiteModels(
            self.model(SITE_FILE, SiteSettings),
            self.model(ORGANIZATIONS_FILE, OrganizationsFile),
            self.model(CONTACTS_FILE, ContactsFile),
            self.model(EVENTS_FILE, EventsFile),
            self.model(PHASES_FILE, PhasesFile),
            self.model(LETTERS_FILE, LettersFile),
        )

    @property
    def folder(self) -> str:
        """The data folder's name, as file names in messages begin."""
        return self.data_dir.name

    def letter_display_path(self, name: str) -> str:
        """How messages name a file of `data/letters/`."""
        return f"{self.folder}/{LETTERS_DIR}/{name}"

    def letter_text(self, name: str) -> tuple[str | None, list[DataIssue]]:
        """The text of one file of `data/letters/`, read once, or why it cannot be read."""
        if name not in self._letter_texts:
            self._letter_texts[name] = read_text(
                self.data_dir,
                f"{LETTERS_DIR}/{name}",
                self.letter_display_path(name),
                LETTER_FILE_BYTES,
            )
        return self._letter_texts[name]


def parse_files(data_dir: Path) -> tuple[ParsedFiles, list[DataIssue]]:
    """Read and validate each data file on its own, collecting every issue."""
    # Links and special files are refused before anything is read (see `wsis_site.reading.files`).
    issues = refusals(data_dir, data_dir.name)
    documents: dict[str, SourceDocument] = {}
    models: dict[str, BaseModel | None] = {}
    languages: tuple[str, ...] = ()
    for name, model_type in DATA_FILES.items():
        documents[name], model, file_issues = _read(data_dir, name, model_type, languages)
        models[name] = model
        issues += file_issues
        if isinstance(model, SiteSettings):
            languages = tuple(model.languages)
    ui: dict[str, dict[str, str]] = {}
    for language in languages:
        name = ui_file_name(language)
        documents[name], strings, file_issues = _read(data_dir, name, UiStrings, languages)
        issues += file_issues
        if isinstance(strings, UiStrings):
            ui[language] = strings.root
    return ParsedFiles(data_dir, documents, models, _entries(data_dir / LETTERS_DIR), ui), issues


def _read(
    data_dir: Path, name: str, model_type: type[BaseModel], languages: tuple[str, ...]
) -> tuple[SourceDocument, BaseModel | None, list[DataIssue]]:
    """Parse one data file and, when it parsed, validate it against its model."""
    document, issues = read_yaml(data_dir, name, f"{data_dir.name}/{name}")
    if issues:
        return document, None, issues
    model, model_issues = validate_document(document, model_type, languages)
    return document, model, model_issues


def _entries(folder: Path) -> frozenset[str]:
    """The names in a folder, which must be a folder and not a link to one."""
    if folder.is_symlink() or not folder.is_dir():
        return frozenset()
    return frozenset(entry.name for entry in os.scandir(folder))


def ui_file_name(language: str) -> str:
    """Path of one language's template strings, inside `data/`."""
    return f"{UI_DIR}/{language}.yaml"


def read_languages(data_dir: Path) -> tuple[str, ...]:
    """The configured languages, from `site.yaml` alone."""
    _, site, issues = _read(data_dir, SITE_FILE, SiteSettings, ())
    if not isinstance(site, SiteSettings):
        raise DataError(issues)
    return tuple(site.languages)


def validate_document(
    document: SourceDocument, model_type: type[BaseModel], languages: tuple[str, ...]
) -> tuple[BaseModel | None, list[DataIssue]]:
    """Validate one document's data against its model, locating each error in the file.

    Values still marked `TODO` (left by `wsis-site new-edition`) are reported as such, and
    not a second time as whatever the field's type makes of them.
    """
    data: Any = {} if document.data is None else document.data
    todos = set(todo_paths(data))
    issues = [
        document.issue(path, "still marked TODO: write the real value", field_label=dotted(path))
        for path in sorted(todos, key=str)
    ]
    try:
        return model_type.model_validate(data, context={"languages": languages}), issues
    except ValidationError as error:
        details = [d for d in error.errors() if _data_path(data, d["loc"])[0] not in todos]
        return None, issues + [_locate(document, detail) for detail in details]


def todo_paths(node: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    """Where the data still holds a `TODO` marker."""
    if isinstance(node, str) and node.startswith(TODO):
        yield path
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from todo_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from todo_paths(value, (*path, index))


def _locate(document: SourceDocument, detail: ErrorDetails) -> DataIssue:
    path, on_key = _data_path(document.data, detail["loc"])
    field_path = path
    if detail["type"] == "missing":
        message = "required field is missing"
        path = path[:-1]
    elif detail["type"] == "extra_forbidden":
        message = "unknown field (check its spelling and indentation)"
        on_key = True
    else:
        message = _explain(detail)
    return document.issue(path, message, field_label=dotted(field_path), at_key=on_key)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[FieldPath, bool]:
    """Keep the parts of pydantic's error location that name places in the data."""
    path: list[str | int] = []
    node = data
    on_key = False
    for part in loc:
        if part == "[key]":
            on_key = True
        elif isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if part < len(node) else None
        elif node is None and isinstance(part, str | int):
            path.append(part)
    return tuple(path), on_key


def _explain(detail: ErrorDetails) -> str:
    value = detail.get("input")
    kind = detail["type"]
    if kind in {"bool_type", "bool_parsing"}:
        return f"must be true or false, without quotes (got {shown(repr(value))})"
    if kind == "string_type" and isinstance(value, bool):
        return "must be text: put it in quotes so YAML does not read it as true/false"
    if kind == "string_type" and value is None:
        return "must not be empty"
    if kind in {"dict_type", "list_type", "model_type"}:
        expected = "a list" if kind == "list_type" else "a mapping of fields"
        return f"must be {expected} (got {shown(repr(value))})"
    if kind == "literal_error":
        return f"{detail['msg'].replace('Input should be', 'must be')} (got {shown(repr(value))})"
    if kind == "too_short":
        return "must not be empty"
    return str(detail["msg"])


def letter_text_name(letter_id: str, language: str) -> str:
    """File name of one language's text of a letter, inside `data/letters/`."""
    return f"{letter_id}.{language}.md"
