"""Search per language: each index with its language's own lunr settings and usable text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LANGUAGES, PREFIXES, ROOT
from wsis_site.search.folding import fold, with_folded_words
from wsis_site.search.languages import search_language

INDEX = Path("search") / "search_index.json"


def index_of(site: Path, language: str) -> dict[str, Any]:
    """The search index a language's pages load."""
    path = site / PREFIXES[language] / INDEX
    index: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return index


def words(index: dict[str, Any], location: str) -> list[str]:
    """The tokens lunr makes of an entry's text with the index's own separator, as the worker."""
    entry = next(doc for doc in index["docs"] if doc["location"] == location)
    text = re.sub(r"<[^>]*>", " ", entry["text"])
    return [word for word in re.split(index["config"]["separator"], text) if word]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_index_has_its_languages_own_settings(multilingual_site: Path, language: str) -> None:
    config = index_of(multilingual_site, language)["config"]
    own = search_language(language)
    assert (config["lang"], config["separator"], config["pipeline"]) == (
        own.lang,
        own.separator,
        own.pipeline,
    )
    assert set(config["fields"]) == {"title", "text", "tags"}  # Material's fields are kept


def test_settings_are_materials_own_language_files() -> None:
    assert search_language("fr").lang == ["fr"]
    assert search_language("ru").lang == ["ru"]
    # Material gives Chinese and Arabic no lunr language, so neither a trimmer that drops
    # non-ASCII letters; Chinese keeps its separator, Arabic no pipeline at all.
    assert "\\u200b" in search_language("zh").separator
    assert search_language("ar").pipeline == []


def test_chinese_is_segmented_into_words(multilingual_site: Path) -> None:
    index = index_of(multilingual_site, "zh")
    assert re.split(index["config"]["separator"], "截止\u200b日期") == ["截止", "日期"]
    # docs/zh/about.md writes "截止日期以及" (deadlines and) without spaces: jieba splits it.
    tokens = words(index, "about/")
    assert "截止日期以及" in (ROOT / "docs" / "zh" / "about.md").read_text(encoding="utf-8")
    assert "截止" in tokens
    assert "日期" in tokens


def test_arabic_keeps_month_names(multilingual_site: Path) -> None:
    index = index_of(multilingual_site, "ar")
    assert "stopWordFilter" not in index["config"]["pipeline"]
    # The 2021 edition was held in May (مايو), a stop word in lunr's Arabic list.
    assert "مايو" in words(index, "editions/2021/#summary")


def test_unaccented_words_are_indexed_beside_accented_ones(multilingual_site: Path) -> None:
    spanish = index_of(multilingual_site, "es")
    letter = "letters/2024-01-31-wsis-plus-20-invitation/"
    assert "inscripcion" in " ".join(
        doc["text"] for doc in spanish["docs"] if doc["location"].startswith(letter)
    )
    # docs/fr/about.md: "la société de l'information", "les données".
    french = words(index_of(multilingual_site, "fr"), "about/")
    assert {"societe", "donnees"} <= set(french)
    assert "société" in " ".join(french)
    # Russian has no accents to fold; Chinese and Arabic entries stay as written.
    for language in ("ru", "zh", "ar"):
        assert "<span hidden>" not in json.dumps(index_of(multilingual_site, language))


def test_folded_copy_is_hidden_and_only_for_accented_words() -> None:
    entry = {
        "location": "x/",
        "title": "Inscripción",
        "text": "<p>Cet événement &amp; café, deux</p>",
    }
    assert with_folded_words(entry)["text"] == (
        "<p>Cet événement &amp; café, deux</p> <span hidden>Inscripcion evenement cafe</span>"
    )
    plain = {"location": "x/", "title": "Deadlines", "text": "<p>None here</p>"}
    assert with_folded_words(plain) is plain
    assert fold("Œuvre Ñandú") == "OEuvre Nandu"


def test_snippets_never_glue_table_cells_or_facts(multilingual_site: Path) -> None:
    deadlines = index_of(multilingual_site, "es")
    entry = next(doc for doc in deadlines["docs"] if doc["location"] == "deadlines/")
    assert "Fecha Título Edición Estado" in entry["text"]
    edition = " ".join(
        d["text"] for d in deadlines["docs"] if d["location"].startswith("editions/2024/")
    )
    assert re.search(r"Fechas \d", edition)  # a fact's term, then its description
    # No cell, term or description closes right against the next one, in any page.
    glued = re.compile(r"</(?:td|th|dt|dd)>(?:</div>)?<(?:td|th|dt|dd|div)\b")
    pages = [
        page for page in multilingual_site.rglob("*.html") if glued.search(page.read_text("utf-8"))
    ]
    assert pages == []
