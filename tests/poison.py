"""Every value of `data/` that validation accepts, carrying markup, a break-out and script.

A contributor's pull request may change any value. `poison_data` writes a payload into every
value of every data file and every line of every letter text, keeps it wherever validation
accepts it (after or before the original text), and puts back the original only where
validation refuses both: so no field needs to be named, and a field added tomorrow is covered.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from wsis_site.model.loader import load_site_data
from wsis_site.reading.errors import DataError

#: Markup, an attribute break-out (quoted either way, no space needed) and a `javascript:` URL.
PAYLOAD = "<b>x</b>\"'><svg/onload=alert(1)><script>alert(2)</script>javascript:alert(3)"
#: How each value is tried, in order, until validation accepts it; then the original is kept.
VARIANTS = (lambda text: text + PAYLOAD, lambda text: PAYLOAD + text)
MAX_ROUNDS = 10


@dataclass
class _Value:
    """One value of one file: a YAML scalar or a line of a letter's text."""

    file: Path
    start: int
    """Offset of its first character in the original file."""
    end: int
    original: str
    """The value as the file gives it, unquoted."""
    source: str
    """The value as written in the file, quotes included."""
    variant: int = 0
    """Index into `VARIANTS`; `len(VARIANTS)` once every variant was refused."""
    line: int = 0
    """1-based line where it starts in the file as last written."""

    @property
    def poisoned(self) -> bool:
        return self.variant < len(VARIANTS)

    def text(self, *, yaml_value: bool) -> str:
        if not self.poisoned:
            return self.source
        value = VARIANTS[self.variant](self.original)
        # A JSON string is a YAML double-quoted scalar, on one line.
        return json.dumps(value, ensure_ascii=False) if yaml_value else value


def poison_data(data_dir: Path) -> list[str]:
    """Poison `data_dir` in place; return the values left clean, as `file:line` of the original."""
    originals = {path: path.read_text(encoding="utf-8") for path in _files(data_dir)}
    values = [value for path, text in originals.items() for value in _values(path, text)]
    for _ in range(MAX_ROUNDS):
        _write(originals, values)
        try:
            load_site_data(data_dir)
        except DataError as error:
            refused = {(data_dir.parent / issue.file, issue.line) for issue in error.issues}
            changed = False
            for value in values:
                if value.poisoned and (value.file, value.line) in refused:
                    value.variant += 1
                    changed = True
            if not changed:
                raise AssertionError(f"errors no poisoned value explains:\n{error}") from None
            continue
        return [
            f"{value.file.relative_to(data_dir.parent)}:"
            f"{originals[value.file].count(chr(10), 0, value.start) + 1}"
            for value in values
            if not value.poisoned
        ]
    raise AssertionError(f"validation still refuses after {MAX_ROUNDS} rounds")


def _files(data_dir: Path) -> list[Path]:
    return sorted(path for path in data_dir.rglob("*") if path.suffix in {".yaml", ".md"})


def _values(path: Path, text: str) -> Iterator[_Value]:
    if path.suffix == ".md":
        offset = 0
        for line in text.splitlines(keepends=True):
            content = line.rstrip("\n")
            if content.strip():
                yield _Value(path, offset, offset + len(content), content, content)
            offset += len(line)
        return
    yield from _scalars(path, text, yaml.compose(text, Loader=yaml.SafeLoader))


def _scalars(path: Path, text: str, node: yaml.Node | None) -> Iterator[_Value]:
    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:  # keys are ids: renaming one is a different change
            yield from _scalars(path, text, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(path, text, item)
    elif isinstance(node, yaml.ScalarNode):
        start = node.start_mark.index
        # A block scalar (`>-`) ends after the line break and indentation that follow it.
        end = start + len(text[start : node.end_mark.index].rstrip())
        yield _Value(path, start, end, node.value, text[start:end])


def _write(originals: dict[Path, str], values: list[_Value]) -> None:
    """Write every file with its values as they stand, noting the line each now starts on."""
    for path, original in originals.items():
        parts: list[str] = []
        position, line = 0, 1
        for value in (value for value in values if value.file == path):
            before = original[position : value.start]
            line += before.count("\n")
            parts.append(before)
            value.line = line
            written = value.text(yaml_value=path.suffix == ".yaml")
            parts.append(written)
            line += written.count("\n")
            position = value.end
        parts.append(original[position:])
        path.write_text("".join(parts), encoding="utf-8")
