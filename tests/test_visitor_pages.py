"""What a visitor reads first: the home page's state for the build date, the frame, the words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, build
from tests.test_pages import text_of
from wsis_site.reading.yaml_source import parse_yaml

# Future tense in data texts: an English modal, or a Spanish future (accented -rá/-rán ending).
FUTURE_TENSE = {
    "en": re.compile(r"\b(will|shall)\b", re.IGNORECASE),
    "es": re.compile(r"\b\w+rán?\b"),
}


def home_text(site: Path, language: str = "") -> str:
    return text_of(site / language / "index.html")


def test_home_before_the_2024_edition(multilingual_site: Path) -> None:
    text = home_text(multilingual_site)  # built on 10 January 2024
    assert "Información actualizada al 10 de enero de 2024." in text
    assert (
        "Próxima edición Evento de Alto Nivel del Foro de la CMSI+20 Próximo 27-31 de mayo" in text
    )
    assert "Próximo plazo Plazo de presentación para el Inventario" in text
    assert "Abierto 31 de enero de 2024" in text
    assert "Suscribirse a los plazos" in text
    assert "Carta oficial más reciente Invitación al Evento de Alto Nivel" in text
    assert "Sitio web oficial: www.wsis.org/forum" in text


def test_home_while_the_2024_edition_is_under_way(project: Path, tmp_path: Path) -> None:
    text = home_text(build(project, tmp_path / "site", "2024-05-28", only="en"))
    assert "Information as of 28 May 2024." in text
    assert "Edition under way WSIS+20 Forum High-Level Event Under way 27–31 May 2024" in text
    # No deadline is left: the last one, and that it closed.
    assert "Latest deadline Submission deadline for the open consultation process" in text
    assert "Closed 15 February 2024" in text
    assert "No upcoming deadline has been announced yet." in text


def test_home_after_every_edition_speaks_of_the_past(site_after_every_edition: Path) -> None:
    spanish = home_text(site_after_every_edition)
    english = home_text(site_after_every_edition, "en")
    assert "Última edición Evento de Alto Nivel del Foro de la CMSI+20 Celebrado 27-31" in spanish
    assert "Último plazo" in spanish
    assert "Vencido 15 de febrero de 2024" in spanish
    assert "Held 27–31 May 2024" in english
    assert "Upcoming" not in english
    assert "Open" not in english.replace("Open Consultation", "")


def test_past_editions_are_never_described_in_the_future_tense(
    site_after_every_edition: Path,
) -> None:
    site = site_after_every_edition
    found = []
    for language, prefix in (("es", ""), ("en", "en/")):
        for page in [site / prefix / "index.html", *(site / prefix / "editions").rglob("*.html")]:
            text = text_of(page)
            found += [f"{page}: {word}" for word in FUTURE_TENSE[language].findall(text)]
    assert found == []


def data_texts(node: object, language: str) -> list[str]:
    """Every text of `language` in a parsed data file."""
    if isinstance(node, dict):
        if language in node and isinstance(node[language], str):
            return [node[language]]
        return [text for value in node.values() for text in data_texts(value, language)]
    if isinstance(node, list):
        return [text for value in node for text in data_texts(value, language)]
    return []


@pytest.mark.parametrize("language", ["es", "en"])
def test_data_texts_are_tense_neutral(language: str) -> None:
    """Templates say the tense from the status; the data never does (see CONTRIBUTING)."""
    found = []
    for path in sorted((ROOT / "data").glob("*.yaml")):
        document, issues = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        assert issues == []
        for text in data_texts(document.data, language):
            found += [f"{path.name}: {m}" for m in FUTURE_TENSE[language].findall(text)]
    assert found == []


@pytest.fixture(scope="module")
def site(multilingual_site: Path) -> Path:
    """The project built as on 10 January 2024: the session's build."""
    return multilingual_site


def test_every_page_has_a_skip_link_first_and_the_site_frame(site: Path) -> None:
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        body = html[html.index("<body") :]
        first_link = re.search(r"<a [^>]*>", body)
        assert first_link, page
        assert 'class="md-skip"' in first_link.group(0), page
        target = re.search(r'href="#([^"]+)"', first_link.group(0))
        assert target, page
        assert f'id="{target.group(1)}"' in html, page
        assert "Made with" not in html, page
        assert "wsis-info@itu.int" in html, page  # the footer's contact
        assert html.count('wsis-site-name"') == 1, page


def test_no_script_holds_the_first_paint(site: Path) -> None:
    """Every script file is deferred: at the end of the body a plain one still holds the first
    paint until it has downloaded (a second on a slow phone, in Lighthouse's mobile audit)."""
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        scripts = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", page.read_text(encoding="utf-8"))
        # The theme's bundle; the copy buttons, the phone menu and the visitor's own time; on a
        # 404 page, the script that shows the language of the address asked for.
        assert len(scripts) == 4 + (page.name == "404.html"), page
        for script in scripts:
            assert re.search(r"\sdefer\b", script), f"{page}: {script}"


def test_footer_names_the_organizers_of_every_edition(site: Path) -> None:
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<footer class="md-footer wsis-footer"') :]
    abbreviations = re.findall(r"<abbr [^>]*>([^<]+)</abbr>", footer)
    assert abbreviations == ["ITU", "UNESCO", "UNDP", "UNCTAD"]
    assert "Swiss Confederation" not in footer  # a host of 2024 only
    assert "unofficial translations" in footer


def test_language_switcher_names_the_current_language(site: Path) -> None:
    spanish = (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'class="wsis-languages__name" lang="es">Español<', spanish)
    assert re.search(r'class="wsis-languages__name" lang="en">English<', english)


def test_edition_page_says_each_thing_once(site: Path) -> None:
    page = site / "editions" / "2021" / "index.html"
    html = page.read_text(encoding="utf-8")
    text = text_of(page)
    # One calendar control per item and one for the forum days, none as loose links.
    assert html.count('<details class="wsis-add">') == 5 + 1
    assert "Google Calendar ·" not in text
    assert text.count("9 de septiembre de 2020, 15.00-16.00 horas CEST (UTC+2)") == 1
    assert not re.search(r"\([^()]*\(", text), "nested brackets"
    assert not re.search(r"\b\d+\. Fase", text), "numbered twice"
    assert "En esta página Fechas clave Cómo participar Organizadores" in text
    assert "Cómo participar Proceso de consultas abiertas sobre los temas y el formato" in text


def test_edition_2024_separates_taking_part_from_supporting_the_forum(site: Path) -> None:
    text = text_of(site / "en" / "editions" / "2024" / "index.html")
    take_part = text[text.index("How to take part Open Consultation") :]
    support = take_part[take_part.index("Supporting the Forum WSIS Trust Fund") :]
    assert "Gender balance and youth participation" in take_part[: len(take_part) - len(support)]
    assert "WSIS Trust Fund" not in take_part[: len(take_part) - len(support)]
    # The strip: the next step is marked in words, not colour alone.
    assert "Deadline Submission deadline for the WSIS Stocktaking" in text
    assert "31 January 2024 Next Open" in text
    # A deadline from a later letter is attributed to it.
    assert "15 February 2024 Open Announced in: letter of 31 January 2024" in text


def test_edition_pages_carry_their_letters_editor_notes(site: Path) -> None:
    spanish = text_of(site / "editions" / "2021" / "index.html")
    english = text_of(site / "en" / "editions" / "2024" / "index.html")
    assert "Notas editoriales · Carta del 13 de octubre de 2020" in spanish
    assert "«seis fases», pero enumera cinco" in spanish
    assert "Editor\u2019s notes · Letter of 31 January 2024" in english


def test_print_header_names_the_site_address_and_date(site: Path) -> None:
    html = (site / "en" / "editions" / "2024" / "index.html").read_text(encoding="utf-8")
    head = re.search(r'<p class="wsis-print-only wsis-print-head">(.*?)</p>', html, re.S)
    assert head
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", head.group(1))).strip()
    assert words == (
        "WSIS Forum · https://example.org/wsis-forum/en/editions/2024/ · "
        "Information as of 10 January 2024."
    )
