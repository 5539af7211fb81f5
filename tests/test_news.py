"""The Atom feed of each language: RFC 4287 as a feed reader reads it, and news from git history."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.conftest import PREFIXES, PREVIEW_URL, ROOT, build, copy_project, edit
from tests.test_calendars import git
from wsis_site.domain.changes import Change
from wsis_site.domain.published_changes import _day_only
from wsis_site.model.loader import load_site_data

BUILD_DATE = "2024-01-10"
ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/wsis-forum/"
NEW_ITEM = """\
  2024:
    items:
      registration-deadline:
        kind: deadline
        title:
          es: Plazo de inscripción
          ar: الموعد النهائي للتسجيل
          zh: 注册截止日期
          en: Registration deadline
          fr: Date limite d\u2019inscription
          ru: Крайний срок регистрации
        date: 2024-05-01
        letter: 2024-01-31-wsis-plus-20-invitation
"""
LETTERS = {
    "2024-01-31-wsis-plus-20-invitation": "2024-01-31T00:00:00Z",
    "2023-11-06-wsis-2024-contributions": "2023-11-06T00:00:00Z",
    "2020-10-13-wsis-forum-2021": "2020-10-13T00:00:00Z",
}


@pytest.fixture(scope="module")
def site(multilingual_site: Path) -> Path:
    """The real project (without git history) built as on 10 January 2024: the session's build."""
    return multilingual_site


def read(feed: Path) -> Any:
    """The feed as feedparser reads it, which must find nothing wrong (bozo 0)."""
    parsed = feedparser.parse(feed.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.parametrize(("prefix", "language"), [("", "es"), ("en/", "en")])
def test_each_language_has_a_valid_atom_feed(site: Path, prefix: str, language: str) -> None:
    parsed = read(site / prefix / "feed.xml")
    assert parsed.feed.language == language
    assert (
        parsed.feed.title
        == {"es": "Foro de la CMSI: novedades", "en": "WSIS Forum: news"}[language]
    )
    links = {link.rel: link.href for link in parsed.feed.links}
    assert links == {"self": f"{SITE_URL}{prefix}feed.xml", "alternate": f"{SITE_URL}{prefix}"}
    # Without git history the news are the letters, newest first.
    assert [entry.link for entry in parsed.entries] == [
        f"{SITE_URL}{prefix}letters/{letter}/" for letter in LETTERS
    ]
    assert [entry.updated for entry in parsed.entries] == list(LETTERS.values())
    assert parsed.feed.updated == "2024-01-31T00:00:00Z"


def test_atom_structure_follows_rfc_4287(site: Path) -> None:
    root = ET.parse(site / "en" / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for element in ("id", "title", "updated", "author/" + ATOM + "name"):
        assert len(root.findall(ATOM + element)) == 1, element
    entries = root.findall(f"{ATOM}entry")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) == 3
    assert all(str(i).startswith("urn:uuid:") for i in ids)
    for entry in entries:
        for element in ("id", "title", "updated", "summary"):
            assert len(entry.findall(ATOM + element)) == 1, element
        [link] = entry.findall(f"{ATOM}link")
        assert link.attrib["rel"] == "alternate"
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == (
        "Official letter: Invitation to the World Summit on the Information Society (WSIS)+20 "
        "Forum High-Level Event, 27–31 May 2024, Geneva, Switzerland"
    )
    assert first.findtext(f"{ATOM}summary") == (
        "31 January 2024 · Original reference: Evento de Alto Nivel del Foro de la CMSI+20-2024"
    )


def test_ids_do_not_move_with_the_site(multilingual_site: Path, preview_site: Path) -> None:
    """Entry ids hang on calendar_uid_domain, so a new address does not repeat old news: the
    session's two builds at two addresses (the preview's is another `WSIS_SITE_URL`)."""
    before, after = read(multilingual_site / "feed.xml"), read(preview_site / "feed.xml")
    assert [e.id for e in after.entries] == [e.id for e in before.entries]
    assert after.entries[0].link.startswith(f"{PREVIEW_URL}letters/")
    assert before.entries[0].link.startswith(f"{SITE_URL}letters/")


def test_text_from_data_is_escaped(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    hostile = "WSIS 2024 <script>alert(1)</script> & \"quotes\" 'n' ]]>"
    edit(
        project / "data" / "letters.yaml",
        '"World Summit on the Information Society (WSIS) 2024: invitation to submit contributions"',
        '"' + hostile.replace('"', '\\"') + '"',
    )
    parsed = read(build(project, tmp_path / "site", BUILD_DATE, only="en") / "feed.xml")
    assert parsed.entries[1].title == f"Official letter: {hostile}"
    raw = (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34; &#39;n&#39;" in raw


#: Each language's feed title, as its pages name it (French: a no-break space before the colon).
FEED_TITLES = {
    "es": "Foro de la CMSI: novedades",
    "ar": "منتدى القمة العالمية لمجتمع المعلومات: المستجدات",
    "zh": "信息社会世界首脑会议论坛\uff1a最新消息",
    "en": "WSIS Forum: news",
    "fr": "Forum du SMSI\u00a0: actualités",
    "ru": "Форум ВВУИО: новости",
}


def test_every_page_links_its_languages_feed(site: Path) -> None:
    assert set(FEED_TITLES) == set(PREFIXES)
    languages = {prefix.rstrip("/"): code for code, prefix in PREFIXES.items() if prefix}
    wrong = []
    for page in sorted(site.rglob("*.html")):
        code = languages.get(page.relative_to(site).parts[0], "es")
        prefix, title = PREFIXES[code], FEED_TITLES[code]
        link = (
            f'<link rel="alternate " type="application/atom+xml" '
            f'href="{SITE_URL}{prefix}feed.xml" title="{title}">'
        )
        if page.read_text(encoding="utf-8").count(link) != 1:
            wrong.append(str(page.relative_to(site)))
    assert wrong == []


def test_committed_changes_become_news_after_a_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", when="2024-01-01T10:00:00Z")
    git(project, "add", ".", when="2024-01-01T10:00:00Z")
    git(project, "commit", "-q", "-m", "Seed", when="2024-01-01T10:00:00Z")
    before = read(build(project, tmp_path / "one", BUILD_DATE) / "en" / "feed.xml")
    assert len(before.entries) == 3  # the first publication is no news: only the letters
    for prefix, language in (("", "es"), ("ar/", "ar")):
        assert changes_section(tmp_path / "one" / prefix / "editions" / "2024") == [
            UI[language]["history_none"]
        ]

    phases = project / "data" / "phases.yaml"
    edit(phases, "date: 2024-02-15", "date: 2024-02-22")
    git(project, "commit", "-q", "-am", "Move the deadline", when="2024-01-05T09:30:00Z")
    edit(
        phases,
        "        date: 2021-01-29\n",
        "        date: 2021-01-29\n        status: cancelled\n",
    )
    git(project, "commit", "-q", "-am", "Cancel phase III", when="2024-01-06T08:00:00Z")
    edit(phases, "  2024:\n    items:\n", NEW_ITEM)
    git(project, "commit", "-q", "-am", "Add a deadline", when="2024-01-07T12:00:00Z")
    english = read(build(project, tmp_path / "two", BUILD_DATE) / "en" / "feed.xml")
    spanish = read(tmp_path / "two" / "feed.xml")

    editions = f"{SITE_URL}en/editions"
    assert [(e.title, e.updated, e.link, e.summary) for e in english.entries[1:4]] == [
        (
            "New: Registration deadline, 1 May 2024",
            "2024-01-07T12:00:00Z",
            f"{editions}/2024/#registration-deadline",
            "WSIS+20 Forum High-Level Event",
        ),
        (
            "Cancelled: Second virtual/physical meeting",
            "2024-01-06T08:00:00Z",
            f"{editions}/2021/#phase-3",
            "WSIS Forum 2021",
        ),
        (
            "Submission deadline for the open consultation process: "
            "moved from 15 to 22 February 2024",
            "2024-01-05T09:30:00Z",
            f"{editions}/2024/#open-consultation-deadline",
            "WSIS+20 Forum High-Level Event",
        ),
    ]
    assert [e.title for e in spanish.entries[1:4]] == [
        "Nuevo: Plazo de inscripción, 1 de mayo de 2024",
        "Cancelado: Segunda reunión virtual/presencial",
        "Plazo de presentación de contribuciones al proceso de consultas abiertas: "
        "trasladado del 15 al 22 de febrero de 2024",
    ]
    assert len(english.entries) == len(spanish.entries) == 6
    # The same changes, newest first, on the pages of their editions.
    assert changes_section(tmp_path / "two" / "en" / "editions" / "2024") == [
        "7 January 2024: New: Registration deadline, 1 May 2024",
        "5 January 2024: Submission deadline for the open consultation process: "
        "moved from 15 to 22 February 2024",
    ]
    assert changes_section(tmp_path / "two" / "editions" / "2021") == [
        "6 de enero de 2024: Segunda reunión virtual/presencial: el estado pasó de «Confirmado» "
        "a «Cancelado»"
    ]
    assert changes_section(tmp_path / "two" / "ar" / "editions" / "2021") == [
        "6 يناير 2024: الاجتماع الافتراضي/الحضوري الثاني: تغيرت الحالة من «مؤكد» إلى «ملغى»"
    ]


UI = load_site_data(ROOT / "data").ui


def changes_section(edition: Path) -> list[str]:
    """The lines of an edition page's "Changes since publication" section, as a reader sees them."""
    html = (edition / "index.html").read_text(encoding="utf-8")
    section = html[
        html.index('<h2 id="changes">') : html.index("</div>", html.index('id="changes"'))
    ]
    items = re.findall(r"<(?:li|p)>(.*?)</(?:li|p)>", section, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]


@pytest.mark.parametrize(
    ("old", "new", "shortened"),
    [
        ({"date": "2024-02-15"}, {"date": "2024-02-22"}, {"old": "15"}),
        ({"date": "2024-02-15"}, {"date": "2024-03-01"}, {}),  # another month: both in full
        ({"date": "2023-02-15"}, {"date": "2024-02-15"}, {}),
        ({"date": "2024-02-15", "time": {"start": "10:00"}}, {"date": "2024-02-16"}, {}),
        ({"date": "2024-02-15", "end_date": "2024-02-16"}, {"date": "2024-02-20"}, {}),
    ],
)
def test_only_a_whole_day_moved_within_its_month_is_shortened(
    old: dict[str, Any], new: dict[str, Any], shortened: dict[str, str]
) -> None:
    change = Change("item_moved", "2024", new, old, new)
    assert _day_only(change, "en_GB") == shortened
