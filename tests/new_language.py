"""One more language in a copy of the project, its texts copied from another language's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import LANGUAGES, edit
from wsis_site.reading.yaml_source import parse_yaml


def add_language(project: Path, code: str, name: str, copy_from: str) -> None:
    """Configure one more language, its texts copied from another: config plus translations."""
    data = project / "data"
    edit(
        project / "mkdocs.yml",
        "        - locale: en\n",
        f"        - locale: {code}\n          name: {name}\n          build: true\n"
        "        - locale: en\n",
    )
    site = data / "site.yaml"  # indented as written, or as yaml.safe_dump writes it back
    site.write_text(
        re.sub(r"^( *)- en$", rf"\g<0>\n\1- {code}", site.read_text("utf-8"), count=1, flags=re.M)
    )
    for path in data.glob("*.yaml"):
        document, issues = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        assert issues == []
        path.write_text(yaml.safe_dump(_translated(document.data, code, copy_from)), "utf-8")
    shutil.copy(data / "ui" / f"{copy_from}.yaml", data / "ui" / f"{code}.yaml")
    shutil.copytree(project / "docs" / copy_from, project / "docs" / code)
    for text in data.glob(f"letters/*.{copy_from}.md"):
        shutil.copy(text, text.with_name(text.name.replace(f".{copy_from}.", f".{code}.")))


def _translated(node: Any, code: str, copy_from: str) -> Any:
    if isinstance(node, dict):
        if set(LANGUAGES) <= set(node):  # a text in every language of the real data
            return {**node, code: node[copy_from]}
        return {key: _translated(value, code, copy_from) for key, value in node.items()}
    if isinstance(node, list):
        return [_translated(value, code, copy_from) for value in node]
    return node
