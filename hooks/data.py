"""MkDocs hook: load and validate `data/` before anything is built or the old site is cleaned.

It also sets `site_url` from `data/site.yaml` (or `WSIS_SITE_URL`), so the address is written in
one place, and refuses a placeholder address in a build for publishing.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wsis_site.build.background import cancel_running
from wsis_site.build.memory import freeze_for_the_process
from wsis_site.build.mkdocs_adapter import (
    LOAD_DATA,
    data_dir,
    is_other_language_build,
    note_command,
    running_command,
    site_data,
)
from wsis_site.build.site_address import check_address
from wsis_site.editors.translations import stale_translations, stale_warnings
from wsis_site.environment import AddressError
from wsis_site.model.loader import SiteData
from wsis_site.reading.errors import DataError

# Not under `mkdocs`: a stale translation warns without failing the strict build.
log = logging.getLogger("wsis_site.editors.translations")


# --- Hooks ----------------------------------------------------------------------------------


def on_startup(*, command: str, dirty: bool) -> None:
    """Note which command runs (MkDocs tells this hook only), for every hook of the process."""
    note_command(command)


@event_priority(LOAD_DATA)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Fail the build with every data error, each naming its file, line, column and field."""
    if is_other_language_build(config):  # checked and set up by the first language's build
        return config
    try:
        data = site_data(config)
        check_address(data_dir(config), data.site_url, data.calendar_uid_domain)
    except DataError as error:
        raise PluginError(f"Invalid data:\n{error.report()}") from None
    except AddressError as error:
        raise PluginError(str(error)) from None
    _check_languages(config, data)
    _check_translations(config, data)
    config.site_url = data.site_url
    freeze_for_the_process(running_command())
    return config


def on_build_error(*, error: Exception) -> None:
    """Stop every background process of a build that has failed (MkDocs gives no config)."""
    cancel_running()


# --- Helpers --------------------------------------------------------------------------------


def _check_translations(config: MkDocsConfig, data: SiteData) -> None:
    """Stale translations: a warning while editing, an error in a build for publishing."""
    try:
        stale = stale_warnings(stale_translations(data_dir(config), data.languages))
    except DataError as error:
        raise PluginError(f"Translations to review before publishing:\n{error.report()}") from None
    for issue in stale:
        log.warning("%s", issue.as_text())


def _check_languages(config: MkDocsConfig, data: SiteData) -> None:
    """The i18n plugin must build the languages the data is written in, with the same default."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    if i18n.config.build_only_locale:  # a one-language preview: the i18n plugin reorders
        return
    languages = i18n.config.languages
    locales = {language.locale for language in languages}
    defaults = [language.locale for language in languages if language.default]
    if locales != set(data.languages) or defaults != [data.default_language]:
        built = f"{', '.join(sorted(locales))} (default {', '.join(defaults) or 'none'})"
        listed = f"{', '.join(data.languages)} (default {data.default_language}, the first)"
        raise PluginError(
            f"mkdocs.yml builds {built} but data/site.yaml lists {listed}: make them agree"
        )
