"""A strict YAML reader that keeps every value as the text the editor typed, with its position.

Only mappings, sequences and scalars are allowed. Scalars become `str`, except plain
`true`/`false` (bool) and plain `null`/`~`/empty (None): `no`, `on`, `08` and `2024-01-31`
stay text, and the models decide what they mean. Anchors, aliases, tags and duplicate keys are
errors, which also rules out billion-laughs expansion and `!!python/object` construction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wsis_site.reading import limits
from wsis_site.reading.errors import DataIssue, FieldPath, dotted
from wsis_site.reading.plaintext import forbidden_characters, read_text

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_NULL = frozenset({"", "~", "null", "Null", "NULL"})
#: The deepest nesting accepted; the data files use 7 levels, and deeper input would exhaust
#: Python's recursion limit here or in validation.
MAX_DEPTH = 20


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


def read_yaml(
    root: Path, relative: str, display_path: str
) -> tuple[SourceDocument, list[DataIssue]]:
    """Parse one YAML file of `root` strictly, within the limits of `wsis_site.reading.limits`."""
    text, issues = read_text(root, relative, display_path, limits.file_bytes(relative))
    if text is None:
        return SourceDocument(display_path, None), issues
    return parse_yaml(text, display_path, limits.count_limits(relative))


def parse_yaml(
    text: str, display_path: str, counted: Sequence[limits.CountLimit] = ()
) -> tuple[SourceDocument, list[DataIssue]]:
    """Parse YAML text strictly; return its document and every problem found in it.

    Parsing stops at the first collection with more entries than `counted` allow.
    """
    document = SourceDocument(display_path, None)
    # Before libyaml, which refuses some of them too but counts its position in bytes.
    if issues := forbidden_characters(text, display_path):
        return document, issues
    composer = _Composer(yaml.parse(text, Loader=_EVENTS), document, issues, counted)
    try:
        document.data = composer.document()
    except _RefusedError as refused:
        where = Position.of(refused.mark) if refused.mark else Position(1, 1)
        field_label = dotted(refused.path)
        return document, [
            DataIssue(display_path, where.line, where.column, field_label, refused.message)
        ]
    except yaml.MarkedYAMLError as error:
        return document, [_syntax_issue(error, display_path, composer.last_quoted)]
    return document, issues


def _syntax_issue(
    error: yaml.MarkedYAMLError, display_path: str, last_quoted: yaml.ScalarEvent | None
) -> DataIssue:
    """Where YAML gave up; or, when a quote left open is the cause, where that quote opened.

    An editor clicks the location (and GitHub puts the annotation there), so it is the line to fix.
    """
    mark = error.problem_mark or error.context_mark
    where = Position.of(mark) if mark else Position(1, 1)
    problem = " ".join(part for part in (error.context, error.problem) if part)
    opened = Position.of(error.context_mark) if error.context_mark else where
    if opened.line != where.line and "quoted scalar" in str(error.context):
        return DataIssue(
            display_path,
            opened.line,
            opened.column,
            "",
            f"this quote is never closed (YAML read on to line {where.line} and "
            f"{error.problem}): close it on this line",
        )
    if opened.line != where.line:
        problem += f" (it starts on line {opened.line}, column {opened.column})"
    if last_quoted is not None:
        end_mark: Any = last_quoted.end_mark
        start, end = _position(last_quoted), Position.of(end_mark)
        # A quote that runs over lines up to the error is most likely one left open.
        if start.line < end.line and end.line == where.line:
            return DataIssue(
                display_path,
                start.line,
                start.column,
                "",
                f"this quote is only closed on line {end.line}, column {end.column - 1}, and "
                "the file cannot be read from there: is a closing quote missing on this line?",
            )
    return DataIssue(display_path, where.line, where.column, "", problem)


# libyaml's parser when PyYAML was built with it (30 times faster); the same events otherwise.
_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class _Tally:
    """Entries counted so far towards one total limit."""

    limit: limits.TotalLimit
    entries: int = 0


class _RefusedError(Exception):
    def __init__(self, message: str, mark: Any, path: FieldPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.path = path


class _Composer:
    """Builds plain data from parser events, refusing what editors should never rely on."""

    def __init__(
        self,
        events: Iterator[yaml.Event],
        document: SourceDocument,
        issues: list[DataIssue],
        counted: Sequence[limits.CountLimit],
    ) -> None:
        self.events = events
        self.doc = document
        self.issues = issues
        self.counted = counted
        self.tallies = {
            total.of: _Tally(total) for total in limits.TOTAL_LIMITS if total.of in counted
        }
        self.last_quoted: yaml.ScalarEvent | None = None
        """The last quoted text read, which a stray quote may have made run on too far."""

    def next(self) -> yaml.Event:
        """The next parser event."""
        event = next(self.events)
        if isinstance(event, yaml.ScalarEvent) and event.style in {"'", '"'}:
            self.last_quoted = event
        return event

    def document(self) -> Any:
        """The single document of the stream, or None for an empty one."""
        self.next()  # StreamStartEvent
        event = self.next()
        if isinstance(event, yaml.StreamEndEvent):
            return None
        data = self.node(self.next(), ())
        self.next()  # DocumentEndEvent
        extra = self.next()
        if isinstance(extra, yaml.DocumentStartEvent):
            raise _RefusedError(
                "only one YAML document is allowed: remove the `---`", extra.start_mark
            )
        return data

    def node(self, event: yaml.Event, path: FieldPath) -> Any:
        _refuse_anchors_aliases_and_tags(event)
        if len(path) > MAX_DEPTH:
            message = f"nested too deeply: no data file needs more than {MAX_DEPTH} levels"
            raise _RefusedError(message, event.start_mark, _named_part(path))
        self.doc.value_positions[path] = _position(event)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            count = self._counter(path)
            while not isinstance(item := self.next(), yaml.SequenceEndEvent):
                count(item)
                items.append(self.node(item, (*path, len(items))))
            return items
        assert isinstance(event, yaml.ScalarEvent)
        value = _plain_scalar(event)
        if isinstance(value, str) and (too_long := limits.text_problem(value)):
            self.issues.append(self._issue(_position(event), dotted(path), too_long))
        return value

    def _counter(self, path: FieldPath) -> Callable[[yaml.Event], None]:
        """Counts a collection's entries as they come; refuses the first one over a limit."""
        limit = next((limit for limit in self.counted if limit.matches(path)), None)
        if limit is None:
            return lambda _entry: None
        tally = self.tallies.get(limit)
        entries = 0

        def count(entry: yaml.Event) -> None:
            nonlocal entries
            entries += 1
            if entries > limit.most:
                where = f" (entry {entries} starts here)"
                raise _RefusedError(limit.message(path) + where, entry.start_mark, path)
            if tally is not None:
                tally.entries += 1
                if tally.entries > tally.limit.most:
                    message = tally.limit.sentence.format(most=tally.limit.most)
                    raise _RefusedError(message, entry.start_mark, path)

        return count

    def mapping(self, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        count = self._counter(path)
        while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
            count(key_event)
            where = _position(key_event)
            if not isinstance(key_event, yaml.ScalarEvent):
                self.node(key_event, (*path, "?"))
                self.node(self.next(), (*path, "?"))
                self.issues.append(self._issue(where, "", "a key must be text"))
                continue
            _refuse_anchors_aliases_and_tags(key_event)
            key = str(key_event.value)
            if key in result:
                first = self.doc.key_positions[(*path, key)]
                self.node(self.next(), (*path, "?"))  # read past the repeated value
                message = f"duplicate key {key!r} (first written on line {first.line})"
                self.issues.append(self._issue(where, dotted((*path, key)), message))
                continue
            self.doc.key_positions[(*path, key)] = where
            result[key] = self.node(self.next(), (*path, key))
        return result

    def _issue(self, where: Position, field: str, message: str) -> DataIssue:
        return DataIssue(self.doc.display_path, where.line, where.column, field, message)


def _named_part(path: FieldPath) -> FieldPath:
    """The path down to its last key, without the list indexes below it."""
    while path and isinstance(path[-1], int):
        path = path[:-1]
    return path[:MAX_DEPTH]


def _position(event: yaml.Event) -> Position:
    mark: Any = event.start_mark
    return Position.of(mark)


def _refuse_anchors_aliases_and_tags(event: yaml.Event) -> None:
    mark: Any = event.start_mark
    if isinstance(event, yaml.AliasEvent):
        raise _RefusedError("aliases (*name) are not allowed; write the value out", mark)
    if getattr(event, "anchor", None) is not None:
        raise _RefusedError("anchors (&name) are not allowed; write the value out", mark)
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        typed = str(tag).replace("tag:yaml.org,2002:", "!!")
        raise _RefusedError(f"tags such as {typed} are not allowed; remove it", mark)


def _plain_scalar(event: yaml.ScalarEvent) -> str | bool | None:
    text = str(event.value)
    if not event.style:  # plain, unquoted (libyaml says "", PyYAML None)
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in _NULL:
            return None
    return text
