"""MkDocs hook: write each language's iCalendar feeds next to its pages."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from wsis_site.feeds_output import write_feeds, write_host_files
from wsis_site.loader import load_site_data

# --- Hooks ----------------------------------------------------------------------------------


def on_post_build(config: MkDocsConfig) -> None:
    """Write the feeds of the language just built (the i18n plugin builds each in turn)."""
    data_dir = Path(config.config_file_path).parent / "data"
    data = load_site_data(data_dir)
    i18n = config.plugins.get("i18n")
    language = i18n.current_language if i18n is not None else data.default_language
    at_root = i18n is None or language == i18n.default_language  # also in one-language previews
    site_dir = Path(config.site_dir)
    write_feeds(data, data_dir, site_dir if at_root else site_dir / language, language)
    if at_root:
        write_host_files(data, site_dir)
