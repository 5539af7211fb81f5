"""JSON Schemas of the data files, generated from the models, for editors' YAML tooling."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from wsis_site.model import documents as models
from wsis_site.model.documents import Model
from wsis_site.model.fields import LOCALIZED_SCHEMA_MARK


def schema_file_name(data_file: str) -> str:
    """`events.yaml` → `events.schema.json`."""
    return f"{Path(data_file).stem}.schema.json"


def json_schema(model_type: type[Model], languages: tuple[str, ...]) -> dict[str, Any]:
    """The JSON Schema of one data file, with every localized text requiring `languages`."""
    _describe_fields()
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


@cache
def _describe_fields() -> None:
    """Give each model field its attribute docstring as description, for editors' tooltips.

    Done here rather than by pydantic's `use_attribute_docstrings`, which reads the source of
    every model at import: that would slow every build for the sake of this command.
    """
    for name, docstrings in attribute_docstrings(Path(models.__file__)).items():
        model_type = getattr(models, name)
        for field_name, info in model_type.model_fields.items():
            if field_name in docstrings and info.description is None:
                info.description = docstrings[field_name]
        model_type.model_rebuild(force=True)


def attribute_docstrings(source: Path) -> dict[str, dict[str, str]]:
    """`{class: {field: docstring}}`: the string literal written under each annotated field."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = found.setdefault(node.name, {})
        for statement, following in itertools.pairwise(node.body):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                fields[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


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
