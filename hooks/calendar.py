"""MkDocs hook: write every language's iCalendar feeds while MkDocs renders the pages."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from wsis_site.background import Pending, in_background
from wsis_site.feeds_output import write_all_feeds, write_host_files
from wsis_site.loader import load_site_data

_feeds: Pending[None] | None = None
"""The feeds being written for the current build."""

# --- Hooks ----------------------------------------------------------------------------------


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Start the feeds once per build, after MkDocs has cleaned the site folder."""
    global _feeds
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # the i18n plugin's build of another language
        return files
    data_dir = Path(config.config_file_path).parent / "data"
    data = load_site_data(data_dir)
    site_dir = Path(config.site_dir)
    if i18n is None:
        folders = {data.default_language: site_dir}
    else:  # the default language at the root, also in one-language previews
        built = [language.locale for language in i18n.config.languages if language.build]
        default = i18n.default_language
        folders = {code: site_dir if code == default else site_dir / code for code in built}
    _feeds = in_background(partial(write_all_feeds, data, data_dir, folders))
    return files


@event_priority(-110)  # after the i18n plugin (-100) has built every other language
def on_post_build(*, config: MkDocsConfig) -> None:
    """Wait for the feeds before the build counts as done; tell hosts how to serve them."""
    global _feeds
    i18n = config.plugins.get("i18n")
    if (i18n is not None and i18n.building) or _feeds is None:
        return
    pending, _feeds = _feeds, None
    pending.result()
    data_dir = Path(config.config_file_path).parent / "data"
    write_host_files(load_site_data(data_dir), Path(config.site_dir))


def on_build_error(*, error: Exception) -> None:
    """Stop writing feeds into a site that will not be kept."""
    global _feeds
    if _feeds is not None:
        _feeds.cancel()
        _feeds = None
