"""MkDocs hook: give each language its own search index, and point its pages at it."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from wsis_site.build.mkdocs_adapter import (
    AFTER_I18N,
    built_languages,
    is_other_language_build,
    other_language,
)
from wsis_site.search.index import searching_own_index, split_search_index
from wsis_site.search.languages import quiet_jieba

# --- Hooks ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Silence jieba, which Material's search plugin segments Chinese text with."""
    quiet_jieba()
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """On a non-default language's page, make Material search that language's index."""
    language = other_language(config)
    if language is None:
        return output

    return searching_own_index(output, language)


@event_priority(AFTER_I18N)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Split the merged index once every language is built (not in the i18n plugin's rebuilds)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or is_other_language_build(config):
        return
    split_search_index(Path(config.site_dir), built_languages(config, i18n.default_language))
