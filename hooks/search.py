"""MkDocs hook: give each language its own search index, and point its pages at it."""

from __future__ import annotations

import json
import re
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
from wsis_site.search.index import split_search_index
from wsis_site.search.languages import quiet_jieba

# Material reads its settings, including the base URL search uses, from this element.
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL
)

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

    def rebase(match: re.Match[str]) -> str:
        settings = json.loads(match.group(2))
        settings["base"] = f"{settings['base'].rstrip('/')}/{language}/"
        return match.group(1) + json.dumps(settings) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)


@event_priority(AFTER_I18N)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Split the merged index once every language is built (not in the i18n plugin's rebuilds)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or is_other_language_build(config):
        return
    split_search_index(Path(config.site_dir), built_languages(config, i18n.default_language))
