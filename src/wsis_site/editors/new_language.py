"""Add a language to every localized text of the data files, keeping the editors' layout.

Each `{es: …, en: …}` value gets one more key, written after the others with the same
indentation; short flow mappings become block mappings so lines stay readable. Texts not given
are written as `TODO`, which validation reports with file:line until someone translates them.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from wsis_site.model.parse import DATA_FILES, TODO
from wsis_site.reading.errors import FieldPath, dotted

LINE_LIMIT = 100
"""Wrap inserted texts here, below yamllint's limit of 120."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def add_language_to_text(
    text: str, file_name: str, code: str, languages: list[str], texts: Mapping[str, str]
) -> str:
    """The YAML `text` with a `code` entry in each localized mapping that lacks one."""
    root = yaml.compose(text)
    if root is None:
        return text
    line_starts = [0]
    for index, character in enumerate(text):
        if character == "\n":
            line_starts.append(index + 1)
    edits: list[_Edit] = []
    for path, node in _localized_nodes(root, (), languages[0], {*languages, code}):
        keys = [key.value for key, _ in node.value]
        if code in keys:
            continue
        value = texts.get(f"{file_name}#{dotted(path)}", TODO)
        edits.append(_edit(text, line_starts, node, code, value))
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def add_language(data_dir: Path, code: str) -> list[str]:
    """Start a language: `TODO` in every text and template string; the files written."""
    changed = add_language_to_files(data_dir, code, {})
    ui = data_dir / "ui" / f"{code}.yaml"
    if not ui.exists():
        site = yaml.safe_load((data_dir / "site.yaml").read_text(encoding="utf-8"))
        default = yaml.safe_load(
            (data_dir / "ui" / f"{site['languages'][0]}.yaml").read_text(encoding="utf-8")
        )
        lines = [f"# Words of the page templates in {code}: translate each TODO.\n"]
        ui.write_text("".join(lines + [f"{key}: {TODO}\n" for key in default]), "utf-8")
        changed.append(f"ui/{code}.yaml")
    return changed


def add_language_to_files(data_dir: Path, code: str, texts: Mapping[str, str]) -> list[str]:
    """Add `code` to every localized text of `data_dir`'s data files; the names changed."""
    site = yaml.safe_load((data_dir / "site.yaml").read_text(encoding="utf-8"))
    languages = list(site.get("languages", []))
    changed = []
    for name in DATA_FILES:
        path = data_dir / name
        before = path.read_text(encoding="utf-8")
        after = add_language_to_text(before, name, code, languages, texts)
        if after != before:
            path.write_text(after, encoding="utf-8")
            changed.append(name)
    return changed


def _localized_nodes(
    node: yaml.Node, path: FieldPath, default: str, languages: set[str]
) -> Iterator[tuple[FieldPath, yaml.MappingNode]]:
    """Each mapping of language codes to texts, the default language's among them."""
    if isinstance(node, yaml.MappingNode):
        keys = {key.value for key, _ in node.value}
        if default in keys and keys <= languages:
            yield path, node
            return
        for key, value in node.value:
            yield from _localized_nodes(value, (*path, key.value), default, languages)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _localized_nodes(value, (*path, index), default, languages)


def _edit(
    text: str, line_starts: list[int], node: yaml.MappingNode, code: str, value: str
) -> _Edit:
    if not node.flow_style:
        indent = node.value[0][0].start_mark.column
        end = node.value[-1][1].end_mark
        # A block scalar ends at the start of the next line; a plain one inside its own line.
        line = end.line if end.column == 0 else end.line + 1
        at = line_starts[line] if line < len(line_starts) else len(text)
        prefix = "" if at == 0 or text[at - 1] == "\n" else "\n"
        return _Edit(at, at, prefix + _entry(code, value, indent))
    start, end = node.start_mark, node.end_mark
    before = text[line_starts[start.line] : start.index]
    pairs = [(key.value, item.value) for key, item in node.value] + [(code, value)]
    if before.rstrip().endswith("-"):  # a list item: keys line up after the dash
        body = "".join(_entry(k, v, start.column) for k, v in pairs)
        return _Edit(start.index, end.index, body[start.column :].rstrip("\n"))
    indent = len(before) - len(before.lstrip()) + 2  # a mapping value: keys on the next lines
    body = "".join(_entry(k, v, indent) for k, v in pairs)
    spaces = len(before) - len(before.rstrip())
    return _Edit(start.index - spaces, end.index, "\n" + body.rstrip("\n"))


def _entry(key: str, value: str, indent: int) -> str:
    """`key: value` at `indent`, folded over lines when long, ending with a line break."""
    pad = " " * indent
    single = f"{pad}{key}: {_scalar(value)}\n"
    if len(single) <= LINE_LIMIT + 1 and "\n" not in value:
        return single
    width = LINE_LIMIT - indent - 2
    lines = textwrap.wrap(value, width, break_long_words=False, break_on_hyphens=False)
    foldable = "\n" not in value and "  " not in value and value == value.strip()
    if foldable and all(len(line) <= width for line in lines):
        return f"{pad}{key}: >-\n" + "".join(f"{pad}  {line}\n" for line in lines)
    # No spaces to fold at (Chinese): a quoted string continued with backslashes.
    quoted = json.dumps(value, ensure_ascii=False)[1:-1]
    chunks = [quoted[i : i + width // 2] for i in range(0, len(quoted), width // 2)]
    chunks = _unsplit_escapes(chunks)
    body = "\\\n".join(f"{pad}  {chunk}" for chunk in chunks).lstrip()
    return f'{pad}{key}: "{body}"\n'


def _unsplit_escapes(chunks: list[str]) -> list[str]:
    """Move a chunk's trailing backslash escape to the next chunk, so no escape is cut."""
    fixed: list[str] = []
    carry = ""
    for chunk in chunks:
        chunk = carry + chunk
        trailing = len(chunk) - len(chunk.rstrip("\\"))
        carry = "\\" if trailing % 2 else ""
        fixed.append(chunk[:-1] if carry else chunk)
    if carry:
        fixed[-1] += carry
    # A leading space after a continuation would be dropped: keep it escaped.
    return [("\\ " + c[1:]) if i and c.startswith(" ") else c for i, c in enumerate(fixed)]


def _scalar(value: str) -> str:
    """A one-line YAML scalar for `value`: plain when that reads back the same, else quoted."""
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_style=None)
    first = dumped.removesuffix("\n...\n").rstrip("\n")
    if "\n" not in first and yaml.safe_load(first) == value:
        return first
    return json.dumps(value, ensure_ascii=False)
