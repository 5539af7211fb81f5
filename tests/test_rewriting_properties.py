"""Issue 22: the regular expressions that read or rewrite built HTML never break its markup,
shown on generated documents: right-to-left isolation adds only balanced `<bdi>` elements around
prose, accent folding adds only a hidden copy of words to a search entry, the policy hashes
every inline script a browser runs, the theme's checkbox toggles lose only the attribute the
checker rejects, and a page's search settings stay inside their script."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from typing import cast

from hypothesis import given
from hypothesis import strategies as st
from jinja2.utils import htmlsafe_json_dumps

from wsis_site.build.hosting import RUNNABLE_TYPES, inline_script_hashes
from wsis_site.pages.bidi import isolate_latin_runs
from wsis_site.pages.theme_markup import mended
from wsis_site.search.folding import with_folded_words
from wsis_site.search.index import searching_own_index

ARABIC = "المنتدى العالمي لمجتمع المعلومات"
LATIN = ["WSIS+20", "www.wsis.org/forum", "(UTC+02:00)", "ITU", "e-mail", "Ana's", "Genève"]
ENTITIES = ["&amp;", "&#39;", "&nbsp;", "&lt;", "&gt;", "&quot;", "&#x202F;"]
PROSE_TAGS = ["p", "a", "span", "li", "h2", "time", "strong"]
#: Elements whose content is raw text (`a<b` is no tag there), and others whose text is not prose
#: or is isolated already: both must come out as they went in.
RAW_TEXT_TAGS = ["script", "style", "textarea", "title"]
NOT_PROSE_TAGS = ["code", "pre", "bdi"]
RAW_TAGS = RAW_TEXT_TAGS + NOT_PROSE_TAGS

words = st.one_of(
    st.sampled_from(LATIN),
    st.sampled_from(ARABIC.split()),
    st.sampled_from(ENTITIES),
    st.from_regex(r"[0-9]{1,3}( [0-9]{3}){0,2}", fullmatch=True),
    st.from_regex(r"\+[0-9]{2}( [0-9]{2,3}){1,3}", fullmatch=True),
    st.sampled_from([".", "،", ":", "(", ")", "-", "–", "/", "«", "»"]),
)
prose = st.lists(words, min_size=1, max_size=8).map(" ".join)
# A quoted value may hold a raw `>`: the tag does not end there.
attribute_values = st.one_of(st.sampled_from([*LATIN, "a > b"]), prose).map(
    lambda text: text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
)


@st.composite
def start_tag(draw: st.DrawFn, name: str) -> str:
    attributes = draw(st.lists(st.sampled_from(["title", "href", "class", "data-x"]), max_size=2))
    return f"<{name}" + "".join(f' {a}="{draw(attribute_values)}"' for a in attributes) + ">"


def documents(depth: int = 3) -> st.SearchStrategy[str]:
    leaf = st.one_of(
        prose,
        st.just("<br>"),
        st.just('<img alt="ITU logo" src="a.svg"/>'),
        st.tuples(prose, st.sampled_from(["", "a > b", "<p>"])).map(
            lambda parts: f"<!-- {parts[0]} {parts[1]} -->"
        ),
        st.tuples(
            st.sampled_from(RAW_TEXT_TAGS), prose, st.sampled_from(["", "if (a<b) {}", "x > y"])
        ).map(lambda parts: f"<{parts[0]}>{parts[1]} {parts[2]}</{parts[0]}>"),
        st.tuples(st.sampled_from(NOT_PROSE_TAGS), prose).map(
            lambda parts: f"<{parts[0]}>{parts[1]}</{parts[0]}>"
        ),
    )
    if depth == 0:
        return leaf
    return st.one_of(
        leaf,
        st.tuples(
            st.sampled_from(PROSE_TAGS).flatmap(
                lambda name: st.tuples(st.just(name), start_tag(name))
            ),
            st.lists(documents(depth - 1), max_size=4),
        ).map(lambda parts: f"{parts[0][1]}{''.join(parts[1])}</{parts[0][0]}>"),
    )


class Events(HTMLParser):
    """A document's tags, text, comments and references, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.events: list[tuple[str, object]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", (tag, attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("startend", (tag, attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "data":  # text split by a `<bdi>` is still one
            self.events[-1] = ("data", f"{self.events[-1][1]}{data}")
        else:
            self.events.append(("data", data))

    def handle_comment(self, data: str) -> None:
        self.events.append(("comment", data))

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def events(html: str, *, without_bdi: bool = False) -> list[tuple[str, object]]:
    parser = Events()
    parser.feed(html)
    parser.close()
    found = parser.events
    if without_bdi:
        found = [
            e for e in found if e[1] != "bdi" and not (e[0] == "start" and e[1] == ("bdi", []))
        ]
        merged: list[tuple[str, object]] = []
        for event in found:
            if merged and event[0] == merged[-1][0] == "data":
                merged[-1] = ("data", f"{merged[-1][1]}{event[1]}")
            else:
                merged.append(event)
        found = merged
    return found


@given(documents())
def test_isolation_only_wraps_prose_in_balanced_bdi_elements(html: str) -> None:
    rewritten = isolate_latin_runs(html)
    added = re.findall(r"</?bdi>", rewritten)
    # Taking the added elements out gives the document back, byte for byte.
    assert re.sub(r"<bdi>|</bdi>", "", rewritten) == re.sub(r"<bdi>|</bdi>", "", html)
    assert len(added) % 2 == 0
    # The browser's tokenizer sees the same tags, comments and text, plus the `<bdi>` elements.
    assert events(rewritten, without_bdi=True) == events(html, without_bdi=True)
    # Each added element holds text only, and none lands inside a raw element or a comment.
    for match in re.finditer(r"<bdi>(.*?)</bdi>", rewritten, re.DOTALL):
        assert "<" not in match.group(1)
    for raw in RAW_TAGS:
        for element in re.finditer(rf"<{raw}>(.*?)</{raw}>", html, re.DOTALL):
            assert element.group(0) in rewritten
    for comment in re.findall(r"<!--.*?-->", html, re.DOTALL):
        assert comment in rewritten


@given(prose, st.lists(documents(1), max_size=3).map("".join))
def test_folding_adds_only_a_hidden_copy_of_words(title: str, text: str) -> None:
    entry = {"location": "a/", "title": title, "text": text}
    folded = with_folded_words(entry)
    assert folded["title"] == title
    assert folded["text"].startswith(text)
    added = folded["text"][len(text) :]
    assert added == "" or re.fullmatch(r" <span hidden>[\w ]+</span>", added)


class Scripts(HTMLParser):
    """The inline scripts a browser runs, as its tokenizer reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._runs: bool | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            found = dict(attrs)
            kind = (found.get("type") or "").lower()
            self._runs = "src" not in found and kind in RUNNABLE_TYPES
            self.bodies.append("")

    def handle_data(self, data: str) -> None:
        if self._runs is not None:
            self.bodies[-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if not self._runs:
                self.bodies.pop()
            self._runs = None


script_elements = st.tuples(
    st.sampled_from(["", ' type="module"', ' type="application/json"', ' type="text/javascript"']),
    st.sampled_from(["", ' src="a.js"', ' data-note="a > b"', " defer"]),
    st.sampled_from(["", "if (a < b && c > d) { go(); }", '{"a": "<b>"}', "x = '</scr' + 'ipt>';"]),
).map(lambda parts: f"<script{parts[0]}{parts[1]}>{parts[2]}</script>")


@given(
    st.lists(st.one_of(script_elements, script_elements, prose), min_size=1, max_size=5).map(
        "".join
    )
)
def test_the_policy_hashes_every_inline_script_a_browser_runs(html: str) -> None:
    parser = Scripts()
    parser.feed(html)
    parser.close()
    expected = {
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in parser.bodies
    }
    assert expected <= set(inline_script_hashes([html]))


toggles = st.tuples(
    st.sampled_from(["", ' data-md-toggle="drawer"', ' data-note="a > b"']),
    st.sampled_from(['type="checkbox"', 'type="text"']),
    st.sampled_from(["", ' autocomplete="off"']),
).map(lambda parts: f'<input class="md-toggle"{parts[0]} {parts[1]} id="t"{parts[2]}>')


@given(st.lists(st.one_of(toggles, prose, documents(1)), min_size=1, max_size=5).map("".join))
def test_mending_drops_only_the_checkbox_toggles_autocomplete(html: str) -> None:
    before, after = events(html), events(mended(html))
    assert [kind for kind, _ in before] == [kind for kind, _ in after]
    for old, new in zip(before, after, strict=True):
        if old != new:  # only a checkbox toggle's start tag, without that one attribute
            tag, attributes = cast(tuple[str, list[tuple[str, str | None]]], old[1])
            assert (tag, dict(attributes)["type"]) == ("input", "checkbox")
            assert new == (old[0], (tag, [a for a in attributes if a[0] != "autocomplete"]))
    assert 'type="checkbox" id="t" autocomplete' not in mended(html)


def tags(html: str) -> list[tuple[str, object]]:
    """A document's start and end tags, as a browser's tokenizer reads them."""
    return [event for event in events(html) if event[0] in {"start", "end", "startend"}]


@given(
    st.sampled_from(["./", "../", "."]),
    st.lists(st.sampled_from(["</script>", "<b>", "a & b", "l'index", "WSIS"]), max_size=3),
    prose,
)
def test_a_page_of_another_language_searches_its_own_index_and_stays_whole(
    base: str, words: list[str], around: str
) -> None:
    settings = {"base": base, "translations": {"w": " ".join(words)}}
    script = (
        f'<script id="__config" type="application/json">{htmlsafe_json_dumps(settings)}</script>'
    )
    html = f"<p>{around}</p>{script}<p>{around}</p>"
    rebased = searching_own_index(html, "fr")
    assert tags(rebased) == tags(html)  # nothing in the settings ends the script
    body = rebased.split('type="application/json">', 1)[1].rsplit("</script>", 1)[0]
    assert json.loads(body) == {**settings, "base": f"{base.rstrip('/')}/fr/"}
