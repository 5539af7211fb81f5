"""MkDocs hook: load and validate `data/` before anything is built or the old site is cleaned.

It also sets `site_url` from `data/site.yaml`, so the address is written in one place.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wsis_site.errors import DataError
from wsis_site.loader import SiteData, load_site_data

# --- Hooks ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail the build with every data error, each naming its file, line, column and field."""
    try:
        data = load_site_data(data_dir(config))
    except DataError as error:
        raise PluginError(f"Invalid data:\n{error.report()}") from None
    _check_languages(config, data)
    config.site_url = data.site_url
    return config


# --- Helpers --------------------------------------------------------------------------------


def data_dir(config: MkDocsConfig) -> Path:
    """The project's `data/` folder, beside `mkdocs.yml`."""
    return Path(config.config_file_path).parent / "data"


def _check_languages(config: MkDocsConfig, data: SiteData) -> None:
    """The i18n plugin must build exactly the languages the data is written in, default first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    languages = i18n.config.languages
    configured = sorted(languages, key=lambda language: not language.default)
    locales = tuple(language.locale for language in configured)
    if locales != data.languages:
        raise PluginError(
            f"mkdocs.yml builds languages {', '.join(locales)} but data/site.yaml lists "
            f"{', '.join(data.languages)}: make them the same, default language first"
        )
