"""JSON Schemas of the data files, generated from the models, for editors' YAML tooling."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wsis_site.fields import LOCALIZED_SCHEMA_MARK
from wsis_site.models import Model


def schema_file_name(data_file: str) -> str:
    """`events.yaml` → `events.schema.json`."""
    return f"{Path(data_file).stem}.schema.json"


def json_schema(model_type: type[Model], languages: tuple[str, ...]) -> dict[str, Any]:
    """The JSON Schema of one data file, with every localized text requiring `languages`."""
    schema: dict[str, Any] = model_type.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    with_languages: dict[str, Any] = _with_languages(schema, languages)
    return with_languages


def render_schemas(
    data_files: Mapping[str, type[Model]], languages: tuple[str, ...]
) -> dict[str, str]:
    """Each schema's file name and its text, formatted stably so a stale copy shows in a diff."""
    return {
        schema_file_name(name): json.dumps(
            json_schema(model_type, languages), indent=2, ensure_ascii=False, sort_keys=True
        )
        + "\n"
        for name, model_type in data_files.items()
    }


def _with_languages(node: Any, languages: tuple[str, ...]) -> Any:
    if isinstance(node, list):
        return [_with_languages(item, languages) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get(LOCALIZED_SCHEMA_MARK):
        text = {"type": "string", "minLength": 1}
        return {
            "type": "object",
            "description": "The same text in every language of the site.",
            "properties": dict.fromkeys(languages, text),
            "required": list(languages),
            "additionalProperties": False,
        }
    return {key: _with_languages(value, languages) for key, value in node.items()}
