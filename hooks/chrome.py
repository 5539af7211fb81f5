"""MkDocs hook: give the theme's header, footer and 404 templates the site's frame as `wsis`."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wsis_site.build.mkdocs_adapter import (
    AFTER_I18N,
    build_day,
    page_sources,
    site_data,
)
from wsis_site.pages.frame import chrome

# --- Hooks ----------------------------------------------------------------------------------


@event_priority(AFTER_I18N)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Work out the frame of each language's build (the i18n plugin calls this for each).

    About 7 ms a language, whatever the data's size: a second process would not pay for itself.
    """
    i18n = config.plugins.get("i18n")
    names = {language.locale: language.name for language in i18n.config.languages} if i18n else {}
    language = config.theme["language"]
    data, sources = site_data(config), page_sources(config)
    config.extra[FRAME] = chrome(data, language, names, build_day(config), sources)
    return config


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Every page's frame, in the page's language."""
    context["wsis"] = config.extra[FRAME]
    return context


def on_template_context(
    context: dict[str, Any], *, template_name: str, config: MkDocsConfig
) -> dict[str, Any]:
    """The same for pages rendered from a theme template alone (the 404 page)."""
    context["wsis"] = config.extra[FRAME]
    return context


# --- Data -----------------------------------------------------------------------------------

FRAME = "wsis_frame"
"""Key of the current language's frame in `config.extra`, which lives as long as its build."""
