"""Issue 26: each limit of `wsis_site.reading.limits` at its edge: the largest input passes,
one more is refused with file:line and a sentence that names the limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, ROOT, build, edit
from tests.test_validation import errors, line_of
from wsis_site.model.loader import load_site_data
from wsis_site.reading import limits
from wsis_site.reading.yaml_source import parse_yaml

LETTER = "2020-10-13-wsis-forum-2021"


def deadline(item_id: str) -> str:
    """A deadline of edition 2021, as phases.yaml writes its items."""
    titles = "".join(f"          {code}: Plazo {item_id}\n" for code in LANGUAGES)
    return (
        f"      {item_id}:\n        kind: deadline\n        title:\n{titles}"
        f"        date: 2021-03-01\n        letter: {LETTER}\n"
    )


def fill_2021(data_dir: Path, items: int) -> Path:
    """Give edition 2021 `items` items, adding deadlines before its last phase."""
    extra = items - len(load_site_data(data_dir).schedules["2021"])
    added = "".join(deadline(f"extra-{number}") for number in range(1, extra + 1))
    edit(data_dir / "phases.yaml", "      phase-5:\n", added + "      phase-5:\n")
    return data_dir / "phases.yaml"


# --- Counts ---------------------------------------------------------------------------------


def test_an_edition_with_the_most_items_allowed_builds(project: Path, tmp_path: Path) -> None:
    fill_2021(project / "data", limits.ITEMS_PER_EDITION)
    assert len(load_site_data(project / "data").schedules["2021"]) == limits.ITEMS_PER_EDITION
    site = build(project, tmp_path / "site", "2024-01-10", only="fr")
    page = (site / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    assert f'id="extra-{limits.ITEMS_PER_EDITION - 7}"' in page
    assert len(list((site / "calendar" / "2021").glob("*.ics"))) > limits.ITEMS_PER_EDITION


def test_one_item_more_is_refused_where_it_starts(data_dir: Path) -> None:
    phases = fill_2021(data_dir, limits.ITEMS_PER_EDITION + 1)
    line = line_of(phases, "      phase-5:\n")  # the last item of 2021: the one over the limit
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:7: editions.2021.items: edition 2021 has more than "
        f"{limits.ITEMS_PER_EDITION} items; at most {limits.ITEMS_PER_EDITION} are allowed per "
        f"edition (entry {limits.ITEMS_PER_EDITION + 1} starts here)"
    ]


def test_a_runaway_phases_file_is_refused_before_it_is_parsed(data_dir: Path) -> None:
    """100,000 items (12 MB), as a script appending in a loop writes them: one error, the limit."""
    phases = data_dir / "phases.yaml"
    runaway = "".join(deadline(f"item-{number}") for number in range(100_000))
    phases.write_text("editions:\n  '2021':\n    items:\n" + runaway, encoding="utf-8")
    size = phases.stat().st_size
    assert errors(data_dir) == [
        f"data/phases.yaml:1:1: the file has {size:,} bytes; at most "
        f"{limits.DATA_FILE_BYTES:,} are allowed"
    ]


def collection(path: tuple[str, ...], entries: int) -> str:
    """YAML text with `entries` entries at `path` (`*` becomes `x`), each a short mapping."""
    lines = [f"{'  ' * depth}{'x' if part == '*' else part}:" for depth, part in enumerate(path)]
    indent = "  " * len(path)
    lines += [f"{indent}e{number}: {{a: b}}" for number in range(entries)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("limit", limits.COUNT_LIMITS, ids=lambda limit: limit.file)
def test_each_count_limit_at_its_edge(limit: limits.CountLimit) -> None:
    counted = limits.count_limits(limit.file)
    _, at_edge = parse_yaml(collection(limit.path, limit.most), limit.file, counted)
    assert at_edge == []
    _, over = parse_yaml(collection(limit.path, limit.most + 1), limit.file, counted)
    named = tuple("x" if part == "*" else str(part) for part in limit.path)
    assert [issue.as_text() for issue in over] == [
        f"{limit.file}:{len(limit.path) + limit.most + 1}:{2 * len(limit.path) + 1}: "
        f"{'.'.join(named)}: {limit.message(named)} (entry {limit.most + 1} starts here)"
    ]


def test_the_items_of_all_editions_together() -> None:
    full = limits.ITEMS // limits.ITEMS_PER_EDITION  # editions with the most items each

    def phases(*, one_more: bool) -> str:
        editions = [limits.ITEMS_PER_EDITION] * full + ([1] if one_more else [])
        return "editions:\n" + "".join(
            f"  '{2000 + number}':\n    items:\n"
            + "".join(f"      i{n}: {{a: b}}\n" for n in range(items))
            for number, items in enumerate(editions)
        )

    counted = limits.count_limits("phases.yaml")
    assert full * limits.ITEMS_PER_EDITION == limits.ITEMS
    assert parse_yaml(phases(one_more=False), "phases.yaml", counted)[1] == []
    [issue] = parse_yaml(phases(one_more=True), "phases.yaml", counted)[1]
    over = 1 + full * (limits.ITEMS_PER_EDITION + 2) + 3  # the added edition's only item
    assert issue.as_text() == (
        f"phases.yaml:{over}:7: editions.{2000 + full}.items: "
        f"the editions have more than {limits.ITEMS} items together; at most {limits.ITEMS} are "
        "allowed"
    )


# --- Sizes ----------------------------------------------------------------------------------


def pad_to(path: Path, size: int, comment: str) -> None:
    """Make a file exactly `size` bytes long by appending a comment line of filler."""
    text = path.read_text(encoding="utf-8")
    filler = size - len(text.encode("utf-8")) - len(comment) - 1
    path.write_text(text + comment + "x" * filler + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "most"),
    [
        ("events.yaml", limits.DATA_FILE_BYTES),
        ("translated-from.yaml", limits.TRANSLATION_RECORD_BYTES),
    ],
)
def test_data_file_at_its_size_limit_and_one_byte_more(
    data_dir: Path, name: str, most: int
) -> None:
    path = data_dir / name
    pad_to(path, most, "# ")
    assert load_site_data(data_dir).editions
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert errors(data_dir) == [
        f"data/{name}:1:1: the file has {most + 1:,} bytes; at most {most:,} are allowed"
    ]


def test_letter_text_at_its_size_limit_and_one_byte_more(data_dir: Path) -> None:
    text = data_dir / "letters" / f"{LETTER}.fr.md"
    pad_to(text, limits.LETTER_FILE_BYTES, "\n")
    assert load_site_data(data_dir).letter_texts[LETTER]["fr"]
    text.write_text(text.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert errors(data_dir) == [
        f"data/letters/{LETTER}.fr.md:1:1: the file has {limits.LETTER_FILE_BYTES + 1:,} bytes; "
        f"at most {limits.LETTER_FILE_BYTES:,} are allowed"
    ]


def test_a_text_at_its_length_limit_and_one_character_more(data_dir: Path) -> None:
    phases = data_dir / "phases.yaml"
    line = line_of(phases, "en: Launch of the")
    lines = phases.read_text(encoding="utf-8").split("\n")
    column = lines[line - 1].index("en:") + 5

    def write_title(length: int) -> None:
        lines[line - 1] = " " * (column - 5) + "en: " + "a" * length
        phases.write_text("\n".join(lines), encoding="utf-8")

    write_title(limits.TEXT_CHARACTERS)
    title = load_site_data(data_dir).schedules["2021"]["phase-1"].title["en"]
    assert title == "a" * limits.TEXT_CHARACTERS
    write_title(limits.TEXT_CHARACTERS + 1)
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:{column}: editions.2021.items.phase-1.title.en: the text has "
        f"{limits.TEXT_CHARACTERS + 1:,} characters; at most {limits.TEXT_CHARACTERS:,} are allowed"
    ]


def test_the_letters_folder_at_its_file_limit_and_one_file_more(data_dir: Path) -> None:
    """Strays are reported one by one up to the limit; beyond it, one sentence for the folder."""
    folder = data_dir / "letters"
    strays = limits.LETTER_FILES - len(list(folder.iterdir()))
    for number in range(strays):
        (folder / f"stray-{number}.md").write_text("x", encoding="utf-8")
    at_edge = errors(data_dir)
    assert len(at_edge) == strays  # each stray, and nothing about the folder
    assert not any("the folder has" in error for error in at_edge)
    (folder / "one-more.md").write_text("x", encoding="utf-8")
    assert errors(data_dir) == [
        f"data/letters/:1:1: the folder has {limits.LETTER_FILES + 1:,} files; at most "
        f"{limits.LETTER_FILES:,} are allowed (one text per letter and language: "
        f"{limits.LETTERS} letters, {limits.LANGUAGES} languages)"
    ]


# --- Said where editors look ----------------------------------------------------------------


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_contributing_lists_every_limit(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8").replace("\u202f", " ").replace(",", " ")
    for value in (
        limits.DATA_FILE_BYTES,
        limits.LETTER_FILE_BYTES,
        limits.TRANSLATION_RECORD_BYTES,
        limits.TEXT_CHARACTERS,
        limits.LANGUAGES,
        limits.EDITIONS,
        limits.ITEMS_PER_EDITION,
        limits.ITEMS,
        limits.LETTERS,
        limits.LETTER_FILES,
        limits.ORGANIZATIONS,
        limits.CONTACTS,
    ):
        assert f" {value:,} ".replace(",", " ") in text, value
