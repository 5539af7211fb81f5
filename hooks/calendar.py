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
    build_day,
    data_dir,
    is_other_language_build,
    keep,
    kept,
    language_folders,
    site_data,
)
from wsis_site.feeds.atom import news_link
from wsis_site.feeds.output import write_feeds

FEEDS = "wsis_feeds_written"
"""Key of the feeds being written for this build, kept on its config."""

# --- Hooks ----------------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Start the feeds once per build, after MkDocs has cleaned the site folder."""
    if is_other_language_build(config):
        return files
    data = site_data(config)
    folders = language_folders(config, data.default_language)
    work = partial(write_feeds, data, data_dir(config), folders, build_day(config))
    # Awaited only when every page is built: the pages' processes come first.
    keep(config, FEEDS, in_background(work, niceness=19))
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Tell every template (the head, the footer) where the language's Atom feed is."""
    # The i18n plugin sets the theme's language to the language being built.
    env.globals["wsis_news"] = news_link(site_data(config), config.theme["language"])
    return env


@event_priority(AFTER_I18N)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Wait for the feeds before the build counts as done."""
    pending: Pending[None] | None = kept(config, FEEDS)
    if is_other_language_build(config) or pending is None:
        return
    pending.result()
