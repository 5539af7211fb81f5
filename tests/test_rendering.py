"""Pieces of page rendering: relative links, safe letter HTML, fragments in hand-written pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import edit
from wsis_site.addresses import markdown_page_url, relative_url
from wsis_site.build.docs_tree import DocsTreeError, write_docs_tree
from wsis_site.environment import build_date
from wsis_site.model.loader import load_site_data
from wsis_site.pages.letter_html import letter_html


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("", "editions/2021/", "editions/2021/"),
        ("editions/2021/", "", "../../"),
        ("editions/2021/", "letters/x/", "../../letters/x/"),
        ("editions/2021/", "editions/2021/", "./"),
        ("en/letters/x/", "letters/x/", "../../../letters/x/"),
        ("deadlines/", "calendar/all.ics", "../calendar/all.ics"),
    ],
)
def test_relative_url(source: str, target: str, expected: str) -> None:
    assert relative_url(source, target) == expected


def test_page_url() -> None:
    assert markdown_page_url(Path("index.md")) == ""
    assert markdown_page_url(Path("about.md")) == "about/"
    assert markdown_page_url(Path("guides/index.md")) == "guides/"


def test_letter_html_escapes_markup_and_drops_unsafe_links() -> None:
    rendered = letter_html(
        "Hi <script>alert(1)</script> [form](#) [x](javascript:alert(1)) "
        "[site](http://www.wsis.org/forum) <https://www.itu.int/a>\n\n<div onclick=x>raw</div>"
    )
    assert "<script" not in rendered
    assert "&lt;script&gt;" in rendered
    assert "<span>form</span>" in rendered
    assert "javascript:" not in rendered
    assert '<a href="https://www.wsis.org/forum">site</a>' in rendered
    assert '<a href="https://www.itu.int/a">' in rendered
    assert "&lt;div onclick=x&gt;raw&lt;/div&gt;" in rendered


def test_letter_html_keeps_mail_links_and_never_loads_images() -> None:
    rendered = letter_html("Write to <wsis-info@itu.int>. ![logo](https://elsewhere.example/a.png)")
    assert 'href="mailto:wsis-info@itu.int"' in rendered
    assert "<img" not in rendered
    assert "<span>logo</span>" in rendered


def test_fragments_fill_hand_written_pages(project: Path) -> None:
    data = load_site_data(project / "data")
    tree = write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date({}))
    about = (tree / "en" / "about.md").read_text(encoding="utf-8")
    assert "<!-- wsis:" not in about
    assert "No upcoming deadline has been announced yet." in about
    assert '<a href="../editions/2024/">WSIS+20 Forum High-Level Event</a>' in about


def test_unknown_fragment_is_an_error_with_its_line(project: Path) -> None:
    line = edit(
        project / "docs" / "es" / "about.md", "<!-- wsis:editions -->", "<!-- wsis:nope -->"
    )
    data = load_site_data(project / "data")
    with pytest.raises(DocsTreeError, match=rf"about\.md:{line}: unknown data fragment 'nope'"):
        write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date({}))


def test_hand_written_page_cannot_hide_a_generated_one(project: Path) -> None:
    (project / "docs" / "en" / "deadlines").mkdir()
    (project / "docs" / "en" / "deadlines" / "index.md").write_text("# Mine\n", encoding="utf-8")
    data = load_site_data(project / "data")
    with pytest.raises(DocsTreeError, match=r"deadlines/index\.md is generated from data/"):
        write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date({}))


def test_a_hand_written_page_must_be_utf8(project: Path) -> None:
    page = project / "docs" / "fr" / "about.md"
    page.write_bytes(page.read_bytes() + "\nCafé déjà vu\n".encode("latin-1"))
    line = page.read_bytes().count(b"\n")
    data = load_site_data(project / "data")
    with pytest.raises(DocsTreeError, match=rf"about\.md:{line}:4: byte 0xE9 is not valid UTF-8"):
        write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date({}))


def test_a_hand_written_page_refuses_hidden_reordering(project: Path) -> None:
    page = project / "docs" / "en" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nx\u202ey\n", encoding="utf-8")
    data = load_site_data(project / "data")
    with pytest.raises(DocsTreeError, match=r"about\.md:\d+:2: the bidirectional control U\+202E"):
        write_docs_tree(data, project / "docs", project / "overrides" / "wsis", build_date({}))
