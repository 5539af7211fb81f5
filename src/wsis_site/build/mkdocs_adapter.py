"""What the MkDocs hooks share about the build under way; the one module that knows MkDocs.

MkDocs loads each hook file as its own module, so hooks cannot import one another.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wsis_site.environment import build_date, repository_overrides
from wsis_site.model.loader import SiteData, load_site_data
from wsis_site.pages.source_links import PageSources, repository

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# When each hook runs within its MkDocs event, declared here once, so that the order of `hooks:`
# in mkdocs.yml does not matter. MkDocs runs higher priorities first (0 by default); the i18n
# plugin runs at -100 and builds every other language inside its `on_post_build`.
#: data.py's `on_config`: refuse bad data before any other hook reads it.
LOAD_DATA = 100
#: theme_fixes.py's `on_post_template`: fix a 404 page before pages.py moves it to its language.
FIX_THEME_OUTPUT = 50
#: Frames, feeds, docs trees and search indexes: once the i18n plugin has done its part.
AFTER_I18N = -110
#: bidi.py: every language's pages are written, and isolates runs of Latin script in them.
REWRITE_RIGHT_TO_LEFT = -115
#: hosting.py: last, so the policy hashes the pages' final scripts.
WRITE_HOST_FILES = -120

#: Where a build keeps its data for every hook of every language (`config.extra` lasts as long).
_SITE_DATA = "wsis_site_data"
_SOURCES = "wsis_sources"
_BUILD_DAY = "wsis_build_day"

_command: str | None = None
"""The MkDocs command this process runs: MkDocs tells `on_startup` only, before any config.
None when the core builds through MkDocs' API (`wsis-site build`)."""


def note_command(command: str) -> None:
    """Remember the command `on_startup` was given (`build`, `serve`, `gh-deploy`)."""
    global _command
    _command = command


def running_command() -> str | None:
    """The MkDocs command this process runs, None under `wsis-site build`."""
    return _command


def build_day(config: MkDocsConfig) -> date:
    """The day this build computes statuses for, read once for every hook and language."""
    day = kept(config, _BUILD_DAY)
    if not isinstance(day, date):
        day = build_date()
        keep(config, _BUILD_DAY, day)
    return day


def keep(config: MkDocsConfig, key: str, value: object) -> None:
    """Keep a value for the rest of this build (every language's), on its config."""
    config.extra[key] = value


def kept(config: MkDocsConfig, key: str) -> Any:
    """A value kept for this build, or None; a rebuild under `serve` has a config of its own."""
    return config.extra.get(key)


def data_dir(config: MkDocsConfig) -> Path:
    """The project's `data/` folder, beside `mkdocs.yml`."""
    return Path(config.config_file_path).parent / "data"


def page_sources(config: MkDocsConfig) -> PageSources | None:
    """The repository pages link their sources to, worked out once per build.

    The theme never sees `repo_url`: its repository widget would ask api.github.com for stars,
    and no page requests another host.
    """
    if _SOURCES not in config.extra:
        found = repository(config.repo_url, *repository_overrides())
        root = Path(config.config_file_path).parent.resolve()
        docs = Path(config.docs_dir).resolve()
        folder = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else "docs"
        config.extra[_SOURCES] = PageSources(found, folder) if found else None
        config.repo_url = None
    sources: PageSources | None = config.extra[_SOURCES]
    return sources


def site_data(config: MkDocsConfig) -> SiteData:
    """The build's data, loaded and checked once: each hook of each language asks again."""
    data = config.extra.get(_SITE_DATA)
    if not isinstance(data, SiteData):
        data = load_site_data(data_dir(config))
        config.extra[_SITE_DATA] = data
    return data


def is_other_language_build(config: MkDocsConfig) -> bool:
    """True inside the i18n plugin's build of a language after the first."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(i18n.building)


def other_language(config: MkDocsConfig) -> str | None:
    """The language being built when it is not the first, which is served below the root."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return None
    language: str = i18n.current_language
    return language


def built_languages(config: MkDocsConfig, default: str) -> list[str]:
    """The languages this build writes, in the i18n plugin's order: its default first.

    `default` is the answer without the i18n plugin. In a one-language preview the plugin
    builds that language only, as its default.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [default]
    first: str = i18n.default_language
    return [first, *(code for code in i18n.build_languages if code != first)]


def language_folders(config: MkDocsConfig, default: str) -> dict[str, Path]:
    """Where each built language goes in the site: the first at the root, the others below."""
    site_dir = Path(config.site_dir)
    languages = built_languages(config, default)
    return {code: site_dir / code if code != languages[0] else site_dir for code in languages}
