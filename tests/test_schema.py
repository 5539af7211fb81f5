"""The committed JSON Schemas match the models, and require every configured language."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from wsis_site.editors.json_schema import render_schemas, schema_file_name
from wsis_site.model.parse import DATA_FILES, read_languages


def test_committed_schemas_are_current() -> None:
    rendered = render_schemas(DATA_FILES, read_languages(ROOT / "data"))
    stale = [
        name
        for name, text in rendered.items()
        if (ROOT / "schema" / name).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `make schema` and commit schema/"


def test_localized_texts_require_each_language() -> None:
    schema = json.loads(render_schemas(DATA_FILES, ("es", "en", "fr"))["phases.schema.json"])
    title = schema["$defs"]["Item"]["properties"]["title"]
    assert title["required"] == ["es", "en", "fr"]
    assert title["additionalProperties"] is False


def test_each_data_file_declares_its_schema_for_editors() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = {target: schema for schema, target in settings["yaml.schemas"].items()}
    for name in DATA_FILES:
        first_line = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        expected = f"schema/{schema_file_name(name)}"
        assert first_line == f"# yaml-language-server: $schema=../{expected}"
        assert mapped[f"data/{name}"] == f"./{expected}"
