"""Issue 12: faithful to the letters, written like the UN, checked on the data and a real build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, edit
from tests.test_pages import hrefs, text_of
from tests.test_seed_content import LETTER_SEEDS, SEEDS
from tests.test_validation import errors
from wsis_site.domain.formatting import day
from wsis_site.model.loader import load_site_data
from wsis_site.reading.yaml_source import parse_yaml

EN_DASH, LEFT_QUOTE, RIGHT_QUOTE = "\u2013", "\u201c", "\u2019"
#: A range of days or times: "17-21", "15:00-16:00", "15.00-16.00".
RANGE = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s?([-\u2013])\s?\d{1,2}(?:[:.]\d{2})?\b(?!-)")
NESTED = re.compile(r"\([^()]*\(|\[[^\[\]]*\[")
#: Two colons in one sentence, the second followed by a capital ("plazos: Los plazos").
DOUBLE_COLON = re.compile(r":[^.:;\n]*: [A-ZÁÉÍÓÚ]")


@pytest.fixture(scope="module")
def site(multilingual_site: Path) -> Path:
    """The real project built as on 10 January 2024: the session's build."""
    return multilingual_site


def texts(value: object) -> Iterator[str]:
    """Every string in a parsed YAML value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item)


def language_texts(language: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every text of one language in data/, data/ui/ and docs/."""

    def localized(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == language and isinstance(item, str):
                    yield where, item
                else:
                    yield from localized(item, where)
        elif isinstance(value, list):
            for item in value:
                yield from localized(item, where)

    for path in sorted((ROOT / "data").glob("*.yaml")):
        yield from localized(parse_yaml(path.read_text(encoding="utf-8"), path.name), path.name)
    ui = ROOT / "data" / "ui" / f"{language}.yaml"
    for text in texts(parse_yaml(ui.read_text(encoding="utf-8"), ui.name)):
        yield ui.name, text
    for path in sorted((ROOT / "docs" / language).glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")


# --- A. 2024 roles ---------------------------------------------------------------------------


def test_english_2024_page_names_the_itu_and_swiss_role_one_way(site: Path) -> None:
    text = text_of(site / "en" / "editions" / "2024" / "index.html")
    notes_start = text.index("Editor\u2019s notes")
    notes_end = text.index("Editor\u2019s notes · Letter of")
    outside_notes = text[:notes_start] + text[notes_end:]
    assert "Under the auspices of ITU · International Telecommunication Union" in text
    assert "Under the auspices of ITU and the Swiss Confederation, co-organized by UNESCO" in text
    for other in ("Co-host", "co-host", "co-sponsor", "Co-sponsor"):
        assert other not in outside_notes
    # The edition's note quotes both letters' own words.
    notes = text[notes_start:notes_end]
    assert "co-sponsored by ITU and the Swiss Confederation" in notes
    assert "under the auspices of the International Telecommunication Union" in notes
    spanish = text_of(site / "editions" / "2024" / "index.html")
    assert "Bajo los auspicios de UIT · Unión Internacional" in spanish
    assert "copatrocinado por la UIT y la Confederación Suiza" in spanish
    assert "organizado en colaboración con" in spanish


# --- B. Dates as announced, once per edition -------------------------------------------------


def test_dates_as_announced_once_next_to_the_timeline(site: Path) -> None:
    spanish = text_of(site / "editions" / "2021" / "index.html").replace(" ,", ",")
    english = text_of(site / "en" / "editions" / "2024" / "index.html").replace(" ,", ",")
    sentence = (
        "Fechas tal como las anunció la carta del 13 de octubre de 2020, en orden cronológico"
    )
    assert spanish.count(sentence) == 1
    assert spanish.index("Fechas clave", spanish.index("Fuentes")) < spanish.index(sentence)
    assert (
        english.count("Dates as announced in the letters of 6 November 2023 and 31 January 2024")
        == 1
    )
    page = site / "editions" / "2021" / "index.html"
    assert "../../letters/2020-10-13-wsis-forum-2021/" in hrefs(page)


# --- C. Each fact is in the letter it names --------------------------------------------------


def test_every_attributed_date_is_in_its_letters_spanish_text() -> None:
    data = load_site_data(ROOT / "data")
    checked = 0
    for edition_id, edition in data.editions.items():
        items = data.schedules[edition_id]
        for item in items.values():
            assert day(item.date, "es") in data.letter_texts[item.letter]["es"], item
            checked += 1
        for call in edition.calls.values():
            # A call's deadline is shown with its own item's letter when it differs.
            for item_id in (call.opens_with, call.deadline):
                if item_id:
                    item = items[item_id]
                    assert day(item.date, "es") in data.letter_texts[item.letter]["es"]
                    checked += 1
    assert checked >= 10


# --- D. Letter rendering ---------------------------------------------------------------------


def test_letter_headers_are_one_field_per_line(site: Path) -> None:
    page = (site / "letters" / "2023-11-06-wsis-2024-contributions" / "index.html").read_text()
    assert "Ref: WSIS 2024<br>\nContacto: Gitanjali Sah<br>\nTel: +41 22 730 6240<br>" in page
    english = site / "en" / "letters" / "2024-01-31-wsis-plus-20-invitation" / "index.html"
    html = english.read_text()
    assert "Reference: Evento de Alto Nivel del Foro de la CMSI+20-2024<br>" in html
    assert "Academia/Technical community</li>" in html


def signatures(page: Path) -> list[str]:
    """The signature paragraphs of a letter page, as HTML."""
    html = page.read_text()
    block = html[html.index('<div class="wsis-signatures">') :]
    return re.findall(r"<p>(.*?)</p>", block[: block.index("</div>")], re.DOTALL)


def test_spanish_signatures_are_printed_as_issued(site: Path) -> None:
    letters = site / "letters"
    # Five marks, then five blocks broken where the original's narrow columns broke them.
    issued = signatures(letters / "2024-01-31-wsis-plus-20-invitation" / "index.html")
    assert issued[:5] == ["[Original firmado]"] * 5
    assert issued[9] == "Sra. Rebeca<br>\nGrynspan<br>\nSecretaria General<br>\nUNCTAD"
    assert issued[6] == "Sra. Doreen<br>\nBOGDAN-MARTIN<br>\nSecretaria General<br>\nUIT"
    # The 2020 letter's own mark and capitals; the 2023 letter has no mark at all.
    assert signatures(letters / "2020-10-13-wsis-forum-2021" / "index.html") == [
        "<em>(firmado)</em>",
        "Houlin ZHAO<br>\nSecretario General de la UIT",
    ]
    later = letters / "2023-11-06-wsis-2024-contributions" / "index.html"
    assert signatures(later) == ["Doreen Bogdan-Martin<br>\nSecretaria General"]
    assert "firmado" not in later.read_text()


def test_translated_signatures_are_one_block_per_signatory(site: Path) -> None:
    page = site / "zh" / "letters" / "2024-01-31-wsis-plus-20-invitation" / "index.html"
    blocks = signatures(page)
    # As Chinese letters sign: the mark in full-width brackets, no honorific, office after body.
    assert blocks[0::2] == ["（签名）"] * 5
    assert blocks[9] == "蕾韦卡·格林斯潘<br>\n贸发会议秘书长"
    # The signatories' section: name, title and organization each on its own line.
    english = (
        site / "en" / "letters" / "2024-01-31-wsis-plus-20-invitation" / "index.html"
    ).read_text()
    assert (
        "<li><strong>Mr Albert Rösti</strong><br>Head of the Federal Department of the "
        "Environment, Transport, Energy and Communications<br>Swiss Confederation</li>"
    ) in english


def seed_text(markdown: str) -> str:
    """A seed letter's words as a page shows them: Markdown's marks and link targets removed, and
    the narrow column's breaks after a slash undone ("Académicas/ Comunidad")."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)  # [words](target) -> words
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)
    text = re.sub(r"^\s*- ", "", text.replace("\\", ""), flags=re.MULTILINE)
    text = re.sub(r"/ *\n", "/", text.replace("**", "").replace("*", ""))
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source letters are beside the repository")
@pytest.mark.parametrize(("letter_id", "seed"), LETTER_SEEDS.items())
def test_spanish_letter_pages_read_as_the_seed_letters(
    site: Path, letter_id: str, seed: str
) -> None:
    html = (site / "letters" / letter_id / "index.html").read_text()
    article = html[html.index('<article class="wsis-letter-text"') : html.index("</article>")]
    blocks = re.sub(r"</?(?:p|li|ul|ol|br|h\d|article)\b[^>]*>", " ", article)  # a space between
    shown = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", blocks))).strip()  # none inside
    assert shown == seed_text((SEEDS / seed).read_text(encoding="utf-8"))


def test_addresses_written_in_letters_are_https_links(site: Path) -> None:
    page = site / "letters" / "2023-11-06-wsis-2024-contributions" / "index.html"
    links = hrefs(page)
    assert "https://www.wsis.org/stocktaking" in links
    assert "https://www.wsis.org/forum" in links
    assert not [link for link in links if link.startswith("http:")]


# --- E. References and names as issued -------------------------------------------------------


@pytest.mark.parametrize("language", ["", "en"])
def test_references_are_shown_as_issued(site: Path, language: str) -> None:
    letters = site / language / "letters"
    assert "Foro CMSI 2021" in text_of(letters / "2020-10-13-wsis-forum-2021" / "index.html")
    assert "WSIS 2024" in text_of(letters / "2023-11-06-wsis-2024-contributions" / "index.html")
    invitation = text_of(letters / "2024-01-31-wsis-plus-20-invitation" / "index.html")
    assert "Evento de Alto Nivel del Foro de la CMSI+20-2024" in invitation


def test_2021_letter_keeps_its_organization_names_and_fax(site: Path) -> None:
    data = load_site_data(ROOT / "data")
    spanish = data.letter_texts["2020-10-13-wsis-forum-2021"]["es"]
    english = data.letter_texts["2020-10-13-wsis-forum-2021"]["en"]
    assert "CCI" in spanish
    assert "ONU-Mujeres" in spanish
    assert "UN-Women" in english
    text = text_of(site / "en" / "letters" / "2020-10-13-wsis-forum-2021" / "index.html")
    assert "Contact Gitanjali Sah · Telephone: +41 22 730 6240 · Fax: +41 22 730 6453" in text
    later = text_of(site / "en" / "letters" / "2023-11-06-wsis-2024-contributions" / "index.html")
    assert "Fax" not in later


# --- F. What the 31 January 2024 letter tells a participant ----------------------------------


def test_2024_take_part_carries_the_invitations_practical_points(site: Path) -> None:
    text = text_of(site / "en" / "editions" / "2024" / "index.html")
    part = text[text.index("How to take part Open") : text.index("Supporting the Forum WSIS")]
    for words in (
        "Documentation, agenda and registration",
        "book accommodation as early as possible",
        "Remote participation is possible at the event.",
        "participation of women in their delegations",
        "participation of young people",
    ):
        assert words in part
    assert part.count("Announced in Letter of 31 January 2024") >= 4


# --- G. Words --------------------------------------------------------------------------------


def test_words_of_the_issue(site: Path) -> None:
    home = site / "en" / "index.html"
    assert "<title>WSIS Forum</title>" in home.read_text()
    deadlines = text_of(site / "en" / "deadlines" / "index.html")
    assert "All deadlines for all editions, most recent first." in deadlines
    assert "WSIS+20 Forum High-Level Event (2024)" in deadlines
    assert "Subscribed calendars update automatically" in text_of(
        site / "en" / "calendars" / "index.html"
    )
    assert "The WSIS Prizes recognize" in text_of(site / "en" / "editions" / "2024" / "index.html")
    spanish_2024 = text_of(site / "editions" / "2024" / "index.html")
    html_2024 = (site / "editions" / "2024" / "index.html").read_text(encoding="utf-8")
    assert "más de 14\u00a0000 proyectos" in html_2024 or "más de 14&nbsp;000" in html_2024
    assert "Países Menos Adelantados" in spanish_2024
    spanish_2021 = text_of(site / "editions" / "2021" / "index.html")
    assert "COVID\u201119" in spanish_2021
    assert "Foro para la Gobernanza de Internet (FGI)" in spanish_2021
    assert "17-21 de mayo de 2021" in spanish_2021
    assert "15.00-16.00 horas CEST (UTC+2)" in spanish_2021
    assert "Fase I. Inicio de las consultas abiertas" in spanish_2021
    accessibility = (ROOT / "docs" / "es" / "accessibility.md").read_text(encoding="utf-8")
    assert "incluso con lectores de pantalla" in accessibility


# --- H. Checkable rules ----------------------------------------------------------------------


@pytest.mark.parametrize(("language", "dash"), [("en", EN_DASH), ("es", "-")])
def test_ranges_use_the_languages_dash_in_data_and_docs(language: str, dash: str) -> None:
    wrong = [
        (where, match.group(0))
        for where, text in language_texts(language)
        for match in RANGE.finditer(text)
        if match.group(1) != dash
    ]
    assert not wrong


def test_english_letter_translations_use_en_dashes_and_curly_quotes() -> None:
    for path in sorted((ROOT / "data" / "letters").glob("*.en.md")):
        text = path.read_text(encoding="utf-8")
        assert not [m.group(0) for m in RANGE.finditer(text) if m.group(1) != EN_DASH], path
        assert "'" not in text, path
        assert '"' not in text, path


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_nested_brackets_or_double_colon(language: str) -> None:
    found = [
        (where, text)
        for where, text in language_texts(language)
        if NESTED.search(text) or DOUBLE_COLON.search(text.replace("\n", " "))
    ]
    assert not found


def test_english_texts_use_curly_quotes_and_apostrophes() -> None:
    straight = [
        (where, text)
        for where, text in language_texts("en")
        if "'" in text or ('"' in text and where.endswith(".yaml"))
    ]
    assert not straight
    assert LEFT_QUOTE in (ROOT / "data" / "ui" / "en.yaml").read_text(encoding="utf-8")
    assert RIGHT_QUOTE in (ROOT / "docs" / "en" / "about.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(("language", "heading"), [("", "Fechas clave"), ("en", "Key dates")])
def test_built_pages_have_no_nested_brackets_or_double_colon(
    site: Path, language: str, heading: str
) -> None:
    for page in sorted((site / language / "editions").glob("*/index.html")):
        text = text_of(page)
        main = text[text.index(heading) :]
        assert not NESTED.search(main), page
        html = page.read_text(encoding="utf-8")
        for title in re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, re.DOTALL):
            assert not DOUBLE_COLON.search(re.sub(r"<[^>]+>", "", title)), title
        if language == "en":
            assert not [m.group(0) for m in RANGE.finditer(main) if m.group(1) != EN_DASH]


# --- I. Sources ------------------------------------------------------------------------------


def test_edition_sources_are_shown_and_checked(site: Path, tmp_path: Path) -> None:
    text = text_of(site / "en" / "editions" / "2024" / "index.html")
    assert "Sources Letter of 6 November 2023 Letter of 31 January 2024 www.wsis.org/prizes" in text
    project = copy_project(tmp_path / "project")
    line = edit(
        project / "data" / "events.yaml",
        "    sources:\n      - 2020-10-13-wsis-forum-2021",
        "    sources:\n      - 2020-10-13-no-such-letter",
    )
    found = errors(project / "data")
    assert any(f"events.yaml:{line + 1}:" in error and "no-such-letter" in error for error in found)
