"""Translations stay true to the Spanish: stale ones are listed, reviewed ones are cleared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import GENEVA, ROOT, edit
from wsis_site.cli import main
from wsis_site.editors.new_language import add_language_to_files
from wsis_site.editors.new_language import add_language_to_text as add_language_text
from wsis_site.editors.translations import translations
from wsis_site.model.parse import parse_files, read_languages
from wsis_site.model.translation_record import RECORD_FILE

NAME_2021 = "      es: Foro de la CMSI de 2021\n"


def _validate(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["validate", "--data", str(data_dir)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _line_of(path: Path, pattern: str, after: int) -> int:
    """The first line after line `after` that matches `pattern`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, 1) if n > after and re.match(pattern, text))


def test_the_repository_has_no_stale_or_missing_translation() -> None:
    parsed, issues = parse_files(ROOT / "data")
    assert issues == []
    languages = read_languages(ROOT / "data")
    assert languages == ("es", "ar", "zh", "en", "fr", "ru")
    assert main(["translations", "--data", str(ROOT / "data")]) == 0
    found = translations(parsed, languages)
    assert all(t.present for t in found)
    # Every kind of text is tracked, in every language.
    kinds = {t.key.split("#")[0].split("/")[0] for t in found}
    assert kinds == {
        *(f"{n}.yaml" for n in ("organizations", "contacts", "events", "phases", "letters")),
        "ui",
        "letters",
        "docs",
    }


def test_a_changed_spanish_title_leaves_five_stale_translations_until_reviewed(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WSIS_PUBLISH", raising=False)
    monkeypatch.delenv("WSIS_REQUIRE_HISTORY", raising=False)
    assert _validate(data_dir, capsys)[2] == ""
    line = edit(data_dir / "events.yaml", NAME_2021, "      es: Foro de la CMSI 2021\n")

    status, out, err = _validate(data_dir, capsys)
    assert status == 0  # a warning while editing
    assert "5 translation(s) to review" in out
    warnings = err.splitlines()
    assert len(warnings) == 5
    for language in ("ar", "zh", "en", "fr", "ru"):
        at = _line_of(data_dir / "events.yaml", rf"\s+{language}: ", line)
        assert (
            f"warning: data/events.yaml:{at}:7: events.yaml#editions.2021.name: the {language} "
            f"translation may be out of date: its source at data/events.yaml:{line}:7 changed to "
            "“Foro de la CMSI 2021”" in err
        )

    monkeypatch.setenv("WSIS_REQUIRE_HISTORY", "1")  # a build for publishing refuses them
    status, _, err = _validate(data_dir, capsys)
    assert status == 1
    assert "5 data errors found." in err

    assert main(["translations", "--data", str(data_dir), "--reviewed", "fr", "ru"]) == 0
    table = capsys.readouterr().out
    assert "| fr | " in table
    assert "| ar | " in table
    status, _, err = _validate(data_dir, capsys)
    assert status == 1
    assert "3 data errors found." in err  # ar, zh and en are still stale
    assert main(["translations", "--data", str(data_dir), "--reviewed"]) == 0
    capsys.readouterr()
    assert _validate(data_dir, capsys)[0] == 0


def test_a_changed_letter_or_template_string_is_stale_in_every_language(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WSIS_PUBLISH", raising=False)
    monkeypatch.delenv("WSIS_REQUIRE_HISTORY", raising=False)
    letter = data_dir / "letters" / "2023-11-06-wsis-2024-contributions.es.md"
    letter.write_text(letter.read_text(encoding="utf-8") + "\nPosdata.\n", encoding="utf-8")
    edit(data_dir / "ui" / "es.yaml", "dates: Fechas\n", "dates: Fechas previstas\n")
    assert main(["translations", "--data", str(data_dir)]) == 0
    out = capsys.readouterr().out
    for language in ("ar", "zh", "en", "fr", "ru"):
        assert f"data/letters/2023-11-06-wsis-2024-contributions.{language}.md:1:1: " in out
        assert re.search(rf"data/ui/{language}\.yaml:\d+:1: ui#dates: ", out)
    assert re.search(r"\| fr \| \d+/\d+ \| 100 % \| 2 \|", out)


def test_a_malformed_record_is_a_data_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / RECORD_FILE).write_text("en: [\n", encoding="utf-8")
    status, _, err = _validate(data_dir, capsys)
    assert status == 1
    assert f"data/{RECORD_FILE}:" in err


def test_adding_a_language_marks_every_text_to_translate_with_file_and_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add-language", "de", "--data", str(data_dir)]) == 0
    written = capsys.readouterr().out
    for name in ("organizations", "contacts", "events", "phases", "letters", "ui/de"):
        assert f"{data_dir / name}.yaml: de marked TODO" in written
    german = {"events.yaml#editions.2021.name": "WSIS-Forum 2021"}
    assert add_language_to_files(data_dir, "fr", german) == []  # French is there already
    events = yaml.safe_load((data_dir / "events.yaml").read_text(encoding="utf-8"))
    assert events["editions"][2021]["name"]["de"] == "TODO"
    assert events["editions"][2021]["venue"]["city"] == {**GENEVA, "de": "TODO"}
    # Flow mappings ({es: …, en: …}) become block mappings: lines stay short and readable.
    letters = (data_dir / "letters.yaml").read_text(encoding="utf-8")
    assert "{es:" not in letters
    assert max(map(len, letters.splitlines())) <= 120
    edit(data_dir / "site.yaml", "  - ru\n", "  - ru\n  - de\n")
    status, _, err = _validate(data_dir, capsys)
    assert status == 1
    city = _line_of(data_dir / "events.yaml", r"\s+de: TODO", 1)
    assert f"data/events.yaml:{city}:" in err
    assert "still marked TODO" in err
    assert re.search(r"data/ui/de\.yaml:\d+:\d+: site_name: still marked TODO", err)


def test_inserted_texts_read_back_exactly_and_keep_lines_short() -> None:
    source = (
        "letters:\n  a:\n    subject:\n      es: Invitación\n      en: Invitation\n"
        "    addressees:\n      - {es: Gobiernos, en: Governments}\n"
        "    honorific: {es: Sra., en: Ms}\n"
    )
    chinese = "邀请参加信息社会世界首脑会议论坛\uff0c" * 8 + "\\ “引号” 以及 空格"
    texts = {
        "letters.yaml#letters.a.subject": chinese,
        "letters.yaml#letters.a.addressees[0]": "Gouvernements : « tous »",
        "letters.yaml#letters.a.honorific": "女士",
    }
    written = add_language_text(source, "letters.yaml", "zh", ["es", "en"], texts)
    letter = yaml.safe_load(written)["letters"]["a"]
    assert letter["subject"]["zh"] == chinese
    assert letter["addressees"][0] == {
        "es": "Gobiernos",
        "en": "Governments",
        "zh": "Gouvernements : « tous »",
    }
    assert letter["honorific"] == {"es": "Sra.", "en": "Ms", "zh": "女士"}
    assert max(map(len, written.splitlines())) <= 120
    assert not any(line.endswith(" ") for line in written.splitlines())
