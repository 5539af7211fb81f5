"""Canaries: each asserts a library still behaves as the workaround named in its docstring
assumes (WORKAROUNDS.md). When one fails, the library changed: check whether the workaround is
still needed, then change the workaround and this test together."""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

import markdown
import material
import pytest
import yaml
from babel.dates import format_interval
from icalendar import Calendar
from mkdocs.theme import Theme
from mkdocs_static_i18n.plugin import I18n

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


def test_babel_still_abbreviates_months_in_intervals_babel_803() -> None:
    """formatting._cldr_day_span widens MMM to MMMM."""
    span = format_interval(date(2021, 9, 6), date(2021, 9, 10), "yMMMMd", locale="en_GB")
    assert span == "6\u201310 Sept 2021"


def test_icalendar_still_refuses_a_raw_name_with_a_newline() -> None:
    """calendars.py adds NAME as a `vText`, which escapes it."""
    calendar = Calendar()
    calendar.add("name", "a\nb")
    with pytest.raises(AssertionError):
        calendar.to_ical()


def test_markdown_still_hides_mail_links_as_entities() -> None:
    """letters.py runs the `amp_substitute` postprocessor to read a mailto link back."""
    html = markdown.markdown("<a@b.co>")
    assert 'href="&#109;&#97;&#105;&#108;' in html
    assert "mailto" not in html


def test_pyyaml_still_reads_yaml_1_1_and_ends_a_dumped_scalar_with_dots() -> None:
    """yamlsource.py composes its own nodes; add_language.py strips the end marker."""
    assert yaml.safe_load("a: no") == {"a": False}
    assert yaml.safe_dump("abc").endswith("\n...\n")


def test_mkdocs_theme_templates_still_print_without_autoescape() -> None:
    """chrome.py and pages.py escape every value from data/ before the theme prints it."""
    assert Theme(name="material").get_env().autoescape is False


def test_material_still_writes_autocomplete_on_its_checkboxes() -> None:
    """pages/theme_markup.py removes the attribute the Nu HTML Checker rejects."""
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert 'type="checkbox" id="__drawer" autocomplete="off"' in base


def test_material_still_reads_no_mkdocs_2_warning() -> None:
    """The Makefile sets NO_MKDOCS_2_WARNING=1 to silence Material's banner."""
    assert "NO_MKDOCS_2_WARNING" in (MATERIAL / "__init__.py").read_text(encoding="utf-8")


def test_jieba_still_chatters_below_warning() -> None:
    """search_languages.quiet_jieba raises its log level to WARNING (in a fresh process: the
    session's builds have quieted this one)."""
    level = subprocess.run(
        [sys.executable, "-c", "import jieba; print(jieba.default_logger.level)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert int(level) < logging.WARNING


def test_the_i18n_plugin_still_has_what_mkdocs_build_reads() -> None:
    """mkdocs_build.py reads the plugin's `building`, `current_language`, `default_language`
    and `build_languages`; the hooks run after its `on_post_build` at priority -100."""
    plugin = I18n()
    assert hasattr(plugin, "building")
    assert hasattr(plugin, "current_language")
    assert {"default_language", "build_languages"} <= set(dir(I18n))
    assert getattr(I18n.on_post_build, "mkdocs_priority", None) == -100


#: The theme's templates that `overrides/` replaces (and `base.html`, whose blocks
#: `overrides/main.html` fills), by the first 16 hex digits of their SHA-256 in Material 9.8.1.
OVERRIDDEN = {
    "404.html": "80c93494b5432b1b",
    "main.html": "9948b55a7bc979c3",
    "base.html": "8536d352b0093623",
    "partials/alternate.html": "572b1d4dae611aa5",
    "partials/footer.html": "50c2a75f013b7b03",
    "partials/header.html": "8cf3fb15bcf969ff",
    "partials/language.html": "3a44516f305006ac",
    "partials/logo.html": "e0925ef6c190174a",
    "partials/search.html": "bfd556535abcddb9",
}


def test_the_theme_templates_overridden_are_those_the_copies_were_made_from() -> None:
    """A Material release that changes a template `overrides/` replaces fails here: compare the
    new original with the copy (or the blocks `main.html` fills), then update the hash."""
    copies = {
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if (MATERIAL / path.relative_to(OVERRIDES)).is_file()
    }
    assert copies | {"base.html"} == set(OVERRIDDEN)
    changed = {
        name: hashlib.sha256((MATERIAL / name).read_bytes()).hexdigest()[:16] for name in OVERRIDDEN
    }
    assert changed == OVERRIDDEN
