"""The theme's own words, taken from `data/ui/` where Material's language files read otherwise."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import ROOT
from wsis_site.model.loader import load_site_data
from wsis_site.pages.frame import THEME_WORDS
from wsis_site.pages.theme_languages import MATERIAL_TEMPLATES


def test_canary_materials_language_partial_is_the_one_overridden() -> None:
    """`overrides/partials/language.html` repeats Material's; a theme upgrade that changes the
    original (how it imports the language files, or its macro) must be looked at again."""
    original = (MATERIAL_TEMPLATES / "partials" / "language.html").read_text(encoding="utf-8")
    code = re.sub(r"\{#-.*?-#\}\s*", "", original, flags=re.DOTALL).strip()
    assert code.splitlines() == [
        '{% import "partials/languages/" ~ config.theme.language ~ ".html" as lang %}',
        '{% import "partials/languages/en.html" as fallback %}',
        "{% macro t(key) %}{{ lang.t(key) or fallback.t(key) or key }}{% endmacro %}",
    ]


def config_translations(page: Path) -> dict[str, str]:
    """The words Material's scripts show (search results), from the page's `__config`."""
    html = page.read_text(encoding="utf-8")
    found = re.search(r'id="__config" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert found is not None
    words: dict[str, str] = json.loads(found.group(1))["translations"]
    return words


def test_the_pages_use_the_sites_words_for_the_theme(multilingual_site: Path) -> None:
    spanish = (multilingual_site / "index.html").read_text(encoding="utf-8")
    assert "Ir al contenido" in spanish
    assert "Saltar a contenido" not in spanish
    arabic_page = multilingual_site / "ar" / "index.html"
    arabic = arabic_page.read_text(encoding="utf-8")
    for wrong in ("إختر اللغة", "إبحث", "عنوان العارضة"):
        assert wrong not in arabic
    assert "اختيار اللغة" in arabic
    assert config_translations(arabic_page)["search.result.one"] == "عُثر على نتيجة واحدة"
    assert config_translations(arabic_page)["search.result.other"] == "عدد النتائج: #"


def test_every_corrected_word_is_in_every_language(multilingual_site: Path) -> None:
    data = load_site_data(ROOT / "data")
    for language in data.languages:
        prefix = "" if language == data.default_language else f"{language}/"
        page = multilingual_site / prefix / "index.html"
        shown = config_translations(page)
        for theme_key, ui_key in THEME_WORDS.items():
            if theme_key in shown:
                assert shown[theme_key] == data.ui[language][ui_key], (language, theme_key)
