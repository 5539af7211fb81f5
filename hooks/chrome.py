"""MkDocs hook: give the theme's header, footer and 404 templates the site's frame as `wsis`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from wsis_site.build.background import Pending, in_background
from wsis_site.build.mkdocs_adapter import (
    AFTER_I18N,
    built_languages,
    is_other_language_build,
    keep,
    kept,
    page_sources,
    site_data,
)
from wsis_site.model.loader import SiteData
from wsis_site.pages.frame import Chrome, chrome
from wsis_site.pages.source_links import PageSources

# --- Hooks ----------------------------------------------------------------------------------


@event_priority(AFTER_I18N)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Work out the frame once per language's build (the i18n plugin calls this for each)."""
    i18n = config.plugins.get("i18n")
    names = {language.locale: language.name for language in i18n.config.languages} if i18n else {}
    data = site_data(config)
    language = config.theme["language"]
    other_frames: Pending[dict[str, Chrome]] | None = kept(config, OTHER_FRAMES)
    if is_other_language_build(config) and other_frames is not None:  # else no language left
        config.extra[FRAME] = other_frames.result()[language]
        return config
    # Each language's frame loads its locale's data (5 ms): a second process does the others'.
    others = built_languages(config, data.default_language)[1:]
    sources = page_sources(config)
    pending = in_background(partial(frames, data, others, names, sources)) if others else None
    keep(config, OTHER_FRAMES, pending)
    config.extra[FRAME] = chrome(data, language, names, sources)
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


# --- Helpers --------------------------------------------------------------------------------


def frames(
    data: SiteData,
    languages: Sequence[str],
    names: Mapping[str, str],
    sources: PageSources | None = None,
) -> dict[str, Chrome]:
    """The frame of each of `languages`."""
    return {language: chrome(data, language, names, sources) for language in languages}


# --- Data -----------------------------------------------------------------------------------

OTHER_FRAMES = "wsis_other_frames"
"""Key of the frames of the languages built after the first, worked out while the first is."""
FRAME = "wsis_frame"
"""Key of the current language's frame in `config.extra`, which lives as long as its build."""
