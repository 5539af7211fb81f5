"""Property: whatever a pull request puts in `data/`, the loader loads it or names file:line.

Never an uncaught exception, a hang (Hypothesis' deadline), a read outside the repository or a
written file. `make test` runs a few fixed examples (the `wsis` profile in conftest.py);
`make fuzz` runs many random ones.
"""

from __future__ import annotations

import os
import shutil
import sys
import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from wsis_site.model.loader import load_site_data
from wsis_site.reading.errors import DataError, DataIssue, FieldPath
from wsis_site.reading.yaml_source import parse_yaml

DATA = ROOT / "data"
FILES = sorted(path.relative_to(DATA).as_posix() for path in DATA.rglob("*") if path.is_file())
YAML_FILES = [name for name in FILES if name.endswith(".yaml")]
#: Characters that hide or reorder text, and some that must stay allowed.
CONTROLS = "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u202a\u202b\u202c\u202d\u202e"
CONTROLS += "\u200e\u200f\u2066\u2069\ufeff"  # allowed: marks, isolates, byte-order mark
#: Pieces of YAML syntax, and values the models read specially.
YAML_TOKENS = [
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    '"',
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!x ",
    "? ",
    "|",
    ">-",
    "#",
    "---",
    "...",
    "%YAML 1.1",
    "\n",
    "  ",
    "\t",
    "key",
    "{date}",
    "{0}",
    "TODO",
    "2021-02-30",
    '"15:00"',
    "Europe/Zurich",
    '"\\u202e"',
    '"\\x00"',
    "es",
    "en",
    "~",
]
#: Where a build may read: the data, Python and its libraries, and the time-zone database.
LIBRARIES = tuple(
    str(Path(root).resolve())
    for root in {sys.prefix, sys.base_prefix, sys.exec_prefix, *zoneinfo.TZPATH}
)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

_opened: list[tuple[str, bool]] | None = None
"""Paths opened while a check watches, and whether for writing."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event != "open" or _opened is None or isinstance(args[0], int):
        return
    path, mode, flags = args
    writing = any(c in str(mode) for c in "wax+") if mode else bool(flags & WRITE_FLAGS)
    _opened.append((os.fsdecode(path), writing))


sys.addaudithook(_audit)  # audit hooks stay for the session; _audit is idle unless watching


@contextmanager
def watching() -> Iterator[list[tuple[str, bool]]]:
    """Record every file opened inside the block."""
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of `data/` for every example, each file restored after each example."""
    return Path(shutil.copytree(DATA, tmp_path_factory.mktemp("fuzz") / "data"))


def check(data_dir: Path, name: str, content: bytes) -> None:
    """Write `content` into one data file, load, and hold the outcome to the property."""
    target = data_dir / name
    original = (DATA / name).read_bytes()
    target.write_bytes(content)
    try:
        with watching() as opened:
            issues = load_issues(data_dir)
        for issue in issues:
            assert issue.file.startswith("data/"), issue
            assert ".." not in issue.file, issue
            assert (data_dir.parent / issue.file).exists() or issue.message == "file not found"
            assert issue.line >= 1, issue
            assert issue.column >= 1, issue
        inside = data_dir.resolve()
        for path, writing in opened:
            assert not writing, f"opened {path} for writing"
            if Path(path).is_absolute():
                absolute = Path(path).resolve()
                assert absolute.is_relative_to(inside) or str(absolute).startswith(LIBRARIES), path
            else:  # one name, inside a folder of data/ opened a step before
                assert "/" not in path, path
                assert path != "..", path
    finally:
        target.write_bytes(original)


def load_issues(data_dir: Path) -> Sequence[DataIssue]:
    """What the loader says about `data_dir`: no issue, or every data error."""
    try:
        load_site_data(data_dir)
    except DataError as error:
        error.report(github=True)  # formatting must not fail either
        return error.issues
    return []


def test_the_watch_sees_what_the_loader_opens(data_dir: Path) -> None:
    """The property's file checks are not vacuous: the audit hook sees each read and write."""
    with watching() as opened:
        assert load_issues(data_dir) == []
        (data_dir.parent / "written").write_text("x", encoding="utf-8")
    assert ("phases.yaml", False) in opened
    assert (str(data_dir.parent / "written"), True) in opened


# --- Inputs ---------------------------------------------------------------------------------

names = st.sampled_from(FILES)
yaml_like = st.lists(st.sampled_from(YAML_TOKENS) | st.text(max_size=5), max_size=60).map("".join)
plain = st.none() | st.booleans() | st.text(max_size=20)
structures = st.recursive(
    plain,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=30,
)


@given(name=names, text=st.text() | yaml_like)
def test_arbitrary_text(data_dir: Path, name: str, text: str) -> None:
    check(data_dir, name, text.encode("utf-8", "surrogatepass"))


@given(name=names, content=st.binary(max_size=2000))
def test_arbitrary_bytes(data_dir: Path, name: str, content: bytes) -> None:
    check(data_dir, name, content)


@given(name=st.sampled_from(YAML_FILES), data=structures)
def test_arbitrary_structures(data_dir: Path, name: str, data: Any) -> None:
    check(data_dir, name, yaml.safe_dump(data, allow_unicode=True).encode())


def paths(node: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    """Every place in parsed data, the root excepted."""
    children = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in children:
        yield (*path, key)
        yield from paths(value, (*path, key))


def parent_and_key(data: Any, path: FieldPath) -> tuple[Any, str | int]:
    node = data
    for part in path[:-1]:
        node = node[part]
    return node, path[-1]


@given(data=st.data())
def test_mutated_real_data(data_dir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(YAML_FILES), label="file")
    document, _ = parse_yaml((DATA / name).read_text(encoding="utf-8"), name)
    tree = document.data
    deep: list[str] = []
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        places = list(paths(tree))
        if not places:
            break
        where = data.draw(st.sampled_from(places), label="place")
        parent, key = parent_and_key(tree, where)
        action = data.draw(st.sampled_from(["drop", "swap", "deepen", "control"]), label="action")
        if action == "drop":
            del parent[key]
        elif action == "swap":
            other = data.draw(st.sampled_from(places), label="other place")
            if where[: len(other)] != other and other[: len(where)] != where:  # not nested
                other_parent, other_key = parent_and_key(tree, other)
                parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
        elif action == "deepen":  # brackets pasted in, written out after the YAML is dumped
            levels = data.draw(st.integers(1, 5000), label="levels")
            deep.append("[" * levels + "]" * levels)
            parent[key] = f"deep{len(deep) - 1}here"
        elif isinstance(parent[key], str):
            at = data.draw(st.integers(0, len(parent[key])), label="at")
            control = data.draw(st.sampled_from(CONTROLS), label="control")
            parent[key] = parent[key][:at] + control + parent[key][at:]
    text = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000)
    for index, brackets in enumerate(deep):
        text = text.replace(f"deep{index}here", brackets)
    check(data_dir, name, text.encode())


@given(
    name=names,
    at=st.integers(0, 10_000),
    inserted=st.sampled_from(CONTROLS) | st.sampled_from(YAML_TOKENS),
)
def test_real_files_with_a_character_inserted(
    data_dir: Path, name: str, at: int, inserted: str
) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    at %= len(text) + 1
    check(data_dir, name, (text[:at] + inserted + text[at:]).encode())
