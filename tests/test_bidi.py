"""Right-to-left pages: Latin runs isolated with <bdi>, nothing else of the page changed."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import LANGUAGES
from wsis_site.pages.bidi import is_right_to_left, isolate_latin_runs, right_to_left_root


def test_the_languages_the_theme_writes_right_to_left() -> None:
    assert [code for code in LANGUAGES if is_right_to_left(code)] == ["ar"]
    assert [code for code in ("he", "fa", "de") if is_right_to_left(code)] == ["he", "fa"]


def test_acronyms_addresses_zones_and_grouped_numbers_are_isolated() -> None:
    page = (
        "<p>منتدى WSIS+20 في www.wsis.org/forum. الساعة 15:00–16:00 (UTC+02:00)، "
        "أكثر من 14\u00a0000 مشروع، الهاتف: +41 22 730 6240 (انظر ITU) و 2024</p>"
    )
    assert isolate_latin_runs(page) == (
        "<p>منتدى <bdi>WSIS+20</bdi> في <bdi>www.wsis.org/forum</bdi>. الساعة 15:00–16:00 "
        "(<bdi>UTC+02:00</bdi>)، أكثر من <bdi>14\u00a0000</bdi> مشروع، الهاتف: "
        "<bdi>+41 22 730 6240</bdi> (انظر <bdi>ITU</bdi>) و 2024</p>"
    )


def test_markup_scripts_and_attributes_are_left_alone() -> None:
    page = (
        '<html lang="ar"><head><title>WSIS</title><script>var a = "WSIS";</script></head>'
        '<body dir="rtl"><a href="https://www.itu.int/WSIS" title="WSIS">ITU</a>'
        "<code>WSIS</code><svg><text>WSIS</text></svg></body></html>"
    )
    assert isolate_latin_runs(page) == page.replace(">ITU<", "><bdi>ITU</bdi><")
    assert right_to_left_root(page).startswith('<html lang="ar" dir="rtl">')
    assert right_to_left_root('<html dir="ltr">') == '<html dir="ltr">'


@given(st.text(alphabet=st.sampled_from("aZé1 <>&;#'\"()+.:/-\u00a0مايو")))
def test_only_bdi_tags_are_added_and_character_references_stay_whole(text: str) -> None:
    escaped = html.escape(text)
    isolated = isolate_latin_runs(f"<p>{escaped}</p>")
    assert re.sub(r"</?bdi>", "", isolated) == f"<p>{escaped}</p>"
    for run in re.findall(r"<bdi>(.*?)</bdi>", isolated):
        assert not re.search(r"&#?\w*$", run), run  # no reference cut at the end of a run
