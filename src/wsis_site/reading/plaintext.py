"""Decode a data file's bytes and refuse characters that hide or disguise what the text says."""

from __future__ import annotations

import re
from pathlib import Path

from wsis_site.reading.errors import DataIssue
from wsis_site.reading.files import read_inside

#: Control characters nobody can see (tab and line ends aside), the invisible line breaks
#: U+0085, U+2028 and U+2029, and the bidi embeddings and overrides U+202A–U+202E that reorder
#: the visible text (Trojan Source, CVE-2021-42574). The marks U+200E, U+200F and the isolates
#: U+2066–U+2069 stay allowed: Arabic text needs them. YAML refuses the rest of this set too.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\ud800-\udfff\ufffe\uffff]"
)


def character_problem(character: str) -> str:
    """Why one character of `FORBIDDEN` is refused, in an editor's words."""
    code = f"U+{ord(character):04X}"
    if "\u202a" <= character <= "\u202e":
        return (
            f"the bidirectional control {code} can show the text in another order than it is "
            "written: remove it (the marks U+200E, U+200F and isolates U+2066–U+2069 are allowed)"
        )
    return f"the invisible character {code} is not allowed: remove it"


def forbidden_characters(text: str, display_path: str) -> list[DataIssue]:
    """An issue at the line and column of each refused character of a file's text."""
    issues = []
    for found in FORBIDDEN.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - line_start + 1
        issues.append(DataIssue(display_path, line, column, "", character_problem(found.group())))
    return issues


def decode(data: bytes, display_path: str) -> tuple[str | None, list[DataIssue]]:
    """The UTF-8 text of a file, or None and the line and column of its first invalid byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8")) + 1
        message = (
            f"byte 0x{data[error.start]:02X} is not valid UTF-8 ({error.reason}): "
            "save the file as UTF-8"
        )
        return None, [DataIssue(display_path, line, column, "", message)]
    return text, []


def read_text(
    root: Path, relative: str, display_path: str, most_bytes: int | None = None
) -> tuple[str | None, list[DataIssue]]:
    """The text of a regular file inside `root`, or None and every reason it cannot be used."""
    data, issues = read_inside(root, relative, display_path, most_bytes)
    if data is None:
        return None, issues
    text, issues = decode(data, display_path)
    if text is None:
        return None, issues
    if issues := forbidden_characters(text, display_path):
        return None, issues
    return text.removeprefix("\ufeff"), []
