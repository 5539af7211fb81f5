"""MkDocs hook: put the pages generated from `data/` into the docs tree, as first-class pages."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from wsis_site.addresses import NOT_FOUND_PAGE
from wsis_site.build.docs_tree import DocsTree, DocsTreeError, start_docs_tree
from wsis_site.build.mkdocs_adapter import (
    AFTER_I18N,
    build_day,
    built_languages,
    data_dir,
    is_other_language_build,
    keep,
    kept,
    other_language,
    page_sources,
    site_data,
)
from wsis_site.domain.published_changes import published_changes
from wsis_site.feeds.output import published_history

TREE = "wsis_docs_tree"
"""Key of this build's docs tree, whose other languages may still be being written."""
DOCS_DIR = "wsis_docs_dir"
"""Key of `docs_dir` as mkdocs.yml gives it, set back once the build is over."""

# --- Hooks ----------------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Point MkDocs at a tree holding docs/ plus the generated pages, written once per build.

    The i18n plugin only treats files inside `docs_dir` as pages of a language, so generated
    pages are written there rather than added as virtual `File` objects, which it would drop.
    The first language's pages are written here; the others' while MkDocs builds the first.
    """
    if is_other_language_build(config):  # its pages are in the tree: wait until written
        _complete_tree(config)
        return config
    data = site_data(config)
    sources = page_sources(config)  # before docs_dir points at the tree below
    built = built_languages(config, data.default_language)
    try:
        versions = published_history(data_dir(config))  # read once: the feeds' process inherits it
        history = None if versions is None else published_changes(versions)
        repository = sources.repository if sources else None
        docs, templates = Path(config.docs_dir), templates_dir(config)
        tree = start_docs_tree(data, docs, templates, build_day(config), built, history, repository)
    except DocsTreeError as error:
        raise PluginError(str(error)) from None
    keep(config, TREE, tree)
    keep(config, DOCS_DIR, config.docs_dir)
    config.docs_dir = str(tree.path)
    return config


@event_priority(AFTER_I18N)
def on_post_build(*, config: MkDocsConfig) -> None:
    """Collect the second process even when no other language was built (a preview); once
    every language is built, delete the tree: `mkdocs serve` writes one per rebuild. (A failed
    build's tree goes when its process ends.)"""
    _complete_tree(config)
    tree: DocsTree | None = kept(config, TREE)
    if is_other_language_build(config) or tree is None:
        return
    config.docs_dir = kept(config, DOCS_DIR)  # what `serve` watches after its first build
    tree.remove()


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Write each language's 404 page into its own folder instead of over the default one."""
    language = other_language(config)
    if template_name != NOT_FOUND_PAGE or language is None:
        return output_content
    target = Path(config.site_dir) / language / NOT_FOUND_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return ""  # MkDocs skips writing an empty template, so the default 404 stays


# --- Helpers --------------------------------------------------------------------------------


def _complete_tree(config: MkDocsConfig) -> None:
    """Wait for the other languages' pages, failing the build with what went wrong."""
    tree: DocsTree | None = kept(config, TREE)
    if tree is None:
        return
    try:
        tree.complete()
    except DocsTreeError as error:
        raise PluginError(str(error)) from None


def templates_dir(config: MkDocsConfig) -> Path:
    """Templates of the generated pages, inside the theme's override folder."""
    return Path(config.theme.custom_dir or "overrides") / "wsis"
