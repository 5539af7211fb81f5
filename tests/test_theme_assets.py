"""The theme's hashed stylesheet and script, read from the installed theme at each build."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from wsis_site.pages.theme_assets import ThemeAssetError, theme_assets

MATERIAL = Path(material.__file__).parent / "templates"


def test_the_names_found_are_those_the_theme_itself_links() -> None:
    # Canary: a Material release that links other files, or none so named, fails here first.
    found = theme_assets([MATERIAL])
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert f"'{found.stylesheet}'" in base
    assert f"'{found.script}'" in base


def test_every_page_links_the_installed_themes_files(multilingual_site: Path) -> None:
    found = theme_assets([MATERIAL])
    for page in ("index.html", "ar/editions/2021/index.html", "404.html"):
        html = (multilingual_site / page).read_text(encoding="utf-8")
        assert f'{found.stylesheet}">' in html
        assert f'{found.script}" defer></script>' in html
    assert (multilingual_site / found.stylesheet).is_file()
    assert (multilingual_site / found.script).is_file()


@pytest.mark.parametrize("copies", [0, 2])
def test_a_theme_without_exactly_one_is_a_clear_error(tmp_path: Path, copies: int) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets").mkdir()
    (tmp_path / "assets" / "stylesheets" / "main.1.min.css").write_text("", encoding="utf-8")
    for number in range(copies):
        (scripts / f"bundle.{number}.min.js").write_text("", encoding="utf-8")
    with pytest.raises(ThemeAssetError, match=r"the theme should have one assets/javascripts/"):
        theme_assets([tmp_path])
