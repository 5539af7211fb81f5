"""MkDocs hook: write every language's calendar and Atom feeds while MkDocs renders the pages.

Templates get `wsis_news` (the language's Atom feed: `url`, `title`, `type`) for links to it.
"""

from __future__ import annotations

from functools import partial

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from wsis_site.build.background import Pending, in_background
from wsis_site.build.mkdocs_adapter import (
    AFTER_I18N,
    data_dir,
    is_other_language_build,
    language_folders,
    site_data,
)
from wsis_site.feeds.atom import news_link
from wsis_site.feeds.output import write_feeds

_feeds: Pending[None] | None = None
"""The feeds being written for the current build."""

# --- Hooks ----------------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Start the feeds once per build, after MkDocs has cleaned the site folder."""
    global _feeds
    if is_other_language_build(config):
        return files
    data_folder = data_dir(config)
    data = site_data(config)
    folders = language_folders(config, data.default_language)
    # Awaited only when every page is built: the pages' processes come first.
    _feeds = in_background(partial(write_feeds, data, data_folder, folders), niceness=19)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Tell every template (the head, the footer) where the language's Atom feed is."""
    # The i18n plugin sets the theme's language to the language being built.
    env.globals["wsis_news"] = news_link(site_data(config), config.theme["language"])
    return env


@event_priority(AFTER_I18N)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Wait for the feeds before the build counts as done."""
    global _feeds
    if is_other_language_build(config) or _feeds is None:
        return
    pending, _feeds = _feeds, None
    pending.result()


def on_build_error(*, error: Exception) -> None:
    """Stop writing feeds into a site that will not be kept."""
    global _feeds
    if _feeds is not None:
        _feeds.cancel()
        _feeds = None
