"""A strict YAML reader that keeps every value as the text the editor typed, with its position.

Only mappings, sequences and scalars are allowed. Scalars become `str`, except plain
`true`/`false` (bool) and plain `null`/`~`/empty (None): `no`, `on`, `08` and `2024-01-31`
stay text, and the models decide what they mean. Anchors, aliases, tags and duplicate keys are
errors, which also rules out billion-laughs expansion and `!!python/object` construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wsis_site.errors import DataIssue, FieldPath, dotted

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a source file."""

    line: int
    column: int

    @classmethod
    def of(cls, mark: yaml.Mark) -> Position:
        """Convert PyYAML's 0-based mark."""
        return cls(mark.line + 1, mark.column + 1)


@dataclass
class SourceDocument:
    """The plain data of one YAML file and where each field of it was written."""

    display_path: str
    data: Any
    value_positions: dict[FieldPath, Position] = field(default_factory=dict)
    key_positions: dict[FieldPath, Position] = field(default_factory=dict)

    def position(self, path: FieldPath, *, at_key: bool = False) -> Position:
        """The best place to point at for `path`: its value, its key, or its nearest ancestor."""
        if at_key and path in self.key_positions:
            return self.key_positions[path]
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            value = self.value_positions.get(prefix)
            key = self.key_positions.get(prefix)
            # A collection's value starts on the next line; its key is where the editor looks.
            if key is not None and (value is None or self._is_collection(prefix)):
                return key
            if value is not None:
                return value
        return Position(1, 1)

    def issue(
        self, path: FieldPath, message: str, *, field_label: str, at_key: bool = False
    ) -> DataIssue:
        """Build a `DataIssue` located at `path` (at its key rather than its value if asked)."""
        where = self.position(path, at_key=at_key)
        return DataIssue(self.display_path, where.line, where.column, field_label, message)

    def _is_collection(self, path: FieldPath) -> bool:
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return False
        return isinstance(node, dict | list)


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe parser, refusing anchors, aliases and explicit tags as they are composed."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _RefusedError(
                "aliases (*name) are not allowed; write the value out", event.start_mark
            )
        if getattr(event, "anchor", None) is not None:
            raise _RefusedError(
                "anchors (&name) are not allowed; write the value out", event.start_mark
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            typed = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _RefusedError(
                f"tags such as {typed} are not allowed; remove it", event.start_mark
            )
        return super().compose_node(parent, index)


class _RefusedError(Exception):
    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


def read_yaml(path: Path, display_path: str) -> tuple[SourceDocument, list[DataIssue]]:
    """Parse one YAML file strictly; return its document and every problem found in it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SourceDocument(display_path, None), [
            DataIssue(display_path, 1, 1, "", "file not found")
        ]
    except UnicodeDecodeError as error:
        return SourceDocument(display_path, None), [
            DataIssue(display_path, 1, 1, "", f"not valid UTF-8 ({error.reason})")
        ]
    return parse_yaml(text, display_path)


def parse_yaml(text: str, display_path: str) -> tuple[SourceDocument, list[DataIssue]]:
    """Parse YAML text strictly; return its document and every problem found in it."""
    document = SourceDocument(display_path, None)
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except _RefusedError as refused:
        where = Position.of(refused.mark) if refused.mark else Position(1, 1)
        return document, [DataIssue(display_path, where.line, where.column, "", refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Position.of(mark) if mark else Position(1, 1)
        problem = " ".join(part for part in (error.context, error.problem) if part)
        return document, [DataIssue(display_path, where.line, where.column, "", problem)]
    finally:
        loader.dispose()
    issues: list[DataIssue] = []
    if root is not None:
        document.data = _plain(root, (), document, issues)
    return document, issues


def _plain(node: yaml.Node, path: FieldPath, doc: SourceDocument, issues: list[DataIssue]) -> Any:
    doc.value_positions[path] = Position.of(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        return _plain_mapping(node, path, doc, issues)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*path, i), doc, issues) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _plain_scalar(node)


def _plain_mapping(
    node: yaml.MappingNode, path: FieldPath, doc: SourceDocument, issues: list[DataIssue]
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        where = Position.of(key_node.start_mark)
        if not isinstance(key_node, yaml.ScalarNode):
            issues.append(
                DataIssue(doc.display_path, where.line, where.column, "", "a key must be text")
            )
            continue
        key = str(key_node.value)
        if key in result:
            first = doc.key_positions[(*path, key)]
            issues.append(
                DataIssue(
                    doc.display_path,
                    where.line,
                    where.column,
                    dotted((*path, key)),
                    f"duplicate key {key!r} (first written on line {first.line})",
                )
            )
            continue
        doc.key_positions[(*path, key)] = where
        result[key] = _plain(value_node, (*path, key), doc, issues)
    return result


def _plain_scalar(node: yaml.ScalarNode) -> str | bool | None:
    text = str(node.value)
    if node.style is None:  # plain, unquoted
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _NULL:
            return None
    return text
