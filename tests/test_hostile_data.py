"""Regression tests of issue 15: hostile data files are refused at the right file:line, unread."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import LANGUAGES, ROOT, build, edit
from tests.test_validation import errors, line_of
from wsis_site.build.docs_tree import DocsTreeError, write_docs_tree
from wsis_site.model.fields import ID_MAX_LENGTH
from wsis_site.model.loader import load_site_data
from wsis_site.model.ui_placeholders import PLACEHOLDERS
from wsis_site.reading.yaml_source import MAX_DEPTH, parse_yaml

LETTER = "2020-10-13-wsis-forum-2021"
SECRET = "root:x:0:0:root:/root:/bin/bash\n"
LINK = "is a symbolic link: only regular files in the repository are read"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the project, standing for the build machine's /etc/passwd."""
    secret = tmp_path / "passwd"
    secret.write_text(SECRET, encoding="utf-8")
    return secret


def refused(path: str, what: str) -> str:
    return f"{path}:1:1: is {what}: only regular files in the repository are read " + (
        "(replace it by the file itself)"
    )


# --- Files are what they seem ---------------------------------------------------------------


def test_letter_text_linked_to_passwd_is_refused_unread(data_dir: Path, outside: Path) -> None:
    text = data_dir / "letters" / f"{LETTER}.en.md"
    text.unlink()
    text.symlink_to(outside)
    found = errors(data_dir)
    assert found == [refused(f"data/letters/{LETTER}.en.md", "a symbolic link")]


def test_yaml_file_linked_outside_is_refused_without_quoting_it(
    data_dir: Path, outside: Path
) -> None:
    (data_dir / "contacts.yaml").unlink()
    (data_dir / "contacts.yaml").symlink_to(outside)
    found = errors(data_dir)
    assert refused("data/contacts.yaml", "a symbolic link") in found
    assert not any("root" in error for error in found)


def test_linked_folder_is_refused_and_not_read_through(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "ui").rename(tmp_path / "ui")
    (data_dir / "ui").symlink_to(tmp_path / "ui")
    found = errors(data_dir)
    assert found[: 1 + len(LANGUAGES)] == [
        refused("data/ui", "a symbolic link"),
        *(
            refused(f"data/ui/{code}.yaml", "inside ui, which is a symbolic link")
            for code in sorted(LANGUAGES)
        ),
    ]


def test_stray_link_and_named_pipe_are_refused(data_dir: Path, outside: Path) -> None:
    (data_dir / "notes.txt").symlink_to(outside)
    os.mkfifo(data_dir / "letters" / f"{LETTER}.es.md.tmp")  # opening it to read would hang
    found = errors(data_dir)
    assert refused("data/notes.txt", "a symbolic link") in found
    assert refused(f"data/letters/{LETTER}.es.md.tmp", "a named pipe") in found


def test_named_pipe_as_letter_text_does_not_hang(data_dir: Path) -> None:
    text = data_dir / "letters" / f"{LETTER}.es.md"
    text.unlink()
    os.mkfifo(text)
    assert errors(data_dir) == [refused(f"data/letters/{LETTER}.es.md", "a named pipe")]


@pytest.mark.parametrize("name", ["organizations.yaml", f"letters/{LETTER}.es.md"])
def test_yaml_or_letter_file_that_is_a_folder(data_dir: Path, name: str) -> None:
    (data_dir / name).unlink()
    (data_dir / name).mkdir()
    found = errors(data_dir)
    assert refused(f"data/{name}", "a folder") in found


def test_linked_page_in_docs_is_refused_before_it_is_copied(project: Path, outside: Path) -> None:
    page = project / "docs" / "en" / "leak.md"
    page.symlink_to(outside)
    data = load_site_data(project / "data")
    with pytest.raises(DocsTreeError) as raised:
        write_docs_tree(data, project / "docs", project / "overrides" / "wsis", date(2024, 1, 10))
    assert str(raised.value) == f"{page}: {LINK} (replace it by the file itself)"


# --- Text that changes what a page says -----------------------------------------------------


def test_ui_placeholder_reading_an_attribute(data_dir: Path) -> None:
    line = edit(data_dir / "ui" / "en.yaml", "{date}", "{date.__class__.__mro__}")
    spanish = line_of(data_dir / "ui" / "es.yaml", "letter_of:")
    assert errors(data_dir) == [
        f"data/ui/en.yaml:{line}:12: letter_of: {{date.__class__.__mro__}} is not a bare name "
        f"(no position, attribute or index): it can use {{date}}; data/ui/es.yaml:{spanish} "
        "uses {date}"
    ]


#: The default language's placeholders are checked against the next language's, Arabic.
SECOND = LANGUAGES[1]


@pytest.mark.parametrize("placeholder", ["{0}", "{}", "{date!r}", "{date:>40}", "{date[0]}"])
def test_ui_positional_or_formatted_placeholder(data_dir: Path, placeholder: str) -> None:
    line = edit(data_dir / "ui" / "es.yaml", "{date}", placeholder)
    second = line_of(data_dir / "ui" / f"{SECOND}.yaml", "letter_of:")
    [error] = errors(data_dir)
    assert error.startswith(f"data/ui/es.yaml:{line}:12: letter_of: {placeholder} ")
    assert error.endswith(f": it can use {{date}}; data/ui/{SECOND}.yaml:{second} uses {{date}}")


def test_ui_placeholder_in_a_text_that_takes_none(data_dir: Path) -> None:
    line = edit(data_dir / "ui" / "en.yaml", "editions_title: Editions", "editions_title: '{x}s'")
    spanish = line_of(data_dir / "ui" / "es.yaml", "editions_title:")
    assert errors(data_dir) == [
        f"data/ui/en.yaml:{line}:17: editions_title: {{x}} is not a placeholder of this text: "
        "it takes no placeholder (see PLACEHOLDERS in wsis_site/model/ui_placeholders.py); "
        f"data/ui/es.yaml:{spanish} uses none"
    ]


def test_placeholder_changed_in_the_default_language_is_blamed_on_it(data_dir: Path) -> None:
    line = edit(data_dir / "ui" / "es.yaml", "Carta del {date}", "Carta del {fecha}")
    second = line_of(data_dir / "ui" / f"{SECOND}.yaml", "letter_of:")
    assert errors(data_dir) == [
        f"data/ui/es.yaml:{line}:12: letter_of: {{fecha}} is not a placeholder of this text: "
        f"it can use {{date}}; data/ui/{SECOND}.yaml:{second} uses {{date}}"
    ]


def test_right_to_left_override_in_a_title(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "en: Launch of the", "en: Launch \u202eof the")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:22: the bidirectional control U+202E can show the text in "
        "another order than it is written: remove it (the marks U+200E, U+200F and isolates "
        "U+2066–U+2069 are allowed)"
    ]


def test_escaped_right_to_left_override_in_a_title(data_dir: Path) -> None:
    line = edit(data_dir / "phases.yaml", "en: Launch of the open", 'en: "Launch \\u202Bof"\n#')
    [error] = errors(data_dir)
    assert error.startswith(
        f"data/phases.yaml:{line}:15: editions.2021.items.phase-1.title.en: "
        "the bidirectional control U+202B"
    )


def test_bidi_marks_and_isolates_stay_allowed(data_dir: Path) -> None:
    edit(data_dir / "phases.yaml", "en: Launch of the", "en: \u2067Launch\u2069 \u200fof\u200e the")
    title = load_site_data(data_dir).schedules["2021"]["phase-1"].title["en"]
    assert title.startswith("\u2067Launch\u2069 \u200fof\u200e the")


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x07", "\x0b"])
def test_control_character_in_a_letter_text(data_dir: Path, control: str) -> None:
    path = data_dir / "letters" / f"{LETTER}.en.md"
    line = edit(path, "- Civil society", f"- Civil{control} society")
    code = f"U+{ord(control):04X}"
    assert errors(data_dir) == [
        f"data/letters/{LETTER}.en.md:{line}:8: the invisible character {code} is not allowed: "
        "remove it"
    ]


# --- No traceback, whatever the size --------------------------------------------------------


@pytest.mark.parametrize("length", [ID_MAX_LENGTH + 1, 255, 300])
def test_item_id_too_long_for_a_file_name(data_dir: Path, length: int) -> None:
    long_id = "p" * length
    line = edit(data_dir / "phases.yaml", "      phase-5:", f"      {long_id}:")
    assert errors(data_dir) == [
        f"data/phases.yaml:{line}:7: editions.2021.items.{long_id}: the id '{'p' * 59}…' has "
        f"{length} characters: ids have at most 245, so that every file named after one (such "
        "as <id>.<language>.md or <id>.ics) fits the file system's 255-byte limit on file names"
    ]


def test_longest_id_builds(project: Path, tmp_path: Path) -> None:
    long_id = "p" * ID_MAX_LENGTH
    edit(project / "data" / "phases.yaml", "      phase-5:", f"      {long_id}:")
    site = build(project, tmp_path / "site", "2024-01-10", only="en")
    assert (site / "calendar" / "2021" / f"{long_id}.ics").is_file()


def test_title_nested_50000_levels_deep(data_dir: Path) -> None:
    deep = "[" * 50_000 + "]" * 50_000
    line = edit(
        data_dir / "phases.yaml",
        "        title:\n          es: Inicio",
        f"        title: {deep}\n        x:\n          es: Inicio",
    )
    [error] = errors(data_dir)
    assert error.startswith(f"data/phases.yaml:{line}:")
    assert error.endswith(
        f"editions.2021.items.phase-1.title: nested too deeply: no data file needs more than "
        f"{MAX_DEPTH} levels"
    )


# --- Messages that point at the right place -------------------------------------------------


def test_unclosed_quote_is_located_on_the_line_it_opened(data_dir: Path) -> None:
    line = edit(
        data_dir / "letters.yaml", "      en: Foro CMSI 2021\n", '      en: "Foro CMSI 2021\n'
    )
    # The first letter's reference: its mapping opens on `es:`, the line before `en:`.
    assert line == line_of(data_dir / "letters.yaml", "    reference:") + 2
    # The next double quote in the file, which the scanner takes for the closing one.
    lines = (data_dir / "letters.yaml").read_text(encoding="utf-8").splitlines()
    closing = next(number for number in range(line + 1, len(lines) + 1) if '"' in lines[number - 1])
    assert lines[closing - 1].startswith('      es: "')
    assert errors(data_dir) == [
        f"data/letters.yaml:{line}:11: this quote is only closed on line {closing}, column 11, "
        "and the file cannot be read from there: is a closing quote missing on this line?"
    ]


def test_quote_left_open_to_the_end_of_the_file(data_dir: Path) -> None:
    path = data_dir / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + 'extra: "unclosed\n', encoding="utf-8")
    line = line_of(path, "extra:")
    [error] = errors(data_dir)
    assert error == (
        f"data/site.yaml:{line}:8: this quote is never closed (YAML read on to line {line + 1} "
        "and found unexpected end of stream): close it on this line"
    )


def test_nul_at_the_end_of_line_69(data_dir: Path) -> None:
    path = data_dir / "phases.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[68] += "\x00"
    path.write_text("\n".join(lines), encoding="utf-8")
    column = len(lines[68])
    assert errors(data_dir) == [
        f"data/phases.yaml:69:{column}: the invisible character U+0000 is not allowed: remove it"
    ]


@pytest.mark.parametrize(("name", "line"), [("events.yaml", 18), (f"letters/{LETTER}.en.md", 14)])
def test_invalid_utf8_names_its_line_and_column(data_dir: Path, name: str, line: int) -> None:
    path = data_dir / name
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1][:4] + b"\xff" + lines[line - 1][4:]
    path.write_bytes(b"\n".join(lines))
    assert errors(data_dir) == [
        f"data/{name}:{line}:5: byte 0xFF is not valid UTF-8 (invalid start byte): "
        "save the file as UTF-8"
    ]


# --- Keeping it so --------------------------------------------------------------------------


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.en.md"])
def test_contributing_states_the_limits_validation_applies(guide: str) -> None:
    text = (ROOT / guide).read_text(encoding="utf-8")
    assert f" {ID_MAX_LENGTH} " in text
    assert f" {MAX_DEPTH} " in text
    assert "U+202A–U+202E" in text


def test_every_formatted_ui_text_is_registered() -> None:
    """A template that fills in a UI text must list its names in `PLACEHOLDERS`."""
    templates = (ROOT / "overrides" / "wsis").rglob("*.html")
    formatted = {
        key
        for template in templates
        for key in re.findall(r"\bt\.([a-z_]+)\.format\(", template.read_text(encoding="utf-8"))
    }
    strings, _ = parse_yaml((ROOT / "data" / "ui" / "es.yaml").read_text(encoding="utf-8"), "")
    assert formatted
    assert formatted <= PLACEHOLDERS.keys() <= strings.data.keys()


def test_a_key_with_line_breaks_is_quoted_on_one_line(data_dir: Path) -> None:
    line = edit(data_dir / "contacts.yaml", "    email: wsis-info@itu.int", '    "e\\nmail": x')
    found = errors(data_dir)
    assert len(found) == 2  # the unknown key, and the missing email
    assert found[1].startswith(f"data/contacts.yaml:{line}:5: contacts.wsis-secretariat.e\\nmail:")
