"""Data errors that point an editor at the file, line, column and field to fix."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from wsis_site import environment

FieldPath: TypeAlias = tuple[str | int, ...]


def dotted(path: FieldPath) -> str:
    """Render a field path the way editors read it: `editions.2021.items.phase-1.date`."""
    return ".".join(f"[{part}]" if isinstance(part, int) else part for part in path).replace(
        ".[", "["
    )


def shown(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: its first line only, cut to `limit` characters."""
    text = str(value)
    first = text.split("\n", 1)[0]
    if len(first) > limit:
        return first[: limit - 1] + "…"
    return first + ("…" if first != text else "")


@dataclass(frozen=True, order=True)
class DataIssue:
    """One problem in one place of one data file."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def as_text(self) -> str:
        """Format as `file:line:col: field: message`, which editors and terminals make clickable."""
        where = f"{self.file}:{self.line}:{self.column}"
        said = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {said}"
        # One issue, one line: a key or value quoted from the data may hold line breaks.
        return text.replace("\r", "\\r").replace("\n", "\\n")

    def as_github(self) -> str:
        """Format as a GitHub Actions annotation shown on the changed line of a pull request."""
        message = f"{self.field}: {self.message}" if self.field else self.message
        escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::error file={self.file},line={self.line},col={self.column},"
            f"title=Data error::{escaped}"
        )


class DataError(Exception):
    """Every problem found in `data/`, reported together so an editor can fix them in one pass."""

    def __init__(self, issues: Iterable[DataIssue]) -> None:
        self.issues: Sequence[DataIssue] = sorted(set(issues))
        super().__init__(self.report())

    def report(self, *, github: bool = False) -> str:
        """All issues, one per line, followed by a count."""
        lines = [issue.as_github() if github else issue.as_text() for issue in self.issues]
        count = len(self.issues)
        lines.append(f"{count} data error{'s' if count != 1 else ''} found.")
        return "\n".join(lines)


def running_on_github() -> bool:
    """True inside GitHub Actions, where errors are printed as annotations too."""
    return environment.on_github_actions()
