"""The strict YAML reader: text stays text, and dangerous or ambiguous YAML is refused."""

from __future__ import annotations

import pytest

from wsis_site.reading.yaml_source import Position, parse_yaml


def test_yaml_1_1_surprises_stay_the_text_the_editor_typed() -> None:
    document, issues = parse_yaml(
        "country: no\nswitch: on\nhour: 08\nday: 2024-01-31\ntime: 15:00\nyear: 2021\n", "f.yaml"
    )
    assert issues == []
    assert document.data == {
        "country": "no",
        "switch": "on",
        "hour": "08",
        "day": "2024-01-31",
        "time": "15:00",
        "year": "2021",
    }


def test_only_plain_true_false_and_null_change_type() -> None:
    document, _ = parse_yaml('a: true\nb: "true"\nc: null\nd:\ne: ~\nf: "null"\n', "f.yaml")
    assert document.data == {"a": True, "b": "true", "c": None, "d": None, "e": None, "f": "null"}


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ("a: &x 1\nb: *x\n", 1, 4, "anchors (&name) are not allowed"),
        ("a: !!python/object/apply:os.system [ls]\n", 1, 4, "tags such as !!python/object"),
        ("a: !custom 1\n", 1, 4, "tags such as !custom are not allowed"),
        ("items:\n  - [unclosed\n", 3, 1, "expected ',' or ']'"),
        ("a: 1\n b: 2\n", 2, 3, "mapping values are not allowed"),
        ("a: 1\n---\nb: 2\n", 2, 1, "only one YAML document is allowed"),
    ],
)
def test_refusals_name_the_line_and_column(text: str, line: int, column: int, message: str) -> None:
    _, issues = parse_yaml(text, "data/x.yaml")
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.file, issue.line, issue.column) == ("data/x.yaml", line, column)
    assert message in issue.message


def test_billion_laughs_is_refused_before_any_expansion() -> None:
    bomb = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n'
    document, issues = parse_yaml(bomb, "bomb.yaml")
    assert document.data is None
    assert [issue.message for issue in issues] == [
        "anchors (&name) are not allowed; write the value out"
    ]


def test_every_duplicate_key_is_reported_with_the_first_line() -> None:
    _, issues = parse_yaml("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n", "f.yaml")
    assert [issue.as_text() for issue in issues] == [
        "f.yaml:4:3: b.c: duplicate key 'c' (first written on line 3)",
        "f.yaml:5:1: a: duplicate key 'a' (first written on line 1)",
    ]


def test_positions_point_at_values_keys_and_the_nearest_ancestor() -> None:
    document, _ = parse_yaml("top:\n  list:\n    - name: x\n      date: 2021\n", "f.yaml")
    assert document.position(("top", "list", 0, "date")) == Position(4, 13)
    assert document.position(("top", "list")) == Position(2, 3)
    assert document.position(("top", "list", 0, "missing")) == Position(3, 7)
