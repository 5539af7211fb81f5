"""The translation record's file (`data/translated-from.yaml`), read and checked for its shape;
what it says of each translation is the editors' tools' business (`editors.translations`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from wsis_site.reading.errors import DataIssue
from wsis_site.reading.yaml_source import read_yaml

RECORD_FILE = "translated-from.yaml"

Record = Mapping[str, Mapping[str, str]]
"""language → key → hash of the source the translation was made from."""


def read_record(data_dir: Path) -> tuple[dict[str, dict[str, str]], list[DataIssue]]:
    """The recorded source hashes; an absent record is empty (nothing reviewed yet)."""
    if not (data_dir / RECORD_FILE).exists():
        return {}, []
    document, issues = read_yaml(data_dir, RECORD_FILE, f"{data_dir.name}/{RECORD_FILE}")
    record: dict[str, dict[str, str]] = {}
    if isinstance(document.data, dict):
        for language, hashes in document.data.items():
            if isinstance(hashes, dict):
                record[str(language)] = {str(k): str(v) for k, v in hashes.items()}
    elif document.data is not None and not issues:
        issues.append(document.issue((), "must be a mapping of languages", field_label=""))
    return record, issues
