"""Integration: the generated pages of a real build state the facts of data/, in each language."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from tests.conftest import GENEVA, LANGUAGES, build, edit
from tests.new_language import add_language

# A day before the 31 January 2024 Stocktaking/Prizes deadline.
BEFORE_DEADLINES = "2024-01-10"
SITE_PATH = "/wsis-forum/"


@pytest.fixture(scope="module")
def site(multilingual_site: Path) -> Path:
    """The real project built once, as on 10 January 2024 (shared with other modules)."""
    return multilingual_site


def text_of(page: Path) -> str:
    """The visible text of a page's main content, tags removed and spaces collapsed."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", article)))


def resolve(site: Path, page: Path, href: str) -> Path:
    """The file a link leads to: relative, or absolute from the site's root path."""
    target = href.split("#")[0]
    base = page.parent
    if target.startswith(SITE_PATH):
        base, target = site, target.removeprefix(SITE_PATH)
    resolved = (base / target).resolve()
    return resolved / "index.html" if resolved.is_dir() else resolved


def hrefs(page: Path) -> list[str]:
    """Every link target in a page."""
    return re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8"))


def test_edition_2021_in_spanish(site: Path) -> None:
    text = text_of(site / "editions" / "2021" / "index.html")
    assert "Foro de la CMSI de 2021" in text
    assert "Fechas 17-21 de mayo de 2021" in text
    assert "Lugar Sede de la UIT, Ginebra (Suiza)" in text
    assert "Estado Celebrado" in text
    assert "Formato Previsto en los locales de la Sede de la UIT en Ginebra" in text
    assert "Fase I. Inicio de las consultas abiertas" in text
    assert "9 de septiembre de 2020, 15.00-16.00 horas CEST (UTC+2)" in text
    assert "6 de noviembre de 2020, 10.10-11.00 horas CET (UTC+1)" in text
    assert "Fase IV. Plazo para la presentación de contribuciones oficiales" in text
    assert "8 de marzo de 2021" in text
    assert "Coorganizadores UIT · Unión Internacional de Telecomunicaciones" in text
    assert "PNUD · Programa de las Naciones Unidas para el Desarrollo" in text
    assert "Organismos colaboradores" in text
    assert "Sra. Gitanjali Sah" in text
    assert "+41 22 730 6240" in text
    assert "wsis-info@itu.int" in text
    assert text.count("Celebrada") >= 4
    assert "8 de marzo de 2021 · Plazo · Vencido" in text


def test_edition_2021_in_english_uses_official_names(site: Path) -> None:
    text = text_of(site / "en" / "editions" / "2021" / "index.html")
    assert "WSIS Forum 2021" in text
    assert "Dates 17–21 May 2021" in text
    assert "Venue ITU Headquarters, Geneva, Switzerland" in text
    assert "Status Held" in text
    assert "9 September 2020, 15:00–16:00 CEST (UTC+2)" in text
    assert "6 November 2020, 10:10–11:00 CET (UTC+1)" in text
    assert "Co-organizers ITU · International Telecommunication Union" in text
    assert "UNDP · United Nations Development Programme" in text
    assert "UN-Women · United Nations Entity for Gender Equality" in text
    assert "CMSI" not in text


def test_edition_2024_roles_deadlines_and_remote_participation(site: Path) -> None:
    text = text_of(site / "en" / "editions" / "2024" / "index.html")
    assert "Dates 27–31 May 2024" in text
    assert "Venue Geneva, Switzerland" in text
    assert "Format In person, with remote participation" in text
    summary = text[text.index("At a glance") : text.index("On this page")]
    assert "Remote participation" not in summary.replace("with remote participation", "")
    assert "Under the auspices of ITU · International Telecommunication Union Swiss" in text
    assert "Co-organizers UNESCO" in text
    assert "UNU · United Nations University" in text
    assert "Technology Bank for the Least Developed Countries" in text
    assert "Submission deadline for the WSIS Stocktaking and the WSIS Prizes 2024" in text
    assert "31 January 2024" in text
    assert "15 February 2024" in text
    assert "more than 14,000 projects" in text


def test_home_shows_the_next_deadline_before_it_passes(site: Path) -> None:
    spanish = text_of(site / "index.html")
    english = text_of(site / "en" / "index.html")
    assert "Próximo plazo Plazo de presentación para el Inventario y los Premios 2024" in spanish
    assert "31 de enero de 2024" in spanish
    assert "Próxima edición Evento de Alto Nivel del Foro de la CMSI+20" in spanish
    assert "Next deadline Submission deadline for the WSIS Stocktaking" in english


def test_home_when_every_deadline_is_past(site_after_every_edition: Path) -> None:
    built = site_after_every_edition
    spanish = text_of(built / "index.html")
    assert "No hay ningún plazo próximo anunciado por el momento." in spanish
    assert "Última edición Evento de Alto Nivel del Foro de la CMSI+20" in spanish
    assert "calendars/" in hrefs(built / "index.html")
    assert "No upcoming deadline has been announced yet." in text_of(built / "en" / "index.html")


def test_deadlines_page_lists_newest_first_with_status(site: Path) -> None:
    text = text_of(site / "en" / "deadlines" / "index.html")
    order = [
        text.index("15 February 2024"),
        text.index("31 January 2024"),
        text.index("8 March 2021"),
    ]
    assert order == sorted(order)
    assert "15 February 2024 Submission deadline for the open consultation process" in text
    assert "Open" in text
    assert "Closed" in text


def test_letter_pages_show_the_original_and_the_translation(site: Path) -> None:
    spanish = text_of(site / "letters" / "2020-10-13-wsis-forum-2021" / "index.html")
    english = text_of(site / "en" / "letters" / "2020-10-13-wsis-forum-2021" / "index.html")
    assert "Texto original, en español." in spanish
    assert "se articula en torno a las seis fases siguientes" in spanish
    assert "Referencia Foro CMSI 2021" in spanish
    assert "Houlin Zhao Secretario General Unión Internacional de Telecomunicaciones" in spanish
    assert "Atentamente, (firmado) Houlin ZHAO Secretario General de la UIT" in spanish
    assert "enumera cinco" in spanish
    assert "Unofficial translation of the original Spanish text." in english
    assert "six phases" in english
    original = "../../../letters/2020-10-13-wsis-forum-2021/"
    assert original in hrefs(site / "en" / "letters" / "2020-10-13-wsis-forum-2021" / "index.html")


def test_letters_keep_no_dead_or_unsafe_links(site: Path) -> None:
    page = site / "letters" / "2023-11-06-wsis-2024-contributions" / "index.html"
    assert "#" not in hrefs(page)
    assert "proceso de consultas abiertas (PCA)" in text_of(page)
    assert not [href for href in hrefs(page) if href.startswith("http:")]


@pytest.mark.parametrize(
    "page",
    ["", "editions/", "editions/2021/", "letters/2024-01-31-wsis-plus-20-invitation/", "about/"],
)
def test_language_switcher_and_hreflang_reach_the_counterpart(site: Path, page: str) -> None:
    spanish = site / page / "index.html"
    english = site / "en" / page / "index.html"
    switch_to_english = re.search(r'href="([^"]*)" hreflang="en"', spanish.read_text())
    switch_to_spanish = re.search(r'href="([^"]*)" hreflang="es"', english.read_text())
    assert switch_to_english
    assert switch_to_spanish
    assert resolve(site, spanish, switch_to_english.group(1)) == english
    assert resolve(site, english, switch_to_spanish.group(1)) == spanish
    base = "https://example.org/wsis-forum/"
    for html_page in (spanish, english):
        head = html_page.read_text(encoding="utf-8")
        assert f'<link rel="alternate " hreflang="es" href="{base}{page}">' in head
        assert f'<link rel="alternate " hreflang="en" href="{base}en/{page}">' in head
        assert f'<link rel="alternate " hreflang="x-default" href="{base}{page}">' in head


def test_edition_json_ld(site: Path) -> None:
    html = (site / "en" / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    [raw] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    event = json.loads(raw)
    assert event["@type"] == "Event"
    assert event["name"] == "WSIS Forum 2021"
    assert (event["startDate"], event["endDate"]) == ("2021-05-17", "2021-05-21")
    assert "eventAttendanceMode" not in event  # the letter leaves the format open
    assert event["location"][0]["address"]["addressLocality"] == "Geneva"
    assert [o["alternateName"] for o in event["organizer"]] == ["ITU", "UNESCO", "UNCTAD", "UNDP"]
    phase_1, phase_2 = event["subEvent"][:2]
    assert (phase_1["startDate"], phase_1["endDate"]) == (
        "2020-09-09T15:00:00+02:00",
        "2020-09-09T16:00:00+02:00",
    )
    assert phase_2["startDate"] == "2020-11-06T10:10:00+01:00"
    html_2024 = (site / "editions" / "2024" / "index.html").read_text(encoding="utf-8")
    [raw_2024] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html_2024, re.S)
    event_2024 = json.loads(raw_2024)
    assert event_2024["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert event_2024["startDate"] == "2024-05-27"


def test_open_graph(site: Path) -> None:
    html = (site / "en" / "editions" / "2024" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:title" content="WSIS+20 Forum High-Level Event">' in html
    url = "https://example.org/wsis-forum/en/editions/2024/"
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:locale" content="en">' in html


def test_sitemap_lists_every_page_of_every_language(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    pages = {
        "https://example.org/wsis-forum/"
        + str(page.parent.relative_to(site)).removeprefix(".").strip("/")
        for page in site.rglob("index.html")
    }
    assert {location.rstrip("/") for location in locations} == {page.rstrip("/") for page in pages}


def test_search_index_per_language(site: Path) -> None:
    spanish = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert (spanish["config"]["lang"], english["config"]["lang"]) == (["es"], ["en"])
    spanish_titles = {doc["title"] for doc in spanish["docs"]}
    english_titles = {doc["title"] for doc in english["docs"]}
    assert "Foro de la CMSI de 2021" in spanish_titles
    assert "WSIS Forum 2021" in english_titles
    assert "WSIS Forum 2021" not in spanish_titles
    assert "Foro de la CMSI de 2021" not in english_titles
    assert "editions/2021/" in {doc["location"] for doc in english["docs"]}
    # English pages make Material's search load the English index, relative to /en/.
    page = (site / "en" / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    [raw] = re.findall(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S)
    assert json.loads(raw)["base"] == "../../../en/"


def test_404_page_per_language(site: Path) -> None:
    spanish = (site / "404.html").read_text(encoding="utf-8")
    english = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="es"' in spanish
    assert '<html lang="en"' in english
    assert "Página no encontrada" in text_of(site / "404.html")
    assert "Page not found" in text_of(site / "en" / "404.html")
    assert "404 - Not found" not in spanish + english
    # Served at any address, so its links start at the site's root; the switcher goes home.
    assert f'href="{SITE_PATH}en/editions/"' in english
    assert f'href="{SITE_PATH}./" hreflang="es"' in english
    assert f'href="{SITE_PATH}en/" hreflang="en"' in spanish
    assert 'name="q"' in english  # a search form, opened by Material's `?q=`


def test_internal_links_resolve(site: Path) -> None:
    broken = []
    for page in site.rglob("*.html"):
        for href in hrefs(page):
            if href.startswith("#") or re.match(r"^[a-z]+:", href):
                continue
            if not resolve(site, page, href).is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert broken == []


def test_hostile_text_is_printed_not_run(project: Path, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    data = project / "data"
    edit(data / "phases.yaml", "es: Segunda reunión virtual/presencial", f"es: '{hostile}'")
    edit(data / "events.yaml", "es: Foro de la CMSI de 2021", f"es: '{hostile} 2021'")
    built = build(project, tmp_path / "site", BEFORE_DEADLINES)
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
    edition = (built / "editions" / "2021" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in edition
    assert hostile in text_of(built / "editions" / "2021" / "index.html")


def test_a_seventh_language_is_configuration_plus_translations(
    project: Path, tmp_path: Path
) -> None:
    add_language(project, "de", "Deutsch", copy_from="en")
    built = build(project, tmp_path / "site", BEFORE_DEADLINES)
    page = built / "de" / "editions" / "2021" / "index.html"
    assert '<html lang="de"' in page.read_text(encoding="utf-8")
    assert "17.–21. Mai 2021" in text_of(page)  # Babel's German dates
    # Times as the English words it was copied from write them, with the letters' zone.
    assert "9. September 2020, 15:00–16:00 CEST (UTC+2)" in text_of(page)
    assert (built / "de" / "letters" / "2020-10-13-wsis-forum-2021" / "index.html").is_file()
    home = (built / "index.html").read_text("utf-8")
    for code in (*LANGUAGES, "de"):  # every language's version, the new one included
        assert f'<link rel="alternate " hreflang="{code}"' in home


# The seed facts as each language writes them: the 2021 forum's dates and city, phase I's day,
# hours and zone, the 2024 forum's dates and the open consultation's deadline (`text_of` reads
# spaces of every width as one).
FACTS_BY_LANGUAGE = {
    "": (
        "17-21 de mayo de 2021",
        GENEVA["es"],
        "9 de septiembre de 2020, 15.00-16.00 horas CEST (UTC+2)",
        "27-31 de mayo de 2024",
        "15 de febrero de 2024",
    ),
    "ar/": (
        "17–21 مايو 2021",
        GENEVA["ar"],
        "9 سبتمبر 2020، من الساعة 15:00 إلى الساعة 16:00 ( CEST ، UTC+2 )",
        "27–31 مايو 2024",
        "15 فبراير 2024",
    ),
    "zh/": (
        "2021年5月17日至21日",
        GENEVA["zh"],
        "2020年9月9日 15:00至16:00（CEST，UTC+2）",
        "2024年5月27日至31日",
        "2024年2月15日",
    ),
    "en/": (
        "17–21 May 2021",
        GENEVA["en"],
        "9 September 2020, 15:00–16:00 CEST (UTC+2)",
        "27–31 May 2024",
        "15 February 2024",
    ),
    "fr/": (
        "17–21 mai 2021",
        GENEVA["fr"],
        "9 septembre 2020, de 15 heures à 16 heures (CEST, UTC+2)",
        "27–31 mai 2024",
        "15 février 2024",
    ),
    "ru/": (
        "17–21 мая 2021 г.",
        GENEVA["ru"],
        "9 сентября 2020 г., 15:00–16:00 (CEST, UTC+2)",
        "27–31 мая 2024 г.",
        "15 февраля 2024 г.",
    ),
}


@pytest.mark.parametrize("prefix", list(FACTS_BY_LANGUAGE))
def test_every_language_states_the_seed_facts_in_its_own_words(site: Path, prefix: str) -> None:
    dates_2021, city, phase_1, dates_2024, deadline = FACTS_BY_LANGUAGE[prefix]
    language = prefix.strip("/") or "es"
    edition_2021 = text_of(site / prefix / "editions" / "2021" / "index.html")
    for fact in (dates_2021, city, phase_1):
        assert fact in edition_2021
    assert dates_2024 in text_of(site / prefix / "editions" / "2024" / "index.html")
    assert deadline in text_of(site / prefix / "deadlines" / "index.html")
    assert dates_2024 in text_of(site / prefix / "index.html")
    letter = site / prefix / "letters" / "2024-01-31-wsis-plus-20-invitation" / "index.html"
    assert "Evento de Alto Nivel del Foro de la CMSI+20-2024" in text_of(letter)  # as issued
    calendars = (site / prefix / "calendars" / "index.html").read_text(encoding="utf-8")
    assert f"https://example.org/wsis-forum/{prefix}calendar/deadlines.ics" in calendars
    for page in ("index.html", "404.html", "editions/2021/index.html"):
        head = (site / prefix / page).read_text(encoding="utf-8")[:200]
        assert f'<html lang="{language}"' in head
        assert ('dir="rtl"' in head) == (language == "ar")
